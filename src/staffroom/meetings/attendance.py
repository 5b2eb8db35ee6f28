"""Attendance: one record per person per session, with the minutes that count.

Records come from five places, merged into that one record:

- a member's check-in ("I'm here"), from the session page or the link in their
  reminder, from 15 minutes before the start to the end: the session's full minutes;
- a guest's check-in through their personal link (``check_in_guest``);
- the facilitator's roll call: present or absent, minutes, a reason;
- an imported Zoom, Meet or Teams report (``attendance_import``): the most precise
  minutes, so it replaces a check-in or a member's own report, never the
  facilitator's roll call;
- a member's own report after the session, within 14 days: "joined by phone" (waits
  for a facilitator to confirm it) or, where the series counts it, watching the
  recording and posting a reflection (asynchronous attendance).

Absent means no record: other parts (credit, feedback) read "has a record" as
"attended". Every change made by hand (roll call, confirming, linking a report row, a
member's own report) leaves an ``AttendanceChange`` with who, when, what and why; it
names the session and the person, so it outlives a record deleted as absent.
"""

import datetime as dt
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from staffroom.accounts.models import User
from staffroom.communities import permissions
from staffroom.communities.access import CommunityAccess
from staffroom.communities.models import Membership
from staffroom.core import times
from staffroom.core.errors import DomainError
from staffroom.core.urls import absolute_url
from staffroom.meetings import panels
from staffroom.meetings.models import (
    Attendance,
    AttendanceChange,
    ImportedRow,
    Registration,
    Series,
    Session,
)

CHECK_IN_OPENS = dt.timedelta(minutes=15)  # before the start
SELF_REPORT_DAYS = 14  # after the end, for "joined by phone" and reflections
REFLECTION_MIN_CHARS = 100
ACTIVE = Membership.Status.ACTIVE


class AttendanceError(DomainError):
    pass


def _when(value: dt.datetime) -> str:
    return times.when(value, "D j M")


def _require(access: CommunityAccess | None, capability: str) -> None:
    if access is not None and not access.has(capability):
        raise AttendanceError(_("You are not allowed to do that in this community."))


def _not_cancelled(session: Session) -> None:
    if session.status == Session.Status.CANCELLED:
        raise AttendanceError(_("This session was cancelled."))


def _describe(record: Attendance | None) -> str:
    """A record in a few words, for the change log."""
    if record is None:
        return _("absent")
    details = {"minutes": record.minutes, "how": record.get_mode_display().lower()}
    if not record.confirmed:
        return _("%(minutes)s min, %(how)s, not confirmed") % details
    return _("%(minutes)s min, %(how)s") % details


def _log(actor, session: Session, record: Attendance | None, summary: str, reason: str = "",
         *, user=None, guest_name: str = "") -> AttendanceChange:  # fmt: skip
    return AttendanceChange.objects.create(
        session=session,
        attendance=record if record is not None and record.pk else None,
        user=user if user is not None else (record.user if record else None),
        guest_name=guest_name or (record.guest_name if record else ""),
        actor=actor,
        summary=summary[:300],
        reason=(reason or "").strip()[:500],
    )


# -- when -------------------------------------------------------------------------------


def check_in_opens(session: Session) -> dt.datetime:
    return session.starts_at - CHECK_IN_OPENS


def self_report_until(session: Session) -> dt.datetime:
    return session.ends_at + dt.timedelta(days=SELF_REPORT_DAYS)


def check_in_state(session: Session, now: dt.datetime | None = None) -> str:
    """``early``, ``open`` (15 minutes before the start to the end), ``over`` or
    ``cancelled``."""
    now = now or timezone.now()
    if session.status == Session.Status.CANCELLED:
        return "cancelled"
    if now < check_in_opens(session):
        return "early"
    return "open" if now <= session.ends_at else "over"


def _check_window(session: Session) -> None:
    state = check_in_state(session)
    if state == "cancelled":
        _not_cancelled(session)
    if state == "early":
        raise AttendanceError(
            _("Check-in opens 15 minutes before the session starts, at %(time)s.")
            % {"time": _when(check_in_opens(session))}
        )
    if state == "over":
        raise AttendanceError(
            _(
                "Check-in closed when the session ended, at %(time)s. If you attended, a "
                "facilitator can add you at roll call."
            )
            % {"time": _when(session.ends_at)}
        )


def _check_after(session: Session, *, too_late: str) -> None:
    """Reports after the session: from its end, for 14 days (``too_late`` says so
    in a whole sentence, with ``days`` and ``time``)."""
    _not_cancelled(session)
    now = timezone.now()
    if now < session.ends_at:
        raise AttendanceError(
            _("You can report this once the session has ended, at %(time)s.")
            % {"time": _when(session.ends_at)}
        )
    if now > self_report_until(session):
        raise AttendanceError(too_late % {"days": SELF_REPORT_DAYS, "time": _when(session.ends_at)})


# -- check-in ---------------------------------------------------------------------------


def _check_in(session: Session, *, user=None, registration: Registration | None = None):
    """Record a check-in: the session's full minutes. A record already there (an
    earlier check-in, a report, the roll call) is left as it is."""
    _check_window(session)
    if user is not None:
        existing = Attendance.objects.select_for_update().filter(session=session, user=user)
    else:
        existing = Attendance.objects.select_for_update().filter(
            session=session, user__isnull=True, guest_email=registration.guest_email
        )
    record = existing.first()
    if record is None:
        try:
            with transaction.atomic():
                return Attendance.objects.create(
                    session=session, user=user, registration=registration,
                    guest_name="" if user else registration.guest_name,
                    guest_email="" if user else registration.guest_email,
                    mode=Attendance.Mode.LIVE, source=Attendance.Source.CHECK_IN,
                    minutes=session.duration_minutes, confirmed=True,
                )  # fmt: skip
        except IntegrityError:  # the same check-in twice at the same moment
            record = existing.first()
    if record.source == Attendance.Source.CHECK_IN:
        raise AttendanceError(_("You are already checked in."))
    raise AttendanceError(_("Your attendance at this session is already recorded."))


@transaction.atomic
def attendance_check_in(*, actor, access: CommunityAccess, session: Session) -> Attendance:
    """A member says "I'm here" during the session window."""
    _require(access, permissions.PARTICIPATE)
    registration = Registration.objects.filter(session=session, user=actor).first()
    return _check_in(session, user=actor, registration=registration)


@transaction.atomic
def check_in_guest(registration: Registration) -> Attendance:
    """A guest checks in through their personal link (holding it is the permission)."""
    if registration.user_id is not None:
        raise AttendanceError(_("This registration belongs to a member: sign in to check in."))
    return _check_in(registration.session, registration=registration)


@transaction.atomic
def check_in_registration(registration: Registration) -> Attendance:
    """Check in whoever a reminder's check-in link was sent to: a member (who must
    still belong to the community) or a guest."""
    if registration.user_id is None:
        return check_in_guest(registration)
    session = registration.session
    member = Membership.objects.filter(
        community_id=session.community_id, user_id=registration.user_id, status=ACTIVE
    ).exists()
    if not member:
        raise AttendanceError(_("You are no longer a member of this community."))
    return _check_in(session, user=registration.user, registration=registration)


def access_registration_by_token(token: str) -> Registration:
    """The registration whose check-in link this is; 404 for any other token."""
    registration = (
        Registration.objects.select_related("session__community", "session__series", "user")
        .filter(token=token)
        .first()
    )
    if registration is None:
        raise Http404
    return registration


def check_in_url(registration: Registration) -> str:
    """The check-in link for a reminder email: whoever holds it can check in (a
    member without signing in first, a guest with no account), from 15 minutes
    before the start to the end."""
    return absolute_url(reverse("meetings:attendance_token", args=[registration.token]))


# -- a member's own reports after the session ----------------------------------------------


def _record_of(session: Session, user) -> Attendance | None:
    return Attendance.objects.select_for_update().filter(session=session, user=user).first()


@transaction.atomic
def attendance_report_phone(*, actor, access: CommunityAccess, session: Session) -> Attendance:
    """A member says they joined by phone (for 14 days after the session). It counts
    for the session's full minutes once a facilitator confirms it."""
    _require(access, permissions.PARTICIPATE)
    _check_after(session, too_late=_(
        "Joining by phone can be reported within %(days)s days of the session; it ended on "
        "%(time)s."
    ))  # fmt: skip
    record = _record_of(session, actor)
    if record is not None and record.mode == Attendance.Mode.PHONE:
        raise AttendanceError(
            _("You already reported joining by phone. A facilitator will confirm it.")
        )
    if record is not None:
        raise AttendanceError(_("Your attendance at this session is already recorded."))
    record = Attendance.objects.create(
        session=session, user=actor, mode=Attendance.Mode.PHONE,
        source=Attendance.Source.SELF_REPORT, minutes=session.duration_minutes, confirmed=False,
        registration=Registration.objects.filter(session=session, user=actor).first(),
    )  # fmt: skip
    _log(actor, session, record, _("Reported joining by phone (%(minutes)s min), to be confirmed")
         % {"minutes": record.minutes})  # fmt: skip
    return record


def async_allowed(session: Session) -> bool:
    """Whether watching this session's recording and reflecting counts."""
    return bool(session.series_id and session.series.async_counts and session.recording_url)


@transaction.atomic
def attendance_reflect(
    *, actor, access: CommunityAccess, session: Session, reflection: str
) -> Attendance:
    """A member who watched the recording (where the series counts it, within 14
    days) posts a reflection of at least 100 characters: asynchronous attendance for
    the session's full minutes. Posting again replaces the reflection."""
    _require(access, permissions.PARTICIPATE)
    if not (session.series_id and session.series.async_counts):
        raise AttendanceError(
            _("In this series, watching the recording does not count as attending.")
        )
    if not session.recording_url:
        raise AttendanceError(_("The recording of this session is not available yet."))
    _check_after(session, too_late=_(
        "A reflection on the recording counts within %(days)s days of the session; it ended "
        "on %(time)s."
    ))  # fmt: skip
    reflection = (reflection or "").strip()
    if len(reflection) < REFLECTION_MIN_CHARS:
        raise AttendanceError(
            _(
                "Write at least %(min)s characters about what you took from the session "
                "(you wrote %(count)s)."
            )
            % {"min": REFLECTION_MIN_CHARS, "count": len(reflection)},
            field="reflection",
        )
    record = _record_of(session, actor)
    if record is not None and record.mode != Attendance.Mode.ASYNC:
        raise AttendanceError(_("Your attendance at this session is already recorded."))
    if record is not None:
        record.reflection = reflection
        record.save(update_fields=["reflection", "updated_at"])
        _log(actor, session, record, _("Edited their reflection on the recording"))
        return record
    record = Attendance.objects.create(
        session=session, user=actor, mode=Attendance.Mode.ASYNC,
        source=Attendance.Source.SELF_REPORT, minutes=session.duration_minutes, confirmed=True,
        reflection=reflection,
    )  # fmt: skip
    summary = _("Watched the recording and posted a reflection (%(minutes)s min)")
    _log(actor, session, record, summary % {"minutes": record.minutes})
    return record


# -- the facilitators' roll call ----------------------------------------------------------


@dataclass(frozen=True)
class Mark:
    """One line of the roll call: present or not, and the minutes (None: keep the
    record's, or the session's full length for someone newly present)."""

    user: User
    present: bool
    minutes: int | None = None


def _check_recordable(session: Session) -> None:
    _not_cancelled(session)
    if timezone.now() < check_in_opens(session):
        raise AttendanceError(
            _("Roll call opens 15 minutes before the session starts, at %(time)s.")
            % {"time": _when(check_in_opens(session))}
        )


@transaction.atomic
def attendance_roll_call(
    *, actor, access: CommunityAccess, session: Session, marks: list[Mark], reason: str = ""
) -> list[AttendanceChange]:
    """Apply a page of the roll call; return the changes made (none for lines left as
    they were). Marking someone absent deletes their record. A correction (a record
    that existed changes) needs a reason."""
    _require(access, permissions.SCHEDULE)
    _check_recordable(session)
    ids = [mark.user.pk for mark in marks]
    eligible = set(roll_call_people(session).filter(pk__in=ids).values_list("pk", flat=True))
    records = {
        record.user_id: record
        for record in Attendance.objects.select_for_update().filter(
            session=session, user_id__in=ids
        )
    }
    length = session.duration_minutes
    planned = []
    for mark in marks:
        if mark.user.pk not in eligible:
            raise AttendanceError(
                _("%(name)s is not a member of this community.") % {"name": mark.user}
            )
        record = records.get(mark.user.pk)
        minutes = mark.minutes if mark.minutes is not None else (
            record.minutes if record else length
        )  # fmt: skip
        if mark.present and not 1 <= minutes <= length:
            raise AttendanceError(
                _("Enter from 1 to %(max)s minutes, or mark %(name)s absent.")
                % {"max": length, "name": mark.user},
                field=f"minutes-{mark.user.public_id}",
            )
        if not mark.present and record is not None:
            planned.append((mark, record, None))
        elif mark.present and (record is None or record.minutes != minutes):
            planned.append((mark, record, minutes))
    if not (reason or "").strip() and any(record is not None for _m, record, _n in planned):
        raise AttendanceError(
            _("Say why you are correcting a record that was already there."), field="reason"
        )
    return [_roll_call_change(actor, session, *plan, reason=reason) for plan in planned]


def _roll_call_change(actor, session, mark: Mark, record, minutes, *, reason) -> AttendanceChange:
    before = _describe(record)
    if minutes is None:
        record.delete()
        summary = _("Marked absent (was %(before)s)") % {"before": before}
        return _log(actor, session, None, summary, reason, user=mark.user)
    if record is None:
        record = Attendance.objects.create(
            session=session, user=mark.user, mode=Attendance.Mode.LIVE,
            source=Attendance.Source.ROLL_CALL, minutes=minutes, confirmed=True,
            registration=Registration.objects.filter(session=session, user=mark.user).first(),
        )  # fmt: skip
        summary = _("Marked present at roll call, %(minutes)s min") % {"minutes": minutes}
        return _log(actor, session, record, summary, reason)
    record.minutes, record.source = minutes, Attendance.Source.ROLL_CALL
    record.save(update_fields=["minutes", "source", "updated_at"])
    summary = _("Minutes set to %(minutes)s (was %(before)s)") % {
        "minutes": minutes, "before": before
    }  # fmt: skip
    return _log(actor, session, record, summary, reason)


@transaction.atomic
def attendance_confirm(
    *, actor, access: CommunityAccess, session: Session, user, reason: str = ""
) -> Attendance:
    """A facilitator confirms a member's report of joining by phone."""
    _require(access, permissions.SCHEDULE)
    _not_cancelled(session)
    record = _record_of(session, user)
    if record is None or record.confirmed:
        raise AttendanceError(
            _("There is no report of joining by phone from %(name)s to confirm.") % {"name": user}
        )
    before = _describe(record)
    record.confirmed = True
    record.save(update_fields=["confirmed", "updated_at"])
    _log(actor, session, record, _("Confirmed (was %(before)s)") % {"before": before}, reason)
    return record


# -- the review screen: people an imported report could not place ----------------------------


def access_imported_row(session: Session, public_id: str) -> ImportedRow:
    row = (
        ImportedRow.objects.select_related("source")
        .filter(source__session=session, public_id=public_id)
        .first()
    )
    if row is None:
        raise Http404
    return row


def member_for_link(session: Session, *, public_id: str = "", email: str = "") -> User:
    """The active member of the session's community a report row is linked to, by
    their public id (a suggestion) or by any verified email of theirs."""
    members = User.objects.filter(
        memberships__community_id=session.community_id, memberships__status=ACTIVE
    )
    if public_id:
        found = members.filter(public_id=public_id).first()
    elif email:
        email = email.strip().lower()
        found = (
            members.filter(
                Q(email__iexact=email)
                | Q(emailaddress__email__iexact=email, emailaddress__verified=True)
            )
            .distinct()
            .first()
        )
    else:
        raise AttendanceError(_("Choose the member, or enter their email."), field="member_email")
    if found is None:
        raise AttendanceError(
            _("No member of this community has that email."), field="member_email"
        )
    return found


def _locked_row(row: ImportedRow) -> ImportedRow:
    row = ImportedRow.objects.select_for_update().select_related("source").get(pk=row.pk)
    if row.state != ImportedRow.State.UNMATCHED:
        raise AttendanceError(_("This row was already dealt with."))
    return row


@transaction.atomic
def imported_row_link(
    *, actor, access: CommunityAccess, session: Session, row: ImportedRow, user, reason: str = ""
) -> ImportedRow:
    """Link a row of a report to a member: its minutes merge into their record as the
    import's would have (a record set at roll call is kept)."""
    from staffroom.meetings.attendance_import import Action, import_action

    _require(access, permissions.SCHEDULE)
    row = _locked_row(row)
    record = _record_of(session, user)
    action = import_action(record, row.minutes)
    if action == Action.CREATE:
        record = Attendance.objects.create(
            session=session, user=user, mode=Attendance.Mode.LIVE,
            source=Attendance.Source.IMPORT, minutes=row.minutes, confirmed=True,
        )  # fmt: skip
    elif action == Action.UPDATE:
        record.minutes, record.mode = row.minutes, Attendance.Mode.LIVE
        record.source, record.confirmed = Attendance.Source.IMPORT, True
        record.save(update_fields=["minutes", "mode", "source", "confirmed", "updated_at"])
    row.state, row.user = ImportedRow.State.LINKED, user
    row.save(update_fields=["state", "user"])
    details = {
        "name": row.name,
        "report": row.source.get_platform_display(),
        "minutes": row.minutes,
    }
    if action == Action.KEEP:
        summary = (
            _(
                "Linked “%(name)s” of the %(report)s report (%(minutes)s min); the roll "
                "call's record stands"
            )
            % details
        )
    else:
        summary = _("Linked “%(name)s” of the %(report)s report: %(minutes)s min") % details
    _log(actor, session, record, summary, reason, user=user)
    return row


@transaction.atomic
def imported_row_guest(
    *, actor, access: CommunityAccess, session: Session, row: ImportedRow, reason: str = ""
) -> ImportedRow:
    """Record a row of a report as a guest (someone without an account)."""
    _require(access, permissions.SCHEDULE)
    row = _locked_row(row)
    record = None
    if row.email:
        record = (
            Attendance.objects.select_for_update()
            .filter(session=session, user__isnull=True, guest_email=row.email)
            .first()
        )
    if record is None:
        record = Attendance.objects.create(
            session=session, guest_name=row.name[:120], guest_email=row.email,
            registration=Registration.objects.filter(
                session=session, user__isnull=True, guest_email=row.email
            ).first() if row.email else None,
            mode=Attendance.Mode.LIVE, source=Attendance.Source.IMPORT, minutes=row.minutes,
        )  # fmt: skip
    elif row.minutes > record.minutes:
        record.minutes, record.source = row.minutes, Attendance.Source.IMPORT
        record.save(update_fields=["minutes", "source", "updated_at"])
    row.state = ImportedRow.State.GUEST
    row.save(update_fields=["state"])
    details = {
        "name": row.name,
        "report": row.source.get_platform_display(),
        "minutes": row.minutes,
    }
    summary = (
        _("Recorded “%(name)s” of the %(report)s report as a guest: %(minutes)s min") % details
    )
    _log(actor, session, record, summary, reason)
    return row


@transaction.atomic
def imported_row_ignore(
    *, actor, access: CommunityAccess, session: Session, row: ImportedRow
) -> ImportedRow:
    """Leave a row of a report out (the facilitator's test account, a dial-in number)."""
    _require(access, permissions.SCHEDULE)
    row = _locked_row(row)
    row.state = ImportedRow.State.IGNORED
    row.save(update_fields=["state"])
    return row


# -- reads ---------------------------------------------------------------------------------


def roll_call_people(session: Session, *, query: str = "") -> QuerySet[User]:
    """Everyone the roll call lists: the community's members, anyone registered, and
    anyone with a record; registered people first, then by name."""
    member = Membership.objects.filter(
        community_id=session.community_id, user=OuterRef("pk"), status=ACTIVE
    )
    registered = Registration.objects.filter(session=session, user=OuterRef("pk")).exclude(
        status=Registration.Status.CANCELLED
    )
    attended = Attendance.objects.filter(session=session, user=OuterRef("pk"))
    people = User.objects.annotate(is_registered=Exists(registered)).filter(
        (Q(is_active=True) & (Exists(member) | Q(is_registered=True))) | Exists(attended)
    )
    if query:
        people = people.filter(Q(display_name__icontains=query) | Q(email__icontains=query))
    return people.order_by("-is_registered", "display_name", "pk")


def attendance_get(session: Session, user) -> Attendance | None:
    """A member's record of a session (None for the anonymous visitor)."""
    if not getattr(user, "is_authenticated", False):
        return None
    return Attendance.objects.filter(session=session, user=user).first()


def attendance_for_registration(registration: Registration) -> Attendance | None:
    """The record a registration's check-in link made (or another source did)."""
    records = Attendance.objects.filter(session_id=registration.session_id)
    if registration.user_id:
        return records.filter(user_id=registration.user_id).first()
    return records.filter(user__isnull=True, guest_email=registration.guest_email).first()


def import_get(session: Session, public_id: str):
    source = session.imports.select_related("uploaded_by").filter(public_id=public_id).first()
    if source is None:
        raise Http404
    return source


def imported_row_list(source) -> QuerySet[ImportedRow]:
    return source.rows.select_related("user").order_by("name", "pk")


def records_for(session: Session, users) -> dict[int, Attendance]:
    return {
        record.user_id: record
        for record in Attendance.objects.filter(session=session, user__in=list(users))
    }


def guest_records(session: Session) -> QuerySet[Attendance]:
    return Attendance.objects.filter(session=session, user__isnull=True).order_by("guest_name")


def attendance_counts(session: Session) -> dict:
    counts = Attendance.objects.filter(session=session).aggregate(
        present=Count("pk"), unconfirmed=Count("pk", filter=Q(confirmed=False))
    )
    counts["to_review"] = ImportedRow.objects.filter(
        source__session=session, state=ImportedRow.State.UNMATCHED
    ).count()
    return counts


def attendance_change_list(session: Session) -> QuerySet[AttendanceChange]:
    return session.attendance_changes.select_related("actor", "user").order_by("-at", "-pk")


def unmatched_row_list(session: Session) -> QuerySet[ImportedRow]:
    return (
        ImportedRow.objects.filter(source__session=session, state=ImportedRow.State.UNMATCHED)
        .select_related("source")
        .order_by("name", "pk")
    )


def import_list(session: Session) -> QuerySet:
    return (
        session.imports.select_related("uploaded_by")
        .annotate(
            people=Count("rows"),
            to_review=Count("rows", filter=Q(rows__state=ImportedRow.State.UNMATCHED)),
        )
        .order_by("-created_at")
    )


def export_records(*, session: Session | None = None, series: Series | None = None):
    """The records a CSV export lists, oldest session first, with their people."""
    records = Attendance.objects.select_related("user", "session")
    if session is not None:
        records = records.filter(session=session)
    else:
        records = records.filter(session__series=series).exclude(
            session__status=Session.Status.CANCELLED
        )
    return records.order_by(
        "session__starts_at", "session__pk", "user__display_name", "guest_name", "pk"
    )


# -- the session page's panel ---------------------------------------------------------------


@panels.register(order=20, template="meetings/includes/attendance_panel.html")
def attendance_panel(request, access: CommunityAccess, session: Session) -> dict | None:
    """ "I'm here" during the window; "joined by phone" and the reflection on the
    recording after it; the person's own record; for facilitators, the counts and the
    ways to roll call, import, review and export."""
    participates = access.has(permissions.PARTICIPATE)
    runs = access.has(permissions.SCHEDULE)
    if not (participates or runs) or session.status == Session.Status.CANCELLED:
        return None
    now = timezone.now()
    state = check_in_state(session, now)
    mine = attendance_get(session, request.user) if participates else None
    reporting = session.ends_at <= now <= self_report_until(session)
    return {
        "session": session,
        "community": access.community,
        "mine": mine,
        "state": state,
        "opens_at": check_in_opens(session),
        "report_until": self_report_until(session),
        "can_check_in": participates and state == "open" and mine is None,
        "can_report_phone": participates and reporting and mine is None,
        "can_reflect": participates
        and reporting
        and async_allowed(session)
        and (mine is None or mine.mode == Attendance.Mode.ASYNC),
        "reflection_min": REFLECTION_MIN_CHARS,
        "runs": runs,
        "counts": attendance_counts(session) if runs and state != "early" else None,
    }
