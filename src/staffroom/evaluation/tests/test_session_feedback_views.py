"""The form after a session and the facilitators' answers, through the pages and the
session page panel, with pinned query counts."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from staffroom.communities.access import community_access_for
from staffroom.evaluation import session_feedback as feedback
from staffroom.evaluation import session_feedback_views
from staffroom.evaluation.models import SessionFeedback
from staffroom.evaluation.session_feedback import FeedbackError
from staffroom.meetings import services
from staffroom.meetings.tests.factories_credit import (
    attend,
    colleague,
    ongoing_session,
    past_session,
    upcoming_session,
)


def url(name, session):
    namespace = "meetings" if name == "session_detail" else "evaluation"
    return reverse(f"{namespace}:{name}", args=[session.community.slug, session.public_id])


def answer(world, session, user, rating, **more):
    return feedback.feedback_submit(
        actor=user, access=community_access_for(user, session.community), session=session,
        answers={"usefulness": str(rating), **more},
    )  # fmt: skip


def post(client, session, **answers):
    return client.post(url("feedback_form", session), {f"a-{k}": v for k, v in answers.items()})


@pytest.fixture
def attended(world):
    session = past_session(world, title="Restorative circles")
    attend(session, world.member)
    return session


def test_feedback_form_keeps_the_paths_of_the_earlier_form(attended):
    base = f"/c/open-science/sessions/{attended.public_id}/feedback/"
    assert url("feedback_form", attended) == base
    assert url("feedback_results", attended) == base + "answers/"


def test_feedback_form_records_the_answer_and_returns_to_the_session(client, world, attended):
    client.force_login(world.member)
    response = post(
        client, attended, overall="5", usefulness="5", will_apply="4", pace="2",
        will_use="The circle opener", change="Longer case",
    )  # fmt: skip
    assert response["Location"] == url("session_detail", attended)
    saved = SessionFeedback.objects.get()
    assert saved.answers == {"overall": "5", "usefulness": "5", "will_apply": "4", "pace": "2",
                             "will_use": "The circle opener", "change": "Longer case"}  # fmt: skip
    assert b"Thank you for your feedback." in client.get(response["Location"]).content


def test_feedback_form_asks_the_librarys_questions_in_sections(client, world, attended):
    client.force_login(world.member)
    html = client.get(url("feedback_form", attended)).content.decode()
    assert '<h2 id="section-1">Today&#x27;s session</h2>' in html
    assert '<h2 id="section-2">In your own words</h2>' in html
    assert "How useful was this session for you? (required)" in html
    assert "Answer only if: " in html  # what fell short, after a poor or fair rating
    for name in ("overall", "overall_why", "usefulness", "will_apply", "pace", "most_useful",
                 "will_use", "change"):  # fmt: skip
        assert f'name="a-{name}"' in html


def test_feedback_form_shows_the_earlier_answer_to_update(client, world, attended):
    answer(world, attended, world.member, 3, will_use="Name tents")
    client.force_login(world.member)
    html = client.get(url("feedback_form", attended)).content.decode()
    assert "You already answered" in html
    assert 'name="a-usefulness" value="3" id="id_a-usefulness_2" checked' in html
    assert "Name tents" in html
    post(client, attended, usefulness="4", will_use="Name tents")
    assert SessionFeedback.objects.get().answers == {"usefulness": "4", "will_use": "Name tents"}


@pytest.mark.parametrize("rating", ["0", "6", "useful"])
def test_feedback_form_refuses_a_rating_outside_the_scale_and_keeps_the_text(
    client, world, attended, rating
):
    client.force_login(world.member)
    response = post(client, attended, usefulness=rating, will_use="Exit tickets")
    assert response.status_code == 400
    assert b"Exit tickets" in response.content
    assert b"errorlist" in response.content
    assert not SessionFeedback.objects.exists()


def test_feedback_form_without_the_usefulness_keeps_everything_typed(client, world, attended):
    client.force_login(world.member)
    response = post(
        client, attended, overall="2", overall_why="The case ran long", pace="3",
        most_useful="The protocol", will_use="Exit tickets", change="Shorter talk",
    )  # fmt: skip
    assert response.status_code == 400
    form = response.context["form"]
    assert form.errors == {"usefulness": ["Answer this question."]}
    html = response.content.decode()
    for typed in ("The case ran long", "The protocol", "Exit tickets", "Shorter talk"):
        assert typed in html
    assert 'name="a-overall" value="2" id="id_a-overall_1" checked' in html
    assert 'name="a-pace" value="3" id="id_a-pace_2" checked' in html
    # The message sits with the question it is about.
    question = html.index('name="a-usefulness"')
    assert html.rfind("Answer this question.", 0, question) > html.rfind('name="a-overall_why"')
    assert not SessionFeedback.objects.exists()


def test_feedback_form_drops_why_when_the_rating_is_not_low(client, world, attended):
    client.force_login(world.member)
    post(client, attended, overall="4", overall_why="Nothing", usefulness="4")
    assert SessionFeedback.objects.get().answers == {"overall": "4", "usefulness": "4"}


def test_feedback_form_in_spanish_stores_the_same_codes(client, world, attended):
    world.member.language = "es"
    world.member.save(update_fields=["language"])
    client.force_login(world.member)
    html = client.get(url("feedback_form", attended)).content.decode()
    assert "¿Qué tan útil fue esta sesión para ti?" in html
    assert "Sumamente útil" in html and "Extremely useful" not in html
    assert "La sesión de hoy" in html
    post(client, attended, overall="1", overall_why="Muy largo", usefulness="5", pace="2")
    saved = SessionFeedback.objects.get()
    assert saved.answers == {"overall": "1", "overall_why": "Muy largo", "usefulness": "5",
                             "pace": "2"}  # fmt: skip
    assert saved.language == "es"


def test_feedback_form_answered_in_spanish_is_updated_in_english(client, world, attended):
    world.member.language = "es"
    world.member.save(update_fields=["language"])
    client.force_login(world.member)
    post(client, attended, overall="2", overall_why="Muy largo", usefulness="5")
    world.member.language = "en"
    world.member.save(update_fields=["language"])
    html = client.get(url("feedback_form", attended)).content.decode()
    assert "How useful was this session for you?" in html
    assert 'name="a-overall" value="2" id="id_a-overall_1" checked' in html
    assert 'name="a-usefulness" value="5" id="id_a-usefulness_4" checked' in html
    assert "Muy largo" in html
    post(client, attended, overall="2", overall_why="Muy largo", usefulness="4")
    saved = SessionFeedback.objects.get()
    assert saved.answers == {"overall": "2", "overall_why": "Muy largo", "usefulness": "4"}
    assert saved.language == "en"


GARBAGE = {
    "unknown code": {"a-usefulness": "4", "a-pace": "9"},
    "code with a NUL": {"a-usefulness": "4\x00"},
    "text with a NUL": {"a-usefulness": "4", "a-change": "Less\x00talk"},
    "text too long": {"a-usefulness": "4", "a-change": "x" * 10_001},
    "a list for a choice": {"a-usefulness": ["4", "nine"]},
    "a code as a float": {"a-usefulness": "4.0"},
}


@pytest.mark.parametrize("data", GARBAGE.values(), ids=GARBAGE.keys())
def test_feedback_form_refuses_garbage_with_a_400_and_keeps_the_text(client, world, attended, data):
    client.force_login(world.member)
    data = {"a-will_use": "Exit tickets", **data}
    response = client.post(url("feedback_form", attended), data)
    assert response.status_code == 400
    assert b"Exit tickets" in response.content
    assert response.context["form"].errors
    assert not SessionFeedback.objects.exists()


def test_feedback_form_ignores_fields_it_does_not_ask(client, world, attended):
    client.force_login(world.member)
    response = client.post(
        url("feedback_form", attended), {"a-usefulness": "4", "a-record_id": "7", "user": "1"}
    )
    assert response.status_code == 302
    assert SessionFeedback.objects.get().answers == {"usefulness": "4"}


def test_feedback_form_refuses_someone_who_did_not_attend(client, world):
    session = past_session(world)
    client.force_login(world.member)
    page = client.get(url("feedback_form", session))
    assert b"Only people who attended this session can give feedback." in page.content
    assert b'name="a-usefulness"' not in page.content
    response = post(client, session, usefulness="5", change="More")
    assert response.status_code == 400
    assert b"Only people who attended this session can give feedback." in response.content
    assert b"More" in response.content
    assert not SessionFeedback.objects.exists()


def test_feedback_form_shows_a_refusal_about_no_question_above_the_form(
    client, world, attended, monkeypatch
):
    def refuse(**kwargs):
        raise FeedbackError("Refused for a reason no question holds.")

    monkeypatch.setattr(session_feedback_views.feedback, "feedback_submit", refuse)
    client.force_login(world.member)
    response = post(client, attended, usefulness="4")
    assert response.status_code == 400
    assert response.context["form"].non_field_errors() == [
        "Refused for a reason no question holds."
    ]


def test_feedback_form_of_a_cancelled_session_says_so(client, world):
    session = upcoming_session(world)
    services.session_cancel(
        actor=world.facilitator, access=community_access_for(world.facilitator, world.public),
        session=session, reason="Snow day",
    )  # fmt: skip
    client.force_login(world.member)
    response = client.get(url("feedback_form", session))
    assert b"This session was cancelled." in response.content
    assert b"opens when the session ends" not in response.content


def test_feedback_form_before_the_session_ends_says_when_it_opens(client, world):
    session = upcoming_session(world)
    client.force_login(world.member)
    response = client.get(url("feedback_form", session))
    assert b"The feedback form opens when the session ends." in response.content
    assert b'name="a-usefulness"' not in response.content


def test_feedback_results_show_the_counts_means_and_answers(client, world):
    session = past_session(world, title="Restorative circles")
    for n, rating in enumerate([5, 4, 2], start=1):
        person = colleague(world, f"Person {n}")
        attend(session, person)
        answer(world, session, person, rating, overall=str(rating), will_apply="5",
               will_use=f"Idea {n}", most_useful=f"Best part {n}")  # fmt: skip
    client.force_login(world.facilitator)
    response = client.get(url("feedback_results", session))
    html = response.content.decode()
    assert response.context["summary"].answers == 3
    assert "<strong>3.7</strong> mean usefulness" in html  # (5 + 4 + 2) / 3
    # Scores: 5, 13/3 and 3; their mean is 4.1.
    assert "<strong>4.1</strong> mean session value score" in html
    assert '<th scope="row">4 – Very useful</th><td>1</td><td>33%</td>' in html
    assert '<th scope="row">2 – About right</th><td>0</td><td>0%</td>' in html  # pace
    assert "Idea 1" in html and "Idea 3" in html and "Best part 2" in html
    assert "<em>What will you use from this session?</em> Idea 1" in html
    assert "Person 1</strong> · usefulness 5 of 5" in html


def test_feedback_results_show_answers_carried_over_from_the_short_form(client, world):
    session = past_session(world)
    earlier = colleague(world, "Earlier Answerer")
    # As migration 0006 wrote it: not through a service.
    SessionFeedback.objects.create(
        session=session, user=earlier,
        answers={"usefulness": "2", "will_use": "Name tents", "change": "Shorter talk"},
    )  # fmt: skip
    client.force_login(world.facilitator)
    html = client.get(url("feedback_results", session)).content.decode()
    assert "<strong>2.0</strong> mean usefulness" in html
    assert "<strong>–</strong> mean session value score" in html
    assert "Earlier Answerer</strong> · usefulness 2 of 5" in html
    assert "Name tents" in html and "Shorter talk" in html


def test_feedback_results_name_a_former_member(client, world, attended):
    answer(world, attended, world.member, 4, will_use="Name tents")
    SessionFeedback.objects.update(user=None)  # what deleting the account leaves
    client.force_login(world.facilitator)
    html = client.get(url("feedback_results", attended)).content.decode()
    assert "former member</strong> · usefulness 4 of 5" in html


def test_session_page_offers_the_form_to_attendees_after_the_session(client, world, attended):
    client.force_login(world.member)
    html = client.get(url("session_detail", attended)).content.decode()
    assert 'id="feedback-heading"' in html
    assert url("feedback_form", attended) in html


def test_session_page_thanks_those_who_answered(client, world, attended):
    answer(world, attended, world.member, 4)
    client.force_login(world.member)
    html = client.get(url("session_detail", attended)).content.decode()
    assert "you found this session 4 of 5 useful" in html
    assert "Update your answer" in html


def test_session_page_has_no_feedback_panel_for_those_who_did_not_attend(client, world):
    session = past_session(world)
    client.force_login(world.member)
    assert b'id="feedback-heading"' not in client.get(url("session_detail", session)).content


def test_session_page_has_no_feedback_panel_before_the_end(client, world):
    session = ongoing_session(world)
    attend(session, world.member)
    client.force_login(world.member)
    assert b'id="feedback-heading"' not in client.get(url("session_detail", session)).content


def test_session_page_shows_facilitators_the_feedback_summary(client, world, attended):
    answer(world, attended, world.member, 5)
    client.force_login(world.facilitator)
    html = client.get(url("session_detail", attended)).content.decode()
    assert "1 answer, mean usefulness 5.0 of 5." in html
    assert url("feedback_results", attended) in html


# -- query counts -----------------------------------------------------------------------


def grow_answers(world, session, n):
    for _ in range(n):
        world.n += 1
        person = colleague(world, f"Person {world.n}")
        attend(session, person)
        answer(world, session, person, 1 + world.n % 5, overall="3", will_apply="4",
               will_use="Something", change="More")  # fmt: skip


def _count(client, page_url) -> int:
    client.get(page_url)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(page_url).status_code == 200
    return len(captured)


@pytest.mark.parametrize(("name", "viewer", "max_queries"), [
    ("feedback_results", "facilitator", 10),
    ("feedback_form", "member", 9),
    ("session_detail", "facilitator", 20),
    ("session_detail", "member", 14),
])  # fmt: skip
def test_feedback_page_query_count_is_pinned(
    client, world, attended, name, viewer, max_queries, django_assert_max_num_queries
):
    world.n = 0
    answer(world, attended, world.member, 4)
    grow_answers(world, attended, 3)
    client.force_login(getattr(world, viewer))
    client.get(url(name, attended))
    with django_assert_max_num_queries(max_queries):
        assert client.get(url(name, attended)).status_code == 200


@pytest.mark.parametrize(("name", "viewer"), [
    ("feedback_results", "facilitator"),
    ("session_detail", "facilitator"),
    ("session_detail", "member"),
])  # fmt: skip
def test_feedback_page_query_count_does_not_grow_with_answers(
    client, world, attended, name, viewer
):
    world.n = 0
    client.force_login(getattr(world, viewer))
    grow_answers(world, attended, 1)
    with_one = _count(client, url(name, attended))
    grow_answers(world, attended, 24)
    assert _count(client, url(name, attended)) == with_one
