"""Registration (RSVP) for sessions: members and, where a series allows it, guests
without an account; a waitlist when a session is full; the registration panel of
the session page.

Invariants the services keep, with the session row locked while they count:
- at most ``capacity`` people are registered (the session's capacity, else its
  series'); the others wait in the order they asked, and the first waiting is
  registered as soon as a place frees up (and told so by email);
- no one registers for a cancelled session or one that has started;
- whoever becomes registered gets their reminders queued (``reminders``).
"""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count, Q, QuerySet
from django.http import Http404
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from staffroom.accounts.models import User
from staffroom.communities import permissions
from staffroom.communities.access import CommunityAccess
from staffroom.core.errors import DomainError
from staffroom.core.urls import absolute_url
from staffroom.meetings import attendance, panels, reminders
from staffroom.meetings.models import Registration, Session

REGISTERED = Registration.Status.REGISTERED
WAITLISTED = Registration.Status.WAITLISTED
CANCELLED = Registration.Status.CANCELLED
# After this many sessions a guest is invited to make an account.
GUEST_INVITE_AFTER = 3
# The facilitators' list on the session page; the full list is paginated.
PANEL_LIST = 10


class RegistrationError(DomainError):
    pass


def session_capacity(session: Session) -> int | None:
    """How many may register: the session's own capacity, else its series'."""
    if session.capacity is not None:
        return session.capacity
    return session.series.capacity if session.series_id else None


def guests_allowed(session: Session) -> bool:
    return bool(session.series_id and session.series.allow_guests)


def registration_closed_reason(session: Session) -> str:
    """Why the session takes no registrations now, or "" if it does."""
    if session.status == Session.Status.CANCELLED:
        return _("This session was cancelled, so it takes no registrations.")
    now = timezone.now()
    if session.ends_at <= now:
        return _("This session is over.")
    if session.starts_at <= now:
        return _("Registration closed when this session started.")
    return ""


def _lock(session: Session) -> Session:
    return (
        Session.objects.select_for_update(of=("self",))
        .select_related("series", "community")
        .get(pk=session.pk)
    )


def _check_open(session: Session) -> None:
    reason = registration_closed_reason(session)
    if reason:
        raise RegistrationError(reason)


def _promote(session: Session) -> list[Registration]:
    """Register people from the waitlist, first come first served, while there is
    room; email each and queue their reminders. The session must be locked."""
    capacity = session_capacity(session)
    waiting = session.registrations.filter(status=WAITLISTED).select_related("user")
    waiting = waiting.order_by("created_at", "pk")
    if capacity is not None:
        taken = session.registrations.filter(status=REGISTERED).count()
        waiting = waiting[: max(capacity - taken, 0)]
    promoted = list(waiting)
    for registration in promoted:
        registration.status = REGISTERED
        registration.session = session
        registration.save(update_fields=["status", "updated_at"])
        reminders.registration_email(registration, "meetings/email/registration_promoted")
        reminders.reminders_schedule(registration, session)
    return promoted


def _place(session: Session, registration: Registration) -> Registration:
    """Register or waitlist ``registration`` (new, or one cancelled before, which
    goes to the end of the waitlist) as room allows."""
    _promote(session)
    capacity = session_capacity(session)
    taken = session.registrations.filter(status=REGISTERED).count()
    registration.status = REGISTERED if capacity is None or taken < capacity else WAITLISTED
    registration.created_at = timezone.now()
    registration.save()
    if registration.status == REGISTERED:
        reminders.reminders_schedule(registration, session)
    return registration


@transaction.atomic
def registration_create(*, actor, access: CommunityAccess, session: Session) -> Registration:
    """Register ``actor`` (a member) for ``session``, or put them on its waitlist
    when it is full."""
    if not access.has(permissions.PARTICIPATE):
        raise RegistrationError(_("Join this community to register for its sessions."))
    session = _lock(session)
    if session.community_id != access.community.pk:
        raise RegistrationError(_("This session belongs to another community."))
    _check_open(session)
    registration = Registration.objects.filter(session=session, user=actor).first()
    if registration and registration.status == REGISTERED:
        raise RegistrationError(_("You are already registered for this session."))
    if registration and registration.status == WAITLISTED:
        raise RegistrationError(_("You are already on the waitlist for this session."))
    registration = registration or Registration(session=session, user=actor)
    return _place(session, registration)


def _cancel(registration: Registration) -> Registration:
    session = _lock(registration.session)
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    if registration.status == CANCELLED:
        raise RegistrationError(_("This registration was already cancelled."))
    if session.starts_at <= timezone.now():
        raise RegistrationError(_("This session has started; there is nothing to cancel."))
    was_registered = registration.status == REGISTERED
    registration.status = CANCELLED
    registration.session = session
    registration.save(update_fields=["status", "updated_at"])
    if was_registered and session.status == Session.Status.SCHEDULED:
        _promote(session)
    return registration


@transaction.atomic
def registration_cancel(*, actor, registration: Registration) -> Registration:
    """Cancel ``actor``'s own registration (or their place on the waitlist); the first
    person waiting takes the place. Reminders already queued then send nothing."""
    if registration.user_id is None or registration.user_id != actor.pk:
        raise RegistrationError(_("You can only cancel your own registration."))
    return _cancel(registration)


@transaction.atomic
def waitlist_promote(*, session: Session) -> list[Registration]:
    """Fill free places from the waitlist, e.g. after the capacity was raised."""
    session = _lock(session)
    if registration_closed_reason(session):
        return []
    return _promote(session)


# -- guests -----------------------------------------------------------------------------


@transaction.atomic
def guest_register(*, session: Session, name: str, email: str) -> Registration:
    """Register a guest without an account (name and email) for a session whose
    series takes guests. They get their personal link by email (to see the session,
    cancel and check in), the same reminders as members, and after
    ``GUEST_INVITE_AFTER`` sessions an invitation to make an account."""
    session = _lock(session)
    if not guests_allowed(session):
        raise RegistrationError(_("This session does not take guest registrations."))
    _check_open(session)
    name, email = " ".join((name or "").split()), (email or "").strip().lower()
    if not name:
        raise RegistrationError(_("Tell us your name."), field="name")
    registration = Registration.objects.filter(
        session=session, user__isnull=True, guest_email=email
    ).first()
    if registration and registration.status != CANCELLED:
        raise RegistrationError(
            _(
                "This email address is already registered for this session. Use the "
                "personal link in the email we sent to it."
            ),
            field="email",
        )
    registration = registration or Registration(session=session, guest_email=email)
    registration.guest_name = name
    registration.guest_language = translation.get_language() or settings.LANGUAGE_CODE
    _place(session, registration)
    reminders.registration_email(
        registration, "meetings/email/guest_registered", ics=registration.status == REGISTERED
    )
    _guest_invite(registration)
    return registration


def _guest_invite(registration: Registration) -> None:
    """Invite a regular guest to make an account, once: when their registrations
    (of any state: a cancelled one counts once, even if renewed) reach the threshold."""
    email = registration.guest_email
    count = Registration.objects.filter(user__isnull=True, guest_email=email).count()
    if count != GUEST_INVITE_AFTER or User.objects.filter(email__iexact=email).exists():
        return
    reminders.registration_email(
        registration,
        "meetings/email/guest_invite",
        {"signup_url": absolute_url(reverse("account_signup")), "count": count},
        ics=False,
    )


@transaction.atomic
def guest_cancel(*, registration: Registration) -> Registration:
    """A guest cancels through their personal link (holding it is the permission)."""
    if registration.user_id is not None:
        raise RegistrationError(_("Sign in to cancel this registration."))
    return _cancel(registration)


def guest_check_in_state(registration: Registration) -> str:
    """What the guest's page offers for checking in: ``open`` (the button), ``early``
    (when it opens), or ``""`` (nothing: not registered, cancelled, over)."""
    if registration.status != REGISTERED:
        return ""
    state = attendance.check_in_state(registration.session)
    return state if state in ("early", "open") else ""


def guest_check_in(*, registration: Registration):
    """Check a guest in ("I'm here") from their page; the attendance area records it
    (and refuses outside the session's window)."""
    if registration.status != REGISTERED:
        raise RegistrationError(_("Only people registered for the session can check in."))
    return attendance.check_in_guest(registration)


# -- access and reads --------------------------------------------------------------------


def access_guest_registration(token: str) -> Registration:
    """A guest's registration by the token of their personal link; 404 otherwise."""
    registration = (
        Registration.objects.select_related("session__series", "session__community")
        .filter(token=token, user__isnull=True)
        .first()
    )
    if registration is None:
        raise Http404
    return registration


def access_guest_session(access: CommunityAccess, public_id: str) -> Session:
    """The session whose guest registration form someone opened. A session that takes
    guests can be reached by its link in any community (the facilitators share it);
    one that does not is a 403 for readers of the community and a 404 for others."""
    session = (
        Session.objects.select_related("series", "community")
        .filter(community=access.community, public_id=public_id)
        .first()
    )
    if session is not None and guests_allowed(session):
        return session
    if session is not None and access.has(permissions.READ):
        raise PermissionDenied
    raise Http404


def waitlist_position(registration: Registration) -> int:
    return (
        Registration.objects.filter(session_id=registration.session_id, status=WAITLISTED)
        .filter(
            Q(created_at__lt=registration.created_at)
            | Q(created_at=registration.created_at, pk__lt=registration.pk)
        )
        .count()
        + 1
    )


def registration_counts(session: Session) -> dict:
    return Registration.objects.filter(session=session).aggregate(
        registered=Count("pk", filter=Q(status=REGISTERED)),
        waitlisted=Count("pk", filter=Q(status=WAITLISTED)),
    )


def registration_list(session: Session) -> QuerySet[Registration]:
    """Everyone registered or waiting (registered first, then the waitlist in order),
    with their accounts, for the facilitators."""
    return (
        session.registrations.exclude(status=CANCELLED)
        .select_related("user")
        .order_by("status", "created_at", "pk")
    )


def registration_get(user, session: Session) -> Registration | None:
    """``user``'s registration for ``session`` (of any state), if they ever made one."""
    if not user.is_authenticated:
        return None
    return Registration.objects.filter(session=session, user=user).first()


@panels.register(order=10, template="meetings/includes/registration_panel.html")
def registration_panel(request, access: CommunityAccess, session: Session) -> dict | None:
    """Register / cancel / the waitlist place, how many registered out of how many
    places, and for facilitators the first names of the list. Once the session is
    over only the facilitators see it (who registered); attendance takes its place."""
    if session.ends_at <= timezone.now() and not access.has(permissions.SCHEDULE):
        return None
    return registration_panel_context(request, access, session)


def registration_panel_context(request, access, session, *, error: str = "") -> dict:
    mine = registration_get(request.user, session)
    can_schedule = access.has(permissions.SCHEDULE)
    return {
        "session": session,
        "community": access.community,
        "access": access,
        "counts": registration_counts(session),
        "capacity": session_capacity(session),
        "closed_reason": registration_closed_reason(session),
        "mine": mine if mine and mine.status != CANCELLED else None,
        "position": waitlist_position(mine) if mine and mine.status == WAITLISTED else None,
        "can_register": access.has(permissions.PARTICIPATE),
        "guests_allowed": guests_allowed(session),
        "can_schedule": can_schedule,
        "first_registrations": list(registration_list(session)[:PANEL_LIST])
        if can_schedule
        else [],
        "error": error,
    }
