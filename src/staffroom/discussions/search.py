"""Threads and replies in the search index (``core.search``), scoped to their
community: whoever may read the community may read its threads."""

from collections.abc import Iterator

from django.urls import reverse

from staffroom.core import search
from staffroom.core.markdown import markdown_text
from staffroom.discussions.models import Reply, Thread

THREAD = "discussions.thread"
REPLY = "discussions.reply"


def thread_document(thread: Thread) -> search.Document:
    return search.Document(
        kind=THREAD,
        object_id=thread.pk,
        scope_id=thread.community_id,
        title=thread.title,
        url=reverse("discussions:thread_detail", args=[thread.community.slug, thread.public_id]),
        created_at=thread.created_at,
        body=markdown_text(thread.body),
        author_id=thread.author_id,
        tags=[tag.name for tag in thread.tags.all()],
    )


def reply_document(reply: Reply) -> search.Document:
    thread = reply.thread
    return search.Document(
        kind=REPLY,
        object_id=reply.pk,
        scope_id=thread.community_id,
        title=thread.title,
        url=reverse(
            "discussions:reply_detail",
            args=[thread.community.slug, thread.public_id, reply.public_id],
        ),
        created_at=reply.created_at,
        body=markdown_text(reply.body),
        author_id=reply.author_id,
    )


def thread_documents() -> Iterator[search.Document]:
    threads = Thread.objects.select_related("community").prefetch_related("tags")
    for thread in threads.iterator(chunk_size=500):
        yield thread_document(thread)


def reply_documents() -> Iterator[search.Document]:
    replies = Reply.objects.select_related("thread__community")
    for reply in replies.iterator(chunk_size=500):
        yield reply_document(reply)
