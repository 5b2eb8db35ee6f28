"""The discussions URLs in the access walk (run by communities/tests/test_access.py).

Whoever may read a community reads its threads: everyone on a public one, its members
and those who run it otherwise (an outsider of a private or hidden one gets a 404).
Posting, replying and reacting are for those who take part (members and facilitators;
the hub admin runs the community without taking part: 403); bookmarking for any reader
who is signed in. Editing is for the author and those who moderate; pinning, locking,
closing and hiding an earlier version for those who moderate. A post's files are for
whoever reads the thread; moving a thread for those who moderate; sharing it for a
signed-in reader."""

from staffroom.communities.access import community_access_for
from staffroom.discussions import services, sharing
from staffroom.discussions.tests.attaching import attached_thread
from staffroom.discussions.tests.factories import question, reply, thread
from staffroom.discussions.tests.walk_conversations import CASES as CONVERSATION_CASES
from staffroom.walk import (
    DONE,
    LOGIN,
    MISSING,
    PUBLIC,
    RUN_COMMUNITY,
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


def _elsewhere(world, slug):
    """Another community than ``slug``'s, where the member and the facilitator take
    part too: where a thread is moved or shared to, or comes from."""
    return world.private if slug == PUBLIC else world.public


def attachment_id(world, slug) -> dict:
    if slug == MISSING:
        return {"public_id": NO_SUCH_ID, "attachment_id": NO_SUCH_ID}
    made = attached_thread(world, _community(world, slug))
    return {"public_id": made.public_id, "attachment_id": made.attachments.first().public_id}


def shared_id(by: str):
    """A thread of another community shared into ``slug``'s by ``by``."""

    def build(world, slug) -> dict:
        if slug == MISSING:
            return {"public_id": NO_SUCH_ID}
        user = getattr(world, by)
        made = thread(world, _elsewhere(world, slug), user=user)
        sharing.thread_share(actor=user, access=community_access_for(user, made.community),
                             thread=made, destination=_community(world, slug))  # fmt: skip
        return {"public_id": made.public_id}

    return build


def _destination(field):
    return lambda world, slug: {field: _elsewhere(world, slug).slug if slug != MISSING else PUBLIC}


# Moving: who moderates the thread's community and takes part where it goes (the hub
# admin takes part nowhere: the form comes back, 400).
MOVE_POST = dict(
    public=answers(LOGIN, 403, 403, DONE, 400),
    private=answers(LOGIN, 404, 403, DONE, 400),
    hidden=answers(404, 404, 403, DONE, 400),
)
# Sharing: a signed-in reader, into a community they take part in (the outsider and
# the hub admin have none: 400).
READ_SIGNED_IN = dict(
    public=answers(LOGIN, 200, 200, 200, 200),
    private=answers(LOGIN, 404, 200, 200, 200),
    hidden=answers(404, 404, 200, 200, 200),
)
SHARE_POST = dict(
    public=answers(LOGIN, 400, DONE, DONE, 400),
    private=answers(LOGIN, 404, DONE, DONE, 400),
    hidden=answers(404, 404, DONE, DONE, 400),
)
# Removing a share: who shared it, or whoever moderates where it was shared. Into the
# public community it comes from the private one, so those who cannot read that one
# do not see it (404).
UNSHARE_OWN = dict(
    public=answers(404, 404, DONE, DONE, DONE),
    private=answers(LOGIN, 404, DONE, DONE, DONE),
    hidden=answers(404, 404, DONE, DONE, DONE),
)
UNSHARE_OTHERS = dict(
    public=answers(404, 404, 403, DONE, DONE),
    private=answers(LOGIN, 404, 403, DONE, DONE),
    hidden=answers(404, 404, 403, DONE, DONE),
)


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
    *scoped("discussions:attachment_download", kwargs=attachment_id, **READ),
    *scoped("discussions:thread_move", kwargs=thread_id(), **RUN_COMMUNITY),
    *scoped("discussions:thread_move", method="post", kwargs=thread_id(),
            data=_destination("community"), **MOVE_POST),
    *scoped("discussions:thread_share", kwargs=thread_id(), **READ_SIGNED_IN),
    *scoped("discussions:thread_share", method="post", kwargs=thread_id(),
            data=_destination("share-community"), **SHARE_POST),
    *scoped("discussions:share_list", **READ),
    *scoped("discussions:share_remove", method="post", kwargs=shared_id("member"),
            **UNSHARE_OWN),
    *scoped("discussions:share_remove", method="post", kwargs=shared_id("facilitator"),
            **UNSHARE_OTHERS),
]  # fmt: skip

# Following (following_views.py): any signed-in reader of the community chooses how to
# hear of a thread or a tag (the outsider too, on the public one); each lists their own.
FOLLOW = dict(
    public=answers(LOGIN, 200, 200, 200, 200),
    private=answers(LOGIN, 404, 200, 200, 200),
    hidden=answers(404, 404, 200, 200, 200),
)
CASES += [
    Case("discussions:following_list", "-", SIGNED_IN),
    Case("discussions:following_tags", "-", SIGNED_IN),
    Case("discussions:since_list", "-", SIGNED_IN),
    *scoped("discussions:thread_subscription", kwargs=thread_id(), **FOLLOW),
    *scoped("discussions:thread_subscription", method="post", kwargs=thread_id(),
            data=_text(level="watching"), **_post(FOLLOW)),
    *scoped("discussions:tag_follow", kwargs=lambda world, slug: {"tag": "homeroom"}, **FOLLOW),
    *scoped("discussions:tag_follow", method="post",
            kwargs=lambda world, slug: {"tag": "homeroom"}, data=_text(follow="follow"),
            **_post(FOLLOW)),
]  # fmt: skip

# Direct conversations (walk_conversations.py).
CASES += CONVERSATION_CASES
