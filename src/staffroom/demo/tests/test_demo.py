import zoneinfo
from datetime import timedelta

import pytest
from allauth.account.models import EmailAddress
from django.db import transaction
from django.test import override_settings
from django.utils import timezone

from staffroom.accounts.models import Locale, Profile, School, User
from staffroom.communities.models import (
    Community,
    Hub,
    HubRole,
    Invitation,
    JoinPolicy,
    Membership,
    MembershipLog,
    Visibility,
)
from staffroom.demo.loader import DEMO_PASSWORD, DEMO_SIGN_INS, demo_load

# Real password hashing costs half a second per check; these tests check every account.
FAST_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

ACTIVE = Membership.Status.ACTIVE
REQUESTED = Membership.Status.REQUESTED


@pytest.fixture(scope="module")
def loaded(django_db_setup, django_db_blocker):
    """Load the demo once for this module, inside a transaction that is rolled back
    afterwards, so other modules still start from an empty database."""
    with (
        django_db_blocker.unblock(),
        override_settings(PASSWORD_HASHERS=FAST_HASHERS),
        transaction.atomic(),
    ):
        yield demo_load()
        transaction.set_rollback(True)


def _counts() -> dict[str, int]:
    models = [User, Profile, School, EmailAddress, Hub, HubRole]
    models += [Community, Membership, MembershipLog, Invitation]
    return {model.__name__: model.objects.count() for model in models}


@pytest.mark.django_db
def test_demo_load_creates_the_hub_with_every_kind_of_community(loaded):
    assert loaded is True
    hub = Hub.objects.get(slug="prairie-pine")
    communities = list(hub.communities.all())
    assert len(communities) == 12
    assert {c.visibility for c in communities} == set(Visibility.values)
    assert {c.join_policy for c in communities} == set(JoinPolicy.values)
    assert all(c.description_html for c in communities)
    hidden = [c for c in communities if c.visibility == Visibility.HIDDEN]
    assert hidden
    assert all(c.join_policy == JoinPolicy.INVITATION for c in hidden)


@pytest.mark.django_db
def test_demo_people_have_full_profiles_in_varied_schools(loaded):
    users = User.objects.select_related("profile__school")
    assert users.count() >= 55
    assert all(u.profile.school_id and u.profile.bio_html for u in users)
    assert set(School.objects.values_list("locale", flat=True)) == set(Locale.values)
    assert School.objects.values("state").distinct().count() >= 5
    shared = School.objects.filter(profiles__isnull=False).distinct()
    assert any(school.profiles.count() > 1 for school in shared)


@pytest.mark.django_db
def test_demo_communities_have_facilitators_and_members(loaded):
    for community in Community.objects.all():
        active = community.memberships.filter(status=ACTIVE)
        facilitators = active.filter(role=Membership.Role.FACILITATOR).count()
        assert 1 <= facilitators <= 2, community.slug
        assert 5 <= active.filter(role=Membership.Role.MEMBER).count() <= 30, community.slug
    assert Membership.objects.filter(status=Membership.Status.LEFT).exists()


@pytest.mark.django_db
def test_demo_has_pending_requests_and_open_invitations(loaded):
    requests = Membership.objects.filter(status=REQUESTED).select_related("community")
    assert requests.count() >= 4
    assert all(r.request_message and r.requested_at for r in requests)
    assert all(r.community.join_policy == JoinPolicy.REQUEST for r in requests)

    open_invitations = [i for i in Invitation.objects.select_related("community") if i.is_open]
    assert len(open_invitations) >= 4
    assert all(i.message for i in open_invitations)
    emails = set(User.objects.values_list("email", flat=True))
    assert any(i.email not in emails for i in open_invitations)
    assert any(
        i.email in emails and i.community.visibility == Visibility.HIDDEN for i in open_invitations
    )


@pytest.mark.django_db
def test_demo_history_is_spread_over_the_past_year(loaded):
    now = timezone.now()
    joined = list(Membership.objects.exclude(joined_at=None).values_list("joined_at", flat=True))
    assert all(moment < now for moment in joined)
    assert max(joined) - min(joined) > timedelta(days=300)
    assert not MembershipLog.objects.filter(at__gt=now).exists()
    assert not User.objects.filter(date_joined__gt=now - timedelta(days=1)).exists()


@pytest.mark.django_db
def test_demo_sign_ins_work_with_the_demo_password(loaded):
    users = list(User.objects.all())
    assert all(user.check_password(DEMO_PASSWORD) for user in users)
    verified = EmailAddress.objects.filter(verified=True, primary=True)
    assert verified.count() == len(users)
    for email, _description in DEMO_SIGN_INS:
        assert User.objects.filter(email=email).exists(), email
    assert User.objects.get(email="admin@example.org").is_superuser
    roles = set(HubRole.objects.values_list("user__email", "role"))
    assert {
        ("admin@example.org", "admin"),
        ("hubadmin@example.org", "admin"),
        ("evaluator@example.org", "evaluator"),
    } <= roles
    facilitating = Membership.objects.filter(
        user__email="facilitator@example.org", status=ACTIVE, role=Membership.Role.FACILITATOR
    )
    assert facilitating.count() >= 2
    assert Membership.objects.filter(user__email="newteacher@example.org", status=REQUESTED)


@pytest.mark.django_db
def test_demo_rows_pass_model_validation(loaded):
    # The database enforces uniqueness and constraints already; the time zone validator
    # lists every zone on disk per call, so the zones are checked once, below.
    for model in [User, Profile, School, Community, Membership, Invitation]:
        for row in model.objects.all():
            row.full_clean(exclude=["time_zone"], validate_unique=False, validate_constraints=False)
    zones = set(User.objects.values_list("time_zone", flat=True))
    assert zones <= zoneinfo.available_timezones()


@pytest.mark.django_db
def test_demo_load_a_second_time_changes_nothing(loaded):
    before = _counts()
    assert demo_load() is False
    assert _counts() == before
