"""The search page finds sessions and accepted cases, only in the communities the
viewer may read: a private community's content never reaches an outsider."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from staffroom.cases.tests.factories import accepted, submitted
from staffroom.communities import permissions, services
from staffroom.communities.access import access_hub, community_access_for
from staffroom.communities.models import HubRole, Membership
from staffroom.conftest import make_user
from staffroom.core import search
from staffroom.discussions.models import Thread
from staffroom.discussions.search import thread_document
from staffroom.discussions.tests.factories import thread
from staffroom.meetings.tests.factories import make_session

pytestmark = pytest.mark.django_db

URL = reverse("communities:search")


def found(client, query: str, **filters) -> str:
    return client.get(URL, {"q": query, **filters}).content.decode()


def test_everyone_finds_a_public_communitys_session(client, world):
    make_session(world, title="Owl pellets in the science lab")
    assert "<mark>Owl</mark> pellets in the science lab" in found(client, "owl")
    client.force_login(world.outsider)
    assert "1 result" in found(client, "pellets")


def test_a_private_communitys_session_reaches_its_members_only(client, world):
    make_session(world, world.private, title="Grief groups after a loss in town")
    client.force_login(world.outsider)
    assert "Grief groups" not in found(client, "grief")
    client.force_login(world.member)
    assert "<mark>Grief</mark> groups" in found(client, "grief")


def test_cases_are_found_only_once_accepted(client, world):
    submitted(world, title="A family we cannot reach by phone")
    accepted(world, title="Rebuilding trust after a suspension")
    client.force_login(world.member)
    assert "Rebuilding" in found(client, "trust suspension")
    client.force_login(world.outsider)
    assert "cannot reach" not in found(client, "family reach")


def test_filters_by_community_and_kind(client, world):
    make_session(world, title="Field notebooks for rural science")
    accepted(world, title="Field trips without a bus")
    client.force_login(world.member)
    sessions_only = found(client, "field", kind="meetings.session")
    assert "notebooks" in sessions_only and "without a bus" not in sessions_only
    assert "2 results" in found(client, "field", community="open-science")


def test_filters_by_author_tag_and_days_in_the_viewers_time_zone(client, world):
    early = thread(world, user=world.member, title="Seed trays on the windowsill",
                   body="Cress sprouts in four days. #botany")  # fmt: skip
    later = thread(world, user=world.facilitator, title="Seed swaps with the county library",
                   body="Bring envelopes.")  # fmt: skip
    Thread.objects.filter(pk=early.pk).update(created_at="2026-03-01T05:30:00Z")
    Thread.objects.filter(pk=later.pk).update(created_at="2026-03-02T18:00:00Z")
    for made in (early, later):
        made.refresh_from_db()
        search.index(thread_document(made))
    client.force_login(world.member)
    mine = found(client, "seed", author=world.member.display_name.upper())
    assert "trays" in mine and "swaps" not in mine
    assert world.member.display_name in mine  # who wrote each result is shown
    tagged = found(client, "seed", tag="#Botany")
    assert "trays" in tagged and "swaps" not in tagged
    # 05:30 UTC on 1 March is still 28 February in Chicago, the member's time zone.
    assert world.member.time_zone == "America/Chicago"
    feb = found(client, "seed", since="2026-02-28", until="2026-02-28")
    assert "trays" in feb and "swaps" not in feb
    march = found(client, "seed", since="2026-03-01", until="2026-03-02")
    assert "swaps" in march and "trays" not in march


def test_an_unknown_or_shared_author_name_or_backwards_days_are_explained(client, world):
    make_user("twin1@example.org", "Sam Lee")
    make_user("twin2@example.org", "sam lee")
    client.force_login(world.member)
    page = found(client, "seed", author="Nobody At All", since="2026-03-02", until="2026-03-01")
    assert "No one goes by that name here." in page
    assert 'value="Nobody At All"' in page
    assert "Choose a day on or after the first one." in page
    assert "More than one person goes by that name" in found(client, "seed", author="Sam Lee")


def test_a_bad_filter_or_hostile_query_is_answered_not_an_error(client, world):
    client.force_login(world.member)
    response = client.get(URL, {"q": '"); DROP TABLE x; -- *', "community": "no-such-community"})
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()  # not a community they may read


def test_search_runs_a_bounded_number_of_queries(client, world, django_assert_max_num_queries):
    for number in range(25):
        make_session(world, title=f"Lab safety week {number}")
    client.force_login(world.member)
    with django_assert_max_num_queries(9):
        page = found(client, "safety")
    assert "25 results" in page and "Page 1 of 2" in page


def test_a_community_filter_for_a_community_one_cannot_read_is_refused(client, world):
    make_session(world, world.private, title="Grief groups after a loss in town")
    client.force_login(world.outsider)
    page = found(client, "grief", community="rural-counselors")
    assert "Select a valid choice" in page and "Grief groups" not in page


def test_an_accepted_case_is_for_the_communitys_members_not_all_its_readers(client, world):
    accepted(world, title="Rebuilding trust after a suspension")
    assert "Rebuilding" not in found(client, "rebuilding")  # a visitor of a public community
    client.force_login(world.outsider)
    assert "Rebuilding" not in found(client, "rebuilding")
    client.force_login(world.member)
    assert "<mark>Rebuilding</mark>" in found(client, "rebuilding")


# -- the community filter ---------------------------------------------------------------


def offered(client) -> list[str]:
    """The slugs the community filter offers, besides "all"."""
    choices = client.get(URL).context["form"].fields["community"].choices
    return [slug for slug, _name in choices if slug]


def other_public_community(world, slug="art-teachers"):
    """A public community of the hub that the world's member and facilitator are not in."""
    return services.community_create(
        actor=world.hub_admin, hub_access=access_hub(world.hub_admin, world.hub.slug),
        name=slug.replace("-", " ").title(), slug=slug, tagline="", description="",
        visibility="public", join_policy="open",
    )  # fmt: skip


def test_the_community_filter_offers_a_members_own_communities(client, world):
    other_public_community(world)
    client.force_login(world.member)
    assert offered(client) == ["district-leaders", "open-science", "rural-counselors"]


def test_the_community_filter_leaves_out_a_pending_request(client, world):
    client.force_login(world.outsider)
    client.post(reverse("communities:community_request", args=["rural-counselors"]))
    assert Membership.objects.get(user=world.outsider).status == Membership.Status.REQUESTED
    assert offered(client) == []


def test_the_community_filter_offers_hub_staff_every_community_of_their_hub(client, world):
    other_public_community(world)
    everything = ["art-teachers", "district-leaders", "open-science", "rural-counselors"]
    client.force_login(world.hub_admin)  # runs them through the hub role, not memberships
    assert offered(client) == everything
    HubRole.objects.create(hub=world.hub, user=world.outsider, role=HubRole.Role.EVALUATOR)
    client.force_login(world.outsider)
    assert offered(client) == everything


def test_the_community_filter_follows_the_capability_table(client, world, monkeypatch):
    HubRole.objects.create(hub=world.hub, user=world.outsider, role=HubRole.Role.EVALUATOR)
    client.force_login(world.outsider)
    assert offered(client) == ["district-leaders", "open-science", "rural-counselors"]
    monkeypatch.setitem(
        permissions.ROLE_CAPABILITIES, "hub_evaluator", frozenset({permissions.SEE})
    )
    assert offered(client) == []  # the role no longer grants READ


def test_the_community_filter_offers_a_visitor_the_public_communities(client, world):
    other_public_community(world)
    assert offered(client) == ["art-teachers", "open-science"]


def test_all_still_covers_public_communities_the_filter_does_not_offer(client, world):
    art = other_public_community(world)
    make_session(world, art, actor=world.hub_admin, title="Clay without a kiln")
    client.force_login(world.member)
    page = found(client, "kiln")
    assert "<mark>kiln</mark>" in page and "Art Teachers" in page  # the result's community
    assert "Select a valid choice" in found(client, "kiln", community="art-teachers")


def test_the_filter_costs_the_same_queries_for_many_communities(client, world):
    make_session(world, title="Lab safety week")
    client.force_login(world.member)

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert "1 result" in found(client, "safety")
        return len(captured)

    few = queries()
    for number in range(12):
        lab = other_public_community(world, f"lab-{number}")
        services.membership_join(actor=world.member, access=community_access_for(world.member, lab))
    assert len(offered(client)) == 15
    assert queries() == few <= 9
