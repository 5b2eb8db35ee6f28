"""Times of day are written as the reader's language writes them: "3:30 PM" in
English, "15:30" in Spanish, on the pages and in the email (in the recipient's
language, not the sender's)."""

import datetime as dt

from django.urls import reverse
from django.utils import timezone

from staffroom.meetings.tests.factories import CHICAGO, make_series, make_session
from staffroom.meetings.tests.factories_attendance import cancelled, register


def speaks(user, language):
    user.language = language
    user.save(update_fields=["language"])


def half_past_three(world):
    day = timezone.now().astimezone(CHICAGO).date() + dt.timedelta(days=7)
    return make_session(world, starts_at=dt.datetime.combine(day, dt.time(15, 30), tzinfo=CHICAGO))


def session_page(client, session):
    url = reverse("meetings:session_detail", args=[session.community.slug, session.public_id])
    return client.get(url).content.decode()


def test_session_detail_shows_a_12_hour_clock_in_english(client, world):
    session = half_past_three(world)
    speaks(world.member, "en")
    client.force_login(world.member)
    assert "3:30 PM–4:30 PM C" in session_page(client, session)  # CST or CDT


def test_session_detail_shows_a_24_hour_clock_in_spanish(client, world):
    session = half_past_three(world)
    speaks(world.member, "es")
    client.force_login(world.member)
    page = session_page(client, session)
    assert "15:30–16:30 C" in page
    assert "3:30" not in page and " PM" not in page


def test_session_list_lines_follow_the_readers_language(client, world):
    half_past_three(world)
    url = reverse("meetings:session_list", args=[world.public.slug])
    client.force_login(world.member)
    speaks(world.member, "es")
    assert ", 15:30 C" in client.get(url).content.decode()
    speaks(world.member, "en")
    assert ", 3:30 PM C" in client.get(url).content.decode()


def test_series_detail_start_time_follows_the_readers_language(client, world):
    series = make_series(world)  # 4 pm
    url = reverse("meetings:series_detail", args=[world.public.slug, series.public_id])
    client.force_login(world.member)
    speaks(world.member, "es")
    assert "16:00 (America/Chicago)" in client.get(url).content.decode()
    speaks(world.member, "en")
    assert "4:00 PM (America/Chicago)" in client.get(url).content.decode()


def test_cancellation_email_uses_each_recipients_clock(world, deliver, mailoutbox):
    session = half_past_three(world)
    speaks(world.member, "es")
    speaks(world.facilitator, "en")
    register(world, session, world.member)
    register(world, session, world.facilitator)
    with deliver():
        cancelled(world, session)
    sent = {message.to[0]: message for message in mailoutbox}
    spanish, english = sent[world.member.email], sent[world.facilitator.email]
    assert ", 15:30 C" in spanish.subject and "PM" not in spanish.subject
    assert ", 15:30 C" in spanish.body and "3:30" not in spanish.body
    assert ", 15:30 C" in spanish.alternatives[0].content
    assert ", 3:30 PM C" in english.subject
    assert ", 3:30 PM C" in english.body and "15:30" not in english.body
