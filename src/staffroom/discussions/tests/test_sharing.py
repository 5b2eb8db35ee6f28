"""Moving a thread to another community and sharing it into others: where it lives,
who finds it, where its old address leads, and who sees a share."""

import pytest
from django.urls import reverse

from staffroom.communities import services as community_services
from staffroom.communities.access import community_access_for
from staffroom.conftest import _community
from staffroom.core import search
from staffroom.discussions import services, sharing
from staffroom.discussions.models import ThreadModeration, ThreadShare, ThreadTag
from staffroom.discussions.services import DiscussionError
from staffroom.discussions.tests.attaching import attached_thread
from staffroom.discussions.tests.factories import reply, thread

pytestmark = pytest.mark.django_db

PUBLIC, PRIVATE = "open-science", "rural-counselors"


def url(name, slug, *args):
    return reverse(f"discussions:{name}", args=[slug, *args])


def move(world, made, destination, actor=None):
    actor = actor or world.facilitator
    return sharing.thread_move(
        actor=actor, access=community_access_for(actor, made.community), thread=made,
        destination=destination,
    )  # fmt: skip


def share(world, made, destination, actor=None, note=""):
    actor = actor or world.member
    return sharing.thread_share(
        actor=actor, access=community_access_for(actor, made.community), thread=made,
        destination=destination, note=note,
    )  # fmt: skip


def found(words, community) -> set[str]:
    return {result.kind for result in search.search(words, scope_ids=[community.pk]).results}


# -- moving ----------------------------------------------------------------------------


def test_a_move_takes_the_thread_its_tags_and_its_search_entries(world):
    made = thread(world, title="Bus duty rota", body="Who covers #busduty on Fridays?")
    answered = reply(world, made, body="We rotate the bus duty weekly.")
    assert found("bus duty", world.public) == {"discussions.thread", "discussions.reply"}
    moved = move(world, made, world.private)
    assert moved.community == world.private
    assert list(ThreadTag.objects.filter(thread=made).values_list("community", flat=True)) == [
        world.private.pk
    ]
    assert found("bus duty", world.public) == set()
    assert found("bus duty", world.private) == {"discussions.thread", "discussions.reply"}
    entries = search.search("rotate", scope_ids=[world.private.pk]).results
    assert entries[0].url == url("reply_detail", PRIVATE, made.public_id, answered.public_id)
    record = made.moderations.get()
    assert (record.action, record.detail, record.actor) == (
        ThreadModeration.Action.MOVE, "Open Science", world.facilitator,
    )  # fmt: skip


def test_a_move_costs_the_same_queries_however_many_replies(world, django_assert_max_num_queries):
    few, many = thread(world, title="Few"), thread(world, title="Many")
    reply(world, few)
    for n in range(30):
        reply(world, many, body=f"Reply {n} about recess.")
    with django_assert_max_num_queries(19) as one:
        move(world, few, world.private)
    with django_assert_max_num_queries(len(one.captured_queries)):
        move(world, many, world.private)
    assert found("recess", world.private) == {"discussions.reply"}
    assert found("recess", world.public) == set()


def test_moving_is_not_one_of_the_moderation_buttons(client, world):
    made = thread(world)
    client.force_login(world.facilitator)
    client.post(url("thread_moderate", PUBLIC, made.public_id), {"action": "move"})
    made.refresh_from_db()
    assert made.community == world.public and not made.moderations.exists()


def test_a_move_unpins_the_thread_and_drops_its_share_into_the_destination(world):
    made = thread(world)
    services.thread_moderate(actor=world.facilitator, access=world.access(world.facilitator),
                             thread=made, action="pin")  # fmt: skip
    share(world, made, world.private)
    share(world, made, world.hidden)
    moved = move(world, made, world.private)
    assert not moved.pinned
    assert list(ThreadShare.objects.values_list("community__slug", flat=True)) == [
        world.hidden.slug
    ]


def test_only_who_moderates_here_and_takes_part_there_moves(world):
    made = thread(world)
    with pytest.raises(DiscussionError, match="Only facilitators"):
        move(world, made, world.private, actor=world.member)
    # The hub admin moderates every community of the hub but takes part in none.
    with pytest.raises(DiscussionError, match="only into a community you take part in"):
        move(world, made, world.private, actor=world.hub_admin)
    with pytest.raises(DiscussionError, match="already in that community"):
        move(world, made, world.public)
    made.refresh_from_db()
    assert made.community == world.public and not made.moderations.exists()


def test_an_announcement_moves_only_where_the_mover_may_announce(world):
    # The facilitator of the thread's community is a plain member of the destination.
    staffroom_news = _community(world.hub_admin, world.hub, "staff-news", "public", "open")
    community_services.membership_join(
        actor=world.facilitator, access=world.access(world.facilitator, staffroom_news)
    )
    news = thread(world, user=world.facilitator, kind="announcement", title="Snow day")
    with pytest.raises(DiscussionError, match="Only its facilitators post announcements") as no:
        move(world, news, staffroom_news)
    assert no.value.field == "community"
    news.refresh_from_db()
    assert news.community == world.public and not news.moderations.exists()
    assert move(world, thread(world), staffroom_news).community == staffroom_news


def test_moving_through_the_page(client, world):
    made = attached_thread(world)
    client.force_login(world.facilitator)
    page = client.get(url("thread_detail", PUBLIC, made.public_id)).content.decode()
    assert url("thread_move", PUBLIC, made.public_id) in page
    form = client.get(url("thread_move", PUBLIC, made.public_id))
    assert list(form.context["form"].communities) == ["district-leaders", PRIVATE]
    response = client.post(url("thread_move", PUBLIC, made.public_id), {"community": PRIVATE})
    assert response.status_code == 302
    assert response["Location"] == url("thread_detail", PRIVATE, made.public_id)
    page = client.get(response["Location"]).content.decode()
    assert "Moved by Fran Facilitator" in page and "(from Open Science)" in page


def test_moving_into_a_community_one_is_not_in_comes_back_with_the_error(client, world):
    made = thread(world)
    client.force_login(world.hub_admin)
    response = client.post(url("thread_move", PUBLIC, made.public_id), {"community": PRIVATE})
    assert response.status_code == 400
    assert response.context["form"].errors["community"] == ["Choose a community you take part in."]
    client.force_login(world.member)
    response = client.post(url("thread_move", PUBLIC, made.public_id), {"community": PRIVATE})
    assert response.status_code == 403


def test_the_old_address_leads_readers_to_the_new_one(client, world):
    made = attached_thread(world)
    answered = reply(world, made)
    move(world, made, world.private)
    client.force_login(world.member)
    old = url("thread_detail", PUBLIC, made.public_id)
    response = client.get(old + "?page=1")
    assert response.status_code == 302
    assert response["Location"] == url("thread_detail", PRIVATE, made.public_id) + "?page=1"
    response = client.get(url("reply_detail", PUBLIC, made.public_id, answered.public_id))
    assert response["Location"] == url("reply_detail", PRIVATE, made.public_id, answered.public_id)
    attachment = made.attachments.first()
    response = client.get(url("attachment_download", PUBLIC, made.public_id, attachment.public_id))
    assert response["Location"] == url(
        "attachment_download", PRIVATE, made.public_id, attachment.public_id
    )
    assert client.get(response["Location"]).status_code == 200


def test_the_old_address_is_a_404_for_who_cannot_read_the_new_community(client, world):
    made = thread(world)
    move(world, made, world.private)
    old = url("thread_detail", PUBLIC, made.public_id)
    assert client.get(old).status_code == 404  # anonymous
    client.force_login(world.outsider)
    assert client.get(old).status_code == 404


def test_a_thread_that_never_moved_has_no_other_address(client, world):
    made = thread(world, world.private)
    client.force_login(world.member)
    assert client.get(url("thread_detail", PUBLIC, made.public_id)).status_code == 404


# -- sharing ---------------------------------------------------------------------------


def test_a_share_shows_in_the_destination_only_to_readers_of_the_original(client, world):
    made = thread(world, world.private, title="Grief groups that worked")
    share(world, made, world.public, note="Useful for any counselor.")
    listing = url("thread_list", PUBLIC)
    client.force_login(world.member)
    html = client.get(listing).content.decode()
    assert "Grief groups that worked" in html
    assert "Shared by Mo Member from Rural Counselors" in html
    assert url("thread_detail", PRIVATE, made.public_id) in html
    assert "Useful for any counselor." in html
    assert "Grief groups that worked" in client.get(url("share_list", PUBLIC)).content.decode()
    for viewer in (world.outsider, None):
        client.logout()
        if viewer:
            client.force_login(viewer)
        assert "Grief groups" not in client.get(listing).content.decode()
        assert "Grief groups" not in client.get(url("share_list", PUBLIC)).content.decode()


def test_sharing_through_the_thread_page(client, world):
    made = thread(world)
    client.force_login(world.member)
    page = client.get(url("thread_detail", PUBLIC, made.public_id))
    assert list(page.context["share_form"].communities) == ["district-leaders", PRIVATE]
    response = client.post(
        url("thread_share", PUBLIC, made.public_id),
        {"share-community": PRIVATE, "share-note": "  Worth a look.  "},
    )
    assert response.status_code == 302
    made_share = ThreadShare.objects.get()
    assert (made_share.community, made_share.shared_by, made_share.note) == (
        world.private, world.member, "Worth a look.",
    )  # fmt: skip
    page = client.get(url("thread_detail", PUBLIC, made.public_id))
    assert list(page.context["share_form"].communities) == ["district-leaders"]


def test_sharing_into_a_community_i_am_not_in_is_refused(client, world):
    made = thread(world)
    client.force_login(world.outsider)
    response = client.post(url("thread_share", PUBLIC, made.public_id),
                           {"share-community": PRIVATE, "share-note": "Look"})  # fmt: skip
    assert response.status_code == 400
    assert response.context["form"].errors["community"] == ["Choose a community you take part in."]
    assert 'value="Look"' in response.content.decode()
    assert not ThreadShare.objects.exists()
    with pytest.raises(DiscussionError, match="only into a community you take part in"):
        share(world, made, world.private, actor=world.outsider)
    # One who left a community no longer shares into it.
    community_services.membership_leave(
        actor=world.member, access=community_access_for(world.member, world.hidden)
    )
    with pytest.raises(DiscussionError, match="only into a community you take part in"):
        share(world, made, world.hidden)
    assert not ThreadShare.objects.exists()


def test_sharing_twice_or_into_its_own_community_is_refused(client, world):
    made = thread(world)
    share(world, made, world.private)
    with pytest.raises(DiscussionError, match="already shared there"):
        share(world, made, world.private, actor=world.facilitator)
    with pytest.raises(DiscussionError, match="already in that community"):
        share(world, made, world.public)
    client.force_login(world.member)
    response = client.post(url("thread_share", PUBLIC, made.public_id),
                           {"share-community": PRIVATE})  # fmt: skip
    assert response.status_code == 400
    assert ThreadShare.objects.count() == 1


def test_a_long_note_is_refused_with_the_limit(world):
    made = thread(world)
    with pytest.raises(DiscussionError, match="at most 300 characters"):
        share(world, made, world.private, note="x" * 301)


def test_the_sharer_or_a_facilitator_there_removes_a_share(client, world):
    made = thread(world)
    share(world, made, world.private)
    address = url("share_remove", PRIVATE, made.public_id)
    client.force_login(world.facilitator)
    html = client.get(url("thread_list", PRIVATE)).content.decode()
    assert address in html
    assert client.post(address).status_code == 302
    assert not ThreadShare.objects.exists()
    share(world, made, world.private, actor=world.facilitator)
    client.force_login(world.member)
    assert address not in client.get(url("thread_list", PRIVATE)).content.decode()
    assert client.post(address).status_code == 403
    share_record = ThreadShare.objects.get()
    with pytest.raises(DiscussionError):
        sharing.share_remove(actor=world.member, access=world.access(world.member, world.private),
                             share=share_record)  # fmt: skip
    assert ThreadShare.objects.exists()


def test_the_list_with_shares_keeps_its_query_count(client, world, django_assert_max_num_queries):
    thread(world, world.private, title="Here")
    share(world, thread(world, title="Shared 0"), world.private)
    client.force_login(world.member)
    listing = url("thread_list", PRIVATE)
    with django_assert_max_num_queries(11) as one:
        assert client.get(listing).status_code == 200
    for n in range(1, 8):
        share(world, thread(world, title=f"Shared {n}", user=world.facilitator), world.private,
              actor=world.facilitator if n % 2 else world.member)  # fmt: skip
        thread(world, world.private, title=f"Here {n}")
    with django_assert_max_num_queries(len(one.captured_queries)):
        response = client.get(listing)
    assert len(response.context["shares"]) == sharing.SHARES_ON_LIST
    assert response.context["more_shares"]
    assert url("share_list", PRIVATE) in response.content.decode()


def test_the_shared_list_keeps_its_query_count(client, world, django_assert_max_num_queries):
    share(world, thread(world, title="Shared 0"), world.private)
    client.force_login(world.member)
    listing = url("share_list", PRIVATE)
    with django_assert_max_num_queries(9) as one:
        assert client.get(listing).status_code == 200
    for n in range(1, 20):
        share(world, thread(world, title=f"Shared {n}"), world.private)
    with django_assert_max_num_queries(len(one.captured_queries)):
        response = client.get(listing)
    assert len(response.context["page"]) == 20
