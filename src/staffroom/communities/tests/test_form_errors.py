"""A service may refuse with a ``DomainError`` naming a field the form in front of the
person does not have: the page shows the message above the form (status 400) instead of
failing with a server error."""

import pytest
from django.urls import reverse

from staffroom.communities import services
from staffroom.core.errors import DomainError

REFUSAL = "Refused for a reason no field of this form holds."
COMMUNITY = {
    "name": "Rural Science", "tagline": "One-person departments",
    "description": "We meet monthly.", "visibility": "public", "join_policy": "open",
}  # fmt: skip


@pytest.mark.parametrize(
    "service, page",
    [
        (
            "community_update",
            lambda world: (reverse("communities:community_edit", args=[world.public.slug]),
                           COMMUNITY, "form"),
        ),
        (
            "community_create",
            lambda world: (reverse("communities:community_create", args=[world.hub.slug]),
                           {**COMMUNITY, "slug": "rural-science"}, "form"),
        ),
        (
            "invitation_create",
            lambda world: (reverse("communities:invitation_create", args=[world.public.slug]),
                           {"email": "new@example.org", "role": "member"}, "invite_form"),
        ),
    ],
)  # fmt: skip
def test_a_refusal_naming_a_field_the_form_lacks_shows_above_the_form(
    client, world, monkeypatch, service, page
):
    def refuse(**kwargs):
        raise DomainError(REFUSAL, field="not_on_this_form")

    monkeypatch.setattr(services, service, refuse)
    url, data, form_name = page(world)
    client.force_login(world.hub_admin)
    response = client.post(url, data)
    assert response.status_code == 400
    assert response.context[form_name].non_field_errors() == [REFUSAL]
    assert REFUSAL in response.content.decode()
