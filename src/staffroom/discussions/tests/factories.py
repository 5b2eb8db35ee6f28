"""Threads and replies made through the real services (never raw ORM writes)."""

from staffroom.communities.access import community_access_for
from staffroom.discussions import services


def thread(world, community=None, *, user=None, **fields):
    user = user or world.member
    community = community or world.public
    fields = {"kind": "discussion", "title": "How do you start the morning?",
              "body": "My #homeroom is restless before first period.", **fields}  # fmt: skip
    return services.thread_create(
        actor=user, access=community_access_for(user, community), **fields
    )


def question(world, community=None, **fields):
    return thread(
        world, community, **{"kind": "question", "title": "Labs without a lab?", **fields}
    )


def reply(world, parent, *, user=None, body="We start with a short check-in.", quoting=None):
    user = user or world.facilitator
    return services.reply_create(
        actor=user, access=community_access_for(user, parent.community), thread=parent,
        body=body, quoting=quoting,
    )  # fmt: skip
