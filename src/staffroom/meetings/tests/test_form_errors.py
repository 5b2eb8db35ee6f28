"""A service may refuse with a ``DomainError`` naming a field the form in front of the
person does not have: the page shows the message above the form (status 400) instead of
failing with a server error."""

import datetime as dt

import pytest
from django.urls import reverse

from staffroom.core.errors import DomainError
from staffroom.meetings import credit, presenters, registration
from staffroom.meetings.tests.factories_credit import attend, past_session, upcoming_session
from staffroom.meetings.tests.factories_registration import guest_session

REFUSAL = "Refused for a reason no field of this form holds."


def _session_url(name, session):
    return reverse(f"meetings:{name}", args=[session.community.slug, session.public_id])


def _guest(world):
    session = guest_session(world)
    return None, _session_url("guest_register", session), {
        "name": "Pat Para", "email": "pat@example.org",
    }  # fmt: skip


def _volunteer(world):
    session = upcoming_session(world)
    url = _session_url("presenter_volunteer", session)
    return world.member, url, {"kind": "didactic", "note": "Exit tickets"}


def _certificate(world):
    attend(past_session(world), world.member)
    return world.member, reverse("meetings:certificate_create"), {
        "hub": world.hub.slug, "date_from": dt.date(2025, 7, 1).isoformat(),
        "date_to": dt.date(2026, 6, 30).isoformat(),
    }  # fmt: skip


@pytest.mark.parametrize(
    "module, service, page",
    [
        (registration, "guest_register", _guest),
        (presenters, "presenter_volunteer", _volunteer),
        (credit, "certificate_issue", _certificate),
    ],
)
def test_a_refusal_naming_a_field_the_form_lacks_shows_above_the_form(
    client, world, monkeypatch, module, service, page
):
    def refuse(**kwargs):
        raise DomainError(REFUSAL, field="not_on_this_form")

    user, url, data = page(world)
    monkeypatch.setattr(module, service, refuse)
    if user:
        client.force_login(user)
    response = client.post(url, data)
    assert response.status_code == 400
    form = response.context["form"]
    assert form.non_field_errors() == [REFUSAL]
    assert REFUSAL in response.content.decode()
