"""Load the demo's direct conversations (``content_conversations.py``) through the
conversation services.

Each is started at its invented moment and its messages follow at theirs, with the
sessions' ``_Clock``, so every timestamp the services write (a conversation's start and
latest message, each message, when each person last read it, the notifications the
people in it were given) is the invented one. Nobody writes before everyone in the
conversation joined the community they share, nor after a few minutes ago. Everyone has
read the conversation to its end except those its content names. Nothing is emailed
(``demo_load`` runs inside ``email_suppressed``).
"""

import datetime as dt

from staffroom.accounts.models import User
from staffroom.communities.models import Membership
from staffroom.demo import content_conversations as content
from staffroom.demo.sessions import _Clock
from staffroom.discussions import conversations
from staffroom.discussions.models import Conversation, ConversationMember

MINUTE = dt.timedelta(minutes=1)
HOUR = dt.timedelta(hours=1)
DAY = dt.timedelta(days=1)


def conversations_load(*, users: dict[str, User], now: dt.datetime) -> None:
    """Create the demo's conversations with their messages. ``users`` are the demo's
    people by email; ``now`` is the moment the demo is loaded."""
    clock = _Clock(now)
    with clock.running():
        for spec in content.CONVERSATIONS:
            _load(spec, users, now, clock)


def _load(spec: dict, users: dict[str, User], now: dt.datetime, clock: _Clock) -> None:
    starter = users[spec["by"]]
    people = [users[email] for email in spec["with"]]
    joined = Membership.objects.filter(
        community__slug=spec["community"],
        user__in=[starter, *people],
        status=Membership.Status.ACTIVE,
    ).values_list("joined_at", flat=True)
    if len(joined) != len(people) + 1:
        raise ValueError(f"Everyone in {spec['by']}'s conversation must be in the community.")
    moment = max(now - spec["days_ago"] * DAY, max(joined) + DAY)
    conversation: Conversation | None = None
    for email, body, hours in spec["messages"]:
        moment += hours * HOUR
        if moment >= now - 5 * MINUTE:
            raise ValueError(
                f"A message by {email} would be written after now (everyone in it had "
                f"joined {(now - max(joined)).days} days ago): start it earlier."
            )
        with clock.at(moment):
            if conversation is None:
                conversation = conversations.conversation_start(
                    actor=starter, people=people, title=spec.get("title", ""), body=body
                )
            else:
                member = ConversationMember.objects.get(
                    conversation=conversation, user=users[email]
                )
                conversations.message_send(actor=users[email], member=member, body=body)
    unread_by = {users[email].pk for email in spec.get("unread_by", [])}
    for member in ConversationMember.objects.filter(conversation=conversation).exclude(
        user_id__in=unread_by
    ):
        conversations.conversation_mark_read(member=member, read_at=moment)
