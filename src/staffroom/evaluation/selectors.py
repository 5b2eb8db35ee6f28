"""Reads of polls that the pages share: lists already filtered to one community, and
a poll's results in a bounded number of queries."""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Case, Count, F, IntegerField, Prefetch, Q, QuerySet, Value, When
from django.utils import timezone

from staffroom.communities import permissions
from staffroom.communities.access import CommunityAccess
from staffroom.evaluation.models import Ballot, Poll, PollOption, PollVoter
from staffroom.meetings.models import Session

HOME_LIMIT = 5


def _open_q(now) -> Q:
    return Q(closed_at__isnull=True) & (Q(closes_at__isnull=True) | Q(closes_at__gt=now))


def poll_list(community, *, session: Session | None = None) -> QuerySet:
    """The community's polls (or one session's), open ones first, newest first, with
    how many people voted."""
    now = timezone.now()
    polls = Poll.objects.filter(community=community)
    if session is not None:
        polls = polls.filter(session=session)
    return (
        polls.select_related("session")
        .annotate(
            open_rank=Case(
                When(_open_q(now), then=Value(0)), default=Value(1), output_field=IntegerField()
            ),
            voter_count=Count("voters", distinct=True),
        )
        .order_by("open_rank", "-created_at", "-pk")
    )


def open_poll_list(community, *, limit: int = HOME_LIMIT) -> list[Poll]:
    return list(
        Poll.objects.filter(_open_q(timezone.now()), community=community)
        .select_related("session")
        .annotate(voter_count=Count("voters", distinct=True))
        .order_by("-created_at", "-pk")[:limit]
    )


def poll_voter_get(poll: Poll, user) -> PollVoter | None:
    if not user.is_authenticated:
        return None
    return PollVoter.objects.filter(poll=poll, user=user).first()


def my_choice_ids(poll: Poll, voter: PollVoter | None) -> set[int]:
    """The options ``voter`` chose (always empty in an anonymous poll: nothing says)."""
    if voter is None or poll.anonymous:
        return set()
    return set(voter.ballots.values_list("option_id", flat=True))


def results_visible(poll: Poll, access: CommunityAccess, *, has_voted: bool) -> bool:
    """Facilitators always see the counts; everyone else once the poll has closed, or
    once they have voted if the poll shows its results after voting."""
    if access.has(permissions.SCHEDULE) or not poll.is_open():
        return True
    return poll.show_results == Poll.ShowResults.AFTER_VOTE and has_voted


def sees_who_voted(poll: Poll, access: CommunityAccess) -> bool:
    return not poll.anonymous and access.has(permissions.SCHEDULE)


@dataclass(frozen=True)
class OptionResult:
    option: PollOption
    votes: int
    percent: int


@dataclass(frozen=True)
class PollResults:
    voters: int
    options: list[OptionResult]


def poll_results(poll: Poll) -> PollResults:
    """Votes for each option and their share of the people who voted (in a
    multiple-choice poll the shares may add up to more than 100%); two queries."""
    counted = Count("ballots") + F("anonymous_votes")
    options = list(poll.options.annotate(votes=counted).order_by("position"))
    voters = poll.voters.count()
    return PollResults(
        voters=voters,
        options=[
            OptionResult(option, option.votes, round(option.votes * 100 / voters) if voters else 0)
            for option in options
        ],
    )


def poll_voter_list(poll: Poll) -> QuerySet:
    """Who voted what (ordinary polls only), for the facilitators; the votes of deleted
    accounts come last, with no name."""
    return (
        PollVoter.objects.filter(poll=poll)
        .select_related("user")
        .prefetch_related(
            Prefetch(
                "ballots",
                queryset=Ballot.objects.select_related("option").order_by("option__position"),
            )
        )
        .order_by(F("user__display_name").asc(nulls_last=True), "pk")
    )


def session_choices(community, *, include: str = "", limit: int = 50) -> list[Session]:
    """Sessions a new poll may be tied to: the community's scheduled ones from a month
    ago on, soonest first, and the one named by ``include`` (the session page's link)
    even if it is older or further ahead."""
    since = timezone.now() - dt.timedelta(days=30)
    sessions = Session.objects.filter(community=community, status=Session.Status.SCHEDULED)
    found = list(sessions.filter(starts_at__gte=since).order_by("starts_at")[:limit])
    if include and all(session.public_id != include for session in found):
        found += list(sessions.filter(public_id=include))
    return found
