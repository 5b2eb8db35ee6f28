"""The feedback form and the facilitator's answers, through the pages and the session
page panel, with pinned query counts."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from staffroom.communities.access import community_access_for
from staffroom.meetings import feedback
from staffroom.meetings.models import Feedback
from staffroom.meetings.tests.factories_credit import (
    attend,
    colleague,
    ongoing_session,
    past_session,
    upcoming_session,
)


def url(name, session):
    return reverse(f"meetings:{name}", args=[session.community.slug, session.public_id])


def answer(world, session, user, rating, **text):
    return feedback.feedback_submit(
        actor=user, access=community_access_for(user, session.community), session=session,
        usefulness=rating, **text,
    )  # fmt: skip


def test_feedback_form_records_the_answer_and_returns_to_the_session(client, world):
    session = past_session(world)
    attend(session, world.member)
    client.force_login(world.member)
    response = client.post(
        url("feedback_form", session),
        {"usefulness": "5", "will_use": "The circle opener", "change": "Longer case"},
    )
    assert response["Location"] == url("session_detail", session)
    assert Feedback.objects.get().will_use == "The circle opener"


def test_feedback_form_shows_the_earlier_answer_to_update(client, world):
    session = past_session(world)
    attend(session, world.member)
    answer(world, session, world.member, 3, will_use="Name tents")
    client.force_login(world.member)
    html = client.get(url("feedback_form", session)).content.decode()
    assert "You already answered" in html
    assert 'value="3" required id="id_usefulness_2" checked' in html
    assert "Name tents" in html
    client.post(url("feedback_form", session), {"usefulness": "4", "will_use": "Name tents"})
    assert Feedback.objects.get().usefulness == 4


@pytest.mark.parametrize("rating", ["0", "6", "useful", ""])
def test_feedback_form_refuses_a_rating_outside_the_scale_and_keeps_the_text(client, world, rating):
    session = past_session(world)
    attend(session, world.member)
    client.force_login(world.member)
    response = client.post(
        url("feedback_form", session), {"usefulness": rating, "will_use": "Exit tickets"}
    )
    assert response.status_code == 400
    assert b"Exit tickets" in response.content
    assert b"errorlist" in response.content
    assert not Feedback.objects.exists()


def test_feedback_form_refuses_someone_who_did_not_attend(client, world):
    session = past_session(world)
    client.force_login(world.member)
    page = client.get(url("feedback_form", session))
    assert b"Only people who attended this session can give feedback." in page.content
    response = client.post(url("feedback_form", session), {"usefulness": "5", "change": "More"})
    assert response.status_code == 400
    assert b"Only people who attended this session can give feedback." in response.content
    assert not Feedback.objects.exists()


def test_feedback_form_before_the_session_ends_says_when_it_opens(client, world):
    session = upcoming_session(world)
    client.force_login(world.member)
    response = client.get(url("feedback_form", session))
    assert b"The feedback form opens when the session ends." in response.content
    assert b'name="usefulness"' not in response.content


def test_feedback_results_show_the_mean_counts_and_answers(client, world):
    session = past_session(world, title="Restorative circles")
    for n, rating in enumerate([5, 4, 2], start=1):
        person = colleague(world, f"Person {n}")
        attend(session, person)
        answer(world, session, person, rating, will_use=f"Idea {n}")
    client.force_login(world.facilitator)
    response = client.get(url("feedback_results", session))
    html = response.content.decode()
    assert response.context["summary"]["answers"] == 3
    assert "3.7" in html  # (5 + 4 + 2) / 3
    assert '<th scope="row">4</th><td>1</td><td>33%</td>' in html
    assert "Idea 1" in html and "Idea 3" in html


def test_session_page_offers_the_form_to_attendees_after_the_session(client, world):
    session = past_session(world)
    attend(session, world.member)
    client.force_login(world.member)
    html = client.get(url("session_detail", session)).content.decode()
    assert 'id="feedback-heading"' in html
    assert url("feedback_form", session) in html


def test_session_page_thanks_those_who_answered(client, world):
    session = past_session(world)
    attend(session, world.member)
    answer(world, session, world.member, 4)
    client.force_login(world.member)
    html = client.get(url("session_detail", session)).content.decode()
    assert "you rated this session 4 of 5" in html


def test_session_page_has_no_feedback_panel_for_those_who_did_not_attend(client, world):
    session = past_session(world)
    client.force_login(world.member)
    assert b'id="feedback-heading"' not in client.get(url("session_detail", session)).content


def test_session_page_has_no_feedback_panel_before_the_end(client, world):
    session = ongoing_session(world)
    attend(session, world.member)
    client.force_login(world.member)
    assert b'id="feedback-heading"' not in client.get(url("session_detail", session)).content


def test_session_page_shows_facilitators_the_feedback_summary(client, world):
    session = past_session(world)
    attend(session, world.member)
    answer(world, session, world.member, 5)
    client.force_login(world.facilitator)
    html = client.get(url("session_detail", session)).content.decode()
    assert "1 answer, mean usefulness 5.0 of 5." in html
    assert url("feedback_results", session) in html


# -- query counts -----------------------------------------------------------------------


def grow_answers(world, session, n):
    for _ in range(n):
        world.n += 1
        person = colleague(world, f"Person {world.n}")
        attend(session, person)
        answer(world, session, person, 1 + world.n % 5, will_use="Something", change="More")


def _count(client, page_url) -> int:
    client.get(page_url)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(page_url).status_code == 200
    return len(captured)


@pytest.mark.parametrize(("name", "viewer", "max_queries"), [
    ("feedback_results", "facilitator", 10),
    ("feedback_form", "member", 9),
])  # fmt: skip
def test_feedback_page_query_count_is_pinned(
    client, world, name, viewer, max_queries, django_assert_max_num_queries
):
    world.n = 0
    session = past_session(world)
    attend(session, world.member)
    grow_answers(world, session, 3)
    client.force_login(getattr(world, viewer))
    client.get(url(name, session))
    with django_assert_max_num_queries(max_queries):
        assert client.get(url(name, session)).status_code == 200


@pytest.mark.parametrize(("name", "viewer"), [
    ("feedback_results", "facilitator"),
    ("session_detail", "facilitator"),
    ("session_detail", "member"),
])  # fmt: skip
def test_feedback_page_query_count_does_not_grow_with_answers(client, world, name, viewer):
    world.n = 0
    session = past_session(world)
    attend(session, world.member)
    client.force_login(getattr(world, viewer))
    grow_answers(world, session, 1)
    with_one = _count(client, url(name, session))
    grow_answers(world, session, 19)
    assert _count(client, url(name, session)) == with_one
