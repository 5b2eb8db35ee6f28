"""The main navigation carries the links other parts register (here: the sessions
part's "My sessions"), to signed-in people only, at no query cost."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def _nav(response) -> str:
    html = response.content.decode()
    return html[html.index("<nav") : html.index("</nav>")]


def test_signed_in_people_see_my_sessions_in_the_main_navigation(client, world):
    client.force_login(world.member)
    nav = _nav(client.get(reverse("communities:community_list")))
    assert f'<a href="{reverse("meetings:my_sessions")}">My sessions</a>' in nav


def test_visitors_do_not(client, world):
    nav = _nav(client.get(reverse("communities:community_list")))
    assert "My sessions" not in nav and "Sign in" in nav


def test_the_link_is_in_the_readers_language(client, world):
    world.member.language = "es"
    world.member.save(update_fields=["language"])
    client.force_login(world.member)
    nav = _nav(client.get(reverse("communities:community_list")))
    assert "Mis sesiones" in nav
