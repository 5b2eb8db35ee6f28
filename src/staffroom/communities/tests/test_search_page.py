"""The search page finds sessions and accepted cases, only in the communities the
viewer may read: a private community's content never reaches an outsider."""

import pytest
from django.urls import reverse

from staffroom.cases.tests.factories import accepted, submitted
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
