"""Reads of direct conversations that views share, each limited to the person who asks
and with the joins its page needs, so no page makes a query per row."""

import datetime as dt

from django.db.models import (
    BooleanField,
    Exists,
    ExpressionWrapper,
    F,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
)
from django.db.models.functions import Substr
from django.utils.translation import gettext

from staffroom.accounts.models import User
from staffroom.communities.models import Membership
from staffroom.discussions.models import Block, Conversation, ConversationMember, Message

EXCERPT = 160  # characters of the latest message shown in the inbox
ACTIVE = Membership.Status.ACTIVE


def _unread() -> Q:
    return Q(read_at__isnull=True) | Q(read_at__lt=F("conversation__last_message_at"))


def people_sharing_a_community(viewer) -> QuerySet[User]:
    """The active people who share an active community membership with ``viewer``
    (``viewer`` excluded): whom they may write to, blocks aside. A site admin's role
    gives them no one more: only memberships count."""
    mine = Membership.objects.filter(user=viewer, status=ACTIVE).values("community_id")
    shared = Membership.objects.filter(user=OuterRef("pk"), status=ACTIVE, community_id__in=mine)
    return User.objects.filter(Exists(shared), is_active=True).exclude(pk=viewer.pk)


def people_to_message(viewer, *, query: str = "") -> QuerySet[User]:
    """Of ``people_sharing_a_community``, those with no block between them and
    ``viewer`` either way, whose name contains ``query``, by name."""
    blocked = Block.objects.filter(
        Q(blocker=viewer, blocked=OuterRef("pk")) | Q(blocker=OuterRef("pk"), blocked=viewer)
    )
    people = people_sharing_a_community(viewer).exclude(Exists(blocked))
    if query:
        people = people.filter(display_name__icontains=query)
    return people.order_by("display_name", "pk")


def _current_members() -> QuerySet[ConversationMember]:
    return (
        ConversationMember.objects.filter(left_at__isnull=True)
        .select_related("user")
        .order_by("joined_at", "pk")
    )


def conversation_list(user) -> QuerySet[ConversationMember]:
    """``user``'s place in each conversation they are in, the latest message first,
    each with ``unread``, an ``excerpt`` of its latest message and its people
    (``conversation.current``). Three queries a page, however many there are."""
    latest = Message.objects.filter(conversation=OuterRef("conversation")).order_by(
        "-created_at", "-id"
    )
    return (
        ConversationMember.objects.filter(user=user, left_at__isnull=True)
        .select_related("conversation")
        .annotate(
            unread=ExpressionWrapper(_unread(), output_field=BooleanField()),
            excerpt=Substr(Subquery(latest.values("body")[:1]), 1, EXCERPT),
        )
        .prefetch_related(
            Prefetch("conversation__members", queryset=_current_members(), to_attr="current")
        )
        .order_by("-conversation__last_message_at", "-conversation_id")
    )


def unread_list(user) -> QuerySet[ConversationMember]:
    """``user``'s places in the conversations that hold a message they have not read
    (the header counts them, with its other counts, in one query)."""
    return ConversationMember.objects.filter(_unread(), user=user, left_at__isnull=True)


def unread_count(user) -> int:
    return unread_list(user).count()


def conversation_name(conversation: Conversation, members, user) -> str:
    """What a conversation is called for ``user``: its title, else the names of the
    others in it (``members``: its people now)."""
    if conversation.title:
        return conversation.title
    others = [member.user.display_name for member in members if member.user_id != user.pk]
    return ", ".join(others) or gettext("No one else is here")


def member_list(conversation: Conversation) -> list[ConversationMember]:
    """The people in ``conversation`` now, in the order they joined."""
    return list(_current_members().filter(conversation=conversation))


def message_list(conversation: Conversation) -> QuerySet[Message]:
    """The conversation's messages in the order they were written."""
    return conversation.messages.select_related("author").order_by("created_at", "id")


def read_count_get(conversation: Conversation, read_at: dt.datetime | None) -> int:
    """How many of the conversation's messages were written by ``read_at``."""
    if read_at is None:
        return 0
    return conversation.messages.filter(created_at__lte=read_at).count()


def blocked_ids(user) -> set[int]:
    """The ids of the people ``user`` has blocked."""
    return set(Block.objects.filter(blocker=user).values_list("blocked_id", flat=True))


def block_list(user) -> QuerySet[Block]:
    """The people ``user`` has blocked, by name."""
    return (
        Block.objects.filter(blocker=user)
        .select_related("blocked")
        .order_by("blocked__display_name", "pk")
    )
