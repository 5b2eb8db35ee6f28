"""What discussions add to the daily and weekly digests (``notifications.digests``):
threads started since each reader's last digest, and questions still waiting for an
answer. A reader is shown only threads of communities they may read, not their own, and
none they muted."""

import datetime as dt
from collections.abc import Callable
from functools import partial

from django.db.models import F
from django.urls import reverse
from django.utils.translation import gettext as _

from staffroom.communities import permissions
from staffroom.discussions.models import Thread, ThreadSubscription
from staffroom.notifications.digests import (
    DigestItem,
    DigestReader,
    readers_holding,
    top_per_community,
)

NEW_MAX = 5
WAITING_MAX = 3
# Fetched per community, beyond what a reader is shown: some may be the reader's own.
SLACK = 3
# A question older than this has stopped being "waiting": it would fill every digest.
WAITING_FOR = dt.timedelta(days=30)


def _author(thread: Thread) -> str:
    return thread.author.display_name if thread.author else _("former member")


def _started(thread: Thread) -> str:
    return _("%(kind)s by %(name)s") % {"kind": thread.get_kind_display(), "name": _author(thread)}


def _asked(thread: Thread) -> str:
    return _("Asked by %(name)s; replies so far: %(count)d") % {
        "name": _author(thread),
        "count": thread.reply_count,
    }


def _share(
    readers: list[DigestReader],
    threads: list[Thread],
    keep: Callable[[DigestReader, Thread], bool],
    most: int,
    detail: Callable[[Thread], str],
) -> dict[int, list[DigestItem]]:
    """Each reader's first ``most`` of ``threads`` (in their order) that ``keep``
    allows, from communities they may read, not written by them and not muted."""
    readable = readers_holding(readers, permissions.READ)
    muted = set(
        ThreadSubscription.objects.filter(
            user_id__in=[reader.user.pk for reader in readers],
            thread_id__in=[thread.pk for thread in threads],
            level=ThreadSubscription.Level.MUTED,
        ).values_list("user_id", "thread_id")
    )
    items = {thread.pk: _item(thread, detail) for thread in threads}
    found = {}
    for reader in readers:
        pk = reader.user.pk
        theirs = [thread for thread in threads if (pk, thread.community_id) in readable
                  and thread.author_id != pk and (pk, thread.pk) not in muted
                  and keep(reader, thread)]  # fmt: skip
        found[pk] = [items[thread.pk] for thread in theirs[:most]]
    return found


def _item(thread: Thread, detail: Callable[[Thread], str]) -> DigestItem:
    return DigestItem(
        title=thread.title,
        url=reverse("discussions:thread_detail", args=[thread.community.slug, thread.public_id]),
        community=thread.community.name,
        detail=partial(detail, thread),
    )


def _threads(readers: list[DigestReader], **filters):
    communities = {community.pk for reader in readers for community in reader.communities}
    return Thread.objects.filter(community_id__in=communities, **filters)


def new_threads(readers: list[DigestReader], until: dt.datetime) -> dict[int, list[DigestItem]]:
    """Threads started in each reader's span, newest first. Three queries."""
    since = min(reader.since for reader in readers)
    threads = _threads(readers, created_at__gt=since, created_at__lte=until)
    newest = [F("created_at").desc(), F("id").desc()]
    threads = top_per_community(threads, newest, NEW_MAX + SLACK)
    threads = list(threads.select_related("community", "author").order_by(*newest))
    return _share(
        readers, threads, lambda reader, thread: thread.created_at > reader.since, NEW_MAX,
        _started,
    )  # fmt: skip


def waiting_questions(
    readers: list[DigestReader], until: dt.datetime
) -> dict[int, list[DigestItem]]:
    """Open questions with no reply marked as the answer, asked within ``WAITING_FOR``
    but before the reader's span (the new ones are among the new threads): the fewest
    replies first, then the longest waiting. Three queries."""
    questions = _threads(
        readers,
        kind=Thread.Kind.QUESTION,
        answer__isnull=True,
        closed=False,
        locked=False,
        created_at__gt=until - WAITING_FOR,
        created_at__lte=max(reader.since for reader in readers),
    )
    first = [F("reply_count").asc(), F("created_at").asc(), F("id").asc()]
    questions = top_per_community(questions, first, WAITING_MAX + SLACK)
    questions = list(questions.select_related("community", "author").order_by(*first))
    return _share(
        readers, questions, lambda reader, thread: thread.created_at <= reader.since,
        WAITING_MAX, _asked,
    )  # fmt: skip
