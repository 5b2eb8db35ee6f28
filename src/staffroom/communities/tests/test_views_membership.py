"""Joining, asking, answering, removing and inviting, through the HTTP views."""

import datetime
import re

import pytest
from allauth.account.models import EmailAddress
from django.urls import reverse
from django.utils import timezone

from staffroom.accounts.models import User
from staffroom.communities import services
from staffroom.communities.access import community_access_for
from staffroom.communities.models import INVITATION_DAYS, Invitation, Membership
from staffroom.conftest import PASSWORD

ACTIVE = Membership.Status.ACTIVE


def url(name, *args):
    return reverse(f"communities:{name}", args=args)


def status_of(user, community):
    return Membership.objects.get(user=user, community=community).status


def field_html(content: bytes, field_id: str) -> str:
    """The HTML from the field's label to the end of its wrapper (error list included)."""
    html = content.decode()
    start = html.index(f'for="{field_id}"')
    return html[start : start + 2000]


def ask_to_join(client, world, user, message="I counsel in a K-8 school."):
    client.force_login(user)
    return client.post(url("community_request", world.private.slug), {"message": message})


# -- joining and asking ---------------------------------------------------------------


def test_community_join_welcomes_the_new_member(client, world):
    client.force_login(world.outsider)
    response = client.post(url("community_join", world.public.slug), follow=True)
    assert response.redirect_chain == [(url("community_detail", world.public.slug), 302)]
    assert b"Welcome to Open Science!" in response.content
    assert b"You are a member" in response.content
    assert status_of(world.outsider, world.public) == ACTIVE


def test_community_join_sends_anonymous_visitors_to_sign_in(client, world):
    response = client.post(url("community_join", world.public.slug))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert not Membership.objects.filter(community=world.public, user__isnull=True).exists()


def test_community_detail_offers_the_request_form_to_an_outsider(client, world):
    client.force_login(world.outsider)
    response = client.get(url("community_detail", world.private.slug))
    assert b"Ask to join" in response.content
    assert url("community_request", world.private.slug).encode() in response.content


def test_community_request_sends_the_request(client, world, deliver, mailoutbox):
    with deliver():
        response = ask_to_join(client, world, world.outsider)
    assert response.status_code == 302
    assert status_of(world.outsider, world.private) == Membership.Status.REQUESTED
    assert [m.to for m in mailoutbox] == [[world.facilitator.email]]
    page = client.get(response["Location"])
    assert b"Your request was sent" in page.content
    assert b"Withdraw my request" in page.content


def test_community_request_form_errors_keep_the_input(client, world):
    message = "A long story. " * 50  # 700 characters; the limit is 500
    response = ask_to_join(client, world, world.outsider, message)
    assert response.status_code == 400
    field = field_html(response.content, "id_message")
    assert "at most 500 characters" in field
    assert 'aria-invalid="true"' in field
    assert message.strip() in response.content.decode()
    assert not Membership.objects.filter(user=world.outsider).exists()


def test_community_request_twice_shows_the_message(client, world):
    ask_to_join(client, world, world.outsider)
    response = ask_to_join(client, world, world.outsider)
    assert response.status_code == 302
    page = client.get(response["Location"])
    assert b"You have already asked to join" in page.content
    assert status_of(world.outsider, world.private) == Membership.Status.REQUESTED


def test_community_withdraw_closes_the_request(client, world):
    ask_to_join(client, world, world.outsider)
    response = client.post(url("community_withdraw", world.private.slug), follow=True)
    assert b"Your request was withdrawn." in response.content
    assert b"Ask to join" in response.content
    assert status_of(world.outsider, world.private) == Membership.Status.WITHDRAWN


def test_community_leave_confirms_then_leaves(client, world):
    client.force_login(world.member)
    page = client.get(url("community_leave", world.public.slug))
    assert b"Leave Open Science?" in page.content
    response = client.post(url("community_leave", world.public.slug), follow=True)
    assert response.redirect_chain[-1][0] == url("community_list")
    assert b"You left Open Science." in response.content
    assert status_of(world.member, world.public) == Membership.Status.LEFT


def test_community_leave_as_the_last_facilitator_shows_the_message(client, world):
    client.force_login(world.facilitator)
    response = client.post(url("community_leave", world.private.slug), follow=True)
    assert response.redirect_chain[-1][0] == url("community_detail", world.private.slug)
    assert b"You are the last facilitator" in response.content
    assert status_of(world.facilitator, world.private) == ACTIVE


def test_community_list_counts_every_member_of_a_hidden_community(client, world):
    # Regression: the hidden-community filter joined memberships, so a member saw "1 member".
    client.force_login(world.member)
    response = client.get(url("community_list") + "?scope=mine")
    cards = response.content.decode().split('class="card"')
    hidden_card = next(card for card in cards if "District Leaders" in card)
    assert "2 members" in hidden_card


# -- facilitators answering requests --------------------------------------------------


def test_request_approve_plain_post_redirects_with_a_message(client, world, deliver, mailoutbox):
    ask_to_join(client, world, world.outsider)
    client.force_login(world.facilitator)
    with deliver():
        response = client.post(url("request_approve", world.private.slug, world.outsider.public_id))
    assert response.status_code == 302
    assert response["Location"] == url("member_manage", world.private.slug)
    page = client.get(response["Location"])
    assert b"Otto Outsider is now a member." in page.content
    assert status_of(world.outsider, world.private) == ACTIVE
    assert [m.to for m in mailoutbox] == [[world.outsider.email]]


def test_request_approve_htmx_post_returns_the_requests_section(client, world):
    ask_to_join(client, world, world.outsider)
    client.force_login(world.facilitator)
    response = client.post(
        url("request_approve", world.private.slug, world.outsider.public_id),
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert html.lstrip().startswith('<section id="requests"')
    assert "<html" not in html
    assert "Otto Outsider is now a member." in html
    assert "No one is waiting." in html
    assert status_of(world.outsider, world.private) == ACTIVE


def test_request_decline_plain_post_sends_the_reason(client, world, deliver, mailoutbox):
    ask_to_join(client, world, world.outsider)
    client.force_login(world.facilitator)
    with deliver():
        response = client.post(
            url("request_decline", world.private.slug, world.outsider.public_id),
            {"reason": "For school counselors only."},
        )
    assert response.status_code == 302
    assert b"You declined Otto Outsider&#x27;s request." in client.get(response["Location"]).content
    assert status_of(world.outsider, world.private) == Membership.Status.DECLINED
    assert "For school counselors only." in mailoutbox[0].body


def test_request_decline_htmx_post_returns_the_requests_section(client, world):
    ask_to_join(client, world, world.outsider)
    client.force_login(world.facilitator)
    response = client.post(
        url("request_decline", world.private.slug, world.outsider.public_id),
        {"reason": "Not now"},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="requests"' in html
    assert "<html" not in html
    assert "You declined Otto Outsider" in html
    assert status_of(world.outsider, world.private) == Membership.Status.DECLINED


def test_request_approve_of_a_withdrawn_request_shows_the_message(client, world):
    ask_to_join(client, world, world.outsider)
    client.post(url("community_withdraw", world.private.slug))
    client.force_login(world.facilitator)
    response = client.post(
        url("request_approve", world.private.slug, world.outsider.public_id),
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200
    assert b"This request is no longer open" in response.content
    assert status_of(world.outsider, world.private) == Membership.Status.WITHDRAWN


def test_member_manage_lists_the_pending_request(client, world):
    ask_to_join(client, world, world.outsider, "Please let me in")
    client.force_login(world.facilitator)
    response = client.get(url("member_manage", world.private.slug))
    assert b"Approve Otto Outsider" in response.content
    assert b"Please let me in" in response.content


# -- roles and removal ----------------------------------------------------------------


def test_member_remove_of_the_last_facilitator_shows_the_message(client, world):
    client.force_login(world.hub_admin)
    response = client.post(
        url("member_remove", world.private.slug, world.facilitator.public_id), follow=True
    )
    assert response.redirect_chain[-1][0] == url("member_manage", world.private.slug)
    assert b"You cannot remove the last facilitator" in response.content
    assert status_of(world.facilitator, world.private) == ACTIVE


def test_member_remove_removes_a_member(client, world):
    client.force_login(world.facilitator)
    response = client.post(
        url("member_remove", world.private.slug, world.member.public_id),
        {"reason": "Moved away"},
        follow=True,
    )
    assert b"Mo Member was removed." in response.content
    assert status_of(world.member, world.private) == Membership.Status.REMOVED


def test_member_role_demoting_the_last_facilitator_shows_the_message(client, world):
    client.force_login(world.facilitator)
    response = client.post(
        url("member_role", world.private.slug, world.facilitator.public_id),
        {"role": "member"},
        follow=True,
    )
    assert b"A community needs at least one facilitator" in response.content
    assert Membership.objects.get(user=world.facilitator, community=world.private).role == (
        "facilitator"
    )


def test_member_role_promotes_a_member(client, world):
    client.force_login(world.facilitator)
    response = client.post(
        url("member_role", world.private.slug, world.member.public_id),
        {"role": "facilitator"},
        follow=True,
    )
    assert b"Mo Member is now a facilitator." in response.content


def test_member_role_without_a_valid_role_asks_for_one(client, world):
    client.force_login(world.facilitator)
    response = client.post(
        url("member_role", world.private.slug, world.member.public_id),
        {"role": "owner"},
        follow=True,
    )
    assert b"Choose a role." in response.content
    assert Membership.objects.get(user=world.member, community=world.private).role == "member"


# -- invitations ----------------------------------------------------------------------


def test_invitation_create_sends_the_invitation(client, world, deliver, mailoutbox):
    client.force_login(world.facilitator)
    with deliver():
        response = client.post(
            url("invitation_create", world.hidden.slug),
            {"email": "new.colleague@example.org", "role": "member", "message": "Welcome!"},
        )
    assert response.status_code == 302
    invitation = Invitation.objects.get(email="new.colleague@example.org")
    assert reverse("communities:invitation_accept", args=[invitation.token]) in mailoutbox[0].body
    page = client.get(response["Location"])
    assert b"Invitation sent to new.colleague@example.org." in page.content
    assert b"new.colleague@example.org" in page.content  # in the open invitations


def test_invitation_create_with_a_malformed_email_keeps_it_beside_the_error(client, world):
    client.force_login(world.facilitator)
    response = client.post(
        url("invitation_create", world.hidden.slug),
        {"email": "maria.lopez@", "role": "facilitator", "message": "Hello Maria"},
    )
    assert response.status_code == 400
    field = field_html(response.content, "id_email")
    assert "Enter a valid email address." in field
    assert 'value="maria.lopez@"' in field
    html = response.content.decode()
    assert "Hello Maria" in html
    assert re.search(r'<option value="facilitator"[^>]*selected', html)
    assert not Invitation.objects.filter(email__startswith="maria").exists()


def test_invitation_create_for_an_active_member_shows_the_error_beside_the_email(client, world):
    client.force_login(world.facilitator)
    response = client.post(
        url("invitation_create", world.hidden.slug), {"email": world.member.email, "role": "member"}
    )
    assert response.status_code == 400
    assert "This person is already a member." in field_html(response.content, "id_email")


def test_invitation_revoke_withdraws_an_open_invitation(client, world):
    invitation = services.invitation_create(
        actor=world.facilitator,
        access=community_access_for(world.facilitator, world.hidden),
        email="new.colleague@example.org",
        role="member",
    )
    client.force_login(world.facilitator)
    response = client.post(
        url("invitation_revoke", world.hidden.slug, invitation.public_id), follow=True
    )
    assert b"Invitation withdrawn." in response.content
    invitation.refresh_from_db()
    assert invitation.revoked_at is not None


def invite(world, email="maria.lopez@example.org", role="member"):
    return services.invitation_create(
        actor=world.facilitator,
        access=community_access_for(world.facilitator, world.hidden),
        email=email,
        role=role,
        message="We meet on Thursdays.",
    )


def test_invitation_accept_page_for_anonymous_offers_sign_up_with_the_email(client, world):
    invitation = invite(world)
    response = client.get(url("invitation_accept", invitation.token))
    assert response.status_code == 200
    html = response.content.decode()
    assert "You are invited to District Leaders" in html
    assert "We meet on Thursdays." in html
    assert reverse("account_signup") + "?email=maria.lopez%40example.org" in html


def test_invitation_sign_up_with_the_invited_email_needs_no_verification(
    client, world, deliver, mailoutbox
):
    invitation = invite(world)
    accept_url = url("invitation_accept", invitation.token)
    client.get(accept_url)
    signup = client.get(reverse("account_signup") + "?email=maria.lopez%40example.org")
    assert 'value="maria.lopez@example.org"' in signup.content.decode()
    with deliver():
        response = client.post(
            reverse("account_signup"),
            {
                "email": "maria.lopez@example.org",
                "display_name": "Maria Lopez",
                "password1": PASSWORD,
                "password2": PASSWORD,
            },
        )
    assert response.status_code == 302
    assert response["Location"] == accept_url  # signed in, back at the invitation
    assert mailoutbox == []  # no "confirm your email" message
    user = User.objects.get(email="maria.lopez@example.org")
    assert EmailAddress.objects.get(user=user).verified
    response = client.post(accept_url, follow=True)
    assert response.redirect_chain[-1][0] == url("community_detail", world.hidden.slug)
    assert b"Welcome to District Leaders!" in response.content
    assert Membership.objects.get(user=user, community=world.hidden).status == ACTIVE


def test_invitation_accept_for_a_signed_in_person_joins_with_the_invited_role(client, world):
    invitation = invite(world, email=world.outsider.email, role="facilitator")
    client.force_login(world.outsider)
    page = client.get(url("invitation_accept", invitation.token))
    assert b"Join District Leaders" in page.content
    response = client.post(url("invitation_accept", invitation.token))
    assert response["Location"] == url("community_detail", world.hidden.slug)
    membership = Membership.objects.get(user=world.outsider, community=world.hidden)
    assert (membership.status, membership.role) == (ACTIVE, "facilitator")


def test_invitation_accept_of_an_expired_link_explains(client, world, monkeypatch):
    invitation = invite(world)
    later = timezone.now() + datetime.timedelta(days=INVITATION_DAYS + 1)
    monkeypatch.setattr(timezone, "now", lambda: later)
    client.force_login(world.outsider)
    response = client.get(url("invitation_accept", invitation.token))
    assert response.status_code == 410
    assert b"This invitation has expired." in response.content
    response = client.post(url("invitation_accept", invitation.token))
    assert response.status_code == 410
    assert not Membership.objects.filter(user=world.outsider).exists()


def test_invitation_accept_of_a_used_link_explains(client, world):
    invitation = invite(world)
    services.invitation_accept(actor=world.outsider, token=invitation.token)
    response = client.get(url("invitation_accept", invitation.token))
    assert response.status_code == 410
    assert b"This invitation has already been used." in response.content


def test_invitation_accept_of_a_revoked_link_explains(client, world):
    invitation = invite(world)
    invite(world)  # a new invitation to the same address replaces it
    response = client.get(url("invitation_accept", invitation.token))
    assert response.status_code == 410
    assert b"This invitation was withdrawn." in response.content


@pytest.mark.parametrize("persona", ["anonymous", "outsider"])
def test_invitation_accept_of_a_forged_link_is_not_found(client, world, persona):
    invite(world)
    if persona != "anonymous":
        client.force_login(world.outsider)
    response = client.get(url("invitation_accept", "forged-token-0123456789abcdef"))
    assert response.status_code == 404
    assert b"This invitation link is not valid." in response.content
    assert b"District Leaders" not in response.content


@pytest.mark.parametrize("persona", ["anonymous", "outsider"])
@pytest.mark.parametrize("name", ["community_detail", "community_members", "member_manage"])
def test_hidden_community_guessed_url_is_not_found(client, world, persona, name):
    if persona != "anonymous":
        client.force_login(world.outsider)
    response = client.get(url(name, world.hidden.slug))
    assert response.status_code == 404
    assert b"District Leaders" not in response.content
