"""The direct conversations' URLs in the access walk (added to ``walk.py``'s CASES).

A conversation is seen only by the people in it: here the member and the facilitator,
who share the world's communities. The outsider and the hub admin (who runs the
communities through a hub role, not a membership) get a 404, as for one that does not
exist. The inbox, a new conversation and the blocked people are each signed-in
person's own. Anyone signed in may block a person they can name; starting a
conversation is refused (400, beside the field) with someone who shares no community
with them."""

from staffroom.discussions import conversations
from staffroom.walk import DONE, LOGIN, SIGNED_IN, Case, answers

NO_SUCH_ID = "000000000000"
IN_IT = answers(LOGIN, 404, 200, 200, 404)
IN_IT_POST = answers(LOGIN, 404, DONE, DONE, 404)
NOT_FOUND_SIGNED_IN = answers(LOGIN, 404, 404, 404, 404)
SIGNED_IN_POST = answers(LOGIN, DONE, DONE, DONE, DONE)


def conversation_id(world, slug) -> dict:
    """The member's one-to-one conversation with the facilitator."""
    made = conversations.conversation_start(
        actor=world.member, people=[world.facilitator], body="Shall we plan Tuesday?"
    )
    return {"public_id": made.public_id}


def _person(name):
    return lambda world, slug: {"person_id": getattr(world, name).public_id}


def _data(**fields):
    return lambda world, slug: fields


CASES = [
    Case("discussions:conversation_list", "-", SIGNED_IN),
    Case("discussions:conversation_create", "-", SIGNED_IN),
    # Only the facilitator shares a community with the member; no one may write to
    # themself.
    Case("discussions:conversation_create", "to the member", answers(LOGIN, 400, 400, DONE, 400),
         method="post",
         data=lambda world, slug: {"people": [world.member.public_id], "body": "Hello"}),
    Case("discussions:block_list", "-", SIGNED_IN),
    Case("discussions:person_block", "the facilitator", SIGNED_IN_POST, method="post",
         kwargs=_person("facilitator")),
    Case("discussions:person_block", "missing", NOT_FOUND_SIGNED_IN, method="post",
         kwargs=lambda world, slug: {"person_id": NO_SUCH_ID}),
    Case("discussions:person_unblock", "the facilitator", SIGNED_IN_POST, method="post",
         kwargs=_person("facilitator")),
    Case("discussions:person_unblock", "missing", NOT_FOUND_SIGNED_IN, method="post",
         kwargs=lambda world, slug: {"person_id": NO_SUCH_ID}),
    Case("discussions:conversation_detail", "member's", IN_IT, kwargs=conversation_id),
    Case("discussions:conversation_detail", "missing", NOT_FOUND_SIGNED_IN,
         kwargs=lambda world, slug: {"public_id": NO_SUCH_ID}),
    Case("discussions:message_create", "member's", IN_IT_POST, method="post",
         kwargs=conversation_id, data=_data(body="Yes, at four.")),
    Case("discussions:conversation_add", "member's", IN_IT, kwargs=conversation_id),
    # No one else shares a community with them: the form comes back (400).
    Case("discussions:conversation_add", "member's", answers(LOGIN, 404, 400, 400, 404),
         method="post", kwargs=conversation_id, data=_data(people=[])),
    Case("discussions:conversation_leave", "member's", IN_IT_POST, method="post",
         kwargs=conversation_id),
    Case("discussions:conversation_mute", "member's", IN_IT_POST, method="post",
         kwargs=conversation_id, data=_data(muted="on")),
]  # fmt: skip
