"""Every write about direct conversations: starting one, writing in it, adding people,
leaving, muting, and blocking a person.

A conversation is between people who share an active community membership (a site
admin's role gives them no one more), two or a small group of up to
``CONVERSATION_MAX``. Anyone in it may add people, as in Discourse. Starting a
conversation with the one person you already have a one-to-one conversation with
writes in that one again (Discourse would start a new one). Blocking a person stops
them writing to you: they cannot start a conversation that includes you nor write in
one you are in; they are not told why. Messages are not in the site search: they are
private.

Each service takes the acting user, runs in one transaction and raises
``ConversationError`` (a translated message, and the form field it concerns) when it
refuses."""

from django.conf import settings
from django.db import transaction
from django.db.models import Count, Exists, OuterRef, Q, Subquery
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from staffroom.accounts.models import User
from staffroom.core.markdown import markdown_text, render_markdown
from staffroom.discussions.conversation_selectors import people_sharing_a_community
from staffroom.discussions.models import (
    CONVERSATION_MAX,
    TITLE_MAX,
    Block,
    Conversation,
    ConversationMember,
    Message,
)
from staffroom.discussions.services import DiscussionError, body_clean
from staffroom.notifications.services import notify_many

MESSAGE = "message"  # the kind of notification


class ConversationError(DiscussionError):
    pass


def _names(people) -> str:
    return ", ".join(sorted(person.display_name for person in people))


def _clean_title(title: str) -> str:
    title = " ".join((title or "").split())
    if len(title) > TITLE_MAX:
        raise ConversationError(
            _("A title can be at most %(limit)s characters long.") % {"limit": TITLE_MAX},
            field="title",
        )
    return title


def _check_size(count: int) -> None:
    if count > CONVERSATION_MAX:
        raise ConversationError(
            _(
                "A conversation can have at most %(limit)s people, you included; "
                "this one would have %(count)s."
            )
            % {"limit": CONVERSATION_MAX, "count": count},
            field="people",
        )


def _check_shared(actor, people: list[User]) -> None:
    shared = set(
        people_sharing_a_community(actor)
        .filter(pk__in=[person.pk for person in people])
        .values_list("pk", flat=True)
    )
    if any(person.pk not in shared for person in people):
        raise ConversationError(
            _("You can write only to people who share a community with you."), field="people"
        )


def _blocks(people_a, people_b) -> list[Block]:
    """The blocks between anyone of ``people_a`` and anyone of ``people_b``, either way."""
    ids_a, ids_b = [person.pk for person in people_a], [person.pk for person in people_b]
    return list(
        Block.objects.filter(
            Q(blocker_id__in=ids_a, blocked_id__in=ids_b)
            | Q(blocker_id__in=ids_b, blocked_id__in=ids_a)
        ).select_related("blocker", "blocked")
    )


def _check_blocks(actor, people: list[User]) -> None:
    blocks = _blocks([actor], people)
    mine = [block.blocked for block in blocks if block.blocker_id == actor.pk]
    if mine:
        raise ConversationError(
            _("You have blocked %(names)s: unblock them first to write to them.")
            % {"names": _names(mine)},
            field="people",
        )
    if blocks:
        # Who blocked them is not said: only that this conversation cannot be.
        raise ConversationError(
            _("You cannot write to %(names)s.") % {"names": _names(b.blocker for b in blocks)},
            field="people",
        )


def _refuse_blocked(blocks: list[Block], newcomers: set[int]) -> None:
    """Refuse a conversation that would put someone beside a person who blocked them
    (or whom they blocked), naming the newcomers concerned: the blocked one when both
    are new."""
    if blocks:
        refused = {b.blocked if b.blocked_id in newcomers else b.blocker for b in blocks}
        raise ConversationError(
            _("%(names)s cannot be added to this conversation.") % {"names": _names(refused)},
            field="people",
        )


def _people(actor, people) -> list[User]:
    unique: dict[int, User] = {person.pk: person for person in people if person.pk != actor.pk}
    return list(unique.values())


def _one_to_one(actor, other) -> Conversation | None:
    """The conversation that has only ever been between ``actor`` and ``other``."""
    rows = (
        ConversationMember.objects.filter(conversation=OuterRef("pk"))
        .values("conversation")
        .annotate(n=Count("pk"))
        .values("n")
    )
    both = Conversation.objects.filter(
        Exists(ConversationMember.objects.filter(conversation=OuterRef("pk"), user=actor)),
        Exists(ConversationMember.objects.filter(conversation=OuterRef("pk"), user=other)),
    )
    return both.annotate(n=Subquery(rows)).filter(n=2).order_by("-last_message_at").first()


@transaction.atomic
def conversation_start(*, actor, people, title: str = "", body: str) -> Conversation:
    """Start a conversation between ``actor`` and ``people`` (all sharing a community
    with them, none blocked either way) with a first message. With one person you
    already have a one-to-one conversation with, the message goes there, and whoever of
    you had left it is back in it."""
    people = _people(actor, people)
    if not people:
        raise ConversationError(_("Choose at least one person to write to."), field="people")
    _check_size(len(people) + 1)
    _check_shared(actor, people)
    _check_blocks(actor, people)
    # Among the others too: starting a group is adding each of them beside the rest.
    _refuse_blocked(_blocks(people, people), {person.pk for person in people})
    title, body = _clean_title(title), body_clean(body)
    conversation = None
    if len(people) == 1:
        # Two people writing to each other at the same moment must end up in one
        # conversation: the second waits here for the first to commit, then finds it.
        pair = User.objects.select_for_update().filter(pk__in=[actor.pk, people[0].pk])
        list(pair.order_by("pk").values_list("pk", flat=True))
        conversation = _one_to_one(actor, people[0])
    if conversation is not None:
        conversation.members.filter(left_at__isnull=False).update(
            left_at=None, joined_at=timezone.now()
        )
    else:
        conversation = Conversation.objects.create(title=title, started_by=actor)
        ConversationMember.objects.bulk_create(
            ConversationMember(conversation=conversation, user=person, added_by=actor)
            for person in [actor, *people]
        )
    _post(actor, conversation, body)
    return conversation


def _lock(member: ConversationMember) -> ConversationMember:
    """``member`` again, checked to be still in the conversation, with the conversation
    locked so messages and additions to it happen one after the other."""
    Conversation.objects.select_for_update().filter(pk=member.conversation_id).first()
    fresh = (
        ConversationMember.objects.select_related("conversation", "user")
        .filter(pk=member.pk, left_at__isnull=True)
        .first()
    )
    if fresh is None:
        raise ConversationError(_("You are no longer in this conversation."))
    return fresh


def _url(conversation: Conversation) -> str:
    return reverse("discussions:conversation_detail", args=[conversation.public_id])


def _tell(actor, conversation: Conversation, recipients, message: str, excerpt: str = ""):
    """Tell ``recipients`` of what ``actor`` did, ``message`` (marked with
    ``gettext_noop``) in each one's own language."""

    def text(recipient) -> str:
        with translation.override(recipient.language or settings.LANGUAGE_CODE):
            return _(message) % {"name": actor.display_name, "excerpt": excerpt}

    notify_many(
        recipients=recipients, kind=MESSAGE, actor=actor, community=None, text=text,
        url=_url(conversation), reply_to=("conversation", conversation.public_id),
    )  # fmt: skip


def _post(actor, conversation: Conversation, body: str) -> Message:
    message = Message.objects.create(
        conversation=conversation, author=actor, body=body, body_html=render_markdown(body)
    )
    Conversation.objects.filter(pk=conversation.pk).update(last_message_at=message.created_at)
    conversation.last_message_at = message.created_at
    others = ConversationMember.objects.filter(conversation=conversation, left_at__isnull=True)
    others.filter(user=actor).update(read_at=message.created_at)
    listening = others.exclude(user=actor).filter(muted=False).select_related("user")
    excerpt = Truncator(markdown_text(body)).chars(120)
    _tell(actor, conversation, [member.user for member in listening],
          gettext_noop("%(name)s wrote to you: %(excerpt)s"), excerpt)  # fmt: skip
    return message


@transaction.atomic
def message_send(*, actor, member: ConversationMember, body: str) -> Message:
    """Write in a conversation ``actor`` is in (``member``: their place in it), unless
    someone in it has blocked them."""
    member = _lock(member)
    body = body_clean(body)
    here = ConversationMember.objects.filter(
        conversation=member.conversation_id, left_at__isnull=True
    ).values("user_id")
    if Block.objects.filter(blocker_id__in=here, blocked=actor).exists():
        raise ConversationError(_("You cannot write in this conversation."), field="body")
    return _post(actor, member.conversation, body)


@transaction.atomic
def conversation_add(*, actor, member: ConversationMember, people) -> list[User]:
    """Add ``people`` (who share a community with ``actor``) to a conversation
    ``actor`` is in; anyone in it may. One who had left is back in it. No one is added
    who has blocked, or is blocked by, someone in it."""
    member = _lock(member)
    conversation = member.conversation
    current = list(
        ConversationMember.objects.filter(
            conversation=conversation, left_at__isnull=True
        ).select_related("user")
    )
    here = {row.user_id for row in current}
    people = [person for person in _people(actor, people) if person.pk not in here]
    if not people:
        raise ConversationError(_("Choose at least one person to add."), field="people")
    _check_size(len(current) + len(people))
    _check_shared(actor, people)
    _refuse_blocked(_blocks([row.user for row in current], people), {p.pk for p in people})
    now = timezone.now()
    ConversationMember.objects.filter(conversation=conversation, user__in=people).update(
        left_at=None, joined_at=now, read_at=None, added_by=actor
    )
    returning = set(
        ConversationMember.objects.filter(conversation=conversation, user__in=people).values_list(
            "user_id", flat=True
        )
    )
    ConversationMember.objects.bulk_create(
        ConversationMember(conversation=conversation, user=person, added_by=actor)
        for person in people
        if person.pk not in returning
    )
    _tell(actor, conversation, people, gettext_noop("%(name)s added you to a conversation."))
    return people


@transaction.atomic
def conversation_leave(*, actor, member: ConversationMember) -> None:
    """Leave a conversation: it is gone from ``actor``'s messages, they can no longer
    open it and are told of it no more, until someone adds them again."""
    member = _lock(member)
    ConversationMember.objects.filter(pk=member.pk).update(left_at=timezone.now())


@transaction.atomic
def conversation_mute(*, actor, member: ConversationMember, muted: bool) -> None:
    """Stop (or start again) telling ``actor`` of new messages in a conversation; it
    still shows them unread."""
    member = _lock(member)
    ConversationMember.objects.filter(pk=member.pk).update(muted=muted)


def conversation_mark_read(*, member: ConversationMember, read_at) -> None:
    """Remember that ``member`` has read the conversation up to ``read_at``; it never
    moves back (reading an earlier page leaves it where it was)."""
    ConversationMember.objects.filter(pk=member.pk).filter(
        Q(read_at__isnull=True) | Q(read_at__lt=read_at)
    ).update(read_at=read_at)


@transaction.atomic
def person_block(*, actor, person) -> Block:
    """``actor`` blocks ``person``: they can no longer write to ``actor``. They are not
    told; the conversations they share stay as they are."""
    if person.pk == actor.pk:
        raise ConversationError(_("You cannot block yourself."))
    block, _created = Block.objects.get_or_create(blocker=actor, blocked=person)
    return block


@transaction.atomic
def person_unblock(*, actor, person) -> bool:
    """Lift ``actor``'s block of ``person``; True when there was one."""
    return bool(Block.objects.filter(blocker=actor, blocked=person).delete()[0])
