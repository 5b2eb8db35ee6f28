"""The demo's direct conversations: a mentor's one-to-one, a small group planning a
unit, and one waiting unread for teacher@example.org."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from staffroom.accounts.models import User
from staffroom.communities.models import Membership
from staffroom.demo import content_conversations
from staffroom.discussions import conversation_selectors
from staffroom.discussions.models import Conversation, ConversationMember, Message
from staffroom.notifications.models import Notification


@pytest.mark.django_db
def test_demo_conversations_are_told_in_order_by_people_who_share_a_community(demo):
    assert demo is True
    conversations = Conversation.objects.all()
    assert conversations.count() == len(content_conversations.CONVERSATIONS)
    assert sorted(c.members.count() for c in conversations) == [2, 2, 4]
    expected = sum(len(spec["messages"]) for spec in content_conversations.CONVERSATIONS)
    assert Message.objects.count() == expected
    now = timezone.now()
    for conversation in conversations:
        messages = list(conversation.messages.order_by("created_at", "id"))
        assert messages[-1].created_at == conversation.last_message_at < now
        assert [m.created_at for m in messages] == sorted({m.created_at for m in messages})
        first = messages[0].created_at
        for member in conversation.members.all():
            shared = Membership.objects.filter(
                user=member.user, status=Membership.Status.ACTIVE,
                community__memberships__user=conversation.started_by,
                community__memberships__status=Membership.Status.ACTIVE,
                joined_at__lt=first,
            )  # fmt: skip
            assert shared.exists(), member
    # The people written to were told in the app (no email: the demo sends none).
    assert Notification.objects.filter(kind="message").count() >= expected - 3


@pytest.mark.django_db
def test_the_demo_teacher_has_one_unread_conversation_to_open(demo):
    teacher = User.objects.get(email="teacher@example.org")
    assert conversation_selectors.unread_count(teacher) == 1
    others = ConversationMember.objects.exclude(user=teacher)
    assert all(conversation_selectors.unread_count(m.user) == 0 for m in others)
    client = Client()
    client.force_login(teacher)
    inbox = client.get(reverse("discussions:conversation_list"))
    assert inbox.status_code == 200
    rows = list(inbox.context["page"])
    assert [row.unread for row in rows] == [True, False]
    assert "Messages <span>(1 unread)</span>" in inbox.content.decode()
    assert "Shared watershed unit for spring" in inbox.content.decode()
    detail = client.get(reverse("discussions:conversation_detail",
                                args=[rows[0].conversation.public_id]))  # fmt: skip
    assert detail.status_code == 200
    assert conversation_selectors.unread_count(teacher) == 0
