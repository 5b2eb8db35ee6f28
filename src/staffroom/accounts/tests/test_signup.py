"""Signing up, confirming, signing in (password or emailed code) and resetting a
password, through allauth with Staffroom's adapter: its mail goes out via the task
queue once the request's transaction commits."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.core.cache import cache
from django.urls import reverse

from staffroom.accounts.models import Profile, User
from staffroom.conftest import PASSWORD, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    # allauth counts failed sign-ins in the cache, which outlives a test.
    cache.clear()
    yield
    cache.clear()


def signup_data(**overrides):
    return {
        "email": "maria.lopez@example.org",
        "display_name": "Maria Lopez",
        "password1": PASSWORD,
        "password2": PASSWORD,
        **overrides,
    }


def field_html(response, field_id: str) -> str:
    """From the field's label to the end of its control: where its error must be."""
    html = response.content.decode()
    start = html.index(f'for="{field_id}"')
    return html[start : html.index(">", html.index(f'id="{field_id}"', start))]


# -- sign-up --------------------------------------------------------------------------


def test_signup_sends_the_verification_email_through_the_task_queue(client, deliver, mailoutbox):
    with deliver():
        response = client.post(reverse("account_signup"), signup_data())
        assert mailoutbox == []  # queued, not sent, until the transaction commits
    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")
    assert [m.to for m in mailoutbox] == [["maria.lopez@example.org"]]
    assert "/accounts/confirm-email/" in mailoutbox[0].body
    user = User.objects.get(email="maria.lopez@example.org")
    assert user.display_name == "Maria Lopez"
    assert not EmailAddress.objects.get(user=user).verified


def test_signup_confirmation_signs_in_and_the_profile_exists(client, deliver, mailoutbox):
    with deliver():
        client.post(reverse("account_signup"), signup_data())
    confirm_url = re.search(
        r"https?://[^/]+(/accounts/confirm-email/[^/\s]+/)", mailoutbox[0].body
    )[1]
    page = client.get(confirm_url)
    assert page.status_code == 200
    response = client.post(confirm_url, follow=True)
    assert response.status_code == 200
    assert response.redirect_chain[-1][0] == reverse("communities:community_list")
    user = User.objects.get(email="maria.lopez@example.org")
    assert response.context["user"] == user
    assert EmailAddress.objects.get(user=user).verified
    assert Profile.objects.filter(user=user).exists()


def test_signup_requires_a_display_name_and_keeps_the_email(client, mailoutbox):
    response = client.post(reverse("account_signup"), signup_data(display_name=""))
    assert response.status_code == 200
    assert "This field is required." in field_html(response, "id_display_name")
    assert 'value="maria.lopez@example.org"' in response.content.decode()
    assert not User.objects.exists()


def test_signup_refuses_a_malformed_email_and_keeps_it(client):
    response = client.post(
        reverse("account_signup"), signup_data(email="maria.lopez@@example", display_name="Maria")
    )
    assert response.status_code == 200
    field = field_html(response, "id_email")
    assert "Enter a valid email address." in field
    assert 'value="maria.lopez@@example"' in field
    assert 'value="Maria"' in response.content.decode()
    assert not User.objects.exists()


def test_signup_with_a_taken_email_shows_an_error_when_enumeration_is_allowed(client, settings, db):
    settings.ACCOUNT_PREVENT_ENUMERATION = False
    make_user("maria.lopez@example.org", "The Real Maria")
    response = client.post(reverse("account_signup"), signup_data(display_name="Other Maria"))
    assert response.status_code == 200
    assert "already registered" in field_html(response, "id_email")
    assert 'value="Other Maria"' in response.content.decode()
    assert User.objects.count() == 1


def test_signup_with_a_taken_email_by_default_tells_only_the_owner(client, deliver, mailoutbox):
    # allauth's default (ACCOUNT_PREVENT_ENUMERATION): the page does not reveal that the
    # address has an account; its owner gets an email saying so.
    make_user("maria.lopez@example.org", "The Real Maria")
    with deliver():
        response = client.post(reverse("account_signup"), signup_data(display_name="Other"))
    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")
    assert User.objects.get().display_name == "The Real Maria"
    assert [m.to for m in mailoutbox] == [["maria.lopez@example.org"]]
    assert "already" in mailoutbox[0].body


# -- sign-in --------------------------------------------------------------------------


def test_login_with_the_password_signs_in(client, db):
    user = make_user("maria.lopez@example.org", "Maria Lopez")
    response = client.post(
        reverse("account_login"), {"login": "Maria.Lopez@example.org", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("communities:community_list")
    assert client.get(reverse("accounts:profile_edit")).context["user"] == user


def test_login_with_a_wrong_password_six_times_is_throttled(client, db):
    make_user("maria.lopez@example.org", "Maria Lopez")
    for _attempt in range(5):
        response = client.post(
            reverse("account_login"), {"login": "maria.lopez@example.org", "password": "wrong"}
        )
        assert b"Too many failed login attempts" not in response.content
        assert b"The email address and/or password you specified are not correct" in (
            response.content
        )
    response = client.post(
        reverse("account_login"), {"login": "maria.lopez@example.org", "password": "wrong"}
    )
    assert b"Too many failed login attempts. Try again later." in response.content
    # Even the right password waits now.
    response = client.post(
        reverse("account_login"), {"login": "maria.lopez@example.org", "password": PASSWORD}
    )
    assert response.status_code == 200
    assert b"Too many failed login attempts" in response.content


def test_login_by_emailed_code_signs_in(client, deliver, mailoutbox, db):
    user = make_user("maria.lopez@example.org", "Maria Lopez")
    with deliver():
        response = client.post(
            reverse("account_request_login_code"), {"email": "maria.lopez@example.org"}
        )
    assert response.status_code == 302
    assert response["Location"] == reverse("account_confirm_login_code")
    assert [m.to for m in mailoutbox] == [["maria.lopez@example.org"]]
    code = re.search(r"browser window\.\s+(\S+)\s", mailoutbox[0].body)[1]
    response = client.post(reverse("account_confirm_login_code"), {"code": code})
    assert response.status_code == 302
    assert client.get(reverse("accounts:profile_edit")).context["user"] == user


def test_login_by_emailed_code_refuses_a_wrong_code(client, deliver, mailoutbox, db):
    make_user("maria.lopez@example.org", "Maria Lopez")
    with deliver():
        client.post(reverse("account_request_login_code"), {"email": "maria.lopez@example.org"})
    response = client.post(reverse("account_confirm_login_code"), {"code": "WRONG1"})
    assert response.status_code == 200
    assert b"Incorrect code." in response.content


def test_password_reset_emails_a_link_that_sets_a_new_password(client, deliver, mailoutbox, db):
    user = make_user("maria.lopez@example.org", "Maria Lopez")
    with deliver():
        response = client.post(
            reverse("account_reset_password"), {"email": "maria.lopez@example.org"}
        )
    assert response.status_code == 302
    assert [m.to for m in mailoutbox] == [["maria.lopez@example.org"]]
    reset_url = re.search(r"https?://[^/]+(/accounts/password/reset/key/\S+/)", mailoutbox[0].body)[
        1
    ]
    form_page = client.get(reset_url, follow=True)
    assert form_page.status_code == 200
    new_password = "a brand new staffroom passphrase"
    response = client.post(
        form_page.redirect_chain[-1][0] if form_page.redirect_chain else reset_url,
        {"password1": new_password, "password2": new_password},
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password(new_password)
