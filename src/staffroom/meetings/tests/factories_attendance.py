"""Sessions at the moments attendance cares about, members, and attendance reports,
made through the real services (the schedule's factories underneath)."""

import datetime as dt
from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from staffroom.communities import services as community_services
from staffroom.communities.access import community_access_for
from staffroom.conftest import make_user
from staffroom.meetings import attendance_import, registration, services
from staffroom.meetings.models import Session
from staffroom.meetings.recurrence import WEEKDAYS
from staffroom.meetings.tests.factories import CHICAGO, make_series, make_session

DATA = Path(__file__).parent / "data"


def session_at(world, community=None, *, minutes_from_now: int, duration: int = 60, **extra):
    """A one-off session starting ``minutes_from_now`` (negative: already started)."""
    starts_at = timezone.now() + dt.timedelta(minutes=minutes_from_now)
    return make_session(world, community, starts_at=starts_at, duration_minutes=duration, **extra)


def live_session(world, community=None, **extra) -> Session:
    """A 60-minute session that started 10 minutes ago: check-in is open."""
    return session_at(world, community, minutes_from_now=-10, **extra)


def past_session(world, community=None, *, days_ago: int = 2, **extra) -> Session:
    return session_at(world, community, minutes_from_now=-days_ago * 24 * 60, **extra)


def past_series_session(world, community=None, *, days_ago: int = 2, recording: bool = True,
                        **series_overrides) -> Session:  # fmt: skip
    """The one session of a series that met ``days_ago`` days ago at 4 pm Chicago,
    with its recording posted (unless ``recording=False``)."""
    day = (timezone.now().astimezone(CHICAGO) - dt.timedelta(days=days_ago)).date()
    series = make_series(
        world, community, first_date=day, last_date=day,
        rrule=f"FREQ=WEEKLY;BYDAY={WEEKDAYS[day.weekday()]}", **series_overrides,
    )  # fmt: skip
    session = series.sessions.get()
    if recording:
        access = community_access_for(world.facilitator, session.community)
        services.session_record(
            actor=world.facilitator, access=access, session=session,
            recording_url="https://video.example.org/recording/2231", notes="",
        )  # fmt: skip
        session.refresh_from_db()
    return session


def add_member(world, name: str, email: str, community=None, *, role="member"):
    """A new person who accepted an invitation to ``community`` (default: public)."""
    user = make_user(email, name)
    community = community or world.public
    admin = world.hub_admin
    invitation = community_services.invitation_create(
        actor=admin, access=community_access_for(admin, community), email=email, role=role
    )
    community_services.invitation_accept(actor=user, token=invitation.token)
    return user


def register(world, session, user):
    return registration.registration_create(
        actor=user, access=community_access_for(user, session.community), session=session
    )


def register_guest(session, name="Pat Paraprofessional", email="pat.para@example.org"):
    return registration.guest_register(session=session, name=name, email=email)


def move(world, session, *, minutes_from_now: int) -> Session:
    """Move a session (a facilitator's edit) to start ``minutes_from_now``."""
    access = community_access_for(world.facilitator, session.community)
    starts_at = timezone.now() + dt.timedelta(minutes=minutes_from_now)
    return services.session_update(
        actor=world.facilitator, access=access, session=session, starts_at=starts_at
    )


def cancelled(world, session) -> Session:
    access = community_access_for(world.facilitator, session.community)
    return services.session_cancel(
        actor=world.facilitator, access=access, session=session, reason="Snow day: schools closed."
    )


def guest_registration(world, community=None, *, minutes_from_now: int = -10, **guest):
    """A guest registered for a session of a series that takes guests, the session
    then moved to start ``minutes_from_now`` (default: it started 10 minutes ago)."""
    series = make_series(world, community, allow_guests=True)
    session = series.sessions.order_by("starts_at").first()
    made = register_guest(session, **guest)
    move(world, session, minutes_from_now=minutes_from_now)
    made.refresh_from_db()
    return made


def sample(name: str) -> bytes:
    return (DATA / name).read_bytes()


def upload(name: str, data: bytes | None = None) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, sample(name) if data is None else data, "text/csv")


def import_report(world, session, data: bytes, filename="report.csv", **kwargs):
    """Import a report as the facilitator, through the service."""
    report = attendance_import.report_read(data, filename)
    return attendance_import.attendance_import(
        actor=world.facilitator,
        access=community_access_for(world.facilitator, session.community),
        session=session, report=report, **kwargs,
    )  # fmt: skip


def zoom_csv(rows: list[tuple[str, str, str, str]]) -> bytes:
    """A Zoom participants report: (name, email, join, leave) with times as
    "MM/DD/YYYY HH:MM:SS AM"."""
    lines = ["Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest,"
             "Recording Consent,In Waiting Room"]  # fmt: skip
    for name, email, join, leave in rows:
        lines.append(f"{name},{email},{join},{leave},1,No,,No")
    return ("\r\n".join(lines) + "\r\n").encode()
