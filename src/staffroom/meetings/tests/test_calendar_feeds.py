"""The iCalendar feeds and downloads, parsed back with icalendar: valid RFC 5545,
a VTIMEZONE per zone, stable UIDs, SEQUENCE, cancellations, join links only for
those who may see them, and a fixed number of queries."""

import datetime as dt

import icalendar
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from staffroom.communities import services as community_services
from staffroom.communities.access import access_hub, community_access_for
from staffroom.meetings import calendar
from staffroom.meetings.services import session_cancel, session_update
from staffroom.meetings.tests.factories import make_series
from staffroom.meetings.tests.factories_registration import events, register, upcoming


def feed_url(user) -> str:
    return reverse("meetings:calendar_feed", args=[calendar.calendar_token_for(user).token])


def community_feed_url(community) -> str:
    return reverse("meetings:community_calendar_feed", args=[community.slug])


def parse(response) -> icalendar.Calendar:
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    body = response.content
    # RFC 5545: CRLF line ends, lines folded at 75 octets.
    lines = body.split(b"\r\n")
    assert lines[-1] == b""
    assert all(len(line) <= 75 for line in lines)
    assert b"\n" not in body.replace(b"\r\n", b"")
    cal = icalendar.Calendar.from_ical(body)
    assert cal["VERSION"] == "2.0"
    assert cal["PRODID"]
    for event in events(cal):
        assert event["UID"] and event["DTSTAMP"] and event["DTSTART"] and event["DTEND"]
        # Every TZID an event uses has its VTIMEZONE.
        assert event["DTSTART"].params["TZID"] in {tz.tz_name for tz in cal.timezones}
    assert cal.get_missing_tzids() == set()
    return cal


def by_uid(cal) -> dict:
    return {str(event["UID"]): event for event in events(cal)}


def uid(session) -> str:
    return f"session-{session.public_id}@staffroom"


def cancel(world, session):
    access = community_access_for(world.facilitator, session.community)
    return session_cancel(actor=world.facilitator, access=access, session=session, reason="Ice")


# -- a community's feed ------------------------------------------------------------------


def test_community_calendar_feed_of_a_public_community_needs_no_sign_in(client, world):
    chicago = upcoming(world)
    denver = upcoming(world, days=9, time_zone="America/Denver")
    cal = parse(client.get(community_feed_url(world.public)))
    events_by_uid = by_uid(cal)
    assert set(events_by_uid) == {uid(chicago), uid(denver)}
    assert {tz.tz_name for tz in cal.timezones} == {"America/Chicago", "America/Denver"}
    event = events_by_uid[uid(denver)]
    assert event["DTSTART"].params["TZID"] == "America/Denver"
    assert event.start == denver.starts_at
    assert event.end == denver.ends_at
    assert event["SUMMARY"] == denver.title
    assert event["SEQUENCE"] == 0
    assert event["STATUS"] == "CONFIRMED"


def test_community_calendar_feed_of_a_public_community_hides_the_join_links(client, world):
    session = upcoming(world, dial_in="+1 555 0199, PIN 7")
    response = client.get(community_feed_url(world.public))
    assert session.meeting_url.encode() not in response.content
    assert b"555 0199" not in response.content
    event = by_uid(parse(response))[uid(session)]
    assert "LOCATION" not in event
    assert str(event["URL"]).endswith(
        reverse("meetings:session_detail", args=[world.public.slug, session.public_id])
    )


def test_community_calendar_feed_gives_members_the_join_links(client, world):
    session = upcoming(world)
    client.force_login(world.member)
    event = by_uid(parse(client.get(community_feed_url(world.public))))[uid(session)]
    assert str(event["URL"]) == session.meeting_url
    assert str(event["LOCATION"]) == session.meeting_url


@pytest.mark.parametrize("persona", ["anonymous", "outsider"])
@pytest.mark.parametrize("community", ["private", "hidden"])
def test_community_calendar_feed_of_a_closed_community_is_not_found(
    client, world, persona, community
):
    upcoming(world, getattr(world, community))
    if persona != "anonymous":
        client.force_login(getattr(world, persona))
    response = client.get(community_feed_url(getattr(world, community)))
    assert response.status_code == 404  # not a sign-in redirect: calendar apps cannot sign in


def test_community_calendar_feed_marks_a_cancelled_session(client, world):
    session = upcoming(world)
    cancel(world, session)
    event = by_uid(parse(client.get(community_feed_url(world.public))))[uid(session)]
    assert event["STATUS"] == "CANCELLED"
    assert event["SEQUENCE"] == 1


def test_community_calendar_feed_keeps_the_uid_and_raises_the_sequence_of_a_moved_session(
    client, world
):
    session = upcoming(world)
    access = community_access_for(world.facilitator, world.public)
    session_update(
        actor=world.facilitator,
        access=access,
        session=session,
        starts_at=session.starts_at + dt.timedelta(hours=1),
    )
    event = by_uid(parse(client.get(community_feed_url(world.public))))[uid(session)]
    assert event["SEQUENCE"] == 1
    assert event.start == session.starts_at + dt.timedelta(hours=1)


def test_community_calendar_feed_keeps_local_time_across_daylight_saving(client, world):
    """A series at 4 pm Chicago time is at 4 pm before and after the clocks change,
    and the VTIMEZONE carries both offsets."""
    today = timezone.now().date()
    series = make_series(world, first_date=today, last_date=today + dt.timedelta(weeks=30))
    cal = parse(client.get(community_feed_url(world.public)))
    starts = [event.start for event in events(cal) if "Trauma" in str(event["SUMMARY"])]
    assert len(starts) == series.sessions.count() > 10
    assert {start.hour for start in starts} == {16}
    assert len({start.utcoffset() for start in starts}) == 2
    (zone,) = cal.timezones
    assert {sub.name for sub in zone.subcomponents} == {"STANDARD", "DAYLIGHT"}


def test_community_calendar_feed_leaves_out_sessions_older_than_a_year(client, world):
    old = upcoming(world, days=-400)
    recent = upcoming(world, days=-30)
    uids = set(by_uid(parse(client.get(community_feed_url(world.public)))))
    assert uid(recent) in uids
    assert uid(old) not in uids


# -- a person's feed ----------------------------------------------------------------------


def test_calendar_feed_holds_every_community_of_its_owner(client, world):
    sessions = [upcoming(world, community) for community in (world.public, world.private,
                                                              world.hidden)]  # fmt: skip
    cal = parse(client.get(feed_url(world.member)))
    events_by_uid = by_uid(cal)
    assert set(events_by_uid) == {uid(session) for session in sessions}
    # The owner is a member: join links everywhere.
    assert all(str(event["LOCATION"]).startswith("https://") for event in events(cal))


def test_calendar_feed_leaves_out_communities_its_owner_does_not_belong_to(client, world):
    upcoming(world, world.private)
    assert events(parse(client.get(feed_url(world.outsider)))) == []


def test_calendar_feed_keeps_sessions_its_owner_registered_for_after_leaving(client, world):
    session = upcoming(world)
    register(world, session)
    other = upcoming(world, days=9)
    community_services.membership_leave(
        actor=world.member, access=community_access_for(world.member, world.public)
    )
    uids = set(by_uid(parse(client.get(feed_url(world.member)))))
    assert uid(session) in uids
    assert uid(other) not in uids


def test_calendar_feed_answers_404_for_a_revoked_token(client, world):
    old = feed_url(world.member)
    calendar.calendar_token_revoke(actor=world.member)
    assert client.get(old).status_code == 404
    assert client.get(feed_url(world.member)).status_code == 200


def test_calendar_feed_answers_404_for_an_unknown_token(client, world):
    url = reverse("meetings:calendar_feed", args=["no-such-token"])
    assert client.get(url).status_code == 404


def test_calendar_feed_answers_404_once_the_account_is_closed(client, world):
    url = feed_url(world.member)
    world.member.is_active = False
    world.member.save(update_fields=["is_active"])
    assert client.get(url).status_code == 404


def _grow(world, communities: int, per_community: int):
    """``communities`` new public communities the member belongs to, with
    ``per_community`` sessions each."""
    admin = world.hub_admin
    made = []
    for n in range(communities):
        community = community_services.community_create(
            actor=admin, hub_access=access_hub(admin, world.hub.slug), name=f"Grown {n}",
            slug=f"grown-{n}", tagline="", description="", visibility="public",
            join_policy="open",
        )  # fmt: skip
        community_services.membership_join(
            actor=world.member, access=community_access_for(world.member, community)
        )
        for day in range(per_community):
            zone = "America/Denver" if day % 2 else "America/Chicago"
            made.append(upcoming(world, community, actor=admin, days=day - 30, time_zone=zone))
    return made


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_calendar_feed_runs_a_fixed_number_of_queries(client, world):
    """1 community with 1 session, then 5 more communities with 60 sessions each."""
    upcoming(world)
    url = feed_url(world.member)
    few = _queries(client, url)
    _grow(world, communities=5, per_community=60)
    many = _queries(client, url)
    assert len(events(icalendar.Calendar.from_ical(client.get(url).content))) == 301
    assert few == many <= 3


def test_community_calendar_feed_runs_a_fixed_number_of_queries(client, world):
    client.force_login(world.member)
    upcoming(world)
    url = community_feed_url(world.public)
    few = _queries(client, url)
    for day in range(20):
        upcoming(world, days=day + 2)
    assert _queries(client, url) == few


# -- the subscribe page --------------------------------------------------------------------


def test_calendar_detail_shows_the_https_and_webcal_addresses(client, world):
    client.force_login(world.member)
    response = client.get(reverse("meetings:calendar_detail"))
    token = calendar.calendar_token_for(world.member).token
    path = reverse("meetings:calendar_feed", args=[token])
    assert f"http://testserver{path}".encode() in response.content
    assert f"webcal://testserver{path}".encode() in response.content


def test_calendar_revoke_makes_a_new_link_and_the_old_one_404s(client, world):
    client.force_login(world.member)
    old = feed_url(world.member)
    response = client.post(reverse("meetings:calendar_revoke"), follow=True)
    assert response.redirect_chain == [(reverse("meetings:calendar_detail"), 302)]
    assert b"The old link no longer works" in response.content
    new = feed_url(world.member)
    assert new != old
    assert new.encode() in response.content
    client.logout()
    assert client.get(old).status_code == 404
    assert client.get(new).status_code == 200


# -- one session -----------------------------------------------------------------------------


def test_session_calendar_downloads_one_session(client, world):
    session = upcoming(world)
    client.force_login(world.member)
    url = reverse("meetings:session_calendar", args=[world.public.slug, session.public_id])
    response = client.get(url)
    assert response["Content-Disposition"] == (
        f'attachment; filename="session-{session.public_id}.ics"'
    )
    cal = parse(response)
    assert cal["METHOD"] == "PUBLISH"
    (event,) = events(cal)
    assert str(event["UID"]) == uid(session)
    assert str(event["LOCATION"]) == session.meeting_url


def test_session_calendar_gives_a_public_visitor_no_join_link(client, world):
    session = upcoming(world)
    url = reverse("meetings:session_calendar", args=[world.public.slug, session.public_id])
    response = client.get(url)
    assert session.meeting_url.encode() not in response.content
    (event,) = events(parse(response))
    assert "LOCATION" not in event


def test_calendar_detail_runs_a_fixed_number_of_queries(client, world):
    client.force_login(world.member)
    calendar.calendar_token_for(world.member)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("meetings:calendar_detail")).status_code == 200
    assert len(queries) <= 4
