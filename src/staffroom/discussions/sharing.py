"""Moving a thread to another community, and sharing it into others.

A move changes where the thread lives: its tags, its search entries and its shares
follow, a moderation record names the community it came from, and its old address
sends whoever may read it to the new one (notifications already sent carry the old
one). A share leaves the thread where it is and shows an attributed card in another
community, to the readers there who may also read the thread's own community."""

from django.db import transaction
from django.db.models import QuerySet
from django.urls import reverse
from django.utils.translation import gettext as _

from staffroom.communities import permissions
from staffroom.communities.access import CommunityAccess, check_capability, community_access_for
from staffroom.communities.models import Community, Membership
from staffroom.core import search
from staffroom.discussions.models import Thread, ThreadModeration, ThreadShare, ThreadTag
from staffroom.discussions.search import reply_document, thread_document
from staffroom.discussions.services import DiscussionError

NOTE_MAX = ThreadShare._meta.get_field("note").max_length
SHARES_ON_LIST = 5  # the latest shares shown above a community's threads
FIELD = "community"  # the forms' field a refusal about the destination stands beside


def community_choices(user, thread: Thread) -> QuerySet[Community]:
    """The communities other than ``thread``'s where ``user`` takes part (an active
    membership whose role may post): where they may move or share it."""
    if not user.is_authenticated:
        return Community.objects.none()
    roles = permissions.membership_roles_granting(permissions.PARTICIPATE)
    mine = Membership.objects.filter(
        user=user, status=Membership.Status.ACTIVE, role__in=roles
    ).values("community_id")
    return Community.objects.filter(pk__in=mine).exclude(pk=thread.community_id).order_by("name")


def share_choices(user, thread: Thread) -> QuerySet[Community]:
    """``community_choices`` less those the thread is already shared into."""
    shared = ThreadShare.objects.filter(thread=thread).values("community_id")
    return community_choices(user, thread).exclude(pk__in=shared)


def _destination(actor, community: Community, thread: Thread, doing: str) -> CommunityAccess:
    if community.pk == thread.community_id:
        raise DiscussionError(_("The thread is already in that community."), field=FIELD)
    target = community_access_for(actor, community)
    if not (target.is_member and target.has(permissions.PARTICIPATE)):
        raise DiscussionError(doing, field=FIELD)
    return target


def _reindex(thread: Thread) -> None:
    """The thread's entries and its replies' entries, under the community it is in now
    (their scope, and their addresses)."""
    search.index(thread_document(thread))

    def replies():
        for reply in thread.replies.iterator(chunk_size=500):
            reply.thread = thread  # already fetched: no query per reply
            yield reply_document(reply)

    search.index_many(replies())


@transaction.atomic
def thread_move(
    *, actor, access: CommunityAccess, thread: Thread, destination: Community
) -> Thread:
    """Move ``thread`` into ``destination``: for whoever moderates the thread's
    community and takes part in the destination. It loses its pin (a pin is a choice
    made for the community it left); a share into the destination goes, since the
    thread now lives there. An announcement moves only where the mover may announce."""
    if not access.has(permissions.MODERATE):
        raise DiscussionError(_("Only facilitators move threads."))
    thread = Thread.objects.select_for_update().select_related("community").get(pk=thread.pk)
    if thread.community_id != access.community.pk:
        raise DiscussionError(_("This thread was moved already."))
    refusal = _("You can move a thread only into a community you take part in.")
    target = _destination(actor, destination, thread, refusal)
    if thread.kind == Thread.Kind.ANNOUNCEMENT and not target.has(permissions.MODERATE):
        # Otherwise a move would post an announcement where only its facilitators may.
        raise DiscussionError(
            _("Only its facilitators post announcements there, so only they can move one in."),
            field=FIELD,
        )
    source = thread.community
    thread.community, thread.pinned = destination, False
    thread.save(update_fields=["community", "pinned"])
    ThreadTag.objects.filter(thread=thread).update(community=destination)
    ThreadShare.objects.filter(thread=thread, community=destination).delete()
    _reindex(thread)
    ThreadModeration.objects.create(
        thread=thread, actor=actor, action=ThreadModeration.Action.MOVE, detail=source.name[:200]
    )
    return thread


@transaction.atomic
def thread_share(
    *, actor, access: CommunityAccess, thread: Thread, destination: Community, note: str = ""
) -> ThreadShare:
    """Show ``thread`` in ``destination`` as a card attributed to ``actor``, who reads
    the thread and takes part in the destination (one share per thread there)."""
    check_capability(access, permissions.READ)
    if not actor.is_authenticated:
        raise DiscussionError(_("Sign in to share a thread."))
    _destination(actor, destination, thread,
                 _("You can share a thread only into a community you take part in."))  # fmt: skip
    note = " ".join((note or "").split())
    if len(note) > NOTE_MAX:
        raise DiscussionError(
            _("A note can be at most %(limit)s characters long.") % {"limit": NOTE_MAX},
            field="note",
        )
    share, created = ThreadShare.objects.get_or_create(
        thread=thread, community=destination, defaults={"shared_by": actor, "note": note}
    )
    if not created:
        raise DiscussionError(_("The thread is already shared there."), field=FIELD)
    return share


def may_remove_share(access: CommunityAccess, share: ThreadShare) -> bool:
    """Who shared it, or whoever moderates the community it was shared into."""
    user = access.user
    own = user.is_authenticated and share.shared_by_id == user.pk
    return own or access.has(permissions.MODERATE)


@transaction.atomic
def share_remove(*, actor, access: CommunityAccess, share: ThreadShare) -> None:
    """Take a share out of the community ``access`` is for (the one it was shared into)."""
    if share.community_id != access.community.pk or not may_remove_share(access, share):
        raise DiscussionError(_("Only who shared it or a facilitator can remove this."))
    share.delete()


def moved_url(user, slug: str, view_name: str, kwargs: dict) -> str | None:
    """Where the address ``view_name`` + ``kwargs`` of a thread that has moved away from
    community ``slug`` is now, if ``user`` may read it there; None otherwise."""
    thread = (
        Thread.objects.select_related("community")
        .filter(public_id=kwargs.get("public_id"))
        .exclude(community__slug=slug)
        .first()
    )
    if (
        thread is None
        or not thread.moderations.filter(action=ThreadModeration.Action.MOVE).exists()
    ):
        return None
    if not community_access_for(user, thread.community).has(permissions.READ):
        return None
    return reverse(view_name, kwargs={**kwargs, "slug": thread.community.slug})
