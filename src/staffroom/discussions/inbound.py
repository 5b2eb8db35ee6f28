"""Replies by email (``notifications.inbound``) to the emails about threads and direct
conversations: posted as the person the email was for, with the access they hold at
the moment the mail arrives, not the access they held when it was sent."""

from django.http import Http404
from django.utils.translation import gettext as _

from staffroom.communities import permissions
from staffroom.communities.access import community_access_for
from staffroom.discussions.access import access_conversation
from staffroom.discussions.conversations import ConversationError, message_send
from staffroom.discussions.models import Thread
from staffroom.discussions.services import DiscussionError, reply_create

THREAD, CONVERSATION = "thread", "conversation"


def thread_reply_by_email(user, target: str, text: str) -> None:
    """Reply to the thread ``target`` as ``user``, if they may still read the community
    it is in now (it may have moved) and take part there; refused otherwise, as a
    locked or closed thread refuses."""
    thread = Thread.objects.select_related("community").filter(public_id=target).first()
    access = community_access_for(user, thread.community) if thread is not None else None
    if access is None or not access.has(permissions.READ):
        raise DiscussionError(_("You can no longer see this thread."))
    if not access.has(permissions.PARTICIPATE):
        raise DiscussionError(
            _("You no longer take part in “%(community)s”, so you cannot reply there.")
            % {"community": thread.community.name}
        )
    reply_create(actor=user, access=access, thread=thread, body=text)


def conversation_reply_by_email(user, target: str, text: str) -> None:
    """Write in the conversation ``target`` as ``user``, if they are still in it."""
    try:
        member = access_conversation(user, target)
    except Http404:
        raise ConversationError(_("You are no longer in this conversation.")) from None
    message_send(actor=user, member=member, body=text)
