"""Every write of the evaluation part: creating, answering and closing brief polls.

Each service takes the acting user and their ``CommunityAccess``, validates, and runs
in one transaction; a refusal is a ``PollError`` with a translated message (and the
form field it belongs beside, when there is one)."""

import datetime as dt
import unicodedata
from dataclasses import dataclass

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from staffroom.communities import permissions
from staffroom.communities.access import CommunityAccess
from staffroom.core.errors import DomainError
from staffroom.evaluation.models import (
    MAX_OPTIONS,
    MIN_OPTIONS,
    Ballot,
    Poll,
    PollOption,
    PollVoter,
)
from staffroom.meetings.models import Session

# A brief poll closes within a year; a later time is a typing slip (and one near the
# year 9999 cannot even be stored in UTC).
LONGEST_OPEN = dt.timedelta(days=366)


class PollError(DomainError):
    pass


def _clean_options(options: list[str]) -> list[str]:
    """The options as shown: blank lines dropped, runs of spaces made one (a page
    shows "Exit  tickets" as "Exit tickets", so they would look like one option)."""
    cleaned = [" ".join(option.split()) for option in options]
    cleaned = [option for option in cleaned if option]
    if len(cleaned) < MIN_OPTIONS:
        raise PollError(_("Give at least two options."), field="options")
    if len(cleaned) > MAX_OPTIONS:
        raise PollError(_("Give at most %(max)d options.") % {"max": MAX_OPTIONS}, field="options")
    seen: set[str] = set()
    for option in cleaned:
        # NFKC, so that an accent typed as its own character still matches.
        key = unicodedata.normalize("NFKC", option).casefold()
        if key in seen:
            raise PollError(
                _("“%(option)s” is listed twice: each option must be different.")
                % {"option": option},
                field="options",
            )
        seen.add(key)
    if any(len(option) > 200 for option in cleaned):
        raise PollError(_("Keep each option under 200 characters."), field="options")
    return cleaned


@transaction.atomic
def poll_create(
    *,
    actor,
    access: CommunityAccess,
    question: str,
    options: list[str],
    multiple: bool = False,
    show_results: str = Poll.ShowResults.AFTER_VOTE,
    anonymous: bool = False,
    closes_at: dt.datetime | None = None,
    session: Session | None = None,
) -> Poll:
    """A new open poll in ``access.community``. Refused without ``schedule``, with no
    question, with fewer than 2 or more than 10 options (blank lines ignored), with
    the same option twice (ignoring case, accents typed apart and runs of spaces), with
    a close time already past or more than a year ahead, and with a session of another
    community."""
    if not access.has(permissions.SCHEDULE):
        raise PollError(_("Only the facilitators can start a poll in this community."))
    question = question.strip()
    if not question:
        raise PollError(_("Write the question."), field="question")
    if len(question) > 300:
        raise PollError(_("Keep the question under 300 characters."), field="question")
    labels = _clean_options(options)
    if show_results not in Poll.ShowResults.values:
        raise PollError(_("Choose when the results are shown."), field="show_results")
    if closes_at is not None and closes_at <= timezone.now():
        raise PollError(_("The close time has already passed."), field="closes_at")
    if closes_at is not None and closes_at > timezone.now() + LONGEST_OPEN:
        raise PollError(_("Choose a close time within a year."), field="closes_at")
    if session is not None and session.community_id != access.community.pk:
        raise PollError(_("That session is not in this community."), field="session")
    poll = Poll.objects.create(
        community=access.community, session=session, question=question, multiple=multiple,
        show_results=show_results, anonymous=anonymous, closes_at=closes_at, created_by=actor,
    )  # fmt: skip
    PollOption.objects.bulk_create(
        PollOption(poll=poll, position=n, label=label) for n, label in enumerate(labels, 1)
    )
    return poll


@dataclass(frozen=True)
class VoteOutcome:
    """What a vote did: ``"recorded"`` (a first vote), ``"changed"``, or
    ``"unchanged"`` (the same vote again, or any second vote in an anonymous poll)."""

    status: str


@transaction.atomic
def poll_vote(*, actor, access: CommunityAccess, poll: Poll, option_ids: list[int]) -> VoteOutcome:
    """Record ``actor``'s choice. Refused to anyone who may not take part in the
    community, on a closed poll (early, or past its close time), for an option of
    another poll, and for more than one option in a single-choice poll. Sending the
    same vote again changes nothing; a different one replaces it (ordinary polls
    only: an anonymous vote is final, see ``models``)."""
    if not access.has(permissions.PARTICIPATE):
        raise PollError(_("Only members of this community can vote."))
    # Locked, so that two quick submits cannot both count.
    poll = Poll.objects.select_for_update().get(pk=poll.pk)
    if not poll.is_open():
        raise PollError(_("This poll is closed: votes are no longer accepted."))
    chosen = set(option_ids)
    if not chosen:
        raise PollError(_("Choose an option."), field="choices")
    options = {option.pk: option for option in poll.options.filter(pk__in=chosen)}
    if len(options) != len(chosen):
        raise PollError(_("Choose among this poll’s options."), field="choices")
    if len(chosen) > 1 and not poll.multiple:
        raise PollError(_("Choose only one option."), field="choices")
    voter = PollVoter.objects.filter(poll=poll, user=actor).first()
    if voter is not None and poll.anonymous:
        return VoteOutcome("unchanged")
    if voter is not None:
        if set(voter.ballots.values_list("option_id", flat=True)) == chosen:
            return VoteOutcome("unchanged")
        voter.ballots.all().delete()
        voter.voted_at = timezone.now()
        voter.save(update_fields=["voted_at"])
        outcome = VoteOutcome("changed")
    else:
        voter = PollVoter.objects.create(poll=poll, user=actor)
        outcome = VoteOutcome("recorded")
    if poll.anonymous:
        poll.options.filter(pk__in=chosen).update(anonymous_votes=F("anonymous_votes") + 1)
    else:
        Ballot.objects.bulk_create(
            Ballot(poll=poll, option_id=pk, voter=voter) for pk in sorted(chosen)
        )
    return outcome


@transaction.atomic
def poll_close(*, actor, access: CommunityAccess, poll: Poll) -> bool:
    """Close ``poll`` now. Returns ``False`` (and changes nothing) if it was already
    closed, so a second click is harmless."""
    if not access.has(permissions.SCHEDULE):
        raise PollError(_("Only the facilitators can close a poll."))
    poll = Poll.objects.select_for_update().get(pk=poll.pk)
    if not poll.is_open():
        return False
    poll.closed_at = timezone.now()
    poll.save(update_fields=["closed_at"])
    return True
