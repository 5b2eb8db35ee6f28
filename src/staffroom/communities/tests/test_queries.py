"""DESIGN rule 3: every list and detail page runs a bounded number of SQL queries, and
the number does not grow with the data (the same with 1 extra row as with 20)."""

from collections.abc import Callable
from dataclasses import dataclass, field

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from staffroom.accounts.models import GradeBand, Subject
from staffroom.accounts.services import profile_update
from staffroom.communities import services
from staffroom.communities.access import access_hub, community_access_for
from staffroom.conftest import make_user

TAUGHT = ["math", "science", "arts"]
SCHOOLS = [
    {"name": "Prairie High", "district": "Sandhills", "state": "NE", "locale": "rural"},
    {"name": "Lakeside Middle", "district": "Metro", "state": "TX", "locale": "city"},
]


class Data:
    """Adds rows through the services, numbering them so every call adds new ones."""

    def __init__(self, world):
        self.world = world
        self.n = 0

    def next(self) -> int:
        self.n += 1
        return self.n

    def person(self, *, communities=(), role="member"):
        n = self.next()
        user = make_user(f"extra{n}@example.org", f"Extra Person {n:02d}")
        profile_update(
            actor=user, display_name=user.display_name, pronouns="they/them", role="teacher",
            subjects=list(Subject.objects.filter(code__in=TAUGHT)[: n % 3 + 1]),
            grade_bands=list(GradeBand.objects.all()[: 1 + n % 2]), years_in_profession=n,
            languages="", bio=f"Bio {n}", time_zone="America/Chicago", language="",
            school=SCHOOLS[n % 2],
        )  # fmt: skip
        for community in communities:
            self.invite(community, user.email, role=role, accept_as=user)
        return user

    def invite(self, community, email, *, role="member", accept_as=None):
        admin = self.world.hub_admin
        invitation = services.invitation_create(
            actor=admin, access=community_access_for(admin, community), email=email, role=role
        )
        if accept_as is not None:
            services.invitation_accept(actor=accept_as, token=invitation.token)
        return invitation

    def community(self, *, visibility="public", members=()):
        n = self.next()
        policy = {"public": "open", "private": "request", "hidden": "invitation"}[visibility]
        admin = self.world.hub_admin
        community = services.community_create(
            actor=admin, hub_access=access_hub(admin, self.world.hub.slug),
            name=f"Extra Community {n:02d}", slug=f"extra-{n}", tagline=f"Tagline {n}",
            description="", visibility=visibility, join_policy=policy,
        )  # fmt: skip
        for user in members:
            self.invite(community, user.email, accept_as=user)
        return community


def grow_people_in(community_attr: str, role: str = "member"):
    def grow(data: Data, n: int):
        community = getattr(data.world, community_attr)
        for _ in range(n):
            data.person(communities=[community], role=role)

    return grow


def grow_member_manage(data: Data, n: int):
    """Each row: a pending request, an open invitation, a member and log entries."""
    world = data.world
    for _ in range(n):
        asking = data.person()
        services.membership_request(
            actor=asking, access=community_access_for(asking, world.private), message="Hi"
        )
        data.invite(world.private, f"invitee{data.next()}@example.org")
        data.person(communities=[world.private])


def grow_communities(visibility: str, *, with_viewer: bool):
    def grow(data: Data, n: int):
        world = data.world
        for i in range(n):
            members = [world.member, world.facilitator] if with_viewer else [world.facilitator]
            data.community(visibility=visibility if i % 2 else "public", members=members)

    return grow


def grow_detail(data: Data, n: int):
    for i in range(n):
        data.person(
            communities=[data.world.private], role="facilitator" if i % 4 == 0 else "member"
        )


def grow_peers(data: Data, n: int):
    for _ in range(n):
        data.person(communities=[data.world.public])


def grow_shared_communities(data: Data, n: int):
    world = data.world
    for _ in range(n):
        data.community(visibility="private", members=[world.member, world.facilitator])


def grow_own_choices(data: Data, n: int):
    """The viewer's chosen subjects and grade bands: up to 25 rows."""
    member = data.world.member
    chosen = [*Subject.objects.all(), *GradeBand.objects.all()][: data.n + n]
    data.n += n
    profile_update(
        actor=member, display_name="Mo Member", pronouns="", role="teacher",
        subjects=[c for c in chosen if isinstance(c, Subject)],
        grade_bands=[c for c in chosen if isinstance(c, GradeBand)], years_in_profession=None,
        languages="", bio="", time_zone="America/Chicago", language="", school=SCHOOLS[0],
    )  # fmt: skip


def member_teaches_math_and_science(world):
    profile_update(
        actor=world.member, display_name="Mo Member", pronouns="", role="teacher",
        subjects=list(Subject.objects.filter(code__in=["math", "science"])), grade_bands=[],
        years_in_profession=None, languages="", bio="", time_zone="America/Chicago",
        language="", school=SCHOOLS[0],
    )  # fmt: skip


@dataclass(frozen=True)
class Page:
    id: str
    viewer: str
    url: Callable
    grow: Callable
    max_queries: int
    setup: Callable = field(default=lambda world: None)
    htmx: bool = False


def community_url(name, attr="private"):
    return lambda world: reverse(f"communities:{name}", args=[getattr(world, attr).slug])


PAGES = [
    Page("community_list mine", "member",
         lambda world: reverse("communities:community_list") + "?scope=mine",
         grow_communities("hidden", with_viewer=True), 5),
    Page("community_list discover", "outsider",
         lambda world: reverse("communities:community_list") + "?scope=discover",
         grow_communities("private", with_viewer=False), 5),
    Page("community_list discover, anonymous", "anonymous",
         lambda world: reverse("communities:community_list"),
         grow_communities("private", with_viewer=False), 2),
    Page("community_list results partial", "member",
         lambda world: reverse("communities:community_list") + "?scope=mine&q=e",
         grow_communities("hidden", with_viewer=True), 4, htmx=True),
    Page("hub_detail", "member", lambda world: reverse("communities:hub_detail", args=["plains"]),
         grow_communities("hidden", with_viewer=True), 7),
    # 8 of the community's own, plus 1 for the upcoming sessions that meetings adds
    # and 1 for the open polls that evaluation adds. (A signed-in full page also has 1
    # for the unread notifications count in the header.)
    Page("community_detail", "member", community_url("community_detail"), grow_detail, 11),
    Page("community_members", "member", community_url("community_members"),
         grow_people_in("private"), 12),
    Page("member_manage", "facilitator", community_url("member_manage"), grow_member_manage, 11),
    Page("member_manage requests partial", "facilitator", community_url("member_manage"),
         grow_member_manage, 7, htmx=True),
    Page("directory", "member", lambda world: reverse("communities:directory"),
         grow_people_in("public"), 11),
    Page("directory filtered", "member",
         lambda world: reverse("communities:directory") + "?subject=math&community=open-science",
         grow_people_in("public"), 13),
    Page("peers", "member", lambda world: reverse("communities:peers"), grow_peers, 11,
         setup=member_teaches_math_and_science),
    Page("person_detail", "member",
         lambda world: reverse("communities:person_detail", args=[world.facilitator.public_id]),
         grow_shared_communities, 8),
    Page("profile_edit", "member", lambda world: reverse("accounts:profile_edit"),
         grow_own_choices, 10),
]  # fmt: skip


def _get(client, world, page: Page):
    headers = {"HX-Request": "true"} if page.htmx else {}
    response = client.get(page.url(world), headers=headers)
    assert response.status_code == 200, response.status_code
    if page.htmx:
        assert b"<html" not in response.content
    return response


def _sign_in(client, world, page: Page):
    if page.viewer != "anonymous":
        client.force_login(getattr(world, page.viewer))


def _count(client, world, page: Page) -> tuple[int, list[str]]:
    _get(client, world, page)  # warm per-process caches (content types, sites...)
    with CaptureQueriesContext(connection) as captured:
        _get(client, world, page)
    return len(captured), [q["sql"] for q in captured.captured_queries]


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.id)
def test_page_query_count_is_pinned(client, world, page, django_assert_max_num_queries):
    page.setup(world)
    page.grow(Data(world), 3)
    _sign_in(client, world, page)
    _get(client, world, page)
    with django_assert_max_num_queries(page.max_queries):
        _get(client, world, page)


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.id)
def test_page_query_count_does_not_grow_with_rows(client, world, page):
    page.setup(world)
    data = Data(world)
    _sign_in(client, world, page)
    page.grow(data, 1)
    with_one, queries_one = _count(client, world, page)
    page.grow(data, 19)
    with_twenty, queries_twenty = _count(client, world, page)
    assert with_one == with_twenty, "\n".join(
        ["queries with 1 extra row:", *queries_one, "", "with 20:", *queries_twenty]
    )
    response = _get(client, world, page)
    if page.id.startswith(("community_members", "directory", "peers")):
        # The 20 rows really are on the page (it holds 25).
        assert len(response.context["page"].object_list) >= 20
