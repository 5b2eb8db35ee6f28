"""What a digest keeps out and how it fails: muted threads, a community left, a digest
stopped with notifications still waiting for it, a reader whose digest cannot be
written (the others still go, and theirs is tried again), titles written as HTML; its
queries when every reader has news; an unsubscribe link only opened; and the local
calendar: the weekly day and the hours around midnight, and a reader who moves their
hour earlier or their time zone east."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from staffroom.communities import services as communities
from staffroom.communities.access import community_access_for
from staffroom.conftest import make_user
from staffroom.discussions.subscriptions import thread_subscription_set
from staffroom.discussions.tests.factories import question, thread
from staffroom.notifications import digests, services
from staffroom.notifications.digests import DAILY, DIGEST
from staffroom.notifications.models import DigestSchedule

pytestmark = pytest.mark.django_db


def daily(user, community=None):
    services.preference_set(user=user, community=community, kind=DIGEST, frequency=DAILY)


def build(user, *, since):
    until = timezone.now() + dt.timedelta(minutes=1)
    found = digests.digest_communities([user], DAILY)[user.pk]
    return digests.digest_build(user, found, DAILY, since, until)


def titles(digest) -> list[str]:
    return [item.title for _section, items in digest.sections for item in items]


def send(user_ids, until=None) -> int:
    until = until or timezone.now() + dt.timedelta(minutes=1)
    return digests.digests_send(frequency=DAILY, user_ids=user_ids, until=until)


def mute(world, user, muted):
    access = community_access_for(user, muted.community)
    thread_subscription_set(actor=user, access=access, thread=muted, level="muted")


def test_a_thread_i_muted_is_in_none_of_my_digests(world):
    waiting = question(world, user=world.facilitator, title="A question I muted")
    question(world, user=world.facilitator, title="A question still waiting")
    since = timezone.now()
    new = thread(world, user=world.facilitator, title="A thread I muted")
    thread(world, user=world.facilitator, title="A thread I read")
    mute(world, world.member, waiting)
    mute(world, world.member, new)
    daily(world.member)
    shown = titles(build(world.member, since=since))
    assert "A thread I read" in shown and "A question still waiting" in shown
    assert "A thread I muted" not in shown and "A question I muted" not in shown


def test_a_notification_from_a_community_i_left_is_not_in_my_digest(world):
    services.preference_set(user=world.member, community=None, kind="mention", frequency=DAILY)
    since = timezone.now()
    for community, text in ((world.private, "In the private one."), (world.public, "Public.")):
        services.notify(recipient=world.member, kind="mention", actor=world.facilitator,
                        community=community, text=text, url="/")  # fmt: skip
    communities.membership_leave(
        actor=world.member, access=world.access(world.member, world.private)
    )
    made = build(world.member, since=since).notifications
    assert [notification.text for notification in made] == ["Public."]


def next_hour_of(user) -> dt.datetime:
    """A moment in the hour ``user`` chose, within a day from now."""
    schedule = DigestSchedule.objects.filter(user=user).first() or DigestSchedule()
    local = timezone.now().astimezone(ZoneInfo(user.time_zone))
    due = local.replace(hour=schedule.hour, minute=5, second=0, microsecond=0)
    if due <= local:
        due += dt.timedelta(days=1)
    return due.astimezone(dt.UTC)


def test_stopping_the_daily_digest_stops_what_was_waiting_for_it(world, mailoutbox, deliver):
    services.preference_set(user=world.member, community=None, kind="mention", frequency=DAILY)
    services.notify(recipient=world.member, kind="mention", actor=world.facilitator,
                    community=world.public, text="Fran mentioned you.", url="/")  # fmt: skip
    now = next_hour_of(world.member)
    assert world.member.pk in digests.digests_due(DAILY, now)
    token = services.unsubscribe_token(world.member, DIGEST, None, digest=DAILY)
    services.unsubscribe(token=token)
    assert world.member.pk not in digests.digests_due(DAILY, now)
    with deliver():
        assert send([world.member.pk], until=now) == 0
    assert mailoutbox == []


def test_a_digest_that_cannot_be_written_holds_back_no_one_else(
    world, mailoutbox, deliver, monkeypatch
):
    thread(world, user=world.facilitator, title="For the member")
    thread(world, user=world.member, title="For the facilitator")
    for person in (world.facilitator, world.member):
        daily(person)
    written = digests.digest_message

    def message(digest, lines=None):
        if digest.user == world.member:
            raise ValueError("a broken translation")
        return written(digest, lines)

    monkeypatch.setattr(digests, "digest_message", message)
    until = timezone.now() + dt.timedelta(minutes=1)
    with deliver(), pytest.raises(RuntimeError, match="1 of 2 digests failed"):
        send([world.facilitator.pk, world.member.pk], until=until)
    assert [message.to for message in mailoutbox] == [[world.facilitator.email]]
    # The member's claim is given back: the next sweep tries their digest again.
    sent = dict(DigestSchedule.objects.values_list("user_id", "daily_sent_at"))
    assert sent == {world.facilitator.pk: until, world.member.pk: None}
    monkeypatch.setattr(digests, "digest_message", written)
    with deliver():
        assert send([world.facilitator.pk, world.member.pk], until=until) == 1
    assert mailoutbox[-1].to == [world.member.email]


def test_a_failure_building_the_batch_gives_every_claim_back(world, monkeypatch):
    thread(world, user=world.facilitator, title="Worth telling")
    daily(world.member)

    def broken(*args):
        raise ValueError("a section that fails")

    monkeypatch.setattr(digests, "digests_build", broken)
    with pytest.raises(ValueError):
        send([world.member.pk])
    assert DigestSchedule.objects.get(user=world.member).daily_sent_at is None


def test_titles_written_as_html_stay_text_in_the_email(world, mailoutbox, deliver):
    thread(world, user=world.facilitator, title="<script>alert(1)</script> & <b>bold</b>")
    daily(world.member)
    with deliver():
        send([world.member.pk])
    [message] = mailoutbox
    [(html, _mimetype)] = message.alternatives
    assert "<script>" not in html and "<b>bold" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;" in html
    assert "<script>alert(1)</script> & <b>bold</b>" in message.body


def test_a_batch_takes_the_same_queries_when_every_reader_has_news(world, deliver):
    thread(world, user=world.facilitator, title="News for everyone")
    people = []
    for n in range(4):
        person = make_user(f"p{n}@example.org", f"Person {n}")
        communities.membership_join(actor=person, access=world.access(person))
        daily(person)
        people.append(person)
    with CaptureQueriesContext(connection) as one:
        assert send([people[0].pk]) == 1
    with CaptureQueriesContext(connection) as three:
        assert send([person.pk for person in people[1:]]) == 3
    assert len(three.captured_queries) == len(one.captured_queries)


def test_opening_the_unsubscribe_link_asks_and_changes_nothing(world, client):
    daily(world.member)
    token = services.unsubscribe_token(world.member, DIGEST, None, digest=DAILY)
    url = reverse("notifications:unsubscribe", args=[token])
    for method in (client.get, client.head):
        assert method(url).status_code == 200
    assert digests.digest_communities([world.member], DAILY)[world.member.pk]


def test_the_weekly_day_and_the_hours_at_the_edges_of_the_day_are_local(world):
    def person(name, *, hour, weekday=0):
        user = make_user(f"{name}@example.org", name.title(), time_zone="America/Anchorage")
        communities.membership_join(actor=user, access=world.access(user))
        digests.digest_schedule_set(user=user, hour=hour, weekday=weekday)
        return user

    sunday_late = person("sunday", hour=23, weekday=6)
    monday_late = person("monday", hour=23, weekday=0)
    midnight = person("midnight", hour=0, weekday=2)
    daily(midnight)
    # Monday 14 December 2026, 08:05 UTC: still Sunday, 11:05 pm, in Anchorage.
    sunday_night = dt.datetime(2026, 12, 14, 8, 5, tzinfo=dt.UTC)
    assert digests.digests_due(digests.WEEKLY, sunday_night) == [sunday_late.pk]
    # An hour later it is 0:05 am on Monday there: the midnight reader's daily digest is
    # due, and Sunday's late weekly one still is, as the sweep's hour of grace.
    after_midnight = sunday_night + dt.timedelta(hours=1)
    assert digests.digests_due(DAILY, after_midnight) == [midnight.pk]
    assert digests.digests_due(digests.WEEKLY, after_midnight) == [sunday_late.pk]
    assert monday_late.pk in digests.digests_due(
        digests.WEEKLY, dt.datetime(2026, 12, 15, 8, 5, tzinfo=dt.UTC)
    )


def test_moving_my_hour_earlier_or_my_time_zone_east_skips_no_day(world):
    evening = make_user("evening@example.org", "Evening", time_zone="America/Chicago")
    traveller = make_user("hi@example.org", "Traveller", time_zone="Pacific/Honolulu")
    for user in (evening, traveller):
        daily(user)
        communities.membership_join(actor=user, access=world.access(user))
    digests.digest_schedule_set(user=evening, hour=18, weekday=0)
    # Monday 7 December 2026: 6:05 pm in Chicago, 7:05 am in Honolulu.
    monday = dt.datetime(2026, 12, 8, 0, 5, tzinfo=dt.UTC)
    send([evening.pk], until=monday)
    send([traveller.pk], until=monday - dt.timedelta(hours=7))
    digests.digest_schedule_set(user=evening, hour=7, weekday=0)
    traveller.time_zone = "America/New_York"
    traveller.save()
    # Tuesday, 7:05 am in Chicago (13 hours later) and 8:05 am in New York (20 hours after
    # the traveller's last): a new day for both, where they now are.
    tuesday = dt.datetime(2026, 12, 8, 13, 5, tzinfo=dt.UTC)
    assert digests.digests_due(DAILY, tuesday) == [evening.pk, traveller.pk]
    send([evening.pk, traveller.pk], until=tuesday)
    sent = DigestSchedule.objects.filter(user__in=[evening, traveller])
    assert set(sent.values_list("daily_sent_at", flat=True)) == {tuesday}
    # Later the same day, in the hour they chose again, nothing more goes.
    digests.digest_schedule_set(user=evening, hour=9, weekday=0)
    assert digests.digests_due(DAILY, tuesday + dt.timedelta(hours=2)) == []
    send([evening.pk], until=tuesday + dt.timedelta(hours=2))
    assert DigestSchedule.objects.get(user=evening).daily_sent_at == tuesday
