"""The schedule's URLs in the access walk: what each persona gets on the public,
private and hidden community (and on a community that does not exist)."""

import atexit
import datetime as dt

from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from staffroom.communities.access import community_access_for
from staffroom.meetings import services
from staffroom.meetings.tests.factories import make_series, make_session
from staffroom.walk import (
    LOGIN,
    MISSING,
    NOT_FOUND,
    RUN_COMMUNITY,
    RUN_COMMUNITY_POST,
    SIGNED_IN,
    Case,
    answers,
    scoped,
)

NO_SUCH_ID = "000000000000"

# Reading a community's sessions: anyone on a public community, members (and those
# who run it) on a private or hidden one; signing in might open a private one.
READ_PAGE = dict(
    public=answers(200, 200, 200, 200, 200),
    private=answers(LOGIN, 404, 200, 200, 200),
    hidden=answers(404, 404, 200, 200, 200),
)


def _community(world, slug):
    return {c.slug: c for c in (world.public, world.private, world.hidden)}[slug]


def session_id(when: str = "upcoming"):
    def build(world, slug) -> dict:
        if slug == MISSING:
            return {"public_id": NO_SUCH_ID}
        extra = {}
        if when == "past":
            extra["starts_at"] = timezone.now() - dt.timedelta(days=2)
        return {"public_id": make_session(world, _community(world, slug), **extra).public_id}

    return build


def series_id(world, slug) -> dict:
    if slug == MISSING:
        return {"public_id": NO_SUCH_ID}
    return {"public_id": make_series(world, _community(world, slug)).public_id}


def material_id(world, slug) -> dict:
    if slug == MISSING:
        return {"public_id": NO_SUCH_ID, "material_id": NO_SUCH_ID}
    community = _community(world, slug)
    session = make_session(world, community)
    material = services.material_add(
        actor=world.facilitator,
        access=community_access_for(world.facilitator, community),
        session=session,
        title="Slides",
        url="https://example.org/slides",
    )
    return {"public_id": session.public_id, "material_id": material.public_id}


# Files the walk uploads, removed from storage when the test process ends.
_UPLOADED: list[str] = []


@atexit.register
def _remove_uploads():
    for name in _UPLOADED:
        default_storage.delete(name)


def file_material_id(world, slug) -> dict:
    if slug == MISSING:
        return {"public_id": NO_SUCH_ID, "material_id": NO_SUCH_ID}
    community = _community(world, slug)
    session = make_session(world, community)
    material = services.material_add(
        actor=world.facilitator,
        access=community_access_for(world.facilitator, community),
        session=session,
        title="Agenda",
        file=SimpleUploadedFile("agenda.pdf", b"%PDF-1.7\n%%EOF\n"),
    )
    _UPLOADED.append(material.file.name)
    return {"public_id": session.public_id, "material_id": material.public_id}


def _next_week() -> str:
    return (timezone.localdate() + dt.timedelta(days=7)).isoformat()


def session_data(world, slug) -> dict:
    return {
        "title": "Co-teaching with the special educator", "date": _next_week(),
        "start_time": "16:00", "time_zone": "America/Chicago", "duration_minutes": "60",
        "meeting_url": "https://meet.example.org/co-teaching", "case_slots": "1",
    }  # fmt: skip


def series_data(world, slug) -> dict:
    return {
        "title": "New teachers' circle", "recurrence": "weekly", "first_date": _next_week(),
        "start_time": "16:00", "duration_minutes": "60", "time_zone": "America/Chicago",
        "meeting_url": "https://meet.example.org/circle", "reminder_offsets": ["1440", "60"],
        "credit_share": "75", "certificate_share": "75", "phone_counts": "on",
    }  # fmt: skip


CASES: list[Case] = [
    Case("meetings:my_sessions", "-", SIGNED_IN),
    *scoped("meetings:session_list", **READ_PAGE),
    *scoped("meetings:session_detail", kwargs=session_id(), **READ_PAGE),
    Case("meetings:session_detail", "public", NOT_FOUND, community_scoped=True,
         kwargs=lambda world, slug: {"public_id": NO_SUCH_ID}),
    *scoped("meetings:series_detail", kwargs=series_id, **READ_PAGE),
    *scoped("meetings:session_create", **RUN_COMMUNITY),
    *scoped("meetings:session_create", method="post", data=session_data, **RUN_COMMUNITY_POST),
    *scoped("meetings:session_edit", kwargs=session_id(), **RUN_COMMUNITY),
    *scoped("meetings:session_edit", method="post", kwargs=session_id(), data=session_data,
            **RUN_COMMUNITY_POST),
    *scoped("meetings:session_cancel", kwargs=session_id(), **RUN_COMMUNITY),
    *scoped("meetings:session_cancel", method="post", kwargs=session_id(),
            data=lambda world, slug: {"reason": "Snow day: the schools are closed."},
            **RUN_COMMUNITY_POST),
    *scoped("meetings:session_record", kwargs=session_id("past"), **RUN_COMMUNITY),
    *scoped("meetings:session_record", method="post", kwargs=session_id("past"),
            data=lambda world, slug: {"recording_url": "https://video.example.org/1",
                                      "notes": "We tried **think-alouds**."},
            **RUN_COMMUNITY_POST),
    *scoped("meetings:material_add", kwargs=session_id(), **RUN_COMMUNITY),
    *scoped("meetings:material_add", method="post", kwargs=session_id(),
            data=lambda world, slug: {"title": "Slides", "url": "https://example.org/s"},
            **RUN_COMMUNITY_POST),
    *scoped("meetings:material_download", kwargs=file_material_id, **READ_PAGE),
    *scoped("meetings:material_remove", method="post", kwargs=material_id,
            **RUN_COMMUNITY_POST),
    *scoped("meetings:series_create", **RUN_COMMUNITY),
    *scoped("meetings:series_create", method="post", data=series_data, **RUN_COMMUNITY_POST),
    *scoped("meetings:series_edit", kwargs=series_id, **RUN_COMMUNITY),
    *scoped("meetings:series_edit", method="post", kwargs=series_id, data=series_data,
            **RUN_COMMUNITY_POST),
]  # fmt: skip
