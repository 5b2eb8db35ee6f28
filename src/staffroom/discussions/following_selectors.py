"""Reads about what a person follows and what is new for them, each limited to the
communities they may still read and with the joins its page needs."""

from datetime import datetime, timedelta

from django.db.models import Exists, F, IntegerField, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce

from staffroom.communities import permissions
from staffroom.communities.models import Membership
from staffroom.communities.selectors import community_readable
from staffroom.discussions.models import (
    DiscussionVisit,
    ReadMarker,
    TagFollow,
    Thread,
    ThreadSubscription,
)
from staffroom.discussions.subscriptions import NORMAL

# "Since you were last here" on a first visit: what happened in the last two weeks.
FIRST_VISIT_WINDOW = timedelta(days=14)


def thread_subscription_get(user, thread: Thread) -> str:
    """How ``user`` hears of ``thread``: ``normal``, ``watching`` or ``muted``."""
    if not user.is_authenticated:
        return NORMAL
    level = (
        ThreadSubscription.objects.filter(user=user, thread=thread)
        .values_list("level", flat=True)
        .first()
    )
    return level or NORMAL


def tag_is_followed(user, community, tag: str) -> bool:
    return (
        user.is_authenticated
        and TagFollow.objects.filter(user=user, community=community, name=tag.lower()).exists()
    )


def thread_subscription_list(user) -> QuerySet[ThreadSubscription]:
    """The threads ``user`` watches or has muted, in communities they may still read,
    newest choice first."""
    readable = community_readable(user).values("pk")
    return (
        ThreadSubscription.objects.filter(user=user, thread__community__in=readable)
        .select_related("thread__community", "thread__author")
        .order_by("-created_at", "-id")
    )


def tag_follow_list(user) -> QuerySet[TagFollow]:
    """The tags ``user`` follows in communities they may still read, by community."""
    readable = community_readable(user).values("pk")
    return (
        TagFollow.objects.filter(user=user, community__in=readable)
        .select_related("community")
        .order_by("community__name", "name", "id")
    )


def since_start(visit: DiscussionVisit) -> datetime:
    """Where "since you were last here" begins for the visit under way."""
    return visit.previous_seen_at or visit.last_seen_at - FIRST_VISIT_WINDOW


def since_thread_list(user, since: datetime) -> QuerySet[Thread]:
    """Threads with activity after ``since`` in the communities ``user`` is an active
    member of (and so reads) that they have not read to the end: threads they never
    opened (their own only once it has replies) and threads with replies past their
    read marker. Muted
    threads are left out. Grouped by community (by name), the latest activity first;
    ``unread`` is the number of replies past the marker, ``opened`` whether there is
    one. Two queries for a page (count and rows), however many communities."""
    mine = Membership.objects.filter(
        user=user,
        status=Membership.Status.ACTIVE,
        role__in=permissions.membership_roles_granting(permissions.READ),
    )
    read = ReadMarker.objects.filter(user=user, thread=OuterRef("pk")).values("read_count")[:1]
    muted = ThreadSubscription.objects.filter(
        user=user, thread=OuterRef("pk"), level=ThreadSubscription.Level.MUTED
    )
    return (
        Thread.objects.filter(community__in=mine.values("community_id"), last_activity_at__gt=since)
        .exclude(Exists(muted))
        .annotate(
            opened=Exists(read),
            unread=F("reply_count") - Coalesce(Subquery(read), 0, output_field=IntegerField()),
        )
        .filter(
            Q(opened=False) & (~Q(author=user) | Q(reply_count__gt=0))
            | Q(opened=True, unread__gt=0)
        )
        .select_related("community", "author")
        .order_by("community__name", "community_id", "-last_activity_at", "-id")
    )
