import pytest
from allauth.mfa.models import Authenticator
from django.urls import reverse


@pytest.fixture
def mfa_required(settings):
    settings.STAFFROOM_REQUIRE_MFA_FOR_HUB_ADMINS = True


def test_hub_admin_without_totp_is_sent_to_set_it_up(client, world, mfa_required):
    client.force_login(world.hub_admin)
    response = client.get(reverse("communities:community_list"))
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_activate_totp")
    # The account pages stay reachable, or the admin could never set it up
    # (allauth first asks for the password again).
    response = client.get(reverse("mfa_activate_totp"), follow=True)
    assert response.status_code == 200
    assert response.redirect_chain[-1][0].startswith("/accounts/reauthenticate/")


def test_hub_admin_with_totp_and_members_pass(client, world, mfa_required):
    Authenticator.objects.create(
        user=world.hub_admin, type=Authenticator.Type.TOTP, data={"secret": "x"}
    )
    client.force_login(world.hub_admin)
    assert client.get(reverse("communities:community_list")).status_code == 200
    client.force_login(world.member)
    assert client.get(reverse("communities:community_list")).status_code == 200


def test_mfa_is_not_required_when_the_setting_is_off(client, world, settings):
    settings.STAFFROOM_REQUIRE_MFA_FOR_HUB_ADMINS = False
    client.force_login(world.hub_admin)
    assert client.get(reverse("communities:community_list")).status_code == 200
