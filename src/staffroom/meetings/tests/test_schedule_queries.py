"""DESIGN rule 3 for the schedule's pages: a pinned number of SQL queries, the same
with 1 extra row as with 20."""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import count

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from staffroom.communities import services as community_services
from staffroom.communities.access import access_hub, community_access_for
from staffroom.meetings import panels, services
from staffroom.meetings.models import FocusArea
from staffroom.meetings.tests.factories import make_series, make_session
from staffroom.meetings.tests.test_schedule_views import other_hub_community

SLUG = "open-science"


@pytest.fixture(autouse=True)
def only_our_panels(monkeypatch):
    # Each area pins its own panel's queries; this counts the schedule's part.
    monkeypatch.setattr(panels.session_panels, "_sections", [])


@dataclass
class State:
    world: object
    numbers: count = field(default_factory=lambda: count(1))
    session: object = None
    series: object = None


def grow_upcoming(state: State, n: int):
    world = state.world
    area, _ = FocusArea.objects.get_or_create(hub=world.hub, code="1.A", name="Climate")
    for _ in range(n):
        i = next(state.numbers)
        make_session(world, title=f"Upcoming {i}", presenter=world.member, focus_area=area,
                     starts_at=timezone.now() + dt.timedelta(days=i))  # fmt: skip


def grow_past(state: State, n: int):
    for _ in range(n):
        i = next(state.numbers)
        make_session(state.world, title=f"Past {i}", presenter=state.world.member,
                     starts_at=timezone.now() - dt.timedelta(days=i))  # fmt: skip


def grow_materials(state: State, n: int):
    world = state.world
    if state.session is None:
        state.session = make_session(world, presenter=world.member)
    for _ in range(n):
        services.material_add(
            actor=world.facilitator, access=world.access(world.facilitator),
            session=state.session, title=f"Handout {next(state.numbers)}",
            url="https://example.org/handout",
        )  # fmt: skip


def grow_series_sessions(state: State, n: int):
    world = state.world
    first = timezone.now().date() + dt.timedelta(days=2)
    if state.series is None:
        state.series = make_series(world, rrule="FREQ=DAILY", first_date=first,
                                   last_date=first + dt.timedelta(days=n - 1))  # fmt: skip
        return
    services.series_update(
        actor=world.facilitator, access=world.access(world.facilitator), series=state.series,
        last_date=state.series.last_date + dt.timedelta(days=n),
    )  # fmt: skip


def grow_my_communities(state: State, n: int):
    world = state.world
    if not hasattr(state, "river"):
        state.river = other_hub_community(world)
    hub_admin = world.hub_admin
    for _ in range(n):
        i = next(state.numbers)
        community = community_services.community_create(
            actor=hub_admin, hub_access=access_hub(hub_admin, "plains"), name=f"Extra {i}",
            slug=f"extra-{i}", tagline="", description="", visibility="private",
            join_policy="request",
        )  # fmt: skip
        invitation = community_services.invitation_create(
            actor=hub_admin, access=community_access_for(hub_admin, community),
            email=world.member.email, role="member",
        )  # fmt: skip
        community_services.invitation_accept(actor=world.member, token=invitation.token)
        make_session(world, community, actor=hub_admin, title=f"Across {i}")
        make_session(world, state.river, title=f"River {i}")


@dataclass(frozen=True)
class Page:
    id: str
    viewer: str
    url: Callable
    grow: Callable
    max_queries: int


PAGES = [
    Page("session_list anonymous", "anonymous",
         lambda s: reverse("meetings:session_list", args=[SLUG]), grow_upcoming, 5),
    Page("session_list member", "member",
         lambda s: reverse("meetings:session_list", args=[SLUG]), grow_upcoming, 9),
    Page("session_list past", "member",
         lambda s: reverse("meetings:session_list", args=[SLUG]) + "?tab=past", grow_past, 9),
    Page("session_detail", "member",
         lambda s: reverse("meetings:session_detail", args=[SLUG, s.session.public_id]),
         grow_materials, 8),
    Page("session_detail facilitator", "facilitator",
         lambda s: reverse("meetings:session_detail", args=[SLUG, s.session.public_id]),
         grow_materials, 8),
    Page("series_detail", "member",
         lambda s: reverse("meetings:series_detail", args=[SLUG, s.series.public_id]),
         grow_series_sessions, 9),
    Page("my_sessions", "member", lambda s: reverse("meetings:my_sessions"),
         grow_my_communities, 5),
    Page("community home", "member",
         lambda s: reverse("communities:community_detail", args=[SLUG]), grow_upcoming, 11),
]  # fmt: skip


def _get(client, state, page):
    response = client.get(page.url(state))
    assert response.status_code == 200
    return response


def _count(client, state, page) -> tuple[int, list[str]]:
    _get(client, state, page)
    with CaptureQueriesContext(connection) as captured:
        _get(client, state, page)
    return len(captured), [q["sql"] for q in captured.captured_queries]


def _sign_in(client, world, page):
    if page.viewer != "anonymous":
        client.force_login(getattr(world, page.viewer))


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.id)
def test_schedule_page_query_count_is_pinned(client, world, page, django_assert_max_num_queries):
    state = State(world)
    page.grow(state, 3)
    _sign_in(client, world, page)
    _get(client, state, page)
    with django_assert_max_num_queries(page.max_queries):
        _get(client, state, page)


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.id)
def test_schedule_page_query_count_does_not_grow_with_rows(client, world, page):
    state = State(world)
    _sign_in(client, world, page)
    page.grow(state, 1)
    with_one, queries_one = _count(client, state, page)
    page.grow(state, 19)
    with_twenty, queries_twenty = _count(client, state, page)
    assert with_one == with_twenty, "\n".join(
        ["queries with 1 extra row:", *queries_one, "", "with 20:", *queries_twenty]
    )
    response = _get(client, state, page)
    if "page" in response.context:
        assert len(response.context["page"].object_list) >= 20
