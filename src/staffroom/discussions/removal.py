"""Deleting threads and replies for good: what site staff do in the Django admin (spam,
a post that should never have been written). Everything that counted, pointed at or
indexed what goes is put right in the same transaction, so the lists, the "since you
were last here" counts, the answer and search stay true.

Replies are deleted, not blanked: a row kept only to hold a reader's place would keep
its author's words in the database. A read marker counts replies in order, so when a
reply goes, every marker that had counted it moves back by one: the reply that takes
its place is still the first one unread."""

from collections.abc import Iterable

from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext as _

from staffroom.core import search
from staffroom.core.files import delete_on_commit
from staffroom.discussions.models import Attachment, ReadMarker, Reply, Thread
from staffroom.discussions.search import REPLY, THREAD
from staffroom.discussions.selectors import reply_position
from staffroom.discussions.services import DiscussionError


def _require(actor, permission: str) -> None:
    if not actor.has_perm(f"discussions.{permission}"):
        raise DiscussionError(_("You may not delete posts."))


def _delete_files(attachments) -> None:
    for attachment in attachments:
        delete_on_commit(attachment.file)


@transaction.atomic
def thread_delete(*, actor, thread: Thread) -> None:
    """Delete ``thread`` with its replies, tags, reactions, bookmarks, read markers,
    attachments (their files once committed) and search entries. Needs the
    ``discussions.delete_thread`` permission (site staff)."""
    _require(actor, "delete_thread")
    thread = Thread.objects.select_for_update().get(pk=thread.pk)
    search.unindex(THREAD, thread.pk)
    search.unindex_many(REPLY, list(thread.replies.values_list("pk", flat=True)))
    _delete_files(Attachment.objects.filter(thread=thread).only("file"))
    thread.delete()


@transaction.atomic
def reply_delete(*, actor, reply: Reply) -> Thread:
    """Delete ``reply`` and put its thread right: ``reply_count``, ``last_activity_at``
    (the latest reply left, or the thread's start), the answer if it was this reply,
    the read markers that had counted it (one back each), its attachments and its search
    entry. Replies that quoted it keep their text and lose the link. Needs the
    ``discussions.delete_reply`` permission (site staff). Returns the thread as it is
    now."""
    _require(actor, "delete_reply")
    # The thread's lock first, as reply_create takes it: no reply is added meanwhile.
    thread = Thread.objects.select_for_update().get(pk=reply.thread_id)
    reply = Reply.objects.get(pk=reply.pk)
    position = reply_position(reply)
    ReadMarker.objects.filter(thread=thread, read_count__gte=position).update(
        read_count=F("read_count") - 1
    )
    search.unindex(REPLY, reply.pk)
    _delete_files(Attachment.objects.filter(reply=reply).only("file"))
    reply.delete()
    changed = {"reply_count": thread.replies.count()}
    if thread.answer_id == reply.pk:
        changed["answer"] = None
    if reply.created_at >= thread.last_activity_at:
        latest = thread.replies.order_by("-created_at", "-id").first()
        changed["last_activity_at"] = latest.created_at if latest else thread.created_at
    for name, value in changed.items():
        setattr(thread, name, value)
    thread.save(update_fields=list(changed))
    return thread


@transaction.atomic
def threads_delete(*, actor, threads: Iterable[Thread]) -> int:
    """``thread_delete`` for each of ``threads``, all or none. Returns how many."""
    count = 0
    for thread in threads:
        thread_delete(actor=actor, thread=thread)
        count += 1
    return count


@transaction.atomic
def replies_delete(*, actor, replies: Iterable[Reply]) -> int:
    """``reply_delete`` for each of ``replies``, all or none, one at a time so that
    each finds its thread and the markers as the previous one left them."""
    count = 0
    for reply in replies:
        reply_delete(actor=actor, reply=reply)
        count += 1
    return count
