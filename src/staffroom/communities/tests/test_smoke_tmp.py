import pytest
from django.urls import reverse


@pytest.mark.django_db
def test_pages_render(client, world):
    client.force_login(world.facilitator)
    for url in [
        "/",
        reverse("communities:community_list"),
        reverse("communities:community_detail", args=["open-science"]),
        reverse("communities:member_manage", args=["rural-counselors"]),
        reverse("communities:community_members", args=["rural-counselors"]),
        reverse("communities:directory"),
        reverse("communities:peers"),
        reverse("communities:person_detail", args=[world.member.public_id]),
        reverse("accounts:profile_edit"),
        reverse("communities:hub_detail", args=["plains"]),
        reverse("communities:community_edit", args=["open-science"]),
        "/accounts/email/",
        "/accounts/password/change/",
    ]:
        r = client.get(url, follow=True)
        assert r.status_code == 200, (url, r.status_code)
    client.logout()
    for url in [
        "/",
        "/accounts/login/",
        "/accounts/signup/",
        "/accounts/password/reset/",
        "/accounts/login/code/",
    ]:
        r = client.get(url)
        assert r.status_code == 200, (url, r.status_code)
