"""DESIGN rule 3 for attendance: the roll call, the review screen, the change log, an
import's page and the CSV exports run a pinned number of queries that does not grow
with the rows (the same with 1 extra row as with 20)."""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from itertools import count

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from staffroom.meetings import attendance
from staffroom.meetings.models import AttendanceImport
from staffroom.meetings.recurrence import WEEKDAYS
from staffroom.meetings.tests.factories import CHICAGO, make_series
from staffroom.meetings.tests.factories_attendance import (
    add_member,
    import_report,
    past_session,
    zoom_csv,
)

NUMBERS = count(1)


class Data:
    """A past session (in a series of three past sessions) and ways to fill it."""

    def __init__(self, world):
        self.world = world
        day = (timezone.now().astimezone(CHICAGO) - dt.timedelta(days=15)).date()
        self.series = make_series(
            world, first_date=day, last_date=day + dt.timedelta(days=14),
            rrule=f"FREQ=WEEKLY;BYDAY={WEEKDAYS[day.weekday()]}",
        )  # fmt: skip
        self.sessions = list(self.series.sessions.order_by("starts_at"))
        self.session = self.sessions[-1]
        self.import_done = None
        self.access = world.access(world.facilitator)

    def present(self, n: int, sessions=None):
        """``n`` new members, each marked present (a change in the log) and one in
        two reporting joining by phone in another session."""
        for _ in range(n):
            k = next(NUMBERS)
            user = add_member(self.world, f"Teacher {k:03d} Prairie", f"t{k}@example.org")
            for session in sessions or [self.session]:
                attendance.attendance_roll_call(
                    actor=self.world.facilitator, access=self.access, session=session,
                    marks=[attendance.Mark(user, True, 40 + k % 20)],
                )  # fmt: skip

    def unmatched(self, n: int):
        """A report with ``n`` people no member matches, and members to suggest."""
        rows = []
        for _ in range(n):
            k = next(NUMBERS)
            add_member(self.world, f"Alex Marsh{k}", f"alex{k}@example.org")
            rows.append((f"Marsh{k} phone", "", "01/14/2025 04:00:00 PM", "01/14/2025 04:30:00 PM"))
        self.import_done = import_report(self.world, self.session, zoom_csv(rows), f"r{k}.csv")


@dataclass(frozen=True)
class Page:
    id: str
    url: Callable
    grow: Callable
    max_queries: int
    csv: bool = False


def _session_url(name):
    return lambda data: reverse(
        f"meetings:{name}", args=[data.session.community.slug, data.session.public_id]
    )


def _import_url(data):
    source = AttendanceImport.objects.filter(session=data.session).order_by("-pk").first()
    return reverse(
        "meetings:attendance_import_detail",
        args=[data.session.community.slug, data.session.public_id, source.public_id],
    )


def _grow_import(data, n):
    data.unmatched(n)


PAGES = [
    Page("roll call", _session_url("attendance_roll_call"), lambda d, n: d.present(n), 15),
    Page("changes", _session_url("attendance_changes"), lambda d, n: d.present(n), 9),
    Page("review", _session_url("attendance_review"), _grow_import, 12),
    Page("import detail", _import_url, _grow_import, 11),
    Page("session export", _session_url("attendance_export"), lambda d, n: d.present(n), 7,
         csv=True),
    Page("series export",
         lambda d: reverse("meetings:attendance_series_export",
                           args=[d.session.community.slug, d.series.public_id]),
         lambda d, n: d.present(n, d.sessions), 7, csv=True),
]  # fmt: skip


def _get(client, data, page: Page):
    response = client.get(page.url(data))
    assert response.status_code == 200
    if page.csv:
        return b"".join(response.streaming_content)  # the queries run as it streams
    return response.content


def _count(client, data, page) -> tuple[int, list[str]]:
    _get(client, data, page)
    with CaptureQueriesContext(connection) as captured:
        body = _get(client, data, page)
    return len(captured), [q["sql"] for q in captured.captured_queries], body


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.id)
def test_attendance_page_query_count_is_pinned(client, world, page, django_assert_max_num_queries):
    data = Data(world)
    page.grow(data, 3)
    client.force_login(world.facilitator)
    _get(client, data, page)
    with django_assert_max_num_queries(page.max_queries):
        _get(client, data, page)


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.id)
def test_attendance_page_query_count_does_not_grow_with_rows(client, world, page):
    data = Data(world)
    client.force_login(world.facilitator)
    page.grow(data, 1)
    with_one, queries_one, _ = _count(client, data, page)
    page.grow(data, 19)
    with_twenty, queries_twenty, body = _count(client, data, page)
    assert with_one == with_twenty, "\n".join(
        ["queries with 1 extra row:", *queries_one, "", "with 20:", *queries_twenty]
    )
    assert body.count(b"Teacher ") >= 20 or body.count(b" phone") >= 19  # the rows are there


def test_session_page_with_the_attendance_panel_does_not_grow_with_attendance(client, world):
    session = past_session(world)
    data = Data(world)
    data.session = session
    client.force_login(world.facilitator)
    url = reverse("meetings:session_detail", args=[session.community.slug, session.public_id])
    data.present(1)
    client.get(url)
    with CaptureQueriesContext(connection) as one:
        client.get(url)
    data.present(19)
    data.unmatched(5)
    with CaptureQueriesContext(connection) as twenty:
        client.get(url)
    assert len(one) == len(twenty)
