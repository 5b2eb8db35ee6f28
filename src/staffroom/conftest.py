"""Shared fixtures: the named personas (STYLE: one fixture gives a community with
``hub_admin``, ``facilitator``, ``member``, ``outsider`` and the anonymous visitor)."""

import os
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from allauth.account.models import EmailAddress
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from staffroom.accounts.models import User
from staffroom.accounts.services import profile_ensure, vocabulary_ensure
from staffroom.communities import services
from staffroom.communities.access import access_hub, community_access_for
from staffroom.communities.models import Community, Hub, HubRole

PASSWORD = "correct horse battery staple"


def make_user(email: str, name: str, **extra) -> User:
    user = User.objects.create_user(email, password=PASSWORD, display_name=name, **extra)
    profile_ensure(user=user)
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


@dataclass
class World:
    hub: Hub
    hub_admin: User
    facilitator: User
    member: User
    outsider: User
    public: Community
    private: Community
    hidden: Community

    def access(self, user, community=None):
        return community_access_for(user, community or self.public)


def _community(world_admin, hub, slug, visibility, join_policy) -> Community:
    return services.community_create(
        actor=world_admin,
        hub_access=access_hub(world_admin, hub.slug),
        name=slug.replace("-", " ").title(),
        slug=slug,
        tagline=f"The {slug} community",
        description=f"About **{slug}**.",
        visibility=visibility,
        join_policy=join_policy,
    )


@pytest.fixture
def world(db) -> World:
    return build_world()


def build_world() -> World:
    """A hub with a public/open, a private/request and a hidden/invitation community.
    The facilitator runs all three (the hub admin who created them stepped down) and
    the member belongs to all three; the outsider belongs to none."""
    hub = Hub.objects.create(name="Plains Hub", slug="plains")
    hub_admin = make_user("admin@example.org", "Hana Admin")
    HubRole.objects.create(hub=hub, user=hub_admin, role=HubRole.Role.ADMIN)
    facilitator = make_user("fac@example.org", "Fran Facilitator")
    member = make_user("member@example.org", "Mo Member")
    outsider = make_user("out@example.org", "Otto Outsider")
    communities = [
        _community(hub_admin, hub, "open-science", "public", "open"),
        _community(hub_admin, hub, "rural-counselors", "private", "request"),
        _community(hub_admin, hub, "district-leaders", "hidden", "invitation"),
    ]
    for community in communities:
        access = community_access_for(hub_admin, community)
        for user, role in ((facilitator, "facilitator"), (member, "member")):
            invitation = services.invitation_create(
                actor=hub_admin, access=access, email=user.email, role=role
            )
            services.invitation_accept(actor=user, token=invitation.token)
        # The hub admin created it; they run it through their hub role, not a membership.
        services.membership_leave(
            actor=hub_admin, access=community_access_for(hub_admin, community)
        )
    return World(hub, hub_admin, facilitator, member, outsider, *communities)


@pytest.fixture(autouse=True)
def _default_language_after_each_test():
    """A request in Spanish leaves Spanish active in its thread; the next test (a
    command's output, an email) must start in English again."""
    from django.utils import translation

    yield
    translation.activate("en")


@pytest.fixture(scope="session", autouse=True)
def _media_in_a_temporary_folder(tmp_path_factory):
    """Files the tests upload (and the demo's materials) never land in ``var/media``."""
    from django.test import override_settings

    with override_settings(MEDIA_ROOT=str(tmp_path_factory.mktemp("media"))):
        yield


@pytest.fixture
def deliver(django_capture_on_commit_callbacks, monkeypatch):
    """``with deliver(): <service call>``: run the on-commit callbacks the call left
    (they enqueue tasks), then run the queued tasks with the real ``db_worker --batch``,
    in this process, as a worker would. Fails if a task failed."""
    # The worker closes "old" connections between tasks; inside a test transaction
    # that would close the test's own connection.
    monkeypatch.setattr(
        "django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None
    )

    @contextmanager
    def delivering():
        with django_capture_on_commit_callbacks(execute=True):
            yield
        call_command("db_worker", batch=True, startup_delay=False, interval=0, verbosity=0)
        failed = list(DBTaskResult.objects.failed().values_list("exception_class_path", flat=True))
        assert not failed, f"queued tasks failed: {failed}"

    return delivering


def process_env(**extra: str) -> dict:
    """The environment for a separate ``staffroom`` process (a worker, a command) that
    uses this test run's database."""
    from django.db import connection

    env = dict(os.environ, PYTHONUNBUFFERED="1", **extra)
    database = connection.settings_dict
    if connection.vendor == "sqlite":
        env["DATABASE_URL"] = f"sqlite:///{database['NAME']}"
    else:
        env["DATABASE_URL"] = (
            f"postgres://{database['USER']}@{database['HOST']}:{database['PORT']}/{database['NAME']}"
        )
    return env


def require_in_ci(reason: str) -> None:
    """Skip locally, but fail in CI, where every real part must be present."""
    if os.environ.get("STAFFROOM_REQUIRE_ALL"):
        pytest.fail(f"{reason} (STAFFROOM_REQUIRE_ALL is set, so this is a failure)")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix):
    """One test database per test process, so parallel runs on one machine (several
    developers, or CI jobs) never share a file or a PostgreSQL database."""
    from django.conf import settings

    database = settings.DATABASES["default"]
    test = database.setdefault("TEST", {})
    if database["ENGINE"].endswith("sqlite3"):
        base = Path(test["NAME"])
        test["NAME"] = str(base.with_name(f"{base.stem}-{os.getpid()}{base.suffix}"))
    else:
        test["NAME"] = f"test_{database['NAME']}_{os.getpid()}"


@pytest.fixture(autouse=True)
def _seeded_vocabulary(request):
    """Transactional tests empty every table when they end, the subjects and grade
    bands a migration loads included; put them back for whichever test comes next."""
    names = set(request.fixturenames)
    marker = request.node.get_closest_marker("django_db")
    transactional = bool(names & {"transactional_db", "live_server"}) or bool(
        marker and (marker.kwargs.get("transaction") or (marker.args and marker.args[0]))
    )
    if transactional:
        request.getfixturevalue("transactional_db")
    elif marker or "db" in names:
        request.getfixturevalue("db")
    else:
        return
    vocabulary_ensure()


@pytest.fixture(autouse=True)
def _test_settings(settings):
    # A deliberately slow password hash would dominate the suite's time.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # Tests render templates without running collectstatic first.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
