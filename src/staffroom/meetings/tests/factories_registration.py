"""Test data and tools for the registration and calendar areas, on top of the
schedule's factories: registrations made through the real services, the reminder
tasks the queue holds, and the ``.ics`` a message carries."""

import datetime as dt

import icalendar
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from staffroom.communities import services as community_services
from staffroom.communities.access import community_access_for
from staffroom.conftest import make_user
from staffroom.meetings import registration
from staffroom.meetings.models import Registration, Session
from staffroom.meetings.tests.factories import make_series, make_session

REMINDER_TASK = "staffroom.meetings.tasks.reminder_send_task"


def upcoming(world, community=None, *, days=8, **overrides) -> Session:
    """A one-off session ``days`` from now (both default reminders still ahead)."""
    starts_at = timezone.now().replace(second=0, microsecond=0) + dt.timedelta(days=days)
    overrides.setdefault("starts_at", starts_at)
    return make_session(world, community, **overrides)


def guest_session(world, community=None, **series_overrides) -> Session:
    """A session at least two days ahead, of a weekly series that takes guests."""
    series_overrides.setdefault("allow_guests", True)
    series = make_series(world, community, **series_overrides)
    return (
        series.sessions.filter(starts_at__gt=timezone.now() + dt.timedelta(days=2))
        .order_by("starts_at")
        .first()
    )


def member(world, n: int, community=None):
    """Another active member of ``community`` (default: the public one)."""
    user = make_user(f"person{n}@example.org", f"Person {n:02d}")
    community = community or world.public
    admin = world.hub_admin
    invitation = community_services.invitation_create(
        actor=admin, access=community_access_for(admin, community), email=user.email, role="member"
    )
    community_services.invitation_accept(actor=user, token=invitation.token)
    return user


def register(world, session: Session, user=None) -> Registration:
    user = user or world.member
    access = community_access_for(user, session.community)
    return registration.registration_create(actor=user, access=access, session=session)


def guest(session: Session, n: int = 1, *, name: str = "") -> Registration:
    return registration.guest_register(
        session=session, name=name or f"Guest {n}", email=f"guest{n}@example.org"
    )


def reminder_tasks() -> list[DBTaskResult]:
    return list(
        DBTaskResult.objects.filter(task_path=REMINDER_TASK, status="READY").order_by("run_after")
    )


def run_due_reminders(deliver) -> None:
    """Let time pass: every queued reminder is due now; run them with the real worker
    (and the emails they queue)."""
    DBTaskResult.objects.filter(task_path=REMINDER_TASK, status="READY").update(
        run_after=timezone.now() - dt.timedelta(seconds=1)
    )
    with deliver():
        pass


def run_worker() -> None:
    call_command("db_worker", batch=True, startup_delay=False, interval=0, verbosity=0)


def invitation_of(message) -> tuple[str, icalendar.Calendar]:
    """The ``text/calendar`` part of a sent message: its METHOD parameter and the
    calendar parsed back."""
    for part in message.message().walk():
        if part.get_content_type() == "text/calendar":
            return part.get_param("method"), icalendar.Calendar.from_ical(part.get_content())
    raise AssertionError("the message has no text/calendar part")


def events(cal: icalendar.Calendar) -> list[icalendar.Event]:
    return [component for component in cal.walk("VEVENT")]
