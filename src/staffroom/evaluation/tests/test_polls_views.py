"""The poll pages, the community home section and the session panel, with pinned
query counts."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from staffroom.communities.services import membership_join
from staffroom.conftest import make_user
from staffroom.evaluation.models import Ballot, Poll
from staffroom.evaluation.tests.factories import make_poll, vote
from staffroom.meetings.tests.factories import make_session
from staffroom.walk import PRIVATE


def url(name, poll):
    return reverse(f"evaluation:{name}", args=[poll.community.slug, poll.public_id])


def option_id(poll, label) -> str:
    return str(poll.options.get(label=label).pk)


# -- starting a poll ------------------------------------------------------------------------


def test_poll_create_opens_the_poll_and_goes_to_it(client, world):
    client.force_login(world.facilitator)
    response = client.post(
        reverse("evaluation:poll_create", args=[world.public.slug]),
        {"question": "Which day suits you?", "options": "Monday\nThursday\n",
         "show_results": "after_close", "anonymous": "on"},
    )  # fmt: skip
    poll = Poll.objects.get()
    assert response["Location"] == url("poll_detail", poll)
    assert poll.anonymous and poll.show_results == "after_close"
    assert [o.label for o in poll.options.all()] == ["Monday", "Thursday"]


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ("Monday", "Give at least two options."),
        ("Monday\nmonday", "is listed twice"),
        ("\n".join(f"Day {n}" for n in range(11)), "Give at most 10 options."),
    ],
)
def test_poll_create_form_keeps_the_text_and_shows_the_error(client, world, options, message):
    client.force_login(world.facilitator)
    response = client.post(
        reverse("evaluation:poll_create", args=[world.public.slug]),
        {"question": "Which day suits you?", "options": options, "show_results": "after_vote"},
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Which day suits you?" in html
    assert options.splitlines()[0] in html
    assert message in html
    assert not Poll.objects.exists()


def test_poll_create_refuses_a_close_time_in_the_past(client, world):
    client.force_login(world.facilitator)
    past = timezone.localtime(timezone.now() - dt.timedelta(days=1)).strftime("%Y-%m-%dT%H:%M")
    response = client.post(
        reverse("evaluation:poll_create", args=[world.public.slug]),
        {"question": "Which day?", "options": "Mon\nThu", "show_results": "after_vote",
         "closes_at": past},
    )  # fmt: skip
    assert response.status_code == 400
    assert "The close time has already passed." in response.content.decode()


def test_poll_create_refuses_a_close_time_years_ahead_instead_of_failing(client, world):
    client.force_login(world.facilitator)
    response = client.post(
        reverse("evaluation:poll_create", args=[world.public.slug]),
        {"question": "Which day?", "options": "Mon\nThu", "show_results": "after_vote",
         "closes_at": "9999-12-31T23:59"},
    )  # fmt: skip
    assert response.status_code == 400
    html = response.content.decode()
    assert "Choose a close time within a year." in html and 'value="9999-12-31T23:59"' in html
    assert not Poll.objects.exists()


def test_poll_create_ties_the_poll_to_the_session_it_was_started_from(client, world):
    session = make_session(world)
    client.force_login(world.facilitator)
    page = reverse("evaluation:poll_create", args=[world.public.slug])
    html = client.get(page + f"?session={session.public_id}").content.decode()
    assert f'value="{session.public_id}" selected' in html
    client.post(page, {"question": "Ready?", "options": "Yes\nNo", "show_results": "after_vote",
                       "session": session.public_id})  # fmt: skip
    assert Poll.objects.get().session == session


# -- voting and results --------------------------------------------------------------------


def test_member_votes_then_sees_the_results_with_bars(client, world):
    poll = make_poll(world)
    client.force_login(world.member)
    html = client.get(url("poll_detail", poll)).content.decode()
    assert "Vote to see the results." in html and 'class="results"' not in html
    response = client.post(url("poll_vote", poll), {"choices": option_id(poll, "Exit tickets")})
    assert response["Location"] == url("poll_detail", poll)
    html = client.get(url("poll_detail", poll)).content.decode()
    assert 'class="results"' in html
    assert '<rect width="100" height="10"/>' in html  # Exit tickets: 1 of 1 voter
    assert "style=" not in html
    assert "Your vote is counted." in html


def test_vote_again_the_same_says_nothing_changed(client, world):
    poll = make_poll(world)
    client.force_login(world.member)
    data = {"choices": option_id(poll, "Exit tickets")}
    client.post(url("poll_vote", poll), data)
    response = client.post(url("poll_vote", poll), data, follow=True)
    assert "Your vote was already counted; nothing changed." in response.content.decode()
    assert Ballot.objects.count() == 1


def test_results_after_closing_stay_hidden_until_the_poll_closes(client, world):
    poll = make_poll(world, show_results="after_close")
    vote(world, poll, world.member, "Exit tickets")
    client.force_login(world.member)
    html = client.get(url("poll_detail", poll)).content.decode()
    assert "The results will be shown when the poll closes." in html
    assert 'class="results"' not in html
    client.force_login(world.facilitator)
    assert 'class="results"' in client.get(url("poll_detail", poll)).content.decode()
    client.post(url("poll_close", poll))
    client.force_login(world.member)
    html = client.get(url("poll_detail", poll)).content.decode()
    assert 'class="results"' in html and "Closed" in html


def test_vote_after_closing_is_refused_with_a_clear_message(client, world):
    poll = make_poll(world)
    choice = option_id(poll, "Exit tickets")
    client.force_login(world.facilitator)
    client.post(url("poll_close", poll))
    client.force_login(world.member)
    response = client.post(url("poll_vote", poll), {"choices": choice})
    assert response.status_code == 400
    assert "This poll is closed: votes are no longer accepted." in response.content.decode()
    assert not Ballot.objects.exists()


def test_vote_without_a_choice_shows_the_error_beside_the_field(client, world):
    poll = make_poll(world)
    client.force_login(world.member)
    response = client.post(url("poll_vote", poll), {})
    assert response.status_code == 400
    assert "This field is required." in response.content.decode()


def test_facilitator_sees_who_voted_what_except_in_an_anonymous_poll(client, world):
    poll = make_poll(world)
    secret = make_poll(world, anonymous=True)
    for each in (poll, secret):
        vote(world, each, world.member, "Turn and talk")
    client.force_login(world.facilitator)
    html = client.get(url("poll_detail", poll)).content.decode()
    assert "Who voted what" in html and "Mo Member</strong>: Turn and talk" in html
    html = client.get(url("poll_detail", secret)).content.decode()
    assert "Who voted what" not in html and "Mo Member" not in html
    client.force_login(world.member)
    assert "Who voted what" not in client.get(url("poll_detail", poll)).content.decode()


def test_facilitator_sees_the_vote_of_a_deleted_account_as_a_former_member(client, world):
    poll = make_poll(world)
    leaving = make_user("leaving@example.org", "Aaron Leaving")
    membership_join(actor=leaving, access=world.access(leaving))
    vote(world, poll, leaving, "Exit tickets")
    vote(world, poll, world.member, "Turn and talk")
    leaving.delete()
    client.force_login(world.facilitator)
    html = client.get(url("poll_detail", poll)).content.decode()
    assert "2 people voted." in html and "Aaron Leaving" not in html
    assert html.index("Mo Member</strong>: Turn and talk") < html.index(
        "Former member</strong>: Exit tickets"
    )


def test_anonymous_poll_page_says_a_vote_is_final(client, world):
    poll = make_poll(world, anonymous=True)
    vote(world, poll, world.member, "Turn and talk")
    client.force_login(world.member)
    html = client.get(url("poll_detail", poll)).content.decode()
    assert "Votes in an anonymous poll cannot be changed." in html
    assert 'name="choices"' not in html


def test_poll_in_a_private_community_is_not_found_for_outsiders(client, world):
    poll = make_poll(world, world.private)
    client.force_login(world.outsider)
    assert client.get(url("poll_detail", poll)).status_code == 404
    assert client.get(reverse("evaluation:poll_list", args=[PRIVATE])).status_code == 404


def test_poll_of_another_community_is_not_found_under_this_one(client, world):
    poll = make_poll(world, world.private)
    client.force_login(world.member)
    wrong = reverse("evaluation:poll_detail", args=[world.public.slug, poll.public_id])
    assert client.get(wrong).status_code == 404


def test_poll_list_shows_open_polls_first(client, world):
    old_open = make_poll(world, question="Still open?")
    closed = make_poll(world, question="Already closed?")
    client.force_login(world.facilitator)
    client.post(url("poll_close", closed))
    html = client.get(reverse("evaluation:poll_list", args=[world.public.slug])).content.decode()
    assert html.index(old_open.question) < html.index(closed.question)


# -- the community home and the session page ---------------------------------------------


def test_community_home_lists_open_polls(client, world):
    make_poll(world, question="Which strategy next week?")
    client.force_login(world.member)
    html = client.get(reverse("communities:community_detail", args=[world.public.slug]))
    html = html.content.decode()
    assert "Open polls" in html and "Which strategy next week?" in html
    assert "Start a poll" not in html


def test_community_home_has_no_poll_section_without_open_polls_except_for_facilitators(
    client, world
):
    home = reverse("communities:community_detail", args=[world.public.slug])
    client.force_login(world.member)
    assert "Open polls" not in client.get(home).content.decode()
    client.force_login(world.facilitator)
    assert "Start a poll" in client.get(home).content.decode()


def test_session_page_shows_its_polls(client, world):
    session = make_session(world)
    make_poll(world, session=session, question="Which case first?")
    make_poll(world, question="Not about this session")
    page = reverse("meetings:session_detail", args=[world.public.slug, session.public_id])
    client.force_login(world.member)
    html = client.get(page).content.decode()
    assert "Which case first?" in html and "Not about this session" not in html
    assert "Start a poll for this session" not in html
    client.force_login(world.facilitator)
    assert "Start a poll for this session" in client.get(page).content.decode()


def test_session_page_links_to_all_its_polls_beyond_the_panel(client, world):
    session = make_session(world)
    polls = [make_poll(world, session=session, question=f"Question {n}?") for n in range(12)]
    make_poll(world, question="Not about this session")
    client.force_login(world.member)
    page = reverse("meetings:session_detail", args=[world.public.slug, session.public_id])
    html = client.get(page).content.decode()
    every = reverse("evaluation:poll_session_list", args=[world.public.slug, session.public_id])
    assert f'href="{every}"' in html
    assert "Question 11?" in html and "Question 1?" not in html  # the panel shows ten
    html = client.get(every).content.decode()
    assert all(f"Question {n}?" in html for n in range(12))
    assert "Not about this session" not in html and "Start a poll" not in html
    assert session.title in html
    polls += [make_poll(world, session=session, question=f"Later {n}?") for n in range(14)]
    assert "Question 0?" not in client.get(every).content.decode()
    assert "Question 0?" in client.get(every + "?page=2").content.decode()
    assert len(polls) == 26


def test_session_polls_page_offers_the_facilitator_a_poll_for_this_session(client, world):
    session = make_session(world)
    client.force_login(world.facilitator)
    page = reverse("evaluation:poll_session_list", args=[world.public.slug, session.public_id])
    html = client.get(page).content.decode()
    assert "No polls for this session yet." in html
    start = reverse("evaluation:poll_create", args=[world.public.slug])
    assert f'href="{start}?session={session.public_id}"' in html


def test_session_polls_page_of_another_community_is_not_found(client, world):
    elsewhere = make_session(world, world.private)
    client.force_login(world.member)
    wrong = reverse("evaluation:poll_session_list", args=[world.public.slug, elsewhere.public_id])
    assert client.get(wrong).status_code == 404
    client.force_login(world.outsider)
    right = reverse("evaluation:poll_session_list", args=[PRIVATE, elsewhere.public_id])
    assert client.get(right).status_code == 404


def test_session_page_has_no_poll_panel_for_members_without_polls(client, world):
    session = make_session(world)
    client.force_login(world.member)
    page = reverse("meetings:session_detail", args=[world.public.slug, session.public_id])
    assert 'id="polls-heading"' not in client.get(page).content.decode()


# -- query counts --------------------------------------------------------------------------


def _count(client, page) -> int:
    client.get(page)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(page).status_code == 200
    return len(captured)


def _grow(world, n, **overrides):
    polls = [make_poll(world, **overrides) for _ in range(n)]
    for poll in polls:
        vote(world, poll, world.member, "Exit tickets")
    return polls


def test_poll_list_query_count_is_pinned_and_does_not_grow(
    client, world, django_assert_max_num_queries
):
    client.force_login(world.facilitator)
    page = reverse("evaluation:poll_list", args=[world.public.slug])
    _grow(world, 1, session=make_session(world))
    one = _count(client, page)
    _grow(world, 19, session=make_session(world))
    assert _count(client, page) == one
    with django_assert_max_num_queries(8):
        client.get(page)


def test_session_polls_page_query_count_is_pinned_and_does_not_grow(
    client, world, django_assert_max_num_queries
):
    session = make_session(world)
    client.force_login(world.facilitator)
    page = reverse("evaluation:poll_session_list", args=[world.public.slug, session.public_id])
    _grow(world, 1, session=session)
    one = _count(client, page)
    _grow(world, 19, session=session)
    assert _count(client, page) == one
    with django_assert_max_num_queries(9):
        client.get(page)


def _voters(world, poll, n):
    for k in range(n):
        user = make_user(f"teacher{k}@example.org", f"Teacher {k}")
        membership_join(actor=user, access=world.access(user))
        vote(world, poll, user, "Exit tickets", "Think-pair-share")


def test_poll_page_query_count_is_pinned_and_does_not_grow(
    client, world, django_assert_max_num_queries
):
    poll = make_poll(world, multiple=True, session=make_session(world))
    vote(world, poll, world.member, "Exit tickets", "Turn and talk")
    client.force_login(world.facilitator)
    page = url("poll_detail", poll)
    one = _count(client, page)
    _voters(world, poll, 19)
    assert _count(client, page) == one
    with django_assert_max_num_queries(14):
        client.get(page)


def test_visitor_of_a_public_community_sees_an_open_poll_but_no_form(client, world):
    poll = make_poll(world)
    html = client.get(url("poll_detail", poll)).content.decode()
    assert poll.question in html and "Members of this community can vote." in html
    assert 'name="choices"' not in html
    response = client.post(url("poll_vote", poll), {"choices": option_id(poll, "Exit tickets")})
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_poll_create_offers_an_old_session_when_started_from_its_page(client, world):
    old = make_session(world, starts_at=timezone.now() - dt.timedelta(days=90))
    client.force_login(world.facilitator)
    page = reverse("evaluation:poll_create", args=[world.public.slug])
    assert old.public_id not in client.get(page).content.decode()
    html = client.get(page + f"?session={old.public_id}").content.decode()
    assert f'value="{old.public_id}" selected' in html
