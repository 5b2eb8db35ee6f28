"""Watching and muting threads, following tags, and "since my last visit"
(discussions/subscriptions.py, following_views.py, following_selectors.py, and who
``mentions.post_notify`` tells)."""

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from staffroom.communities import services as community_services
from staffroom.communities.access import access_hub, community_access_for
from staffroom.conftest import make_user
from staffroom.core.tests.test_page_budgets import pages_problems
from staffroom.discussions import services, subscriptions
from staffroom.discussions.models import DiscussionVisit, TagFollow, Thread, ThreadSubscription
from staffroom.discussions.tests.factories import reply, thread
from staffroom.notifications import kinds
from staffroom.notifications.models import Notification

pytestmark = pytest.mark.django_db


def told(user) -> list[str]:
    return list(
        Notification.objects.filter(recipient=user).order_by("pk").values_list("kind", flat=True)
    )


def watch(world, user, made, level="watching"):
    return subscriptions.thread_subscription_set(
        actor=user, access=community_access_for(user, made.community), thread=made, level=level
    )


def follow(user, community, tag, *, on=True):
    return subscriptions.tag_follow_set(
        actor=user, access=community_access_for(user, community), tag=tag, follow=on
    )


def url(name, *args, slug="open-science"):
    return reverse(f"discussions:{name}", args=[slug, *args])


# -- who is told ------------------------------------------------------------------------


def test_the_new_kinds_are_registered_with_their_defaults():
    assert kinds.kind_get("watched").default == kinds.IMMEDIATELY
    assert kinds.kind_get("followed_tag").default == kinds.WEEKLY


def test_a_watcher_is_told_of_every_reply_at_once_by_email(world, mailoutbox, deliver):
    made = thread(world, user=world.facilitator)
    watch(world, world.outsider, made)
    with deliver():
        reply(world, made, user=world.member, body="First")
    reply(world, made, user=world.member, body="Second")
    assert told(world.outsider) == ["watched", "watched"]
    note = Notification.objects.filter(recipient=world.outsider).first()
    assert note.text == f"Mo Member replied in “{made.title}”, a thread you watch."
    assert f"/{made.public_id}/replies/" in note.url
    # The thread's author is emailed of the first reply too (kind "reply").
    assert sorted(m.to[0] for m in mailoutbox) == [world.facilitator.email, world.outsider.email]


def test_a_watcher_who_is_also_mentioned_is_told_once_as_mentioned(world):
    made = thread(world, user=world.facilitator)
    watch(world, world.outsider, made)
    reply(world, made, user=world.member, body="What do you think, @Otto Outsider?")
    assert told(world.outsider) == ["mention"]


def test_the_threads_author_who_watches_it_is_told_once_of_a_reply(world):
    made = thread(world)  # by the member
    watch(world, world.member, made)
    reply(world, made, user=world.facilitator)
    assert told(world.member) == ["reply"]


def test_mute_beats_a_mention_a_reply_and_a_quote(world):
    made = thread(world)  # by the member
    first = reply(world, made, user=world.member, body="Mine")
    watch(world, world.member, made, level="muted")
    reply(world, made, user=world.facilitator, quoting=first, body="Right, @Mo Member.")
    services.thread_edit(actor=world.facilitator, access=world.access(world.facilitator),
                         thread=made, title=made.title, body="Over to @Mo Member")  # fmt: skip
    assert told(world.member) == []
    # Back to normal, a mention tells them again.
    watch(world, world.member, made, level="normal")
    reply(world, made, user=world.facilitator, body="@Mo Member, again.")
    assert told(world.member) == ["mention"]


def test_muting_one_thread_leaves_mentions_elsewhere_alone(world):
    muted = thread(world, user=world.facilitator)
    watch(world, world.member, muted, level="muted")
    thread(world, user=world.facilitator, body="Hello @Mo Member")
    assert told(world.member) == ["mention"]


def test_a_watcher_who_can_no_longer_read_the_thread_is_not_told(world):
    made = thread(world, world.private, user=world.facilitator)
    watch(world, world.member, made)
    community_services.membership_leave(
        actor=world.member, access=community_access_for(world.member, world.private)
    )
    reply(world, made, user=world.facilitator)
    assert told(world.member) == []


def test_a_tag_follower_is_told_of_a_new_thread_once_naming_the_tag(world):
    follow(world.outsider, world.public, "labs")
    follow(world.outsider, world.public, "rural")
    made = thread(world, title="Labs on a budget", body="#rural #labs ideas please")
    [note] = Notification.objects.filter(recipient=world.outsider)
    assert note.kind == "followed_tag"
    assert note.text == f"Mo Member started “{made.title}”, tagged #labs, which you follow."
    assert note.delivery == kinds.WEEKLY
    # A reply is not a new thread; nor is an edit that adds a followed tag.
    reply(world, made, user=world.facilitator)
    other = thread(world, title="Untagged", body="Nothing here")
    services.thread_edit(actor=world.member, access=world.access(world.member), thread=other,
                         title=other.title, body="Now with #labs")  # fmt: skip
    assert told(world.outsider) == ["followed_tag"]


def test_a_tag_followed_in_another_community_tells_no_one(world):
    follow(world.member, world.private, "labs")
    thread(world, world.public, user=world.facilitator, body="#labs")
    assert told(world.member) == []


def test_a_tag_follower_of_a_community_that_became_private_is_not_told(world):
    follow(world.outsider, world.public, "labs")
    community_services.community_update(
        actor=world.facilitator, access=world.access(world.facilitator),
        name=world.public.name, tagline=world.public.tagline,
        description=world.public.description, visibility="private", join_policy="request",
    )  # fmt: skip
    world.public.refresh_from_db()
    thread(world, world.public, user=world.facilitator, body="#labs for members")
    assert told(world.outsider) == []
    assert told(world.member) == []  # not a follower
    follow(world.member, world.public, "labs")
    thread(world, world.public, user=world.facilitator, body="#labs again")
    assert told(world.member) == ["followed_tag"]


def test_notifications_about_a_thread_carry_its_reply_route(world, monkeypatch):
    from staffroom.discussions import mentions

    calls = []
    real = mentions.notify_many
    monkeypatch.setattr(mentions, "notify_many", lambda **kw: calls.append(kw) or real(**kw))
    made = thread(world, user=world.facilitator)
    watch(world, world.outsider, made)
    reply(world, made, user=world.member, body="@Fran Facilitator look")
    assert {call["kind"] for call in calls} == {"mention", "watched"}
    assert {call["reply_to"] for call in calls} == {("thread", made.public_id)}


def _watchers(world, made, count):
    people = []
    for n in range(count):
        person = make_user(f"watcher{count}-{n}@example.org", f"Watcher {count} {n}")
        watch(world, person, made)
        people.append(person)
    return people


def test_a_reply_costs_the_same_queries_with_30_watchers_as_with_1(world):
    def cost(watchers):
        made = thread(world, user=world.facilitator, title=f"For {watchers}")
        _watchers(world, made, watchers)
        follow(world.outsider, world.public, "homeroom")
        with CaptureQueriesContext(connection) as captured:
            reply(world, made, user=world.member, body="Hi @Hana Admin")
        assert Notification.objects.filter(kind="watched").count() >= watchers
        return len(captured.captured_queries)

    assert cost(30) == cost(1)


def test_a_new_thread_costs_the_same_queries_with_30_tag_followers_as_with_1(world):
    def cost(count, tag):
        for n in range(count):
            person = make_user(f"f{tag}{n}@example.org", f"Follower {tag} {n}")
            follow(person, world.public, tag)
        with CaptureQueriesContext(connection) as captured:
            thread(world, user=world.facilitator, body=f"#{tag}")
        assert Notification.objects.filter(kind="followed_tag", text__contains=tag).count() == count
        return len(captured.captured_queries)

    assert cost(30, "many") == cost(1, "one")


# -- the services ----------------------------------------------------------------------


def test_levels_replace_each_other_and_normal_forgets(world):
    made = thread(world)
    watch(world, world.outsider, made)
    watch(world, world.outsider, made, level="muted")
    assert ThreadSubscription.objects.get(user=world.outsider).level == "muted"
    watch(world, world.outsider, made, level="normal")
    assert not ThreadSubscription.objects.exists()


def test_an_unknown_level_or_tag_is_refused(world):
    made = thread(world)
    with pytest.raises(subscriptions.SubscriptionError):
        watch(world, world.outsider, made, level="loud")
    with pytest.raises(subscriptions.SubscriptionError):
        follow(world.outsider, world.public, "1st")
    assert not ThreadSubscription.objects.exists() and not TagFollow.objects.exists()


def test_one_who_may_not_read_cannot_follow(world):
    made = thread(world, world.private)
    with pytest.raises(subscriptions.SubscriptionError):
        watch(world, world.outsider, made)
    with pytest.raises(subscriptions.SubscriptionError):
        follow(world.outsider, world.private, "labs")


def test_following_folds_the_tag_and_is_idempotent(world):
    follow(world.member, world.public, "Labs")
    follow(world.member, world.public, "labs")
    assert list(TagFollow.objects.values_list("name", flat=True)) == ["labs"]
    follow(world.member, world.public, "LABS", on=False)
    assert not TagFollow.objects.exists()


def test_a_visit_more_than_an_hour_after_the_last_starts_a_new_one(world):
    start = timezone.now() - timedelta(days=3)
    first = subscriptions.discussion_visit_record(user=world.member, now=start)
    assert first.previous_seen_at is None
    later = start + timedelta(minutes=50)
    same = subscriptions.discussion_visit_record(user=world.member, now=later)
    assert (same.previous_seen_at, same.last_seen_at) == (None, later)
    next_day = later + timedelta(days=1)
    new = subscriptions.discussion_visit_record(user=world.member, now=next_day)
    assert (new.previous_seen_at, new.last_seen_at) == (later, next_day)
    assert DiscussionVisit.objects.count() == 1


# -- the pages -------------------------------------------------------------------------


def test_the_thread_page_offers_the_three_levels(client, world):
    made = thread(world)
    client.force_login(world.outsider)
    page = client.get(url("thread_detail", made.public_id)).content.decode()
    assert url("thread_subscription", made.public_id) in page
    assert re.search(r'value="normal"[^>]*checked', page)
    assert "not even when you are mentioned" in page
    client.logout()
    assert (
        "Sign in to watch or mute this thread."
        in client.get(url("thread_detail", made.public_id)).content.decode()
    )


def test_choosing_a_level_from_the_thread_page(client, world):
    made = thread(world)
    client.force_login(world.outsider)
    response = client.post(url("thread_subscription", made.public_id), {"level": "watching"})
    assert response.status_code == 302
    assert response.url == url("thread_detail", made.public_id)
    assert ThreadSubscription.objects.get(user=world.outsider, thread=made).level == "watching"
    page = client.get(url("thread_subscription", made.public_id)).content.decode()
    assert re.search(r'value="watching"[^>]*checked', page)
    assert not re.search(r'value="normal"[^>]*checked', page)


def test_an_unknown_level_comes_back_400_with_the_error(client, world):
    made = thread(world)
    client.force_login(world.member)
    response = client.post(url("thread_subscription", made.public_id), {"level": "loud"})
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()
    assert response.context["form"].errors["level"]
    assert not ThreadSubscription.objects.exists()


def test_outsiders_get_404_for_a_private_threads_notifications(client, world):
    made = thread(world, world.private)
    client.force_login(world.outsider)
    page = url("thread_subscription", made.public_id, slug="rural-counselors")
    assert client.get(page).status_code == 404
    assert client.post(page, {"level": "watching"}).status_code == 404
    tag_page = url("tag_follow", "labs", slug="rural-counselors")
    assert client.post(tag_page, {"follow": "follow"}).status_code == 404
    assert not ThreadSubscription.objects.exists() and not TagFollow.objects.exists()


def test_an_anonymous_visitor_is_sent_to_sign_in(client, world):
    made = thread(world)
    response = client.post(url("thread_subscription", made.public_id), {"level": "watching"})
    assert response.status_code == 302 and "/accounts/login/" in response.url
    assert not ThreadSubscription.objects.exists()


def test_following_a_tag_from_its_page(client, world):
    thread(world, body="#labs")
    client.force_login(world.outsider)
    page = client.get(url("tag_detail", "labs")).content.decode()
    assert "Follow #labs" in page
    response = client.post(url("tag_follow", "labs"), {"follow": "follow"})
    assert response.status_code == 302 and response.url == url("tag_detail", "labs")
    assert "Stop following #labs" in client.get(url("tag_detail", "labs")).content.decode()
    client.post(url("tag_follow", "labs"), {"follow": "unfollow"})
    assert not TagFollow.objects.exists()


def test_a_bad_tag_follow_is_refused(client, world):
    client.force_login(world.member)
    response = client.post(url("tag_follow", "labs"), {"follow": "maybe"})
    assert response.status_code == 400
    assert response.context["form"].errors["follow"]
    assert client.post(url("tag_follow", "1st"), {"follow": "follow"}).status_code == 404
    assert not TagFollow.objects.exists()


def test_what_i_follow_lists_and_undoes(client, world):
    watched = thread(world, title="Watched one")
    muted = thread(world, title="Muted one")
    gone = thread(world, world.private, title="Private one")
    watch(world, world.member, watched)
    watch(world, world.member, muted, level="muted")
    watch(world, world.member, gone)
    follow(world.member, world.public, "labs")
    follow(world.member, world.private, "secret")
    community_services.membership_leave(
        actor=world.member, access=community_access_for(world.member, world.private)
    )
    client.force_login(world.member)
    page = client.get(reverse("discussions:following_list")).content.decode()
    assert "Watched one" in page and "Muted one" in page and "Private one" not in page
    response = client.post(url("thread_subscription", muted.public_id),
                           {"level": "normal", "back": "following"})  # fmt: skip
    assert response.url == reverse("discussions:following_list")
    assert "Muted one" not in client.get(reverse("discussions:following_list")).content.decode()
    tags = client.get(reverse("discussions:following_tags")).content.decode()
    assert "#labs" in tags and "#secret" not in tags
    response = client.post(url("tag_follow", "labs"), {"follow": "unfollow", "back": "following"})
    assert response.url == reverse("discussions:following_tags")
    assert list(TagFollow.objects.values_list("name", flat=True)) == ["secret"]


def test_what_i_follow_queries_do_not_grow(client, world, django_assert_max_num_queries):
    client.force_login(world.member)
    for name in ("following_list", "following_tags"):
        made = thread(world, title=f"First {name}")
        watch(world, world.member, made)
        follow(world.member, world.public, f"first{name.replace('_', '')}")
        with django_assert_max_num_queries(9) as one:
            assert client.get(reverse(f"discussions:{name}")).status_code == 200
        for n in range(19):
            watch(world, world.member, thread(world, title=f"More {n}"), level="muted")
            follow(world.member, world.public, f"tag{name.replace('_', '')}{n}")
        with django_assert_max_num_queries(len(one.captured_queries)):
            response = client.get(reverse(f"discussions:{name}"))
        assert len(response.context["page"]) >= 20


# -- since my last visit ---------------------------------------------------------------


def _read(client, made):
    client.get(url("thread_detail", made.public_id, slug=made.community.slug))


def test_since_lists_new_and_unread_threads_of_my_communities(client, world):
    client.force_login(world.member)
    since = reverse("discussions:since_list")
    client.get(since)  # the first visit
    thread(world, user=world.facilitator, title="Fresh thread")
    read = thread(world, world.private, user=world.facilitator, title="Read thread")
    muted = thread(world, user=world.facilitator, title="Muted thread")
    own = thread(world, title="My own thread")
    reply(world, read, user=world.facilitator, body="one")
    _read(client, read)
    watch(world, world.member, muted, level="muted")
    reply(world, muted, user=world.facilitator)
    page = client.get(since).content.decode()
    assert "Fresh thread" in page and "New" in page
    assert "Read thread" not in page and "Muted thread" not in page
    assert "My own thread" not in page
    reply(world, read, user=world.facilitator, body="two")
    reply(world, own, user=world.facilitator, body="for you")
    page = client.get(since).content.decode()
    assert "Read thread" in page and "1 unread reply" in page and "My own thread" in page
    assert "Rural Counselors" in page and "Open Science" in page
    # Someone who is no member of the public community sees nothing of it here.
    client.force_login(world.outsider)
    assert "Fresh thread" not in client.get(since).content.decode()


def test_since_starts_at_the_previous_visit(client, world):
    old = thread(world, user=world.facilitator, title="Before my visit")
    hours_ago = timezone.now() - timedelta(hours=3)
    subscriptions.discussion_visit_record(user=world.member, now=hours_ago)
    # Time passes (nothing here freezes the clock): the thread's activity moves back to
    # before that visit.
    Thread.objects.filter(pk=old.pk).update(last_activity_at=hours_ago - timedelta(hours=1))
    thread(world, user=world.facilitator, title="After my visit")
    client.force_login(world.member)
    response = client.get(reverse("discussions:since_list"))
    page = response.content.decode()
    assert "After my visit" in page and "Before my visit" not in page
    assert response.context["since"] == hours_ago


def _community(world, n):
    community = community_services.community_create(
        actor=world.hub_admin, hub_access=access_hub(world.hub_admin, world.hub.slug),
        name=f"Extra {n}", slug=f"extra-{n}", tagline="More", description="More.",
        visibility="public", join_policy="open",
    )  # fmt: skip
    community_services.membership_join(
        actor=world.outsider, access=community_access_for(world.outsider, community)
    )
    for m in range(3):
        made = thread(world, community, user=world.outsider, title=f"Extra {n}.{m}")
        reply(world, made, user=world.outsider)
    return community


def test_since_queries_are_flat_with_1_or_5_communities(
    client, world, django_assert_max_num_queries
):
    reader = make_user("reader@example.org", "Rita Reader")
    client.force_login(reader)
    client.get(reverse("discussions:since_list"))
    first = _community(world, 0)
    community_services.membership_join(actor=reader, access=community_access_for(reader, first))
    with django_assert_max_num_queries(12) as one:
        response = client.get(reverse("discussions:since_list"))
    assert len(response.context["page"]) == 3
    for n in range(1, 5):
        more = _community(world, n)
        community_services.membership_join(actor=reader, access=community_access_for(reader, more))
    with django_assert_max_num_queries(len(one.captured_queries)):
        response = client.get(reverse("discussions:since_list"))
    assert len(response.context["page"]) == 15


def test_since_is_linked_from_the_header(client, world):
    client.force_login(world.member)
    page = client.get(url("thread_list")).content.decode()
    assert f'href="{reverse("discussions:since_list")}"' in page
    assert f'href="{reverse("discussions:following_list")}"' in page


# -- the pages, filled -----------------------------------------------------------------


def following_fill(world) -> dict:
    """What a member who follows things has: watched and muted threads, followed tags,
    and news in their communities since their last visit."""
    subscriptions.discussion_visit_record(
        user=world.member, now=timezone.now() - timedelta(hours=5)
    )
    watched = thread(world, user=world.facilitator, title="Field trips on no budget #trips",
                     body="What worked for you? #rural")  # fmt: skip
    reply(world, watched, user=world.facilitator, body="Museums often waive fees.")
    watch(world, world.member, watched)
    for n in range(12):
        made = thread(world, world.private if n % 3 else world.public, user=world.facilitator,
                      title=f"Check-in idea {n} #sel", body="Try this in homeroom.")  # fmt: skip
        if n % 4 == 0:
            watch(world, world.member, made, level="muted" if n % 8 else "watching")
    for tag in ("trips", "sel", "rural"):
        follow(world.member, world.public, tag)
    follow(world.member, world.private, "sel")
    return {"thread": watched}


def following_pages(world, made) -> list[tuple[str, object, str]]:
    watched = made["thread"].public_id
    return [
        ("thread notifications", world.member, url("thread_subscription", watched)),
        ("tag with follow", world.member, url("tag_detail", "trips")),
        ("tag (signed out)", None, url("tag_detail", "trips")),
        ("tag follow", world.member, url("tag_follow", "trips")),
        ("what I follow", world.member, reverse("discussions:following_list")),
        ("tags I follow", world.member, reverse("discussions:following_tags")),
        ("since my last visit", world.member, reverse("discussions:since_list")),
        ("since (nothing new)", world.outsider, reverse("discussions:since_list")),
    ]


def test_following_pages_fit_the_budget_and_the_csp(client, world):
    problems = pages_problems(client, following_pages(world, following_fill(world)))
    assert not problems, "\n".join(problems)
