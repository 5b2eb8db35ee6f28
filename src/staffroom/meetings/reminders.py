"""Telling registered people about a session: reminders before it, and word when it
moves or is cancelled. Every such email carries the session as an ``.ics``
invitation (same UID, the session's SEQUENCE) so their calendars follow.

Reminders are tasks queued for the right moment (``run_after``), one per
registration and offset, when someone becomes registered (and again, at the new time,
when a session moves). A reminder task decides only when it runs: it sends nothing
unless the person is still registered, the session still stands, has not moved since
(its ``sequence`` is the one the task was queued for) and has not started. A
``ReminderSent`` row, unique per registration, offset and sequence, makes it once
only, whichever worker runs it and however often it was queued.
"""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from email.message import MIMEPart
from functools import partial
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from staffroom.communities.models import Membership, Visibility
from staffroom.core.email import email_is_suppressed, email_render
from staffroom.core.urls import absolute_url
from staffroom.meetings import attendance, calendar
from staffroom.meetings.models import Registration, ReminderSent, Session

# Minutes before the start: the day before and an hour before. A series with an
# empty list uses these.
DEFAULT_OFFSETS = (1440, 60)


def reminder_offsets(session: Session) -> list[int]:
    offsets = session.series.reminder_offsets if session.series_id else []
    return sorted({int(offset) for offset in offsets or ()}, reverse=True) or list(DEFAULT_OFFSETS)


# -- email to one registered person -------------------------------------------------------


@dataclass(frozen=True)
class Recipient:
    name: str
    email: str
    language: str
    time_zone: str
    is_guest: bool
    # Where they see the session, check in and cancel: the session page for a member,
    # their personal link for a guest (who has no account to sign in with).
    page_url: str


def recipient_of(registration: Registration) -> Recipient:
    session = registration.session
    if registration.user_id:
        user = registration.user
        return Recipient(
            name=user.display_name,
            email=user.email,
            language=user.language or settings.LANGUAGE_CODE,
            time_zone=user.time_zone,
            is_guest=False,
            page_url=calendar.session_page_url(session),
        )
    return Recipient(
        name=registration.guest_name,
        email=registration.guest_email,
        language=registration.guest_language or settings.LANGUAGE_CODE,
        time_zone=session.time_zone,
        is_guest=True,
        page_url=absolute_url(reverse("meetings:guest_detail", args=[registration.token])),
    )


def registration_email(
    registration: Registration,
    template: str,
    extra: dict | None = None,
    *,
    ics: bool = True,
    queue: Callable = transaction.on_commit,
) -> None:
    """Queue ``template`` for the person behind ``registration``, once the transaction
    commits (``queue``): in their language, with times in their zone, and (``ics``)
    the session attached as an invitation addressed to them."""
    if email_is_suppressed():
        return
    session = registration.session
    person = recipient_of(registration)
    context = {
        "session": session,
        "registration": registration,
        "recipient": person,
        "community": session.community,
        "join_url": session.join_url,
        "dial_in": session.dial_in or (session.series.dial_in if session.series_id else ""),
        "zone": person.time_zone,
        "check_in_url": attendance.check_in_url(registration),
        **(extra or {}),
    }
    with timezone.override(ZoneInfo(person.time_zone)):
        message = email_render(template, context, language=person.language)
    attachment = ""
    if ics:
        attachment = calendar.session_invitation(
            session, name=person.name, email=person.email
        ).decode()
    kwargs = {
        "to": [person.email],
        **message,
        "ics": attachment,
        "method": calendar.invitation_method(session),
    }
    queue(partial(_enqueue_email, kwargs))


def _enqueue_email(kwargs: dict) -> None:
    from staffroom.meetings.tasks import session_email_send_task

    session_email_send_task.enqueue(**kwargs)


def email_with_invitation(
    *, to: list[str], subject: str, text: str, html: str, ics: str, method: str
) -> None:
    """Send now (the worker calls this): text and HTML bodies, and ``ics`` as a
    ``text/calendar`` part with its METHOD, which mail programs offer to add."""
    message = EmailMultiAlternatives(subject, text, settings.DEFAULT_FROM_EMAIL, to)
    if html:
        message.attach_alternative(html, "text/html")
    if ics:
        # As bytes, so the CRLF line ends RFC 5545 asks for survive.
        part = MIMEPart()
        part.set_content(
            ics.encode(), maintype="text", subtype="calendar", cte="base64",
            params={"charset": "utf-8", "method": method},
            disposition="attachment", filename="invite.ics",
        )  # fmt: skip
        message.attach(part)
    message.send()


def entitled(registrations, session: Session):
    """Those of ``registrations`` still to be told about ``session``, join link and
    all: guests, and members; in a private or hidden community, only those who still
    belong to it (someone who left or was removed no longer gets its links)."""
    if session.community.visibility == Visibility.PUBLIC:
        return registrations
    members = Membership.objects.filter(
        community_id=session.community_id, status=Membership.Status.ACTIVE
    ).values("user_id")
    return registrations.filter(Q(user__isnull=True) | Q(user_id__in=members))


# -- reminders -----------------------------------------------------------------------------


def reminders_schedule(
    registration: Registration,
    session: Session | None = None,
    *,
    queue: Callable = transaction.on_commit,
) -> int:
    """Queue, once the transaction commits (``queue``), one reminder task per offset
    still ahead, for ``registration`` at the session's current time and sequence.
    Returns how many."""
    session = session or registration.session
    if email_is_suppressed():
        return 0
    now = timezone.now()
    queued = 0
    for offset in reminder_offsets(session):
        run_after = session.starts_at - dt.timedelta(minutes=offset)
        if run_after <= now:
            continue
        kwargs = {
            "registration_id": registration.pk,
            "offset_minutes": offset,
            "sequence": session.sequence,
        }
        queue(partial(_enqueue_reminder, run_after, kwargs))
        queued += 1
    return queued


def _enqueue_reminder(run_after: dt.datetime, kwargs: dict) -> None:
    from staffroom.meetings.tasks import reminder_send_task

    reminder_send_task.using(run_after=run_after).enqueue(**kwargs)


def _then(work: Callable[[Callable], object]):
    """Run ``work(queue)`` in a transaction; run what it queued once it committed.
    (The tasks below run in a worker: what they queue goes out right after their own
    transaction, the same moment ``on_commit`` would pick there.)"""
    later: list[Callable] = []
    with transaction.atomic():
        result = work(later.append)
    for job in later:
        job()
    return result


def reminder_send(*, registration_id: int, offset_minutes: int, sequence: int) -> bool:
    """Send one reminder if it is still wanted; return whether it went."""
    return _then(partial(_reminder_send, registration_id, offset_minutes, sequence))


def _reminder_send(registration_id: int, offset_minutes: int, sequence: int, queue) -> bool:
    session = (
        Session.objects.select_related("series", "community")
        .filter(registrations__pk=registration_id)
        .first()
    )
    if session is None:
        return False
    registration = (
        entitled(Registration.objects.filter(pk=registration_id), session)
        .select_related("user")
        .first()
    )
    if registration is None or registration.status != Registration.Status.REGISTERED:
        return False
    registration.session = session
    if (
        session.status == Session.Status.CANCELLED
        or session.sequence != sequence
        or session.starts_at <= timezone.now()
        or offset_minutes not in reminder_offsets(session)
    ):
        return False
    _sent, created = ReminderSent.objects.get_or_create(
        registration=registration, offset_minutes=offset_minutes, sequence=sequence
    )
    if not created:
        return False
    registration_email(
        registration, "meetings/email/reminder", {"offset": offset_minutes}, queue=queue
    )
    return True


# -- a session moved or was cancelled --------------------------------------------------------


def session_changed(*, session_id: int, sequence: int | None = None) -> int:
    """Tell everyone registered for the session what it looks like now, with the
    updated invitation (a cancellation as METHOD:CANCEL), and queue their reminders
    at the new time. People on the waitlist hear of a cancellation too. ``sequence``,
    when given, is the change this call is for: a later change tells them itself.
    Returns how many people were told."""
    return _then(partial(_session_changed, session_id, sequence))


def _session_changed(session_id: int, sequence: int | None, queue) -> int:
    session = Session.objects.select_related("series", "community").filter(pk=session_id).first()
    if session is None or (sequence is not None and session.sequence != sequence):
        return 0
    cancelled = session.status == Session.Status.CANCELLED
    statuses = [Registration.Status.REGISTERED]
    if cancelled:
        statuses.append(Registration.Status.WAITLISTED)
    people = entitled(
        Registration.objects.filter(session=session, status__in=statuses), session
    ).select_related("user")
    template = "meetings/email/session_cancelled" if cancelled else "meetings/email/session_changed"
    told = 0
    for registration in people:
        registration.session = session
        registration_email(registration, template, queue=queue)
        if not cancelled and registration.status == Registration.Status.REGISTERED:
            reminders_schedule(registration, session, queue=queue)
        told += 1
    return told
