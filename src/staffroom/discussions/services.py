"""Every write about discussions: threads and replies, edits (each keeps the earlier
version), reactions, bookmarks, answers, moderation and read markers.

Each service takes the acting user and the ``CommunityAccess`` the view resolved, checks
who may do it, runs in one transaction (the search index changes in the same one) and
raises ``DiscussionError`` (a translated message, and the form field it concerns) when
it refuses."""

import re

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from staffroom.communities import permissions
from staffroom.communities.access import CommunityAccess
from staffroom.core import search
from staffroom.core.errors import DomainError
from staffroom.core.markdown import render_markdown
from staffroom.discussions.access import may_edit, may_mark_answer
from staffroom.discussions.mentions import post_notify
from staffroom.discussions.models import (
    BODY_MAX,
    TAG_MAX,
    TITLE_MAX,
    Bookmark,
    Reaction,
    ReadMarker,
    Reply,
    Revision,
    Thread,
    ThreadModeration,
    ThreadTag,
)
from staffroom.discussions.search import REPLY, reply_document, thread_document

MAX_TAGS = 10
# A tag starts with a letter and follows a space, a bracket or the start of the text,
# so "C#", "#1", "&#39;" and a link's "/page#part" are not tags.
_HASHTAG = re.compile(r"(?:^|(?<=[\s(\[]))#([^\W\d_][\w-]*)", re.UNICODE)


class DiscussionError(DomainError):
    pass


def tags_parse(text: str) -> list[str]:
    """The distinct ``#hashtags`` of ``text``, folded to lower case, in order of first
    appearance; a trailing hyphen is not part of a tag."""
    tags: list[str] = []
    for match in _HASHTAG.finditer(text or ""):
        tag = match.group(1).rstrip("-").lower()
        if tag and tag not in tags:
            tags.append(tag)
    return tags


def _require(access: CommunityAccess, capability: str) -> None:
    if not access.has(capability):
        raise DiscussionError(_("You may not do that in this community."))


def _clean_title(title: str) -> str:
    title = " ".join((title or "").split())
    if not title:
        raise DiscussionError(_("Give the thread a title."), field="title")
    if len(title) > TITLE_MAX:
        raise DiscussionError(
            _("A title can be at most %(limit)s characters long.") % {"limit": TITLE_MAX},
            field="title",
        )
    return title


def body_clean(body: str) -> str:
    """A post's or a message's text, trimmed; refused when empty or over ``BODY_MAX``."""
    body = (body or "").strip()
    if not body:
        raise DiscussionError(_("Write a message."), field="body")
    if len(body) > BODY_MAX:
        raise DiscussionError(
            _("A message can be at most %(limit)s characters long; this one has %(length)s.")
            % {
                "limit": number_format(BODY_MAX, force_grouping=True),
                "length": number_format(len(body), force_grouping=True),
            },
            field="body",
        )
    return body


def _clean_tags(title: str, body: str) -> list[str]:
    tags = tags_parse(f"{title}\n{body}")
    if len(tags) > MAX_TAGS:
        raise DiscussionError(
            _("A thread can have at most %(limit)s tags; this one has %(count)s.")
            % {"limit": MAX_TAGS, "count": len(tags)},
            field="body",
        )
    too_long = [tag for tag in tags if len(tag) > TAG_MAX]
    if too_long:
        raise DiscussionError(
            _("A tag can be at most %(limit)s characters long.") % {"limit": TAG_MAX},
            field="body",
        )
    return tags


def _set_tags(thread: Thread, tags: list[str]) -> None:
    thread.tags.exclude(name__in=tags).delete()
    have = set(thread.tags.values_list("name", flat=True))
    ThreadTag.objects.bulk_create(
        ThreadTag(thread=thread, community_id=thread.community_id, name=tag)
        for tag in tags
        if tag not in have
    )


def _open_for_replies(thread: Thread) -> None:
    if thread.locked:
        raise DiscussionError(_("This thread is locked: it takes no more replies."))
    if thread.closed:
        raise DiscussionError(_("This thread is closed: it takes no more replies."))


@transaction.atomic
def thread_create(*, actor, access: CommunityAccess, kind: str, title: str, body: str) -> Thread:
    """Start a thread; an announcement only by those who moderate the community."""
    _require(access, permissions.PARTICIPATE)
    if kind not in Thread.Kind.values:
        raise DiscussionError(_("Choose what kind of thread this is."), field="kind")
    if kind == Thread.Kind.ANNOUNCEMENT and not access.has(permissions.MODERATE):
        raise DiscussionError(_("Only facilitators post announcements."), field="kind")
    title, body = _clean_title(title), body_clean(body)
    tags = _clean_tags(title, body)
    thread = Thread.objects.create(
        community=access.community,
        author=actor,
        kind=kind,
        title=title,
        body=body,
        body_html=render_markdown(body),
    )
    _set_tags(thread, tags)
    search.index(thread_document(thread))
    post_notify(actor=actor, thread=thread, body=body)
    return thread


def _lock(thread: Thread) -> Thread:
    return Thread.objects.select_for_update().select_related("community").get(pk=thread.pk)


def _check_edit(access: CommunityAccess, thread: Thread, author_id: int | None) -> None:
    if may_edit(access, thread, author_id):
        return
    if thread.locked:
        raise DiscussionError(_("This thread is locked: it can no longer be edited."))
    raise DiscussionError(_("Only the author or a facilitator can edit this."))


@transaction.atomic
def thread_edit(*, actor, access: CommunityAccess, thread: Thread, title: str, body: str) -> Thread:
    """Change the opening post; the earlier version stays in the history. Its author may
    edit it (not once it is locked), and so may whoever moderates the community."""
    thread = _lock(thread)
    _check_edit(access, thread, thread.author_id)
    title, body = _clean_title(title), body_clean(body)
    tags = _clean_tags(title, body)
    if (title, body) == (thread.title, thread.body):
        return thread
    Revision.objects.create(
        thread=thread, title=thread.title, body=thread.body, body_html=thread.body_html,
        edited_by=actor,
    )  # fmt: skip
    title_changed, earlier_body = title != thread.title, thread.body
    thread.title, thread.body, thread.body_html = title, body, render_markdown(body)
    thread.edited_at = timezone.now()
    thread.save(update_fields=["title", "body", "body_html", "edited_at"])
    _set_tags(thread, tags)
    search.index(thread_document(thread))
    if title_changed:
        # A reply is found under its thread's title.
        search.retitle(REPLY, thread.replies.values_list("pk", flat=True), title)
    post_notify(actor=actor, thread=thread, body=body, earlier_body=earlier_body)
    return thread


@transaction.atomic
def reply_create(
    *, actor, access: CommunityAccess, thread: Thread, body: str, quoting: Reply | None = None
) -> Reply:
    """Reply in an open thread (not locked, not closed), perhaps quoting one of its
    replies."""
    _require(access, permissions.PARTICIPATE)
    thread = _lock(thread)
    _open_for_replies(thread)
    if quoting is not None and quoting.thread_id != thread.pk:
        raise DiscussionError(_("You can only quote a reply of this thread."))
    body = body_clean(body)
    reply = Reply.objects.create(
        thread=thread, author=actor, body=body, body_html=render_markdown(body), quoting=quoting
    )
    Thread.objects.filter(pk=thread.pk).update(
        reply_count=F("reply_count") + 1, last_activity_at=reply.created_at
    )
    reply.thread = thread
    search.index(reply_document(reply))
    post_notify(actor=actor, thread=thread, body=body, reply=reply)
    return reply


@transaction.atomic
def reply_edit(*, actor, access: CommunityAccess, reply: Reply, body: str) -> Reply:
    """Change a reply; the earlier version stays in the history."""
    reply = Reply.objects.select_for_update().select_related("thread__community").get(pk=reply.pk)
    _check_edit(access, reply.thread, reply.author_id)
    body = body_clean(body)
    if body == reply.body:
        return reply
    Revision.objects.create(
        thread=reply.thread, reply=reply, body=reply.body, body_html=reply.body_html,
        edited_by=actor,
    )  # fmt: skip
    earlier_body = reply.body
    reply.body, reply.body_html, reply.edited_at = body, render_markdown(body), timezone.now()
    reply.save(update_fields=["body", "body_html", "edited_at"])
    search.index(reply_document(reply))
    post_notify(actor=actor, thread=reply.thread, body=body, earlier_body=earlier_body, reply=reply)
    return reply


@transaction.atomic
def reaction_toggle(
    *, actor, access: CommunityAccess, thread: Thread, reply: Reply | None, kind: str
) -> bool:
    """Add ``kind`` to a post, or take it back if ``actor`` already gave it; True when
    it was added. No one reacts to their own post."""
    _require(access, permissions.PARTICIPATE)
    if kind not in Reaction.Kind.values:
        raise DiscussionError(_("Choose “helpful” or “thank you”."))
    if reply is not None and reply.thread_id != thread.pk:
        raise DiscussionError(_("That reply is not in this thread."))
    author_id = reply.author_id if reply is not None else thread.author_id
    if author_id == actor.pk:
        raise DiscussionError(_("You cannot react to your own post."))
    given = Reaction.objects.filter(thread=thread, reply=reply, user=actor, kind=kind)
    if given.delete()[0]:
        return False
    try:
        with transaction.atomic():
            Reaction.objects.create(thread=thread, reply=reply, user=actor, kind=kind)
    except IntegrityError:  # the same click twice at once: it is given, once
        pass
    return True


@transaction.atomic
def bookmark_toggle(*, actor, access: CommunityAccess, thread: Thread) -> bool:
    """Bookmark a thread, or remove the bookmark; True when it was added. Whoever is
    signed in and reads the community may (so one who left it can still remove it)."""
    _require(access, permissions.READ)
    if not actor.is_authenticated:
        raise DiscussionError(_("Sign in to bookmark a thread."))
    if Bookmark.objects.filter(user=actor, thread=thread).delete()[0]:
        return False
    Bookmark.objects.get_or_create(user=actor, thread=thread)
    return True


@transaction.atomic
def answer_mark(*, actor, access: CommunityAccess, thread: Thread, reply: Reply | None) -> Thread:
    """Mark the reply that answered a question (``None`` unmarks it): the asker or
    whoever moderates the community."""
    thread = _lock(thread)
    if not thread.is_question:
        raise DiscussionError(_("Only a question has an answer to mark."))
    if not may_mark_answer(access, thread):
        raise DiscussionError(_("Only the person who asked or a facilitator can mark the answer."))
    if reply is not None and reply.thread_id != thread.pk:
        raise DiscussionError(_("That reply is not in this thread."))
    thread.answer = reply
    thread.save(update_fields=["answer"])
    return thread


MODERATION = {
    ThreadModeration.Action.PIN: ("pinned", True),
    ThreadModeration.Action.UNPIN: ("pinned", False),
    ThreadModeration.Action.LOCK: ("locked", True),
    ThreadModeration.Action.UNLOCK: ("locked", False),
    ThreadModeration.Action.CLOSE: ("closed", True),
    ThreadModeration.Action.REOPEN: ("closed", False),
}


@transaction.atomic
def thread_moderate(*, actor, access: CommunityAccess, thread: Thread, action: str) -> Thread:
    """Pin or unpin, lock or unlock, close or reopen a thread (facilitators); each is
    recorded with who did it."""
    _require(access, permissions.MODERATE)
    if action not in MODERATION:
        raise DiscussionError(_("Choose what to do with the thread."))
    thread = _lock(thread)
    field, value = MODERATION[action]
    setattr(thread, field, value)
    thread.save(update_fields=[field])
    ThreadModeration.objects.create(thread=thread, actor=actor, action=action)
    return thread


@transaction.atomic
def revision_hide(
    *, actor, access: CommunityAccess, thread: Thread, revision: Revision
) -> Revision:
    """Hide an earlier version of a post of ``thread`` (facilitators): its text is
    erased for good, the history says a facilitator hid it, and the moderation record
    says who did."""
    _require(access, permissions.MODERATE)
    revision = Revision.objects.select_for_update().get(pk=revision.pk)
    if revision.thread_id != thread.pk:
        raise DiscussionError(_("That earlier version is not in this thread."))
    if revision.hidden_at is not None:
        return revision
    revision.title = revision.body = revision.body_html = ""
    revision.hidden_by, revision.hidden_at = actor, timezone.now()
    revision.save(update_fields=["title", "body", "body_html", "hidden_by", "hidden_at"])
    ThreadModeration.objects.create(thread=thread, actor=actor, action=ThreadModeration.Action.HIDE)
    return revision


@transaction.atomic
def thread_mark_read(*, user, thread: Thread, read_count: int) -> None:
    """Remember that ``user`` has seen the first ``read_count`` replies; a marker never
    moves back (reading an earlier page leaves it where it was)."""
    if not user.is_authenticated:
        return
    moved = ReadMarker.objects.filter(user=user, thread=thread, read_count__lt=read_count)
    if not moved.update(read_count=read_count):
        ReadMarker.objects.get_or_create(
            user=user, thread=thread, defaults={"read_count": read_count}
        )
