"""Brief polls: starting, voting, closing, anonymity and who sees the results."""

import datetime as dt

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from staffroom.communities.access import community_access_for
from staffroom.communities.services import membership_join
from staffroom.conftest import make_user
from staffroom.evaluation import selectors, services
from staffroom.evaluation.models import Ballot, Poll, PollVoter
from staffroom.evaluation.services import PollError
from staffroom.evaluation.tests.factories import make_poll, vote
from staffroom.meetings.tests.factories import make_session


def refusal(call) -> PollError:
    with pytest.raises(PollError) as caught:
        call()
    return caught.value


# -- starting a poll ----------------------------------------------------------------------


def test_poll_create_keeps_the_options_in_order_and_opens_the_poll(world):
    poll = make_poll(world, options=["  Turn \t and  talk ", "", "Exit tickets"])
    assert [o.label for o in poll.options.all()] == ["Turn and talk", "Exit tickets"]
    assert poll.is_open() and poll.created_by == world.facilitator


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"question": "   "}, "question"),
        ({"options": ["Only one", "  "]}, "options"),
        ({"options": [f"Option {n}" for n in range(11)]}, "options"),
        ({"options": ["Exit tickets", "exit tickets "]}, "options"),
        ({"options": ["Exit tickets", "Exit  tickets"]}, "options"),
        ({"options": ["Caf\u00e9", "Cafe\u0301"]}, "options"),
        ({"options": ["Yes", "x" * 201]}, "options"),
        ({"closes_at": timezone.now() - dt.timedelta(minutes=1)}, "closes_at"),
        ({"closes_at": timezone.now() + dt.timedelta(days=367)}, "closes_at"),
        ({"show_results": "never"}, "show_results"),
    ],
)
def test_poll_create_refuses_bad_input_beside_its_field(world, overrides, field):
    error = refusal(lambda: make_poll(world, **overrides))
    assert error.field == field
    assert not Poll.objects.exists()


def test_poll_create_accepts_a_close_time_up_to_a_year_ahead(world):
    closes = timezone.now() + dt.timedelta(days=365)
    assert make_poll(world, closes_at=closes).closes_at == closes


def test_poll_create_accepts_ten_options(world):
    assert make_poll(world, options=[f"Option {n}" for n in range(10)]).options.count() == 10


def test_poll_create_needs_a_facilitator(world):
    error = refusal(lambda: make_poll(world, actor=world.member))
    assert "facilitators" in error.message


def test_poll_create_refuses_a_session_of_another_community(world):
    elsewhere = make_session(world, world.private)
    assert refusal(lambda: make_poll(world, session=elsewhere)).field == "session"
    assert make_poll(world, session=make_session(world)).session is not None


# -- voting -----------------------------------------------------------------------------


def test_poll_vote_refuses_someone_who_is_not_a_member(world):
    poll = make_poll(world)
    error = refusal(lambda: vote(world, poll, world.outsider, "Exit tickets"))
    assert "members" in error.message
    error = refusal(lambda: vote(world, poll, world.hub_admin, "Exit tickets"))
    assert not PollVoter.objects.exists()


def test_poll_vote_refuses_a_closed_poll(world):
    poll = make_poll(world)
    services.poll_close(actor=world.facilitator, access=world.access(world.facilitator), poll=poll)
    error = refusal(lambda: vote(world, poll, world.member, "Exit tickets"))
    assert error.message == "This poll is closed: votes are no longer accepted."


def test_poll_vote_refuses_a_poll_past_its_close_time(world, monkeypatch):
    poll = make_poll(world, closes_at=timezone.now() + dt.timedelta(hours=1))
    later = timezone.now() + dt.timedelta(hours=2)
    monkeypatch.setattr(timezone, "now", lambda: later)
    error = refusal(lambda: vote(world, poll, world.member, "Exit tickets"))
    assert "closed" in error.message
    assert not Ballot.objects.exists()


def test_poll_vote_refuses_an_option_of_another_poll(world):
    poll, other = make_poll(world), make_poll(world)
    access = world.access(world.member)
    error = refusal(lambda: services.poll_vote(
        actor=world.member, access=access, poll=poll, option_ids=[other.options.first().pk]
    ))  # fmt: skip
    assert error.field == "choices"
    assert refusal(lambda: services.poll_vote(
        actor=world.member, access=access, poll=poll, option_ids=[]
    )).field == "choices"  # fmt: skip


def test_poll_vote_refuses_several_options_in_a_single_choice_poll(world):
    poll = make_poll(world)
    error = refusal(lambda: vote(world, poll, world.member, "Exit tickets", "Turn and talk"))
    assert error.message == "Choose only one option."
    multi = make_poll(world, multiple=True)
    assert vote(world, multi, world.member, "Exit tickets", "Turn and talk").status == "recorded"
    assert multi.ballots.count() == 2


def test_poll_vote_twice_the_same_changes_nothing(world):
    poll = make_poll(world)
    assert vote(world, poll, world.member, "Exit tickets").status == "recorded"
    ballot = Ballot.objects.get()
    assert vote(world, poll, world.member, "Exit tickets").status == "unchanged"
    assert list(Ballot.objects.all()) == [ballot]
    assert PollVoter.objects.count() == 1


def test_poll_vote_changes_a_vote_while_open(world):
    poll = make_poll(world, multiple=True)
    vote(world, poll, world.member, "Exit tickets", "Turn and talk")
    assert vote(world, poll, world.member, "Think-pair-share").status == "changed"
    results = selectors.poll_results(poll)
    assert [(r.option.label, r.votes, r.percent) for r in results.options] == [
        ("Turn and talk", 0, 0), ("Exit tickets", 0, 0), ("Think-pair-share", 1, 100),
    ]  # fmt: skip
    assert results.voters == 1


# -- anonymity ---------------------------------------------------------------------------


def test_anonymous_poll_stores_no_link_between_a_ballot_and_the_voter(world):
    poll = make_poll(world, anonymous=True)
    vote(world, poll, world.member, "Exit tickets")
    vote(world, poll, world.facilitator, "Turn and talk")
    assert not Ballot.objects.filter(poll=poll).exists()  # nothing to match to a voter
    assert {o.label: o.anonymous_votes for o in poll.options.all()} == {
        "Turn and talk": 1, "Exit tickets": 1, "Think-pair-share": 0,
    }  # fmt: skip
    assert set(poll.voters.values_list("user__email", flat=True)) == {
        world.member.email, world.facilitator.email,
    }  # fmt: skip


def test_anonymous_vote_is_final_and_a_second_one_counts_nothing(world):
    poll = make_poll(world, anonymous=True)
    vote(world, poll, world.member, "Exit tickets")
    assert vote(world, poll, world.member, "Turn and talk").status == "unchanged"
    assert [o.label for o in poll.options.filter(anonymous_votes=1)] == ["Exit tickets"]


# -- closing and who sees the results -----------------------------------------------------


def test_poll_close_is_for_facilitators_and_harmless_twice(world):
    poll = make_poll(world)
    with pytest.raises(PollError):
        services.poll_close(actor=world.member, access=world.access(world.member), poll=poll)
    access = world.access(world.facilitator)
    assert services.poll_close(actor=world.facilitator, access=access, poll=poll) is True
    assert services.poll_close(actor=world.facilitator, access=access, poll=poll) is False
    poll.refresh_from_db()
    assert not poll.is_open()


@pytest.mark.parametrize(
    ("show", "voted", "closed", "member_sees"),
    [
        ("after_vote", False, False, False),
        ("after_vote", True, False, True),
        ("after_vote", False, True, True),
        ("after_close", True, False, False),
        ("after_close", True, True, True),
    ],
)
def test_results_visibility_follows_the_facilitator_choice(world, show, voted, closed, member_sees):
    poll = make_poll(world, show_results=show)
    if voted:
        vote(world, poll, world.member, "Exit tickets")
    if closed:
        services.poll_close(
            actor=world.facilitator, access=world.access(world.facilitator), poll=poll
        )
        poll.refresh_from_db()
    member = community_access_for(world.member, world.public)
    assert selectors.results_visible(poll, member, has_voted=voted) is member_sees
    facilitator = community_access_for(world.facilitator, world.public)
    assert selectors.results_visible(poll, facilitator, has_voted=False) is True


def test_who_voted_what_is_for_facilitators_of_ordinary_polls_only(world):
    facilitator = world.access(world.facilitator)
    assert selectors.sees_who_voted(make_poll(world), facilitator)
    assert not selectors.sees_who_voted(make_poll(world, anonymous=True), facilitator)
    assert not selectors.sees_who_voted(make_poll(world), world.access(world.member))


# -- deleted accounts -----------------------------------------------------------------------


def _voted_then_deleted(world, poll, *labels):
    person = make_user("leaving@example.org", "Lee Leaving")
    membership_join(actor=person, access=world.access(person))
    vote(world, poll, person, *labels)
    person.delete()


@pytest.mark.parametrize("anonymous", [False, True])
def test_deleting_a_voter_keeps_their_vote_in_the_counts(world, anonymous):
    poll = make_poll(world, anonymous=anonymous)
    vote(world, poll, world.member, "Exit tickets")
    _voted_then_deleted(world, poll, "Turn and talk")
    results = selectors.poll_results(poll)
    assert results.voters == 2
    assert [(r.option.label, r.votes, r.percent) for r in results.options] == [
        ("Turn and talk", 1, 50), ("Exit tickets", 1, 50), ("Think-pair-share", 0, 0),
    ]  # fmt: skip
    assert selectors.poll_list(world.public).get().voter_count == 2
    assert PollVoter.objects.filter(poll=poll, user=None).count() == 1


def test_one_vote_per_live_person_still_holds_beside_deleted_accounts(world):
    poll = make_poll(world, multiple=True)
    for label in ("Exit tickets", "Turn and talk"):
        _voted_then_deleted(world, poll, label)
    assert PollVoter.objects.filter(poll=poll, user=None).count() == 2
    assert vote(world, poll, world.member, "Exit tickets").status == "recorded"
    assert vote(world, poll, world.member, "Think-pair-share").status == "changed"
    assert PollVoter.objects.filter(poll=poll, user=world.member).count() == 1
    assert selectors.poll_results(poll).voters == 3
    with pytest.raises(IntegrityError), transaction.atomic():
        PollVoter.objects.create(poll=poll, user=world.member)
