"""Presenter rotation: members volunteer to give a session's didactic talk or bring a
case, the facilitator confirms or declines, and confirmed presenters get a
preparation email a week ahead.

Sign-up is open for every scheduled session in the next ``SIGNUP_WEEKS`` weeks (a
facilitator may look further ahead) that still has an open slot: the didactic slot is
open while the session has no didactic presenter (neither a member confirmed for it
nor a named guest), a case slot is open while fewer members are confirmed for cases
than the session has ``case_slots``.

The session page shows the presenters and a "Volunteer" button (panel, order 30).
"""

import datetime as dt

from django.db import transaction
from django.db.models import (
    Case,
    Count,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from staffroom.accounts.models import User
from staffroom.communities import permissions
from staffroom.communities.access import CommunityAccess
from staffroom.communities.models import Community, Membership
from staffroom.core.email import email_enqueue, email_is_suppressed, email_render
from staffroom.core.errors import DomainError
from staffroom.core.urls import absolute_url
from staffroom.meetings import panels
from staffroom.meetings.models import PresenterSlot, Series, Session

SIGNUP_WEEKS = 8
MAX_SIGNUP_WEEKS = 26
PREP_AHEAD = dt.timedelta(days=7)
# A preparation task that wakes up this much before its time (clocks, queue latency)
# still sends; earlier than that the session was moved later, and it waits again.
PREP_TOLERANCE = dt.timedelta(hours=1)

DIDACTIC = PresenterSlot.Kind.DIDACTIC
CASE = PresenterSlot.Kind.CASE
VOLUNTEERED = PresenterSlot.Status.VOLUNTEERED
CONFIRMED = PresenterSlot.Status.CONFIRMED
DECLINED = PresenterSlot.Status.DECLINED
WITHDRAWN = PresenterSlot.Status.WITHDRAWN


class PresenterError(DomainError):
    pass


# -- reads ----------------------------------------------------------------------------


def _confirmed_count(kind: str) -> Coalesce:
    confirmed = (
        PresenterSlot.objects.filter(session=OuterRef("pk"), kind=kind, status=CONFIRMED)
        .order_by()
        .values("session")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(confirmed, output_field=IntegerField()), Value(0))


def _with_open_slots(sessions: QuerySet) -> QuerySet:
    """Annotate ``didactic_open`` (bool) and ``cases_open`` (int)."""
    didactic_taken = (
        Q(presenter__isnull=False)
        | ~Q(guest_presenter="")
        | Exists(
            PresenterSlot.objects.filter(session=OuterRef("pk"), kind=DIDACTIC, status=CONFIRMED)
        )
    )
    return sessions.annotate(
        didactic_taken=didactic_taken, cases_confirmed=_confirmed_count(CASE)
    ).annotate(
        cases_open=Case(
            When(case_slots__gt=F("cases_confirmed"), then=F("case_slots") - F("cases_confirmed")),
            default=Value(0),
            output_field=IntegerField(),
        )
    )


def _upcoming(community: Community, now=None) -> QuerySet:
    now = now or timezone.now()
    return Session.objects.filter(
        community=community, status=Session.Status.SCHEDULED, starts_at__gt=now
    )


def presenter_signup_list(
    community: Community, *, viewer, weeks: int = SIGNUP_WEEKS, series: Series | None = None
) -> QuerySet:
    """Upcoming scheduled sessions in the next ``weeks`` weeks with an open slot, soonest
    first, with ``didactic_taken``, ``cases_open`` and the viewer's own offers
    (``my_didactic``, ``my_case``: a status or ``None``)."""
    now = timezone.now()
    sessions = _upcoming(community, now).filter(starts_at__lte=now + dt.timedelta(weeks=weeks))
    if series is not None:
        sessions = sessions.filter(series=series)
    sessions = _with_open_slots(sessions).filter(Q(didactic_taken=False) | Q(cases_open__gt=0))
    if viewer.is_authenticated:
        mine = PresenterSlot.objects.filter(session=OuterRef("pk"), user=viewer)
        sessions = sessions.annotate(
            my_didactic=Subquery(mine.filter(kind=DIDACTIC).values("status")[:1]),
            my_case=Subquery(mine.filter(kind=CASE).values("status")[:1]),
        )
    return sessions.select_related("series").order_by("starts_at", "pk")


def presenter_case_sessions(community: Community, *, user) -> QuerySet:
    """Upcoming scheduled sessions (the next ``MAX_SIGNUP_WEEKS`` weeks) where ``user``
    could bring a case: a case slot is open, or they already hold one there."""
    now = timezone.now()
    sessions = _upcoming(community, now).filter(
        starts_at__lte=now + dt.timedelta(weeks=MAX_SIGNUP_WEEKS)
    )
    holds = PresenterSlot.objects.filter(
        session=OuterRef("pk"), user=user, kind=CASE, status=CONFIRMED
    )
    return (
        _with_open_slots(sessions)
        .annotate(holds_slot=Exists(holds))
        .filter(Q(cases_open__gt=0) | Q(holds_slot=True))
        .order_by("starts_at", "pk")
    )


def presenter_board_list(community: Community) -> QuerySet:
    """Offers to present at upcoming sessions that wait for an answer or were
    confirmed, by session time: the facilitator's board."""
    return (
        PresenterSlot.objects.filter(
            session__community=community,
            session__status=Session.Status.SCHEDULED,
            session__starts_at__gt=timezone.now(),
            status__in=[VOLUNTEERED, CONFIRMED],
        )
        .select_related("session", "user", "user__profile", "user__profile__school")
        .order_by("session__starts_at", "session_id", "kind", "created_at", "pk")
    )


def presenter_history_list(community: Community) -> QuerySet:
    """Active members with ``presented`` (didactic talks given plus cases brought at
    past sessions of the community) and ``last_presented``; those who never presented
    first, then by how seldom, then by name."""
    now = timezone.now()
    past = Q(status=Session.Status.SCHEDULED, starts_at__lt=now, community=community)
    talks = (
        Session.objects.filter(past, presenter=OuterRef("pk"))
        .order_by()
        .values("presenter")
        .annotate(n=Count("pk"))
        .values("n")
    )
    case_slots = PresenterSlot.objects.filter(
        user=OuterRef("pk"),
        kind=CASE,
        status=CONFIRMED,
        session__community=community,
        session__status=Session.Status.SCHEDULED,
        session__starts_at__lt=now,
    )
    cases = case_slots.order_by().values("user").annotate(n=Count("pk")).values("n")
    brought_case = PresenterSlot.objects.filter(
        session=OuterRef("pk"), user=OuterRef(OuterRef("pk")), kind=CASE, status=CONFIRMED
    )
    last = (
        Session.objects.filter(past)
        .filter(Q(presenter=OuterRef("pk")) | Exists(brought_case))
        .order_by("-starts_at")
        .values("starts_at")[:1]
    )
    users = User.objects.filter(
        memberships__community=community, memberships__status=Membership.Status.ACTIVE
    )
    return (
        users.annotate(
            talks=Coalesce(Subquery(talks, output_field=IntegerField()), Value(0)),
            cases_brought=Coalesce(Subquery(cases, output_field=IntegerField()), Value(0)),
            last_presented=Subquery(last),
        )
        .annotate(presented=F("talks") + F("cases_brought"))
        .select_related("profile", "profile__school")
        .order_by("presented", "display_name", "pk")
    )


def _session_slots(session: Session) -> list[PresenterSlot]:
    return list(
        PresenterSlot.objects.filter(session=session)
        .exclude(status__in=[DECLINED, WITHDRAWN])
        .select_related("user")
        .order_by("kind", "created_at", "pk")
    )


def signup_open(session: Session, now=None) -> bool:
    now = now or timezone.now()
    return session.status == Session.Status.SCHEDULED and session.starts_at > now


# -- writes ---------------------------------------------------------------------------


def _require(access: CommunityAccess, capability: str) -> None:
    if not access.has(capability):
        raise PresenterError(_("You are not allowed to do that in this community."))


def _locked_session(session: Session) -> Session:
    return Session.objects.select_for_update().get(pk=session.pk)


def _check_upcoming(session: Session) -> None:
    if session.status == Session.Status.CANCELLED:
        raise PresenterError(_("This session was cancelled."))
    if session.starts_at <= timezone.now():
        raise PresenterError(_("This session has already taken place."))


def _check_kind(kind: str) -> None:
    if kind not in PresenterSlot.Kind.values:
        raise PresenterError(_("Choose the didactic talk or a case."), field="kind")


def _didactic_taken(session: Session, *, other_than=None) -> bool:
    if (session.presenter_id and session.presenter_id != other_than) or session.guest_presenter:
        return True
    confirmed = PresenterSlot.objects.filter(session=session, kind=DIDACTIC, status=CONFIRMED)
    if other_than is not None:
        confirmed = confirmed.exclude(user_id=other_than)
    return confirmed.exists()


def _cases_open(session: Session) -> int:
    confirmed = PresenterSlot.objects.filter(session=session, kind=CASE, status=CONFIRMED).count()
    return max(session.case_slots - confirmed, 0)


def open_kinds(session: Session) -> list[str]:
    """The kinds of slot still open at ``session`` (none once it is past or cancelled)."""
    if not signup_open(session):
        return []
    kinds = [] if _didactic_taken(session) else [DIDACTIC]
    return kinds + ([CASE] if _cases_open(session) else [])


def _check_slot_open(session: Session, kind: str, *, user_id=None) -> None:
    if kind == DIDACTIC and _didactic_taken(session, other_than=user_id):
        raise PresenterError(
            _("This session already has a presenter for the didactic talk."), field="kind"
        )
    if kind == CASE and _cases_open(session) == 0:
        raise PresenterError(_("Every case slot of this session is taken."), field="kind")


def session_url(session: Session) -> str:
    """The session page (the schedule area's), absolute, for email."""
    path = reverse("meetings:session_detail", args=[session.community.slug, session.public_id])
    return absolute_url(path)


def _mail(user, template: str, context: dict) -> None:
    """Email ``user`` in their language, with times in their time zone."""
    with timezone.override(user.time_zone):
        message = email_render(template, {"user": user, **context}, language=user.language or None)
    email_enqueue(to=[user.email], **message)


def _facilitators(community: Community) -> list:
    return [
        membership.user
        for membership in community.memberships.filter(
            status=Membership.Status.ACTIVE, role=Membership.Role.FACILITATOR
        ).select_related("user")
    ]


@transaction.atomic
def presenter_volunteer(
    *, actor, access: CommunityAccess, session: Session, kind: str, note: str = ""
) -> PresenterSlot:
    """Offer to give ``session``'s didactic talk or bring a case. The session must be
    upcoming and have that kind of slot open. Offering again while waiting updates the
    note; an offer the facilitator declined is not renewed. The facilitators are told."""
    _require(access, permissions.PARTICIPATE)
    _check_kind(kind)
    session = _locked_session(session)
    _check_upcoming(session)
    slot = PresenterSlot.objects.filter(session=session, user=actor, kind=kind).first()
    if slot and slot.status == CONFIRMED:
        raise PresenterError(_("You are already confirmed to present at this session."))
    if slot and slot.status == DECLINED:
        raise PresenterError(
            _("The facilitators already answered this offer. Choose another session.")
        )
    _check_slot_open(session, kind)
    note = note.strip()
    if slot and slot.status == VOLUNTEERED:
        slot.note = note
        slot.save(update_fields=["note"])
        return slot
    slot = slot or PresenterSlot(session=session, user=actor, kind=kind)
    slot.status = VOLUNTEERED
    slot.note = note
    slot.save()
    board_url = absolute_url(reverse("meetings:presenter_board", args=[access.community.slug]))
    for facilitator in _facilitators(access.community):
        if facilitator != actor:
            _mail(
                facilitator,
                "meetings/email/presenter_volunteered",
                {"volunteer": actor, "slot": slot, "session": session, "board_url": board_url},
            )
    return slot


def _slot_for_update(session: Session, member_public_id: str, kind: str) -> PresenterSlot:
    slot = (
        PresenterSlot.objects.select_for_update()
        .select_related("user")
        .filter(session=session, user__public_id=member_public_id, kind=kind)
        .first()
    )
    if slot is None:
        raise PresenterError(_("This offer to present no longer exists."))
    return slot


@transaction.atomic
def presenter_withdraw(*, actor, access: CommunityAccess, session: Session, kind: str):
    """Take back one's own offer (waiting or confirmed) for an upcoming session; a
    confirmed presenter who withdraws frees the slot and the facilitators are told."""
    _check_kind(kind)
    session = _locked_session(session)
    _check_upcoming(session)
    slot = _slot_for_update(session, actor.public_id, kind)
    if slot.status not in (VOLUNTEERED, CONFIRMED):
        raise PresenterError(_("There is no open offer to withdraw."))
    held_by = case_slot_holder(session, actor) if kind == CASE else None
    if held_by:
        raise PresenterError(
            _("Your case “%(title)s” is scheduled in this slot: ask a facilitator to take it off "
              "the session.") % {"title": held_by}
        )  # fmt: skip
    was_confirmed = slot.status == CONFIRMED
    slot.status = WITHDRAWN
    slot.save(update_fields=["status"])
    if was_confirmed and kind == DIDACTIC and session.presenter_id == actor.pk:
        session.presenter = None
        session.save(update_fields=["presenter", "updated_at"])
    if was_confirmed:
        board_url = absolute_url(reverse("meetings:presenter_board", args=[access.community.slug]))
        for facilitator in _facilitators(access.community):
            if facilitator != actor:
                _mail(
                    facilitator,
                    "meetings/email/presenter_withdrew",
                    {"presenter": actor, "slot": slot, "session": session, "board_url": board_url},
                )
    return slot


@transaction.atomic
def presenter_confirm(
    *, actor, access: CommunityAccess, session: Session, member_public_id: str, kind: str
) -> PresenterSlot:
    """Confirm an offer: a didactic presenter becomes ``session.presenter``. The
    volunteer is emailed, and the preparation email is scheduled for a week before the
    session (or sent at once when that is already past)."""
    _require(access, permissions.SCHEDULE)
    _check_kind(kind)
    session = _locked_session(session)
    _check_upcoming(session)
    slot = _slot_for_update(session, member_public_id, kind)
    if slot.status == CONFIRMED:
        raise PresenterError(_("%(name)s is already confirmed.") % {"name": slot.user.display_name})
    if slot.status == WITHDRAWN:
        raise PresenterError(_("%(name)s withdrew this offer.") % {"name": slot.user.display_name})
    _check_slot_open(session, kind, user_id=slot.user_id)
    slot.status = CONFIRMED
    slot.save(update_fields=["status"])
    if kind == DIDACTIC:
        session.presenter = slot.user
        session.save(update_fields=["presenter", "updated_at"])
    _mail(
        slot.user,
        "meetings/email/presenter_confirmed",
        {"slot": slot, "session": session, "session_url": session_url(session)},
    )
    _prep_schedule(slot, session)
    return slot


@transaction.atomic
def presenter_decline(
    *,
    actor,
    access: CommunityAccess,
    session: Session,
    member_public_id: str,
    kind: str,
    reason: str = "",
) -> PresenterSlot:
    """Decline an offer (or release a confirmed presenter); the volunteer is emailed
    with the facilitator's reason."""
    _require(access, permissions.SCHEDULE)
    _check_kind(kind)
    session = _locked_session(session)
    _check_upcoming(session)
    slot = _slot_for_update(session, member_public_id, kind)
    if slot.status not in (VOLUNTEERED, CONFIRMED):
        raise PresenterError(_("This offer is no longer open."))
    slot.status = DECLINED
    slot.save(update_fields=["status"])
    if kind == DIDACTIC and session.presenter_id == slot.user_id:
        session.presenter = None
        session.save(update_fields=["presenter", "updated_at"])
    signup_url = absolute_url(reverse("meetings:presenter_signup", args=[session.community.slug]))
    _mail(
        slot.user,
        "meetings/email/presenter_declined",
        {"slot": slot, "session": session, "reason": reason.strip(), "signup_url": signup_url},
    )
    return slot


@transaction.atomic
def presenter_invite(*, actor, access: CommunityAccess, member_public_id: str) -> User:
    """Ask a member (typically one who has never presented) to volunteer: an email
    with a link to the sign-up page."""
    _require(access, permissions.SCHEDULE)
    membership = (
        Membership.objects.select_related("user")
        .filter(
            community=access.community,
            user__public_id=member_public_id,
            status=Membership.Status.ACTIVE,
        )
        .first()
    )
    if membership is None:
        raise PresenterError(_("This person is not a member of the community."))
    signup_url = absolute_url(reverse("meetings:presenter_signup", args=[access.community.slug]))
    _mail(
        membership.user,
        "meetings/email/presenter_invited",
        {"inviter": actor, "community": access.community, "signup_url": signup_url},
    )
    return membership.user


# -- the preparation email --------------------------------------------------------------


# What fills a case slot belongs to a later part (cases): it registers a function
# ``(session, user) -> title or None`` so a presenter cannot give up a slot their
# scheduled case holds.
_case_slot_holders = []


def case_slot_holder_register(holder) -> None:
    _case_slot_holders.append(holder)


def case_slot_holder(session: Session, user) -> str | None:
    return next((title for holder in _case_slot_holders if (title := holder(session, user))), None)


def presenter_case_book(
    *, access: CommunityAccess, session: Session, user, anonymous: bool = False
) -> PresenterSlot:
    """Give ``user`` one of the session's case slots, for a case a facilitator scheduled
    there: their offer for it is confirmed, or a confirmed slot is made. The caller
    tells the presenter; the preparation email is scheduled as for any case slot."""
    _require(access, permissions.SCHEDULE)
    session = _locked_session(session)
    _check_upcoming(session)
    slot = (
        PresenterSlot.objects.select_for_update()
        .filter(session=session, user=user, kind=CASE)
        .first()
    )
    if slot is not None and slot.status == CONFIRMED:
        if slot.anonymous != anonymous:
            slot.anonymous = anonymous
            slot.save(update_fields=["anonymous"])
        return slot
    if _cases_open(session) == 0:
        raise PresenterError(_("Every case slot of this session is taken."), field="session")
    if slot is None:
        slot = PresenterSlot(session=session, user=user, kind=CASE)
    slot.status = CONFIRMED
    slot.anonymous = anonymous
    slot.save()
    _prep_schedule(slot, session)
    return slot


def presenter_case_anonymous(*, session: Session, user, anonymous: bool) -> None:
    """The presenter of the case in ``user``'s case slot chose (or stopped) to appear as
    "a member of this community"."""
    PresenterSlot.objects.filter(session=session, user=user, kind=CASE).update(anonymous=anonymous)


def presenter_case_release(*, session: Session, user) -> None:
    """Free the case slot ``user`` holds at ``session`` (their case was taken off it)."""
    PresenterSlot.objects.filter(
        session=session, user=user, kind=CASE, status__in=[VOLUNTEERED, CONFIRMED]
    ).update(status=WITHDRAWN)


def _prep_schedule(slot: PresenterSlot, session: Session) -> None:
    """Queue the preparation email for a week before the session (at once if that is
    past), once the transaction commits."""
    from staffroom.meetings.tasks import presenter_prep_task

    if email_is_suppressed():
        return
    when = session.starts_at - PREP_AHEAD
    task = (
        presenter_prep_task if when <= timezone.now() else presenter_prep_task.using(run_after=when)
    )
    slot_id = slot.pk
    transaction.on_commit(lambda: task.enqueue(slot_id=slot_id))


@transaction.atomic
def presenter_prep_send(*, slot_id: int) -> bool:
    """Send the preparation email for a confirmed slot, once (``prep_email_sent_at``).
    Nothing is sent for a withdrawn, declined or cancelled one, or once the session has
    started; a session moved later waits for its new time. Returns whether it sent."""
    slot = (
        PresenterSlot.objects.select_for_update()
        .select_related("session", "session__community", "user")
        .filter(pk=slot_id)
        .first()
    )
    if slot is None or slot.status != CONFIRMED or slot.prep_email_sent_at:
        return False
    session = slot.session
    now = timezone.now()
    if session.status != Session.Status.SCHEDULED or session.starts_at <= now:
        return False
    if session.starts_at - PREP_AHEAD - PREP_TOLERANCE > now:
        _prep_schedule(slot, session)
        return False
    _mail(
        slot.user,
        "meetings/email/presenter_prep",
        {"slot": slot, "session": session, "session_url": session_url(session)},
    )
    slot.prep_email_sent_at = now
    slot.save(update_fields=["prep_email_sent_at"])
    return True


# -- the session page panel -------------------------------------------------------------


@panels.register(order=30, template="meetings/includes/presenters_panel.html")
def presenters_panel(request, access: CommunityAccess, session: Session) -> dict | None:
    """Who presents (the didactic presenter, a named guest, confirmed case presenters),
    the viewer's own offers, and a way to volunteer while a slot is open."""
    slots = _session_slots(session)
    cases = [slot for slot in slots if slot.kind == CASE and slot.status == CONFIRMED]
    mine = [slot for slot in slots if slot.user_id == getattr(access.user, "pk", None)]
    for slot in mine:
        slot.held_by = case_slot_holder(session, slot.user) if slot.kind == CASE else None
    didactic_taken = bool(
        session.presenter_id
        or session.guest_presenter
        or any(slot.kind == DIDACTIC and slot.status == CONFIRMED for slot in slots)
    )
    upcoming = signup_open(session)
    # Once the session is past, an empty slot is no longer "open".
    cases_open = max(session.case_slots - len(cases), 0) if upcoming else 0
    can_volunteer = (
        upcoming
        and access.has(permissions.PARTICIPATE)
        and ((not didactic_taken) or cases_open > 0)
    )
    waiting = sum(1 for slot in slots if slot.status == VOLUNTEERED)
    return {
        "session": session,
        "community": access.community,
        # (person, shown by name): a case's presenter may have asked not to be named.
        "case_presenters": [
            (
                slot.user,
                not slot.anonymous
                or access.has(permissions.SCHEDULE)
                or slot.user_id == getattr(access.user, "pk", None),
            )
            for slot in cases
        ],
        "my_slots": mine,
        "didactic_taken": didactic_taken,
        "cases_open": cases_open,
        "can_volunteer": can_volunteer,
        "can_withdraw": upcoming,
        "can_schedule": access.has(permissions.SCHEDULE),
        "waiting": waiting,
    }
