"""The discussions URLs in the access walk (run by communities/tests/test_access.py).

Whoever may read a community reads its threads: everyone on a public one, its members
and those who run it otherwise (an outsider of a private or hidden one gets a 404).
Posting, replying and reacting are for those who take part (members and facilitators;
the hub admin runs the community without taking part: 403); bookmarking for any reader
who is signed in. Editing is for the author and those who moderate; pinning, locking,
closing and hiding an earlier version for those who moderate."""

from staffroom.communities.access import community_access_for
from staffroom.discussions import services
from staffroom.discussions.tests.factories import question, reply, thread
from staffroom.walk import (
    DONE,
    LOGIN,
    MISSING,
    RUN_COMMUNITY_POST,
    SIGNED_IN,
    Case,
    answers,
    scoped,
)

NO_SUCH_ID = "000000000000"


def _post(table):
    return {
        variant: {persona: DONE if status == 200 else status for persona, status in expect.items()}
        for variant, expect in table.items()
    }


READ = dict(
    public=answers(200, 200, 200, 200, 200),
    private=answers(LOGIN, 404, 200, 200, 200),
    hidden=answers(404, 404, 200, 200, 200),
)
READ_REDIRECT = _post(READ)
# Reading and signed in: bookmarks, which someone who no longer takes part can remove.
READ_SIGNED_IN_POST = _post(
    dict(
        public=answers(LOGIN, 200, 200, 200, 200),
        private=answers(LOGIN, 404, 200, 200, 200),
        hidden=answers(404, 404, 200, 200, 200),
    )
)
TAKE_PART = dict(
    public=answers(LOGIN, 403, 200, 200, 403),
    private=answers(LOGIN, 404, 200, 200, 403),
    hidden=answers(404, 404, 200, 200, 403),
)
TAKE_PART_POST = _post(TAKE_PART)
# The member's own post: its author, and those who moderate (facilitator, hub admin).
EDIT_OWN = dict(
    public=answers(LOGIN, 403, 200, 200, 200),
    private=answers(LOGIN, 404, 200, 200, 200),
    hidden=answers(404, 404, 200, 200, 200),
)
EDIT_OWN_POST = _post(EDIT_OWN)
# The facilitator's post: the member reads it but may not edit it.
EDIT_OTHERS = dict(
    public=answers(LOGIN, 403, 403, 200, 200),
    private=answers(LOGIN, 404, 403, 200, 200),
    hidden=answers(404, 404, 403, 200, 200),
)


def _community(world, slug):
    return {c.slug: c for c in (world.public, world.private, world.hidden)}[slug]


def thread_id(make=thread):
    def build(world, slug) -> dict:
        if slug == MISSING:
            return {"public_id": NO_SUCH_ID}
        return {"public_id": make(world, _community(world, slug)).public_id}

    return build


def reply_id(author: str):
    def build(world, slug) -> dict:
        if slug == MISSING:
            return {"public_id": NO_SUCH_ID, "reply_id": NO_SUCH_ID}
        parent = thread(world, _community(world, slug))
        made = reply(world, parent, user=getattr(world, author))
        return {"public_id": parent.public_id, "reply_id": made.public_id}

    return build


def revision_id(world, slug) -> dict:
    """An earlier version of the member's thread, made by editing it."""
    if slug == MISSING:
        return {"public_id": NO_SUCH_ID, "revision_id": 1}
    made = thread(world, _community(world, slug))
    services.thread_edit(
        actor=world.member, access=community_access_for(world.member, made.community),
        thread=made, title=made.title, body="Said better.",
    )  # fmt: skip
    return {"public_id": made.public_id, "revision_id": made.revisions.get().pk}


def _by_facilitator(world, community):
    return thread(world, community, user=world.facilitator)


def _text(**fields):
    return lambda world, slug: fields


CASES = [
    Case("discussions:bookmark_list", "-", SIGNED_IN),
    *scoped("discussions:thread_list", **READ),
    *scoped("discussions:question_list", **READ),
    *scoped("discussions:tag_detail", kwargs=lambda world, slug: {"tag": "homeroom"}, **READ),
    *scoped("discussions:thread_create", **TAKE_PART),
    *scoped("discussions:thread_create", method="post",
            data=_text(kind="discussion", title="Hello", body="Hi, all."), **TAKE_PART_POST),
    *scoped("discussions:thread_detail", kwargs=thread_id(), **READ),
    *scoped("discussions:thread_history", kwargs=thread_id(), **READ),
    *scoped("discussions:thread_edit", kwargs=thread_id(), **EDIT_OWN),
    *scoped("discussions:thread_edit", kwargs=thread_id(_by_facilitator), **EDIT_OTHERS),
    *scoped("discussions:thread_edit", method="post", kwargs=thread_id(),
            data=_text(title="Renamed", body="New words."), **EDIT_OWN_POST),
    *scoped("discussions:reply_create", kwargs=thread_id(), **TAKE_PART),
    *scoped("discussions:reply_create", method="post", kwargs=thread_id(),
            data=_text(body="Same here."), **TAKE_PART_POST),
    *scoped("discussions:reaction_toggle", method="post", kwargs=thread_id(_by_facilitator),
            data=_text(kind="helpful"), **TAKE_PART_POST),
    *scoped("discussions:bookmark_toggle", method="post", kwargs=thread_id(),
            **READ_SIGNED_IN_POST),
    *scoped("discussions:answer_mark", method="post", kwargs=thread_id(question),
            **EDIT_OWN_POST),
    *scoped("discussions:revision_hide", method="post", kwargs=revision_id,
            **RUN_COMMUNITY_POST),
    *scoped("discussions:thread_moderate", method="post", kwargs=thread_id(),
            data=_text(action="pin"), **RUN_COMMUNITY_POST),
    *scoped("discussions:reply_detail", kwargs=reply_id("facilitator"), **READ_REDIRECT),
    *scoped("discussions:reply_history", kwargs=reply_id("facilitator"), **READ),
    *scoped("discussions:reply_edit", kwargs=reply_id("member"), **EDIT_OWN),
    *scoped("discussions:reply_edit", kwargs=reply_id("facilitator"), **EDIT_OTHERS),
    *scoped("discussions:reply_edit", method="post", kwargs=reply_id("member"),
            data=_text(body="Edited."), **EDIT_OWN_POST),
]  # fmt: skip
