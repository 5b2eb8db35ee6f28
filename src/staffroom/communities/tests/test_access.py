"""The access walk (DESIGN rule 1): every URL pattern of the project, as every persona.

Our own URLs (namespaces ``communities`` and ``accounts``, and ``home``) are in
``OWN``: an explicit table of how to build each URL from the world and what each
persona must get. Third-party URLs are checked more loosely: allauth's by name in
``THIRD_PARTY``, the Django admin's as one family (every ``admin:`` name and unnamed
``admin/`` route, since they follow the registered models). A URL pattern in neither fails
``test_every_url_pattern_is_in_the_walk``: add it here when you add it to a ``urls.py``.

The answers: what someone may not see is a 404 (the same as "does not exist"); what a
member sees but may not do is a 403; an anonymous visitor on a page that signing in
might open is sent to sign in (``LOGIN``); ``DONE`` is a redirect after a form post
(the action happened or a message explains why not).
"""

import re
from dataclasses import dataclass

import pytest
from django.db import transaction
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from staffroom.cases.tests.walk import CASES as CASES_CASES
from staffroom.communities import services
from staffroom.communities.access import community_access_for
from staffroom.conftest import build_world, make_user
from staffroom.discussions.tests.walk import CASES as DISCUSSIONS_CASES
from staffroom.evaluation.tests.walk import CASES as EVALUATION_CASES
from staffroom.meetings.tests.walk import CASES as MEETINGS_CASES
from staffroom.notifications.tests.walk import CASES as NOTIFICATIONS_CASES
from staffroom.walk import (
    COMMUNITY_NAMES,
    DONE,
    HIDDEN,
    LOGIN,
    MEMBERS_ONLY,
    MISSING,
    NOT_FOUND,
    PERSONAS,
    RUN_COMMUNITY,
    RUN_COMMUNITY_POST,
    SIGNED_IN,
    SLUGS,
    Case,
    answers,
    scoped,
)


def member_id(world, slug) -> dict:
    return {"member": world.member.public_id}


def open_invitation_id(world, slug) -> dict:
    if slug == MISSING:
        return {"invitation": "no-such-invitation"}
    community = {c.slug: c for c in (world.public, world.private, world.hidden)}[slug]
    invitation = services.invitation_create(
        actor=world.facilitator,
        access=community_access_for(world.facilitator, community),
        email="someone.new@example.org",
        role="member",
    )
    return {"invitation": invitation.public_id}


def invitation_token(state: str):
    def build(world, slug) -> dict:
        if state == "forged":
            return {"token": "not-a-real-token-at-all"}
        invitation = services.invitation_create(
            actor=world.facilitator,
            access=community_access_for(world.facilitator, world.hidden),
            email="invited@example.org",
            role="member",
        )
        if state == "used":
            services.invitation_accept(actor=world.outsider, token=invitation.token)
        return {"token": invitation.token}

    return build


OWN: list[Case] = [
    Case("home", "-", answers(200, DONE, DONE, DONE, DONE)),
    Case("communities:community_list", "-", answers(200, 200, 200, 200, 200)),
    Case("communities:hub_detail", "plains", answers(200, 200, 200, 200, 200),
         kwargs=lambda world, slug: {"hub_slug": "plains"}),
    Case("communities:hub_detail", "missing", NOT_FOUND,
         kwargs=lambda world, slug: {"hub_slug": "no-such-hub"}),
    Case("communities:community_create", "plains", answers(LOGIN, 403, 403, 403, 200),
         kwargs=lambda world, slug: {"hub_slug": "plains"}),
    Case("communities:community_create", "missing", answers(LOGIN, 404, 404, 404, 404),
         kwargs=lambda world, slug: {"hub_slug": "no-such-hub"}),
    *scoped(
        "communities:community_detail",
        public=answers(200, 200, 200, 200, 200),
        private=answers(200, 200, 200, 200, 200),
        hidden=answers(404, 404, 200, 200, 200),
    ),
    *scoped(
        "communities:community_join", method="post",
        # Members are told they already belong (a double submit), not refused.
        public=answers(LOGIN, DONE, DONE, DONE, DONE),
        private=answers(LOGIN, 404, DONE, DONE, 403),
        hidden=answers(404, 404, DONE, DONE, 403),
    ),
    *scoped(
        "communities:community_request", method="post",
        data=lambda world, slug: {"message": "I counsel in a K-8 school."},
        public=answers(LOGIN, 403, 403, 403, 403),
        private=answers(LOGIN, DONE, 403, 403, DONE),
        hidden=answers(404, 404, 403, 403, 403),
    ),
    *scoped(
        "communities:community_withdraw", method="post",
        public=answers(LOGIN, 403, 403, 403, 403),
        private=answers(LOGIN, 404, 403, 403, 403),
        hidden=answers(404, 404, 403, 403, 403),
    ),
    *scoped(
        "communities:community_leave",
        public=answers(LOGIN, 403, 200, 200, 403),
        private=answers(LOGIN, 404, 200, 200, 403),
        hidden=answers(404, 404, 200, 200, 403),
    ),
    *scoped(
        "communities:community_leave", method="post",
        public=answers(LOGIN, 403, DONE, DONE, 403),
        private=answers(LOGIN, 404, DONE, DONE, 403),
        hidden=answers(404, 404, DONE, DONE, 403),
    ),
    *scoped("communities:community_edit", **RUN_COMMUNITY),
    *scoped(
        "communities:community_edit", method="post", **RUN_COMMUNITY_POST,
        data=lambda world, slug: {
            "name": "Renamed", "tagline": "", "description": "", "visibility": "hidden",
            "join_policy": "invitation",
        },
    ),
    *scoped("communities:community_members", **MEMBERS_ONLY),
    *scoped("communities:member_manage", **RUN_COMMUNITY),
    *scoped("communities:request_approve", method="post", kwargs=member_id, **RUN_COMMUNITY_POST),
    *scoped("communities:request_decline", method="post", kwargs=member_id, **RUN_COMMUNITY_POST),
    *scoped(
        "communities:member_role", method="post", kwargs=member_id, **RUN_COMMUNITY_POST,
        data=lambda world, slug: {"role": "facilitator"},
    ),
    *scoped("communities:member_remove", method="post", kwargs=member_id, **RUN_COMMUNITY_POST),
    *scoped(
        "communities:invitation_create", method="post", **RUN_COMMUNITY_POST,
        data=lambda world, slug: {"email": "new.colleague@example.org", "role": "member"},
    ),
    *scoped(
        "communities:invitation_revoke", method="post", kwargs=open_invitation_id,
        **RUN_COMMUNITY_POST,
    ),
    # Whoever holds an invitation link may see the community's name, even a hidden one.
    Case("communities:invitation_accept", "open, hidden community",
         answers(200, 200, 200, 200, 200), kwargs=invitation_token("open")),
    Case("communities:invitation_accept", "open, hidden community",
         answers(200, DONE, DONE, DONE, DONE), method="post", kwargs=invitation_token("open")),
    Case("communities:invitation_accept", "used", answers(410, 410, 410, 410, 410),
         kwargs=invitation_token("used")),
    Case("communities:invitation_accept", "forged", NOT_FOUND, kwargs=invitation_token("forged")),
    Case("communities:invitation_accept", "forged", NOT_FOUND, method="post",
         kwargs=invitation_token("forged")),
    Case("communities:search", "-", answers(200, 200, 200, 200, 200)),
    Case("communities:directory", "-", SIGNED_IN),
    Case("communities:peers", "-", SIGNED_IN),
    Case("communities:person_detail", "member", SIGNED_IN,
         kwargs=lambda world, slug: {"public_id": world.member.public_id}),
    Case("communities:person_detail", "missing", answers(LOGIN, 404, 404, 404, 404),
         kwargs=lambda world, slug: {"public_id": "nobody-at-all"}),
    Case("accounts:profile_edit", "-", SIGNED_IN),
    Case("accounts:language_set", "-", answers(DONE, DONE, DONE, DONE, DONE), method="post",
         data=lambda world, slug: {"language": "es", "next": "/communities/"}),
]  # fmt: skip

# The other apps' tables: each lists its URLs as CASES in <app>/tests/walk.py.
OWN += MEETINGS_CASES
OWN += CASES_CASES
OWN += EVALUATION_CASES
OWN += DISCUSSIONS_CASES
OWN += NOTIFICATIONS_CASES

OUR_NAMESPACES = (
    "communities:",
    "accounts:",
    "meetings:",
    "cases:",
    "evaluation:",
    "discussions:",
    "notifications:",
)
OUR_ROOT_NAMES = {"home"}

# allauth's pages: every persona gets an answer below 500. Values are URL kwargs.
THIRD_PARTY: dict[str, dict] = {
    "account_login": {},
    "account_logout": {},
    "account_inactive": {},
    "account_signup": {},
    "account_reauthenticate": {},
    "account_email": {},
    "account_email_verification_sent": {},
    "account_change_password": {},
    "account_set_password": {},
    "account_reset_password": {},
    "account_request_login_code": {},
    "account_confirm_login_code": {},
    "account_confirm_email": {"key": "bogus-key"},
    "account_reset_password_from_key": {"uidb36": "1", "key": "bogus-key"},
    "account_reset_password_from_key_done": {},
    "account_reset_password_done": {},
    "mfa_index": {},
    "mfa_authenticate": {},
    "mfa_reauthenticate": {},
    "mfa_activate_totp": {},
    "mfa_deactivate_totp": {},
    "mfa_view_recovery_codes": {},
    "mfa_generate_recovery_codes": {},
    "mfa_download_recovery_codes": {},
}
# The Django admin: its URLs follow the registered models, so they are walked as a
# family: every persona gets an answer below 500, and no one but staff gets a page.
ADMIN_NAMESPACE = "admin:"
ADMIN_ROUTE = "admin/"
ADMIN_PUBLIC_PAGES = {"admin:login"}  # the admin's own sign-in form


# -- walking the URL patterns -------------------------------------------------------


@dataclass(frozen=True)
class Endpoint:
    key: str  # "namespace:name", or the full route of an unnamed pattern
    route: str
    named: bool
    parts: tuple = ()


def project_endpoints(patterns=None, namespace="", parts=()) -> list[Endpoint]:
    """Every URL pattern of the project, with its namespaced name."""
    if patterns is None:
        patterns = get_resolver().url_patterns
    found = []
    for entry in patterns:
        if isinstance(entry, URLResolver):
            inner = namespace
            if entry.namespace:
                inner = f"{namespace}{entry.namespace}:"
            found += project_endpoints(entry.url_patterns, inner, (*parts, entry.pattern))
        elif isinstance(entry, URLPattern):
            all_parts = (*parts, entry.pattern)
            route = "".join(str(part) for part in all_parts)
            key = f"{namespace}{entry.name}" if entry.name else route
            found.append(Endpoint(key, route, bool(entry.name), all_parts))
    return found


def is_admin(endpoint: Endpoint) -> bool:
    return endpoint.key.startswith(ADMIN_NAMESPACE) or (
        not endpoint.named and endpoint.route.startswith(ADMIN_ROUTE)
    )


SAMPLE_VALUES = {"app_label": "auth", "url": "no-such-page/"}  # any other parameter: "0"


def sample_value(name: str) -> str:
    return SAMPLE_VALUES.get(name, "0")


def sample_path(endpoint: Endpoint) -> str:
    """A concrete path for any pattern, named or not, with sample values for its
    parameters (an object that does not exist: the answer must still be sane)."""
    path = ""
    for part in endpoint.parts:
        text = str(part)
        text = re.sub(r"<(?:\w+:)?(\w+)>", lambda m: sample_value(m.group(1)), text)
        text = re.sub(r"\(\?P<(\w+)>[^)]*\)", lambda m: sample_value(m.group(1)), text)
        path += text.lstrip("^").rstrip("$")
    return "/" + path


# -- the personas ---------------------------------------------------------------------


def sign_in(client, world, persona: str):
    if persona != "anonymous":
        client.force_login(getattr(world, persona))


@pytest.fixture
def site_admin(db):
    return make_user("root@example.org", "Sam Siteadmin", is_staff=True, is_superuser=True)


@pytest.fixture(scope="module")
def _walk_world(django_db_setup, django_db_blocker):
    """One world for the whole walk, made once: each test runs in a savepoint inside
    this module's transaction, which is rolled back at the end. (The walk has over a
    thousand cases; building the world for each took most of the suite's time. The
    module runs on one test process: ``--dist loadscope`` in pyproject.toml.)"""
    with django_db_blocker.unblock(), transaction.atomic():
        yield build_world()
        transaction.set_rollback(True)


@pytest.fixture
def world(_walk_world, db):
    return _walk_world


# -- the tests ------------------------------------------------------------------------


def test_every_url_pattern_is_in_the_walk():
    own_names = {case.name for case in OWN}
    missing = []
    for endpoint in project_endpoints():
        ours = endpoint.key.startswith(OUR_NAMESPACES) or endpoint.key in OUR_ROOT_NAMES
        if ours and endpoint.key not in own_names:
            missing.append(f"{endpoint.key} ({endpoint.route}): add it to OWN")
        elif not ours and endpoint.key not in THIRD_PARTY and not is_admin(endpoint):
            missing.append(f"{endpoint.key} ({endpoint.route}): add it to OWN or THIRD_PARTY")
    assert not missing, "URL patterns missing from the access walk:\n" + "\n".join(missing)


def test_the_walk_names_only_real_urls():
    keys = {endpoint.key for endpoint in project_endpoints()}
    stale = ({case.name for case in OWN} | set(THIRD_PARTY)) - keys
    assert not stale, f"the walk lists URL names that no longer exist: {sorted(stale)}"


def test_the_walk_covers_community_urls_on_private_and_hidden_communities():
    variants: dict[str, set] = {}
    for case in OWN:
        if case.community_scoped:
            variants.setdefault(case.name, set()).add(case.variant)
    scoped_routes = {
        endpoint.key for endpoint in project_endpoints() if "<slug:slug>" in endpoint.route
    }
    assert scoped_routes <= set(variants), scoped_routes - set(variants)
    for name, seen in variants.items():
        assert {"private", "hidden"} <= seen, name


OWN_PARAMS = [
    pytest.param(case, persona, id=f"{case.id} as {persona}")
    for case in OWN
    for persona in PERSONAS
]


@pytest.mark.parametrize(("case", "persona"), OWN_PARAMS)
def test_own_url_answers_each_persona(client, world, case, persona):
    url = case.url(world)
    sign_in(client, world, persona)
    if case.method == "post":
        response = client.post(url, case.data(world, SLUGS.get(case.variant)))
    else:
        response = client.get(url)
    expected = case.expect[persona]
    where = f"{case.id} as {persona}: {url}"
    if expected == LOGIN:
        assert response.status_code == 302, where
        assert response["Location"].startswith(reverse("account_login") + "?next="), where
    elif expected == DONE:
        assert response.status_code == 302, where
        assert not response["Location"].startswith(reverse("account_login")), where
    else:
        assert response.status_code == expected, where
    if expected == 404 and case.variant == "hidden":
        # "Does not exist" must not say what exists.
        assert COMMUNITY_NAMES[HIDDEN].encode() not in response.content, where


POST_ONLY = sorted(
    {case.name for case in OWN if case.method == "post"}
    - {case.name for case in OWN if case.method == "get"}
)


@pytest.mark.parametrize("name", POST_ONLY)
@pytest.mark.parametrize("persona", ["anonymous", "facilitator"])
def test_post_only_url_refuses_get(client, world, name, persona):
    case = next(case for case in OWN if case.name == name and case.variant != "missing")
    sign_in(client, world, persona)
    assert client.get(case.url(world)).status_code == 405


THIRD_PARTY_PERSONAS = (*PERSONAS, "site_admin")


def _third_party_params():
    params = []
    for endpoint in project_endpoints():
        if endpoint.key in THIRD_PARTY or is_admin(endpoint):
            for persona in THIRD_PARTY_PERSONAS:
                params.append(pytest.param(endpoint, persona, id=f"{endpoint.key} as {persona}"))
    return params


@pytest.mark.parametrize(("endpoint", "persona"), _third_party_params())
def test_third_party_url_answers_each_persona_sanely(client, world, site_admin, endpoint, persona):
    if endpoint.named:
        url = reverse(endpoint.key, kwargs=THIRD_PARTY.get(endpoint.key) or _admin_kwargs(endpoint))
    else:
        url = sample_path(endpoint)
    if persona == "site_admin":
        client.force_login(site_admin)
    else:
        sign_in(client, world, persona)
    response = client.get(url)
    where = f"{endpoint.key} as {persona}: {url}"
    assert response.status_code < 500, where
    if is_admin(endpoint) and persona != "site_admin" and endpoint.key not in ADMIN_PUBLIC_PAGES:
        assert response.status_code != 200, where


def _admin_kwargs(endpoint: Endpoint) -> dict:
    names = set()
    for part in endpoint.parts:
        names |= set(re.findall(r"<(?:\w+:)?(\w+)>", str(part)))
        names |= set(re.findall(r"\(\?P<(\w+)>", str(part)))
    return {name: sample_value(name) for name in names}


# The allauth pages each audience needs must render (not only answer below 500).
ACCOUNT_PAGES = [
    ("account_login", "anonymous"),
    ("account_signup", "anonymous"),
    ("account_reset_password", "anonymous"),
    ("account_request_login_code", "anonymous"),
    ("account_email", "member"),
    ("account_change_password", "member"),
    ("mfa_index", "member"),
]


@pytest.mark.parametrize(("name", "persona"), ACCOUNT_PAGES)
def test_account_page_renders_for_its_audience(client, world, name, persona):
    sign_in(client, world, persona)
    response = client.get(reverse(name))
    assert response.status_code == 200
    assert b'<html lang="en">' in response.content
