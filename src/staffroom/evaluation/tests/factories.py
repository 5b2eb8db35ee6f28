"""Polls made through the real services."""

from staffroom.communities.access import community_access_for
from staffroom.evaluation import services
from staffroom.evaluation.models import Poll


def poll_fields(**overrides) -> dict:
    fields = {
        "question": "Which strategy will you try with your class this week?",
        "options": ["Turn and talk", "Exit tickets", "Think-pair-share"],
    }
    return {**fields, **overrides}


def make_poll(world, community=None, *, actor=None, **overrides) -> Poll:
    """A poll started by ``actor`` (default: the facilitator) in ``community``
    (default: the public one)."""
    actor = actor or world.facilitator
    access = community_access_for(actor, community or world.public)
    return services.poll_create(actor=actor, access=access, **poll_fields(**overrides))


def vote(world, poll, user, *labels):
    options = {option.label: option.pk for option in poll.options.all()}
    return services.poll_vote(
        actor=user, access=community_access_for(user, poll.community), poll=poll,
        option_ids=[options[label] for label in labels],
    )  # fmt: skip
