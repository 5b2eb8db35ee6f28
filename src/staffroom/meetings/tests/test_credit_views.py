"""PD hours through the pages: the transcript, certificates for a date range and for a
series, printing them, and the public verification page."""

import datetime as dt
import re
from pathlib import Path

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from staffroom.communities.models import Hub
from staffroom.meetings import credit
from staffroom.meetings.credit import CreditError
from staffroom.meetings.models import Certificate, Session
from staffroom.meetings.tests.factories import CHICAGO
from staffroom.meetings.tests.factories_credit import (
    attend,
    certificate_for,
    past_session,
    series_with_past,
    session_on,
)

CSS = Path(__file__).resolve().parents[2] / "core" / "static" / "core" / "staffroom.css"


def url(name, *args):
    return reverse(f"meetings:{name}", args=args)


@pytest.fixture
def signed_hub(world):
    world.hub.signer_name, world.hub.signer_title = "Dr. Rosa Whitehorse", "Director, Plains Hub"
    world.hub.save()
    return world.hub


def a_year_of_sessions(world):
    """Two school years of attendance for the member, one session too short to count."""
    made = {}
    for day, minutes, title in [
        (dt.date(2025, 6, 20), 60, "June wrap-up"),
        (dt.date(2025, 9, 9), 60, "Routines that stick"),
        (dt.date(2025, 10, 14), 20, "Left early"),
        (dt.date(2026, 2, 3), 55, "Feedback that lands"),
    ]:
        made[title] = session_on(world, day, title=title)
        attend(made[title], world.member, minutes=minutes)
    return made


# -- the transcript -------------------------------------------------------------------


def test_transcript_shows_hours_per_school_year_and_the_rule(client, world):
    a_year_of_sessions(world)
    client.force_login(world.member)
    response = client.get(url("transcript"))
    assert response.status_code == 200
    years = [(y.label, y.sessions, y.counted, y.hours) for y in response.context["years"]]
    assert years == [("2025–26", 3, 2, 2.0), ("2024–25", 1, 1, 1.0)]
    html = response.content.decode()
    assert "A session that counts earns its whole length" in html
    assert "School years run from July 1 to June 30" in html
    assert "Left early" in html and "20 / 60" in html


def test_transcript_filters_one_school_year(client, world):
    a_year_of_sessions(world)
    client.force_login(world.member)
    response = client.get(url("transcript") + "?year=2024")
    titles = [row.title for row in response.context["page"].object_list]
    assert titles == ["June wrap-up"]
    assert "Sessions in 2024–25" in response.content.decode()


def test_transcript_covers_every_community_of_the_member(client, world):
    attend(past_session(world, world.public, title="In the public one"), world.member)
    attend(past_session(world, world.hidden, title="In the hidden one"), world.member)
    client.force_login(world.member)
    titles = {row.title for row in client.get(url("transcript")).context["page"].object_list}
    assert titles == {"In the public one", "In the hidden one"}


def test_transcript_shows_only_ones_own_attendance(client, world):
    attend(past_session(world, title="Someone else's"), world.facilitator)
    client.force_login(world.member)
    response = client.get(url("transcript"))
    assert b"Someone else" not in response.content
    assert b"No attendance yet" in response.content


def test_transcript_marks_phone_attendance_waiting_for_confirmation(client, world):
    attend(past_session(world), world.member, mode="phone", confirmed=False)
    client.force_login(world.member)
    html = client.get(url("transcript")).content.decode()
    assert "By phone" in html and "waiting for confirmation" in html


# -- certificates for a date range ------------------------------------------------------


def post_certificate(client, world, start, end, hub="plains"):
    return client.post(
        url("certificate_create"),
        {"hub": hub, "date_from": start.isoformat(), "date_to": end.isoformat()},
    )


def test_certificate_create_issues_one_for_the_range(client, world, signed_hub):
    a_year_of_sessions(world)
    client.force_login(world.member)
    response = post_certificate(client, world, dt.date(2025, 7, 1), dt.date(2026, 6, 30))
    certificate = Certificate.objects.get()
    assert response["Location"] == url("certificate_detail", certificate.code)
    assert (certificate.sessions, certificate.minutes) == (2, 120)
    assert (certificate.signer_name, certificate.signer_title) == (
        "Dr. Rosa Whitehorse", "Director, Plains Hub",
    )  # fmt: skip
    assert re.fullmatch(r"[A-HJKMNP-Z2-9]{10}", certificate.code)


def test_certificate_create_refuses_a_range_that_ends_before_it_starts(client, world):
    a_year_of_sessions(world)
    client.force_login(world.member)
    response = post_certificate(client, world, dt.date(2026, 6, 30), dt.date(2025, 7, 1))
    assert response.status_code == 400
    html = response.content.decode()
    assert "The end date is before the start date." in html
    assert 'value="2026-06-30"' in html and 'value="2025-07-01"' in html
    assert not Certificate.objects.exists()


def test_certificate_create_refuses_a_range_without_credited_sessions(client, world):
    a_year_of_sessions(world)
    client.force_login(world.member)
    response = post_certificate(client, world, dt.date(2025, 10, 1), dt.date(2025, 10, 31))
    assert response.status_code == 400
    assert "You have no sessions that earned credit with Plains Hub between" in (
        response.content.decode()
    )
    assert not Certificate.objects.exists()


def test_certificate_create_only_offers_hubs_the_member_attended(client, world):
    other = Hub.objects.create(name="Other Hub", slug="other")
    a_year_of_sessions(world)
    client.force_login(world.member)
    response = post_certificate(client, world, dt.date(2025, 1, 1), dt.date(2026, 6, 30), "other")
    assert response.status_code == 400
    assert other.name not in client.get(url("certificate_create")).content.decode()
    assert not Certificate.objects.exists()


def test_certificate_create_offers_a_hub_that_also_cancelled_a_session(client, world):
    a_year_of_sessions(world)
    cancelled = past_session(world, days_ago=1)
    Session.objects.filter(pk=cancelled.pk).update(status=Session.Status.CANCELLED)
    client.force_login(world.member)
    assert b'<option value="plains"' in client.get(url("certificate_create")).content


def test_certificate_create_twice_gives_the_same_certificate(client, world):
    a_year_of_sessions(world)
    client.force_login(world.member)
    first = post_certificate(client, world, dt.date(2025, 7, 1), dt.date(2026, 6, 30))
    second = post_certificate(client, world, dt.date(2025, 7, 1), dt.date(2026, 6, 30))
    assert first["Location"] == second["Location"]
    assert Certificate.objects.count() == 1


def test_certificate_issue_without_a_signer_uses_the_hub_name(world):
    certificate = certificate_for(world)
    assert certificate.signer_name == "Plains Hub"


def test_certificate_detail_is_a_printable_page_with_sessions_and_code(client, world, signed_hub):
    a_year_of_sessions(world)
    certificate = credit.certificate_issue(
        actor=world.member, hub=world.hub, date_from=dt.date(2025, 7, 1),
        date_to=dt.date(2026, 6, 30),
    )  # fmt: skip
    client.force_login(world.member)
    html = client.get(url("certificate_detail", certificate.code)).content.decode()
    for text in [
        "Plains Hub",
        "Mo Member",
        "completed 2 hours of professional development in 2 sessions",
        "Routines that stick",
        "Feedback that lands",
        "Dr. Rosa Whitehorse",
        "Director, Plains Hub",
        certificate.code,
        f"http://testserver/certificates/{certificate.code}/",
        'class="no-print',
    ]:
        assert text in html, text
    assert "Left early" not in html and "June wrap-up" not in html
    assert "<style" not in html and "media=" not in html  # CSP: only our stylesheet


def test_the_stylesheet_prints_the_certificate_without_the_site_chrome():
    css = CSS.read_text()
    assert "@media print{.top,.foot,.skip,.messages,.no-print{display:none}" in css


def test_certificate_detail_is_only_for_its_owner(client, world):
    certificate = certificate_for(world)
    client.force_login(world.facilitator)
    assert client.get(url("certificate_detail", certificate.code)).status_code == 404


# -- verification -----------------------------------------------------------------------


def test_certificate_verify_confirms_it_without_signing_in(client, world, signed_hub):
    certificate = certificate_for(world)
    response = client.get(url("certificate_verify", certificate.code))
    assert response.status_code == 200
    html = response.content.decode()
    for text in ["is genuine", "Mo Member", "Plains Hub", "1 hours in 1 session", "Dr. Rosa"]:
        assert text in html, text
    day = timezone.localdate(Session.objects.get().starts_at, CHICAGO)
    assert f"{date_format(day, 'DATE_FORMAT')} to {date_format(day, 'DATE_FORMAT')}" in html


def test_certificate_verify_accepts_a_code_typed_in_lower_case(client, world):
    certificate = certificate_for(world)
    response = client.get(url("certificate_verify", certificate.code.lower()))
    assert response.status_code == 302
    assert response["Location"] == url("certificate_verify", certificate.code)


def test_certificate_verify_of_an_unknown_code_is_not_found(client, world):
    certificate_for(world)
    assert client.get(url("certificate_verify", "ABCDEFGHJK")).status_code == 404


# -- series certificates ----------------------------------------------------------------


def test_series_certificate_when_enough_sessions_counted(client, world, signed_hub):
    series, past = series_with_past(world, weeks_back=4, title="Weekly ECHO")
    assert len(past) == 4
    for session in past[:3]:  # 3 of 4 = 75 %
        attend(session, world.member)
    client.force_login(world.member)
    progress = client.get(url("transcript")).context["series_progress"]
    assert [(p.series.title, p.counted, p.past, p.eligible) for p in progress] == [
        ("Weekly ECHO", 3, 4, True)
    ]
    response = client.post(url("certificate_series_create", series.public_id))
    certificate = Certificate.objects.get()
    assert response["Location"] == url("certificate_detail", certificate.code)
    assert (certificate.series, certificate.sessions, certificate.minutes) == (series, 3, 180)
    assert certificate.date_from == timezone.localdate(past[0].starts_at, CHICAGO)
    assert certificate.date_to == timezone.localdate(past[2].starts_at, CHICAGO)


def test_series_certificate_is_refused_below_the_share(client, world):
    series, past = series_with_past(world, weeks_back=4, certificate_share=80)
    for session in past[:3]:
        attend(session, world.member)
    client.force_login(world.member)
    response = client.post(url("certificate_series_create", series.public_id), follow=True)
    assert "You earned credit at 3 of the 4 sessions" in response.content.decode()
    assert "asks for 80% of them" in response.content.decode()
    assert not Certificate.objects.exists()


def test_series_certificate_service_refuses_without_credited_sessions(world):
    series, past = series_with_past(world, weeks_back=2)
    attend(past[0], world.member, minutes=5)
    with pytest.raises(CreditError):
        credit.certificate_issue_series(actor=world.member, series=series)


def test_series_certificate_of_a_series_never_attended_is_not_found(client, world):
    series, _past = series_with_past(world, weeks_back=2)
    client.force_login(world.member)
    assert client.post(url("certificate_series_create", series.public_id)).status_code == 404


# -- query counts -----------------------------------------------------------------------


class Grow:
    def __init__(self, world):
        self.world, self.n = world, 0

    def attendance(self, n):
        for _ in range(n):
            self.n += 1
            session = past_session(world=self.world, days_ago=1 + self.n, title=f"S{self.n}")
            attend(session, self.world.member, minutes=30 + self.n % 40)

    def series(self, n):
        for _ in range(n):
            self.n += 1
            _series, past = series_with_past(self.world, weeks_back=2, title=f"Series {self.n}")
            attend(past[0], self.world.member)

    def certificates(self, n):
        for _ in range(n):
            self.n += 1
            certificate_for(self.world)


def first_certificate(world):
    return url("certificate_detail", Certificate.objects.order_by("pk").first().code)


def first_verify(world):
    return url("certificate_verify", Certificate.objects.order_by("pk").first().code)


PAGES = [
    ("transcript", lambda w: url("transcript"), "attendance", 8),
    ("transcript with series", lambda w: url("transcript"), "series", 8),
    ("certificate_list", lambda w: url("certificate_list"), "certificates", 6),
    ("certificate_create", lambda w: url("certificate_create"), "attendance", 6),
    ("certificate_detail", first_certificate, "certificates", 6),
    ("certificate_verify", first_verify, "certificates", 6),
]


def _count(client, page_url) -> int:
    client.get(page_url)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(page_url).status_code == 200
    return len(captured)


@pytest.mark.parametrize(("name", "page_url", "grow", "max_queries"), PAGES)
def test_credit_page_query_count_is_pinned(
    client, world, name, page_url, grow, max_queries, django_assert_max_num_queries
):
    certificate_for(world)
    getattr(Grow(world), grow)(3)
    client.force_login(world.member)
    client.get(page_url(world))
    with django_assert_max_num_queries(max_queries):
        assert client.get(page_url(world)).status_code == 200


@pytest.mark.parametrize(("name", "page_url", "grow", "max_queries"), PAGES)
def test_credit_page_query_count_does_not_grow_with_rows(
    client, world, name, page_url, grow, max_queries
):
    certificate_for(world)
    grower = Grow(world)
    client.force_login(world.member)
    getattr(grower, grow)(1)
    with_one = _count(client, page_url(world))
    getattr(grower, grow)(19)
    assert _count(client, page_url(world)) == with_one
