"""Series and sessions for tests, made through the real services as the world's
facilitator would make them. Other areas import these:

    series = make_series(world)                     # weekly, Tuesdays 4 pm Chicago
    session = make_session(world)                   # a one-off, a week from now
    past = make_session(world, starts_at=now - timedelta(days=3))
"""

import datetime as dt
from zoneinfo import ZoneInfo

from django.utils import timezone

from staffroom.communities.access import community_access_for
from staffroom.meetings import services
from staffroom.meetings.models import Series, Session

CHICAGO = ZoneInfo("America/Chicago")


def _next_weekday(weekday: int, *, after: dt.date) -> dt.date:
    return after + dt.timedelta(days=(weekday - after.weekday()) % 7 or 7)


def series_fields(**overrides) -> dict:
    """Realistic defaults for ``series_create``: a weekly ECHO session on trauma-informed
    classrooms, Tuesdays at 4 pm Chicago time, from next Tuesday for a school term."""
    first = _next_weekday(1, after=timezone.now().astimezone(CHICAGO).date())
    fields = {
        "title": "Trauma-informed classrooms ECHO",
        "description": (
            "A 15-minute talk by a colleague, then a case from one of us. Bring your "
            "questions about **regulation**, routines and repair."
        ),
        "time_zone": "America/Chicago",
        "start_time": dt.time(16, 0),
        "duration_minutes": 60,
        "rrule": "FREQ=WEEKLY;BYDAY=TU",
        "first_date": first,
        "last_date": first + dt.timedelta(weeks=15),
        "meeting_url": "https://meet.example.org/trauma-informed-echo",
        "dial_in": "+1 555 0100, meeting ID 812 4477 1093",
        "capacity": None,
        "reminder_offsets": [1440, 60],
        "allow_guests": False,
        "credit_share": 75,
        "phone_counts": True,
        "async_counts": False,
        "certificate_share": 75,
    }
    fields.update(overrides)
    return fields


def make_series(world, community=None, *, actor=None, **overrides) -> Series:
    """A series created by ``actor`` (default: the facilitator) in ``community``
    (default: the public one), with its sessions generated."""
    actor = actor or world.facilitator
    access = community_access_for(actor, community or world.public)
    return services.series_create(actor=actor, access=access, **series_fields(**overrides))


def session_fields(**overrides) -> dict:
    """Realistic defaults for ``session_create``: a one-off session a week from now at
    3:30 pm Chicago time."""
    day = timezone.now().astimezone(CHICAGO).date() + dt.timedelta(days=7)
    fields = {
        "title": "Reading conferences that move students forward",
        "description": "Short conferences, one teaching point, a record you will reuse.",
        "starts_at": dt.datetime.combine(day, dt.time(15, 30), tzinfo=CHICAGO),
        "duration_minutes": 60,
        "time_zone": "America/Chicago",
        "meeting_url": "https://meet.example.org/reading-conferences",
        "dial_in": "",
        "capacity": None,
        "presenter": None,
        "guest_presenter": "Dr. Inés Valdivia, literacy coach",
        "focus_area": None,
        "tags": "literacy, conferring",
        "case_slots": 1,
    }
    fields.update(overrides)
    return fields


def make_session(world, community=None, *, actor=None, **overrides) -> Session:
    """A one-off session (no series) made by ``actor`` (default: the facilitator) in
    ``community`` (default: the public one). Pass ``starts_at`` for a past one: the
    service lets a facilitator record a session that already took place."""
    actor = actor or world.facilitator
    access = community_access_for(actor, community or world.public)
    return services.session_create(actor=actor, access=access, **session_fields(**overrides))
