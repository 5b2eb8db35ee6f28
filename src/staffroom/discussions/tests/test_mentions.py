"""@mentions and who is told about a post (discussions/mentions.py)."""

import pytest

from staffroom.conftest import make_user
from staffroom.discussions import services
from staffroom.discussions.mentions import mentions_parse
from staffroom.discussions.tests.factories import reply, thread
from staffroom.notifications.models import Notification

pytestmark = pytest.mark.django_db


def told(user) -> list[tuple[str, str]]:
    return list(
        Notification.objects.filter(recipient=user).order_by("pk").values_list("kind", "text")
    )


def test_mentions_parse_longest_unique_name_case_insensitive(world):
    make_user("ana@example.org", "Ana")
    both = make_user("ana.ruiz@example.org", "Ana Ruiz")
    text = "Thanks @ana ruiz, and (@mo member). Mail otto@example.org, @Nobody"
    found = mentions_parse(text, world.public)
    assert found == [both, world.member]


def test_mentions_parse_ignores_a_name_two_people_share(world):
    make_user("a@example.org", "Sam Lee")
    make_user("b@example.org", "Sam Lee")
    assert mentions_parse("@Sam Lee can you help?", world.public) == []


def test_a_name_is_matched_only_among_those_who_may_read_the_community(world):
    # A stranger who shares the member's name neither blocks the mention nor takes it,
    # and one who alone has a name is not found in a community they may not read.
    make_user("other.mo@example.org", "Mo Member")
    make_user("sol@example.org", "Sol Stranger")
    text = "@Mo Member and @Sol Stranger and @Hana Admin"
    assert mentions_parse(text, world.private) == [world.member, world.hub_admin]
    # Anyone may read a public community: there the name is shared, so ambiguous.
    assert mentions_parse("@Mo Member", world.public) == []


def test_a_reader_who_shares_a_name_with_another_reader_is_ambiguous(world):
    from staffroom.communities.models import HubRole

    twin = make_user("twin@example.org", "Mo Member")
    HubRole.objects.create(hub=world.hub, user=twin, role=HubRole.Role.EVALUATOR)
    assert mentions_parse("@Mo Member", world.private) == []


def test_a_members_mention_in_a_private_thread_is_not_blocked_by_a_namesake(world):
    make_user("other.mo@example.org", "Mo Member")
    thread(world, world.private, user=world.facilitator, body="@Mo Member, over to you.")
    assert [kind for kind, _ in told(world.member)] == ["mention"]


def test_mentions_cost_a_fixed_number_of_queries_besides_each_notification(
    world, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from staffroom.communities import services as community_services
    from staffroom.discussions.mentions import post_notify

    names = [f"Reader {n:02d}" for n in range(10)]
    for n, name in enumerate(names):
        user = make_user(f"reader{n}@example.org", name)
        community_services.membership_join(actor=user, access=world.access(user, world.public))
    made = thread(world, user=world.facilitator, body="Hello")

    def cost(body):
        Notification.objects.all().delete()
        with CaptureQueriesContext(connection) as captured:
            post_notify(actor=world.facilitator, thread=made, body=body)
        return len(captured.captured_queries)

    one = cost("@Reader 00")
    # Each person told costs only notify()'s own writes and their email setting: the
    # same whichever of them it is.
    per_person = cost("@Reader 00 @Reader 01") - one
    assert per_person <= 4
    Notification.objects.all().delete()
    with django_assert_max_num_queries(one + 9 * per_person):
        post_notify(actor=world.facilitator, thread=made,
                    body=" ".join(f"@{name}" for name in names))  # fmt: skip
    assert Notification.objects.filter(kind="mention").count() == 10


def test_a_mentioned_reader_is_notified_with_a_link(world, mailoutbox, deliver):
    with deliver():
        made = thread(world, user=world.facilitator, body="@Mo Member what do you think?")
    [(kind, text)] = told(world.member)
    assert kind == "mention"
    assert text == f"Fran Facilitator mentioned you in “{made.title}”."
    assert Notification.objects.get(recipient=world.member).url.endswith(f"/{made.public_id}/")
    assert [m.to for m in mailoutbox] == [[world.member.email]]


def test_a_mention_of_someone_who_cannot_read_the_thread_tells_no_one(world, mailoutbox, deliver):
    # The private community: the outsider may not read it.
    with deliver():
        thread(world, world.private, body="Ask @Otto Outsider and @Hana Admin about it.")
    assert told(world.outsider) == []
    # The hub admin runs the community, so may read it.
    assert [kind for kind, _ in told(world.hub_admin)] == ["mention"]
    assert all(world.outsider.email not in m.to for m in mailoutbox)


def test_anyone_may_read_a_public_thread_so_anyone_mentioned_is_told(world):
    thread(world, body="@Otto Outsider you might like this.")
    assert [kind for kind, _ in told(world.outsider)] == ["mention"]


def test_mentioning_myself_tells_no_one(world):
    thread(world, body="Note to self, @Mo Member: follow up.")
    assert not Notification.objects.exists()


def test_a_reply_tells_the_threads_author_and_the_quoted_author_once_each(world):
    made = thread(world)  # by the member
    first = reply(world, made, user=world.facilitator)
    assert [kind for kind, _ in told(world.member)] == ["reply"]
    reply(world, made, user=world.member, quoting=first, body="Yes, @Fran Facilitator!")
    # Quoted and mentioned in one post: told once, as mentioned.
    assert [kind for kind, _ in told(world.facilitator)] == ["mention"]
    # Replying in my own thread tells me nothing.
    assert [kind for kind, _ in told(world.member)] == ["reply"]


def test_a_quoted_reply_tells_its_author(world):
    made = thread(world, user=world.facilitator)
    first = reply(world, made, user=world.member)
    Notification.objects.all().delete()
    reply(world, made, user=world.facilitator, quoting=first, body="Agreed.")
    assert [text for _, text in told(world.member)] == [
        f"Fran Facilitator quoted your reply in “{made.title}”."
    ]


def test_an_author_who_left_a_private_community_is_not_told_of_replies(world):
    from staffroom.communities import services as community_services
    from staffroom.communities.access import community_access_for

    made = thread(world, world.private)
    community_services.membership_leave(
        actor=world.member, access=community_access_for(world.member, world.private)
    )
    reply(world, made, user=world.facilitator, body="An answer @Mo Member will not see.")
    assert told(world.member) == []


def test_an_edit_tells_only_the_newly_mentioned(world):
    made = thread(world, body="Hello @Fran Facilitator")
    assert len(told(world.facilitator)) == 1
    body = "Hello @Fran Facilitator and @Otto Outsider"
    services.thread_edit(actor=world.member, access=world.access(world.member), thread=made,
                         title=made.title, body=body)  # fmt: skip
    assert len(told(world.facilitator)) == 1
    assert [kind for kind, _ in told(world.outsider)] == ["mention"]
    answer = reply(world, made, user=world.facilitator, body="Thanks")
    Notification.objects.all().delete()
    services.reply_edit(actor=world.facilitator, access=world.access(world.facilitator),
                        reply=answer, body="Thanks, @Otto Outsider")  # fmt: skip
    # An edit is not a new reply: the thread's author is not told again.
    assert told(world.member) == []
    assert [kind for kind, _ in told(world.outsider)] == ["mention"]
