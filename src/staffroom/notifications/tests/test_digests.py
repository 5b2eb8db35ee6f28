"""Daily and weekly digests: what the sections put in (and keep out), who is due when
in their own time zone (daylight saving included), sending once only, the email
itself, its one-click unsubscribe and the settings that choose the hour and the day."""

import datetime as dt
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from staffroom.cases.tests.factories import accepted, submitted
from staffroom.communities import services as communities
from staffroom.conftest import make_user
from staffroom.core.email import email_suppressed
from staffroom.discussions.tests.factories import question, thread
from staffroom.meetings.tests.factories import make_session
from staffroom.notifications import digests, selectors, services
from staffroom.notifications.digests import DAILY, DIGEST, WEEKLY, DigestReader
from staffroom.notifications.models import DigestSchedule

pytestmark = pytest.mark.django_db

UTC = dt.UTC
ANCHORAGE, HONOLULU = "America/Anchorage", "Pacific/Honolulu"
SETTINGS = reverse("notifications:preference_edit")


def daily(user, community=None):
    services.preference_set(user=user, community=community, kind=DIGEST, frequency=DAILY)


def build(user, *, since, until=None, frequency=DAILY):
    until = until or timezone.now() + dt.timedelta(minutes=1)
    found = digests.digest_communities([user], frequency)[user.pk]
    return digests.digest_build(user, found, frequency, since, until)


def titles(digest) -> dict[str, list[str]]:
    return {section.key: [item.title for item in items] for section, items in digest.sections}


def send(user_ids, until=None, frequency=DAILY) -> int:
    until = until or timezone.now() + dt.timedelta(minutes=1)
    return digests.digests_send(frequency=frequency, user_ids=user_ids, until=until)


# -- what goes in ---------------------------------------------------------------------------


def test_the_parts_above_register_their_sections_in_order():
    keys = [section.key for section in digests.digest_sections()]
    assert keys == ["discussions.new", "discussions.waiting", "meetings.coming", "cases.decided"]


def test_a_digest_holds_new_threads_waiting_questions_sessions_and_cases(world):
    waiting = question(world, title="Labs without a lab?")
    since = timezone.now()
    new = thread(world, title="How do you start the morning?")
    thread(world, user=world.facilitator, title="My own thread")
    session = make_session(world, starts_at=timezone.now() + dt.timedelta(days=2))
    make_session(world, title="Too far ahead", starts_at=timezone.now() + dt.timedelta(days=20))
    case = accepted(world, title="A quiet seventh grader")
    submitted(world, title="Not accepted yet")
    daily(world.facilitator)
    digest = build(world.facilitator, since=since)
    assert titles(digest) == {
        "discussions.new": [new.title],
        "discussions.waiting": [waiting.title],
        "meetings.coming": [session.title],
        "cases.decided": [case.title],
    }
    assert digest.has_news


def test_questions_and_sessions_alone_are_not_news(world):
    question(world)
    since = timezone.now()
    make_session(world, starts_at=timezone.now() + dt.timedelta(days=2))
    daily(world.facilitator)
    digest = build(world.facilitator, since=since)
    assert titles(digest)["discussions.waiting"] and titles(digest)["meetings.coming"]
    assert not digest.has_news


def test_a_weekly_digest_looks_two_weeks_ahead(world):
    since = timezone.now() - dt.timedelta(days=7)
    session = make_session(world, starts_at=timezone.now() + dt.timedelta(days=10))
    assert titles(build(world.member, since=since, frequency=WEEKLY))["meetings.coming"] == [
        session.title
    ]
    daily(world.member)
    assert titles(build(world.member, since=timezone.now()))["meetings.coming"] == []


def test_a_private_communitys_thread_never_reaches_an_outsider(world):
    since = timezone.now()
    secret = thread(world, world.private, user=world.facilitator, title="A private matter")
    # Even handed the community by mistake, each section checks who may read it.
    until = timezone.now() + dt.timedelta(minutes=1)
    outsider = [DigestReader(world.outsider, [world.private], since)]
    for section in digests.digest_sections():
        assert section.build(outsider, until) == {world.outsider.pk: []}
    assert digests.digest_communities([world.outsider], WEEKLY)[world.outsider.pk] == []
    # Someone who left it no longer gets its news either.
    daily(world.member)
    assert secret.title in titles(build(world.member, since=since))["discussions.new"]
    communities.membership_leave(
        actor=world.member, access=world.access(world.member, world.private)
    )
    assert world.private not in digests.digest_communities([world.member], DAILY)[world.member.pk]
    former = [DigestReader(world.member, [world.private], since)]
    for section in digests.digest_sections():
        assert section.build(former, until) == {world.member.pk: []}


def test_an_accepted_case_is_for_members_only(world):
    since = timezone.now()
    accepted(world, world.public, title="Shared with members")
    until = timezone.now() + dt.timedelta(minutes=1)
    cases = next(s for s in digests.digest_sections() if s.key == "cases.decided")
    # The public community's threads are for every reader; its cases are not.
    readers = [DigestReader(world.outsider, [world.public], since),
               DigestReader(world.facilitator, [world.public], since)]  # fmt: skip
    found = cases.build(readers, until)
    assert found[world.outsider.pk] == []
    assert [item.title for item in found[world.facilitator.pk]] == ["Shared with members"]


def test_each_community_goes_in_the_digest_i_chose_for_it(world):
    services.preference_set(user=world.member, community=None, kind=DIGEST, frequency="off")
    daily(world.member, world.private)
    services.preference_set(
        user=world.member, community=world.public, kind=DIGEST, frequency=WEEKLY
    )
    assert digests.digest_communities([world.member], DAILY)[world.member.pk] == [world.private]
    assert digests.digest_communities([world.member], WEEKLY)[world.member.pk] == [world.public]


def test_the_digest_kind_cannot_be_emailed_immediately(world):
    with pytest.raises(services.NotificationError):
        services.preference_set(
            user=world.member, community=None, kind=DIGEST, frequency="immediately"
        )


def test_building_one_digest_takes_the_same_queries_with_1_or_10_items(world):
    since = timezone.now()
    daily(world.facilitator)

    def count() -> int:
        people = [world.facilitator]
        with CaptureQueriesContext(connection) as queries:
            found = digests.digest_communities(people, DAILY)
            digest = digests.digest_build(
                world.facilitator, found[world.facilitator.pk], DAILY, since,
                timezone.now() + dt.timedelta(minutes=1),
            )  # fmt: skip
            digests.digest_message(digest)
        return len(queries.captured_queries)

    thread(world, title="Thread 0")
    one = count()
    for n in range(1, 10):
        thread(world, title=f"Thread {n}")
        accepted(world, title=f"Case {n}")
    assert count() == one <= 12


def test_a_batch_of_digests_takes_the_same_queries_for_1_or_3_readers(world):
    thread(world, title="For the facilitator")
    thread(world, user=world.facilitator, title="For the member")
    for person in (world.facilitator, world.member, world.hub_admin, world.outsider):
        daily(person)
    with CaptureQueriesContext(connection) as one:
        assert send([world.facilitator.pk]) == 1
    with CaptureQueriesContext(connection) as three:
        # The hub admin and the outsider belong nowhere: nothing for them, yet each is
        # built.
        assert send([world.member.pk, world.hub_admin.pk, world.outsider.pk]) == 1
    assert len(three.captured_queries) == len(one.captured_queries)


def test_notifications_made_for_the_daily_digest_are_in_it_and_not_in_the_weekly(world):
    services.preference_set(user=world.member, community=None, kind="mention", frequency=DAILY)
    since = timezone.now()
    made = services.notify(recipient=world.member, kind="mention", actor=world.facilitator,
                           community=world.public, text="Fran mentioned you.", url="/")  # fmt: skip
    assert made.delivery == DAILY
    assert build(world.member, since=since).notifications == [made]
    assert build(world.member, since=since, frequency=WEEKLY).notifications == []


# -- who is due, and when ----------------------------------------------------------------------


def reader(email, zone, *, hour=None, weekday=None):
    user = make_user(email, email.split("@")[0].title(), time_zone=zone)
    daily(user)
    if hour is not None:
        digests.digest_schedule_set(user=user, hour=hour, weekday=weekday or 0)
    return user


def at(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text).replace(tzinfo=UTC)


def test_due_at_the_chosen_hour_in_anchorage_and_honolulu(world):
    anchorage = reader("ak@example.org", ANCHORAGE)  # 7 am by default
    honolulu = reader("hi@example.org", HONOLULU, hour=7)
    # Monday 7 December 2026, 16:00 UTC: 7 am in Anchorage, 6 am in Honolulu.
    now = at("2026-12-07T16:02")
    assert digests.digests_due(DAILY, now) == [anchorage.pk]
    send([anchorage.pk], until=now)
    later = now + dt.timedelta(hours=1)  # 8 am in Anchorage (sent), 7 am in Honolulu
    assert digests.digests_due(DAILY, later) == [honolulu.pk]


def test_a_sweep_an_hour_late_still_finds_its_people(world):
    anchorage = reader("ak@example.org", ANCHORAGE)
    assert digests.digests_due(DAILY, at("2026-12-07T17:00")) == [anchorage.pk]  # 8:00
    assert digests.digests_due(DAILY, at("2026-12-07T18:00")) == []  # 9:00: too late


def test_the_hour_skipped_when_clocks_spring_forward_still_sends(world):
    early = reader("ak@example.org", ANCHORAGE, hour=2)
    honolulu = reader("hi@example.org", HONOLULU, hour=1)  # no daylight saving there
    # Sunday 14 March 2027 in Anchorage: 1:59 am AKST is followed by 3:00 am AKDT.
    assert digests.digests_due(DAILY, at("2027-03-14T10:05")) == []  # 1:05 am
    assert digests.digests_due(DAILY, at("2027-03-14T11:05")) == [early.pk, honolulu.pk]


def test_the_hour_that_comes_twice_in_the_fall_sends_once(world):
    night = reader("ak@example.org", ANCHORAGE, hour=1)
    # Sunday 1 November 2026: 1 am AKDT (09:00 UTC), then 1 am AKST again (10:00 UTC).
    first = at("2026-11-01T09:05")
    assert digests.digests_due(DAILY, first) == [night.pk]
    send([night.pk], until=first)
    assert digests.digests_due(DAILY, at("2026-11-01T10:05")) == []
    assert digests.digests_due(DAILY, at("2026-11-02T10:05")) == [night.pk]  # next day


def test_the_weekly_digest_is_due_on_the_chosen_day(world):
    world.member.time_zone = ANCHORAGE
    world.member.save()
    digests.digest_schedule_set(user=world.member, hour=7, weekday=2)  # Wednesday
    assert world.member.pk not in digests.digests_due(WEEKLY, at("2026-12-07T16:05"))  # Monday
    assert world.member.pk in digests.digests_due(WEEKLY, at("2026-12-09T16:05"))


def test_without_a_daily_choice_no_one_is_due_for_a_daily_digest(world):
    make_user("ak@example.org", "Ak", time_zone=ANCHORAGE)
    assert digests.digests_due(DAILY, at("2026-12-07T16:05")) == []


def test_members_are_due_for_the_weekly_digest_by_default(world):
    # The world's people live in Chicago: Monday 7 am there is 13:00 UTC.
    due = digests.digests_due(WEEKLY, at("2026-12-07T13:05"))
    assert world.member.pk in due and world.facilitator.pk in due
    assert world.outsider.pk not in due


# -- sending --------------------------------------------------------------------------------------


def test_two_sweeps_send_each_digest_once(world, mailoutbox, deliver):
    thread(world, title="Worth telling")
    daily(world.facilitator)
    world.facilitator.time_zone = ANCHORAGE
    world.facilitator.save()
    schedule = {"hour": timezone.now().astimezone(ZoneInfo(ANCHORAGE)).hour, "weekday": 0}
    digests.digest_schedule_set(user=world.facilitator, **schedule)
    now = timezone.now() + dt.timedelta(minutes=1)
    with deliver():
        assert digests.digests_sweep(now) >= 1
        digests.digests_sweep(now)
    with deliver():
        digests.digests_sweep(now + dt.timedelta(minutes=30))
    sent = [message for message in mailoutbox if message.to == [world.facilitator.email]]
    assert len(sent) == 1 and "Worth telling" in sent[0].body
    assert DigestSchedule.objects.get(user=world.facilitator).daily_sent_at == now


def test_a_second_batch_of_the_same_people_sends_nothing(world, mailoutbox, deliver):
    thread(world, title="Worth telling")
    daily(world.facilitator)
    with deliver():
        assert send([world.facilitator.pk]) == 1
        assert send([world.facilitator.pk]) == 0
    assert len(mailoutbox) == 1


def test_nothing_new_sends_nothing_but_marks_the_time(world, mailoutbox, deliver):
    daily(world.facilitator)
    until = timezone.now() + dt.timedelta(minutes=1)
    with deliver():
        assert send([world.facilitator.pk], until=until) == 0
    assert mailoutbox == []
    assert DigestSchedule.objects.get(user=world.facilitator).daily_sent_at == until


def test_the_next_digest_starts_where_the_last_ended(world, mailoutbox, deliver):
    daily(world.facilitator)
    thread(world, title="Told yesterday")
    first = timezone.now()
    with deliver():
        send([world.facilitator.pk], until=first)
    assert "Told yesterday" in mailoutbox[0].body
    mailoutbox.clear()
    thread(world, title="New today")
    with deliver():
        send([world.facilitator.pk], until=first + dt.timedelta(days=1))
    [message] = mailoutbox
    assert "New today" in message.body and "Told yesterday" not in message.body


def test_nothing_is_sent_while_email_is_suppressed(world, mailoutbox, deliver):
    thread(world)
    daily(world.facilitator)
    with deliver(), email_suppressed():
        assert send([world.facilitator.pk]) == 0
        assert digests.digests_sweep() == 0
    assert mailoutbox == []
    assert not DigestSchedule.objects.exists()


def one_digest(world, mailoutbox, deliver):
    """The facilitator's daily digest, with a new thread and a session tomorrow."""
    thread(world, title="How do you start the morning?")
    session = make_session(world, title="Reading conferences",
                           starts_at=timezone.now() + dt.timedelta(days=1))  # fmt: skip
    daily(world.facilitator)
    with deliver():
        send([world.facilitator.pk])
    [message] = mailoutbox
    return message, session


def test_the_email_has_text_and_html_with_absolute_links(world, mailoutbox, deliver, settings):
    message, _session = one_digest(world, mailoutbox, deliver)
    assert message.to == [world.facilitator.email]
    assert message.subject.startswith("Your daily Staffroom digest")
    [(html, mimetype)] = message.alternatives
    assert mimetype == "text/html"
    for body in (message.body, html):
        assert "How do you start the morning?" in body
        assert "Reading conferences" in body
        assert f"{settings.SITE_URL}/c/open-science/discussions/" in body
        assert f"{settings.SITE_URL}/notifications/settings/" in body
    assert "<h2" in html and "New threads" in html
    assert "<" not in message.body


def test_one_click_unsubscribe_turns_the_digest_off_without_signing_in(world, mailoutbox, deliver):
    message, _session = one_digest(world, mailoutbox, deliver)
    unsubscribe = message.extra_headers["List-Unsubscribe"][1:-1]
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert unsubscribe in message.body
    path = urlsplit(unsubscribe).path
    client = Client(enforce_csrf_checks=True)
    assert "Stop the daily digest?" in client.get(path).content.decode()
    response = client.post(
        path, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 200
    assert "no more daily digests" in response.content.decode()
    assert digests.digest_communities([world.facilitator], DAILY)[world.facilitator.pk] == []
    chicago_7am = at("2026-12-07T13:05")
    assert world.facilitator.pk not in digests.digests_due(DAILY, chicago_7am)


def test_digest_stop_turns_off_every_daily_choice_and_nothing_else(world):
    member = world.member
    daily(member)
    daily(member, world.public)
    services.preference_set(user=member, community=world.private, kind="mention", frequency=DAILY)
    services.preference_set(user=member, community=None, kind="reply", frequency=WEEKLY)
    services.digest_stop(user=member, frequency=DAILY)
    for kind in ("mention", DIGEST, "reply"):
        for community in (world.public, world.private, world.hidden):
            assert selectors.frequency_get(member, kind, community.pk) != DAILY
    assert selectors.frequency_get(member, "reply", world.public.pk) == WEEKLY
    assert selectors.frequency_get(member, "mention", world.public.pk) == "immediately"


def test_a_digest_token_for_another_frequency_is_refused(world):
    from django.core import signing

    token = signing.dumps({"u": world.member.public_id, "k": DIGEST, "c": None, "d": "hourly"},
                          salt=services.UNSUBSCRIBE_SALT)  # fmt: skip
    with pytest.raises(services.NotificationError):
        services.unsubscribe(token=token)


def test_the_digest_is_in_the_readers_language_and_time_zone(world, mailoutbox, deliver):
    world.facilitator.language = "es"
    world.facilitator.time_zone = ANCHORAGE
    world.facilitator.save()
    message, session = one_digest(world, mailoutbox, deliver)
    assert "Hola" in message.body
    zone = timezone.localtime(session.starts_at, ZoneInfo(ANCHORAGE)).strftime("%Z")
    assert f"{zone}\n" in message.body  # the session's time, in Anchorage
    [(html, _mimetype)] = message.alternatives
    assert 'lang="es"' in html


# -- settings -------------------------------------------------------------------------------------


def settings_data(**changes) -> dict:
    from staffroom.notifications import kinds

    data = {"community": "", "digest_hour": "7", "digest_weekday": "0"}
    data |= {kind.key: kind.default for kind in kinds.kinds()}
    return data | changes


def test_settings_choose_the_digest_hour_and_day_in_my_time_zone(client, world):
    client.force_login(world.member)
    html = client.get(SETTINGS).content.decode()
    assert "Digest hour" in html and "Day of the weekly digest" in html
    assert "America/Chicago" in html
    # Per community there is no hour to choose: it is the same for all.
    assert "Digest hour" not in client.get(SETTINGS, {"community": "open-science"}).content.decode()
    response = client.post(SETTINGS, settings_data(digest_hour="18", digest_weekday="4"))
    assert response.status_code == 302
    schedule = DigestSchedule.objects.get(user=world.member)
    assert (schedule.hour, schedule.weekday) == (18, 4)
    assert client.get(SETTINGS).context["form"].initial["digest_hour"] == 18


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"digest_hour": "24"}, "digest_hour"),
        ({"digest_hour": "seven"}, "digest_hour"),
        ({"digest_weekday": "7"}, "digest_weekday"),
        ({"digest_weekday": ""}, "digest_weekday"),
        ({DIGEST: "immediately"}, DIGEST),
    ],
)
def test_settings_refuse_a_bad_schedule_beside_the_field(client, world, changes, field):
    client.force_login(world.member)
    data = settings_data(mention="off", **changes)
    response = client.post(SETTINGS, data)
    assert response.status_code == 400
    form = response.context["form"]
    assert field in form.errors and list(form.errors) == [field]
    assert form[field].value() == data[field]
    html = response.content.decode()
    assert 'aria-invalid="true"' in html
    assert not DigestSchedule.objects.exists()
    assert selectors.frequency_get(world.member, "mention", None) == "immediately"
