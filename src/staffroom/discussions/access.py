"""Fetching threads, replies, their files and shares for a viewer, built on the
communities' access mechanism: a thread is read by whoever may read its community
(READ); anyone else gets a 404, as if it did not exist."""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from staffroom.communities import permissions
from staffroom.communities.access import CommunityAccess, check_capability
from staffroom.core.files import CONTENT_TYPES
from staffroom.discussions.models import (
    Attachment,
    ConversationMember,
    Reply,
    Revision,
    Thread,
    ThreadShare,
)
from staffroom.discussions.selectors import share_list

IMAGE_TYPES = frozenset(CONTENT_TYPES[kind] for kind in ("png", "jpg", "gif", "webp"))


def is_thread_author(access: CommunityAccess, thread: Thread) -> bool:
    return access.user.is_authenticated and thread.author_id == access.user.pk


def access_thread(
    access: CommunityAccess,
    public_id: str,
    *,
    need: str | tuple[str, ...] = permissions.READ,
) -> Thread:
    """The thread ``public_id`` of the community ``access`` was resolved for: 404 if it
    is not there or the viewer may not read the community; 403 without ``need``."""
    check_capability(access, permissions.READ)
    thread = (
        Thread.objects.select_related("author", "community", "answer__author")
        .filter(community=access.community, public_id=public_id)
        .first()
    )
    if thread is None:
        raise Http404
    check_capability(access, need)
    return thread


def access_reply(thread: Thread, public_id: str) -> Reply:
    """A reply of ``thread`` (already fetched through ``access_thread``); 404 otherwise."""
    reply = (
        Reply.objects.select_related("author", "thread")
        .filter(thread=thread, public_id=public_id)
        .first()
    )
    if reply is None:
        raise Http404
    return reply


def access_revision(thread: Thread, revision_id: int) -> Revision:
    """An earlier version of ``thread``'s opening post or of one of its replies; 404
    otherwise."""
    revision = Revision.objects.select_related("reply").filter(thread=thread, pk=revision_id)
    revision = revision.first()
    if revision is None:
        raise Http404
    return revision


def attachment_shown(attachment: Attachment) -> Attachment:
    """``attachment`` marked ``is_image`` or not: only an image is shown in the page;
    every other file is a link to download."""
    attachment.is_image = attachment.content_type in IMAGE_TYPES
    return attachment


def access_attachment(thread: Thread, public_id: str) -> Attachment:
    """A file of ``thread`` (already fetched through ``access_thread``); 404 otherwise."""
    attachment = Attachment.objects.filter(thread=thread, public_id=public_id).first()
    if attachment is None or not attachment.file:
        raise Http404
    return attachment_shown(attachment)


def access_share(access: CommunityAccess, thread_id: str) -> ThreadShare:
    """The share of thread ``thread_id`` into ``access``'s community, if the viewer may
    see it there; 404 otherwise."""
    check_capability(access, permissions.READ)
    share = share_list(access).filter(thread__public_id=thread_id).first()
    if share is None:
        raise Http404
    return share


def may_edit(access: CommunityAccess, thread: Thread, author_id: int | None) -> bool:
    """Whoever moderates the community may edit a post of ``thread`` (the opening post
    or a reply by ``author_id``); its author too, while they take part and the thread
    is not locked. The views, the thread page and the services all ask this."""
    if access.has(permissions.MODERATE):
        return True
    user = access.user
    return (
        not thread.locked
        and user.is_authenticated
        and author_id == user.pk
        and access.has(permissions.PARTICIPATE)
    )


def check_may_edit(access: CommunityAccess, thread: Thread, author_id: int | None) -> None:
    if not may_edit(access, thread, author_id):
        raise PermissionDenied


def may_mark_answer(access: CommunityAccess, thread: Thread) -> bool:
    """The asker (while they take part) or whoever moderates, on a question."""
    if not thread.is_question:
        return False
    if access.has(permissions.MODERATE):
        return True
    return is_thread_author(access, thread) and access.has(permissions.PARTICIPATE)


def may_react(access: CommunityAccess, author_id: int | None) -> bool:
    """Those who take part react to other people's posts (not to their own)."""
    return access.has(permissions.PARTICIPATE) and author_id != access.user.pk


def access_conversation(user, public_id: str) -> ConversationMember:
    """``user``'s place in the conversation ``public_id`` (its ``conversation`` joined):
    404 unless they are in it now. Only the people in a conversation see it; one who
    left, or a site admin, is told it does not exist."""
    member = (
        ConversationMember.objects.select_related("conversation")
        .filter(conversation__public_id=public_id, user_id=user.pk, left_at__isnull=True)
        .first()
        if user.is_authenticated
        else None
    )
    if member is None:
        raise Http404
    return member
