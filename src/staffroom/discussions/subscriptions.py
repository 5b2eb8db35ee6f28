"""What each person follows in the discussions, and when they came by.

A thread is watched (told of every new reply), muted (told of nothing in it, not even
a mention) or normal (no row: told when someone replies to their thread, quotes them or
mentions them). A tag of a community is followed (told of each new thread carrying it).
Whoever is signed in and may read the community may choose; ``mentions.post_notify``
honours the choices, and tells only those who may still read the thread.

A visit to "since you were last here" is recorded by ``discussion_visit_record``: a
visit that comes more than ``VISIT_GAP`` after the last one starts a new visit (its
start, ``previous_seen_at``, is where the page begins); one within the gap continues
the same visit, so the page does not empty itself while it is being read."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from staffroom.communities import permissions
from staffroom.communities.access import CommunityAccess
from staffroom.core.errors import DomainError
from staffroom.discussions.models import DiscussionVisit, TagFollow, Thread, ThreadSubscription
from staffroom.discussions.services import tags_parse

NORMAL = "normal"
LEVELS = (NORMAL, ThreadSubscription.Level.WATCHING, ThreadSubscription.Level.MUTED)
VISIT_GAP = timedelta(hours=1)


class SubscriptionError(DomainError):
    pass


def _check_reader(actor, access: CommunityAccess) -> None:
    if not actor.is_authenticated:
        raise SubscriptionError(_("Sign in to choose what you are told about."))
    if not access.has(permissions.READ):
        raise SubscriptionError(_("You may not do that in this community."))


@transaction.atomic
def thread_subscription_set(*, actor, access: CommunityAccess, thread: Thread, level: str) -> str:
    """Set how ``actor`` hears of ``thread``: ``normal`` (forgets any choice),
    ``watching`` or ``muted``; the level now in force."""
    _check_reader(actor, access)
    if level not in LEVELS:
        raise SubscriptionError(_("Choose Normal, Watching or Muted."), field="level")
    if thread.community_id != access.community.pk:
        raise SubscriptionError(_("That thread is not in this community."))
    if level == NORMAL:
        ThreadSubscription.objects.filter(user=actor, thread=thread).delete()
    else:
        ThreadSubscription.objects.update_or_create(
            user=actor, thread=thread, defaults={"level": level}
        )
    return level


def tag_clean(tag: str) -> str:
    """``tag`` folded to lower case, if it is one a thread could carry; else refused."""
    folded = (tag or "").lower()
    if tags_parse(f"#{folded}") != [folded]:
        raise SubscriptionError(_("That is not a tag."), field="tag")
    return folded


@transaction.atomic
def tag_follow_set(*, actor, access: CommunityAccess, tag: str, follow: bool) -> bool:
    """Follow ``tag`` in the community (or stop following it); whether ``actor`` now
    follows it. A tag no thread carries yet may be followed: it is told of the first."""
    _check_reader(actor, access)
    tag = tag_clean(tag)
    if follow:
        TagFollow.objects.get_or_create(user=actor, community=access.community, name=tag)
    else:
        TagFollow.objects.filter(user=actor, community=access.community, name=tag).delete()
    return follow


@transaction.atomic
def discussion_visit_record(*, user, now=None) -> DiscussionVisit:
    """Record that ``user`` came by at ``now``: a new visit when the last one is more
    than ``VISIT_GAP`` old (the last one's time becomes ``previous_seen_at``), else
    the same visit, carried forward."""
    now = now or timezone.now()
    visit, created = DiscussionVisit.objects.select_for_update().get_or_create(
        user=user, defaults={"last_seen_at": now}
    )
    if created:
        return visit
    if now - visit.last_seen_at > VISIT_GAP:
        visit.previous_seen_at = visit.last_seen_at
    visit.last_seen_at = max(now, visit.last_seen_at)
    visit.save(update_fields=["last_seen_at", "previous_seen_at"])
    return visit
