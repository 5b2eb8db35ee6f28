"""Direct conversations: who may write to whom, the size limit, blocking, leaving,
muting, the inbox and a conversation's page, and what people are told."""

import threading
import time

import pytest
from django.db import connection
from django.urls import reverse

from staffroom.communities import services as community_services
from staffroom.conftest import make_user
from staffroom.core import search
from staffroom.core.tests.test_page_budgets import pages_problems
from staffroom.discussions import conversation_selectors as selectors
from staffroom.discussions import conversations
from staffroom.discussions.conversations import ConversationError
from staffroom.discussions.models import (
    BODY_MAX,
    CONVERSATION_MAX,
    Block,
    Conversation,
    ConversationMember,
    Message,
)
from staffroom.discussions.tests.factories import thread
from staffroom.notifications.models import Notification

pytestmark = pytest.mark.django_db


def url(name, *args):
    return reverse(f"discussions:{name}", args=args)


def joined(world, email, name):
    """A new member of the public community (open to join)."""
    user = make_user(email, name)
    community_services.membership_join(actor=user, access=world.access(user))
    return user


def start(world, *people, actor=None, body="Can we talk about Tuesday?", title=""):
    return conversations.conversation_start(
        actor=actor or world.member, people=list(people), title=title, body=body
    )


def member_of(conversation, user):
    return ConversationMember.objects.select_related("conversation").get(
        conversation=conversation, user=user
    )


def told(user) -> list[Notification]:
    return list(Notification.objects.filter(recipient=user, kind=conversations.MESSAGE))


# -- starting -----------------------------------------------------------------------


def test_start_a_conversation_and_the_other_is_told(client, world):
    client.force_login(world.member)
    response = client.post(
        url("conversation_create"),
        {"people": [world.facilitator.public_id], "title": "", "body": "Hi **Fran**"},
    )
    conversation = Conversation.objects.get()
    assert response.status_code == 302
    assert response["Location"] == url("conversation_detail", conversation.public_id)
    assert set(conversation.members.values_list("user", flat=True)) == {
        world.member.pk,
        world.facilitator.pk,
    }
    assert conversation.messages.get().body_html == "<p>Hi <strong>Fran</strong></p>\n"
    [note] = told(world.facilitator)
    assert note.community is None
    assert note.url == url("conversation_detail", conversation.public_id)
    assert note.text == "Mo Member wrote to you: Hi Fran"
    assert told(world.member) == []


def test_starting_again_with_the_same_person_reopens_the_one_to_one(world):
    first = start(world, world.facilitator)
    conversations.conversation_leave(actor=world.member, member=member_of(first, world.member))
    again = start(world, world.facilitator, body="Me again.")
    assert again == first
    assert member_of(first, world.member).left_at is None
    assert first.messages.count() == 2
    group = start(world, world.facilitator, joined(world, "kim@example.org", "Kim Third"))
    assert group != first


@pytest.mark.django_db(transaction=True)
def test_two_people_writing_to_each_other_at_once_share_one_conversation(world, monkeypatch):
    # Each start looks for the pair's conversation, then waits, so without a lock both
    # would find none and make one each (PostgreSQL; SQLite runs them one after the other).
    find = conversations._one_to_one

    def slow(actor, other):
        found = find(actor, other)
        time.sleep(0.3)
        return found

    monkeypatch.setattr(conversations, "_one_to_one", slow)
    together = threading.Barrier(2)

    def write(actor, other):
        try:
            together.wait()
            start(world, other, actor=actor, body=f"Hello from {actor.display_name}")
        finally:
            connection.close()

    pairs = [(world.member, world.facilitator), (world.facilitator, world.member)]
    writers = [threading.Thread(target=write, args=pair) for pair in pairs]
    for writer in writers:
        writer.start()
    for writer in writers:
        writer.join()
    assert Conversation.objects.count() == 1
    assert Message.objects.count() == 2


def test_the_21st_person_is_refused_with_the_limit(client, world):
    people = [joined(world, f"p{n}@example.org", f"Person {n:02}") for n in range(CONVERSATION_MAX)]
    with pytest.raises(ConversationError, match="at most 20 people, you included; "
                       "this one would have 21"):  # fmt: skip
        start(world, *people)
    client.force_login(world.member)
    response = client.post(
        url("conversation_create"),
        {"people": [p.public_id for p in people], "body": "Hello, all of you."},
    )
    assert response.status_code == 400
    assert "at most 20 people" in str(response.context["form"].errors["people"])
    assert "Hello, all of you." in response.content.decode()
    assert not Conversation.objects.exists()
    assert start(world, *people[:19]).members.count() == 20


def test_adding_the_21st_person_is_refused(world):
    people = [joined(world, f"p{n}@example.org", f"Person {n:02}") for n in range(19)]
    conversation = start(world, *people)
    late = joined(world, "late@example.org", "Late Comer")
    with pytest.raises(ConversationError, match="at most 20 people"):
        conversations.conversation_add(
            actor=people[0], member=member_of(conversation, people[0]), people=[late]
        )


def test_someone_sharing_no_community_is_refused_and_not_listed(client, world):
    with pytest.raises(ConversationError, match="share a community with you"):
        start(world, world.outsider)
    # The hub admin runs the communities through their hub role, not a membership.
    with pytest.raises(ConversationError, match="share a community with you"):
        start(world, world.hub_admin)
    client.force_login(world.member)
    page = client.get(url("conversation_create"))
    assert [label for _value, label in page.context["form"].fields["people"].widget.choices] == [
        "Fran Facilitator"
    ]
    assert (
        "Otto Outsider" not in client.get(url("conversation_create") + "?q=Otto").content.decode()
    )
    response = client.post(
        url("conversation_create"), {"people": [world.outsider.public_id], "body": "Hi"}
    )
    assert response.status_code == 400
    assert "share a community with you" in response.content.decode()
    assert not Conversation.objects.exists()


def test_a_search_keeps_what_was_typed_and_who_was_chosen(client, world):
    kim = joined(world, "kim@example.org", "Kim Park")
    joined(world, "lee@example.org", "Lee Stone")
    client.force_login(world.member)
    response = client.post(
        url("conversation_create"),
        {"find": "1", "q": "park", "people": [world.facilitator.public_id],
         "title": "Lab safety", "body": "My draft"},
    )  # fmt: skip
    assert response.status_code == 200
    choices = [value for value, _label in response.context["form"].fields["people"].widget.choices]
    assert choices == [world.facilitator.public_id, kim.public_id]
    html = response.content.decode()
    assert "My draft" in html and "Lab safety" in html and "Lee Stone" not in html
    assert not Conversation.objects.exists()
    preset = client.get(url("conversation_create") + f"?to={kim.public_id}")
    assert preset.context["form"]["people"].value() == [kim.public_id]


def test_a_body_of_a_megabyte_is_refused_naming_the_limit(client, world):
    client.force_login(world.member)
    big = "a" * 1_000_000
    response = client.post(
        url("conversation_create"), {"people": [world.facilitator.public_id], "body": big}
    )
    assert response.status_code == 400
    assert "at most 50,000 characters" in str(response.context["form"].errors["body"])
    conversation = start(world, world.facilitator)
    response = client.post(url("message_create", conversation.public_id), {"body": big})
    assert response.status_code == 400
    assert "at most 50,000 characters" in str(response.context["form"].errors["body"])
    assert conversation.messages.count() == 1
    assert len(big) > BODY_MAX


def test_an_empty_message_is_refused_beside_the_field(client, world):
    conversation = start(world, world.facilitator)
    client.force_login(world.member)
    response = client.post(url("message_create", conversation.public_id), {"body": "   "})
    assert response.status_code == 400
    assert response.context["form"].errors["body"]


def test_script_in_a_message_is_inert(client, world):
    body = "<script>alert(1)</script> <img src=x onerror=alert(2)> [x](javascript:alert(3))"
    conversation = start(world, world.facilitator, body=body, title="<b>Title</b>")
    client.force_login(world.facilitator)
    html = client.get(url("conversation_detail", conversation.public_id)).content.decode()
    assert "<script>alert" not in html
    assert "<img src=x" not in html and 'href="javascript:' not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;b&gt;Title&lt;/b&gt;" in html
    inbox = client.get(url("conversation_list")).content.decode()
    assert "<script>alert" not in inbox and "&lt;b&gt;Title&lt;/b&gt;" in inbox


# -- writing, reading ---------------------------------------------------------------


def test_send_a_message_goes_to_its_page_and_marks_the_others_unread(client, world):
    conversation = start(world, world.facilitator)
    assert selectors.unread_count(world.facilitator) == 1
    assert selectors.unread_count(world.member) == 0
    client.force_login(world.facilitator)
    client.get(url("conversation_detail", conversation.public_id))
    assert selectors.unread_count(world.facilitator) == 0
    response = client.post(url("message_create", conversation.public_id), {"body": "Sure."})
    message = Message.objects.latest("id")
    assert response["Location"] == (
        url("conversation_detail", conversation.public_id) + f"?page=1#m-{message.public_id}"
    )
    assert selectors.unread_count(world.member) == 1
    client.force_login(world.member)
    page = client.get(url("block_list"))
    assert "Messages <span>(1 unread)</span>" in page.content.decode()


def test_the_first_unread_message_is_linked_and_read_only_when_its_page_is_seen(client, world):
    conversation = start(world, world.facilitator, body="Message 1")
    facilitator = member_of(conversation, world.facilitator)
    client.force_login(world.facilitator)
    client.get(url("conversation_detail", conversation.public_id))
    for n in range(2, 31):
        conversations.message_send(actor=world.member, member=member_of(conversation,
                                   world.member), body=f"Message {n}")  # fmt: skip
    first = client.get(url("conversation_detail", conversation.public_id))
    assert first.context["first_unread"] == 2
    assert selectors.unread_count(world.facilitator) == 1  # page 2 is still unread
    client.get(url("conversation_detail", conversation.public_id) + "?page=2")
    assert selectors.unread_count(world.facilitator) == 0
    again = client.get(url("conversation_detail", conversation.public_id))
    assert "first_unread" not in again.context
    facilitator.refresh_from_db()
    assert facilitator.read_at == conversation.messages.latest("created_at", "id").created_at


def test_the_inbox_lists_my_conversations_latest_first_with_unread_marked(client, world):
    kim = joined(world, "kim@example.org", "Kim Park")
    older = start(world, world.facilitator, title="Older")
    newer = start(world, kim, title="Newer")
    conversations.message_send(actor=kim, member=member_of(newer, kim), body="Got **it**.")
    start(world, kim, actor=world.facilitator, title="Not mine")
    client.force_login(world.member)
    response = client.get(url("conversation_list"))
    rows = list(response.context["page"])
    assert [row.name for row in rows] == ["Newer", "Older"]
    assert [row.unread for row in rows] == [True, False]
    assert rows[0].excerpt == "Got it."
    assert older.public_id in response.content.decode()


def test_inbox_queries_do_not_grow(client, world, django_assert_max_num_queries):
    people = [joined(world, f"p{n}@example.org", f"Person {n:02}") for n in range(20)]
    start(world, people[0])
    start(world, people[1], world.facilitator)
    client.force_login(world.member)
    with django_assert_max_num_queries(9) as two:
        assert len(client.get(url("conversation_list")).context["page"]) == 2
    for person in people[2:]:
        start(world, person, people[0])
    with django_assert_max_num_queries(len(two.captured_queries)):
        response = client.get(url("conversation_list"))
    assert len(response.context["page"]) == 20


def test_conversation_page_queries_do_not_grow(client, world, django_assert_max_num_queries):
    people = [joined(world, f"p{n}@example.org", f"Person {n:02}") for n in range(18)]
    conversation = start(world, world.member, actor=world.facilitator)
    client.force_login(world.member)
    page = url("conversation_detail", conversation.public_id)
    client.get(page)
    facilitator = member_of(conversation, world.facilitator)
    conversations.message_send(actor=world.facilitator, member=facilitator, body="And?")
    with django_assert_max_num_queries(11) as one:
        assert client.get(page).status_code == 200
    me = member_of(conversation, world.member)
    conversations.conversation_add(actor=world.member, member=me, people=people)
    for n in range(19):
        conversations.message_send(actor=people[n % 18], member=member_of(conversation,
                                   people[n % 18]), body=f"Note {n}")  # fmt: skip
    with django_assert_max_num_queries(len(one.captured_queries)):
        response = client.get(page)
    assert len(response.context["shown"]) == 21


def test_messages_are_not_in_the_site_search(world):
    start(world, world.facilitator, body="The zebrafish lab kit arrived.")
    thread(world, title="Zebrafish in class", body="Anyone kept zebrafish?")
    found = search.search("zebrafish", scope_ids=None).results
    assert [result.kind for result in found] == ["discussions.thread"]


# -- who sees it --------------------------------------------------------------------


def test_only_the_people_in_it_see_a_conversation(client, world):
    conversation = start(world, world.facilitator)
    detail = url("conversation_detail", conversation.public_id)
    for outsider in (world.outsider, world.hub_admin):
        client.force_login(outsider)
        assert client.get(detail).status_code == 404
        assert client.post(url("message_create", conversation.public_id),
                           {"body": "Hi"}).status_code == 404  # fmt: skip
    client.logout()
    assert client.get(detail).status_code == 302


def test_after_leaving_the_conversation_is_a_404_and_its_news_stops(client, world):
    kim = joined(world, "kim@example.org", "Kim Park")
    conversation = start(world, world.facilitator, kim)
    client.force_login(world.facilitator)
    response = client.post(url("conversation_leave", conversation.public_id))
    assert response["Location"] == url("conversation_list")
    assert client.get(url("conversation_detail", conversation.public_id)).status_code == 404
    assert client.get(url("conversation_list")).context["page"].paginator.count == 0
    before = len(told(world.facilitator))
    conversations.message_send(actor=kim, member=member_of(conversation, kim), body="Still?")
    assert len(told(world.facilitator)) == before
    assert selectors.unread_count(world.facilitator) == 0
    # Someone in it may add them back.
    conversations.conversation_add(
        actor=kim, member=member_of(conversation, kim), people=[world.facilitator]
    )
    assert client.get(url("conversation_detail", conversation.public_id)).status_code == 200


def test_anyone_in_it_may_add_people_who_share_a_community_with_them(client, world):
    kim = joined(world, "kim@example.org", "Kim Park")
    conversation = start(world, world.facilitator)
    client.force_login(world.facilitator)
    add = url("conversation_add", conversation.public_id)
    form = client.get(add).context["form"]
    assert [label for _v, label in form.fields["people"].widget.choices] == ["Kim Park"]
    response = client.post(add, {"people": [kim.public_id]})
    assert response.status_code == 302
    assert member_of(conversation, kim).added_by == world.facilitator
    assert [note.text for note in told(kim)] == ["Fran Facilitator added you to a conversation."]
    refused = client.post(add, {"people": [world.outsider.public_id]})
    assert refused.status_code == 400
    assert "share a community with you" in refused.content.decode()
    nobody = client.post(add, {"people": []})
    assert nobody.status_code == 400
    assert "Choose at least one person to add." in nobody.content.decode()


# -- muting and blocking ------------------------------------------------------------


def test_a_muted_conversation_tells_nothing(client, world):
    conversation = start(world, world.facilitator)
    client.force_login(world.facilitator)
    client.post(url("conversation_mute", conversation.public_id), {"muted": "on"})
    assert member_of(conversation, world.facilitator).muted
    before = len(told(world.facilitator))
    conversations.message_send(actor=world.member, member=member_of(conversation,
                               world.member), body="Are you there?")  # fmt: skip
    assert len(told(world.facilitator)) == before
    assert selectors.unread_count(world.facilitator) == 1  # still shown unread
    client.post(url("conversation_mute", conversation.public_id))
    conversations.message_send(actor=world.member, member=member_of(conversation,
                               world.member), body="Now?")  # fmt: skip
    assert len(told(world.facilitator)) == before + 1


def test_a_blocked_person_can_neither_start_nor_write(client, world):
    kim = joined(world, "kim@example.org", "Kim Park")
    group = start(world, world.facilitator, kim)
    client.force_login(world.facilitator)
    response = client.post(url("person_block", world.member.public_id))
    assert response["Location"] == url("block_list")
    assert Block.objects.filter(blocker=world.facilitator, blocked=world.member).exists()
    with pytest.raises(ConversationError, match="You cannot write to Fran Facilitator"):
        start(world, world.facilitator)
    client.force_login(world.member)
    refused = client.post(url("message_create", group.public_id), {"body": "Hello?"})
    assert refused.status_code == 400
    assert "You cannot write in this conversation." in refused.content.decode()
    assert group.messages.count() == 1
    # Not listed to them, and a post naming them is refused.
    listed = client.get(url("conversation_create")).context["form"].fields["people"]
    assert [label for _v, label in listed.widget.choices] == ["Kim Park"]
    posted = client.post(url("conversation_create"),
                         {"people": [world.facilitator.public_id], "body": "Hi"})  # fmt: skip
    assert posted.status_code == 400
    # They are not told.
    assert not Notification.objects.filter(recipient=world.member).exists()
    # Nor can anyone add them where the one who blocked them is.
    with pytest.raises(ConversationError, match="Mo Member cannot be added"):
        other = start(world, kim, actor=world.facilitator, title="Planning")
        conversations.conversation_add(
            actor=kim, member=member_of(other, kim), people=[world.member]
        )


def test_a_group_cannot_be_started_with_a_person_beside_one_who_blocked_them(client, world):
    kim = joined(world, "kim@example.org", "Kim Park")
    conversations.person_block(actor=kim, person=world.facilitator)
    client.force_login(world.member)
    response = client.post(url("conversation_create"), {
        "people": [kim.public_id, world.facilitator.public_id], "body": "Shall we plan?",
    })  # fmt: skip
    assert response.status_code == 400
    assert response.context["form"].errors["people"] == [
        "Fran Facilitator cannot be added to this conversation."
    ]
    assert "Shall we plan?" in response.content.decode()
    assert not Conversation.objects.exists()


def test_the_blocked_list_queries_do_not_grow(client, world, django_assert_max_num_queries):
    conversations.person_block(actor=world.member, person=world.facilitator)
    client.force_login(world.member)
    with django_assert_max_num_queries(10) as one:
        client.get(url("block_list"))
    for n in range(8):
        person = make_user(f"blocked{n}@example.org", f"Blocked Person {n}")
        conversations.person_block(actor=world.member, person=person)
    with django_assert_max_num_queries(len(one.captured_queries)):
        page = client.get(url("block_list"))
    assert len(page.context["page"]) == 9


def test_the_blocker_is_reminded_and_can_unblock(client, world):
    conversations.person_block(actor=world.member, person=world.facilitator)
    with pytest.raises(ConversationError, match="You have blocked Fran Facilitator"):
        start(world, world.facilitator)
    with pytest.raises(ConversationError, match="cannot block yourself"):
        conversations.person_block(actor=world.member, person=world.member)
    client.force_login(world.member)
    page = client.get(url("block_list"))
    assert [block.blocked for block in page.context["page"]] == [world.facilitator]
    client.post(url("person_unblock", world.facilitator.public_id))
    assert not Block.objects.exists()
    assert start(world, world.facilitator).messages.count() == 1


def test_message_notifications_are_registered_and_told_at_once(world):
    from staffroom.notifications.kinds import IMMEDIATELY, kind_get

    assert kind_get(conversations.MESSAGE).default == IMMEDIATELY
    start(world, world.facilitator)
    assert told(world.facilitator)[0].delivery == IMMEDIATELY


# -- the pages ----------------------------------------------------------------------


def fill(world) -> dict:
    kim = joined(world, "kim@example.org", "Kim Park")
    one = start(world, world.facilitator, body="Could we pair on the **lab unit**?")
    for n in range(26):
        author = world.facilitator if n % 2 else world.member
        body = f"Message {n}: see [the plan](https://example.org)."
        conversations.message_send(actor=author, member=member_of(one, author), body=body)
    group = start(world, world.facilitator, kim, title="Shared unit on water")
    joined(world, "lee@example.org", "Lee Stone")
    conversations.person_block(actor=world.member, person=kim)
    return {"one": one, "group": group}


def pages(world, made) -> list[tuple[str, object, str]]:
    one, group = made["one"].public_id, made["group"].public_id
    return [
        ("inbox", world.member, url("conversation_list")),
        ("conversation", world.member, url("conversation_detail", one)),
        ("conversation page 2", world.facilitator, url("conversation_detail", one) + "?page=2"),
        ("group conversation", world.member, url("conversation_detail", group)),
        ("new conversation", world.member, url("conversation_create")),
        ("add people", world.facilitator, url("conversation_add", group)),
        ("blocked people", world.member, url("block_list")),
    ]


def test_conversation_pages_fit_the_budget_and_the_csp(client, world):
    problems = pages_problems(client, pages(world, fill(world)))
    assert not problems, "\n".join(problems)
