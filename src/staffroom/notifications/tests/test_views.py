"""The notification list, opening and marking read, email settings, unsubscribing, and
the unread count in the header."""

import pytest
from django.urls import reverse

from staffroom.notifications import kinds, selectors, services
from staffroom.notifications.models import Preference

pytestmark = pytest.mark.django_db

LIST = reverse("notifications:notification_list")
SETTINGS = reverse("notifications:preference_edit")
PAGE = reverse("communities:community_list")  # any page with the header


def posted(community="", **chosen) -> dict:
    """The settings form as sent: ``chosen`` (None leaves a field out), every other kind
    as it shows (as for all communities, or its default) and, for all communities, the
    digests' hour and day as they were."""
    data = {"community": community}
    for kind in kinds.kinds():
        data[kind.key] = "inherit" if community else kind.default
    if not community:
        data |= {"digest_hour": "7", "digest_weekday": "0"}
    return {key: value for key, value in (data | chosen).items() if value is not None}


def pick(values: dict) -> dict:
    """The scope and the two kinds these tests choose (other parts register more)."""
    return {key: value for key, value in values.items() if key in {"community", "mention", "reply"}}


def tell(world, text="Fran mentioned you in “Labs”.", url="/c/open-science/discussions/"):
    return services.notify(recipient=world.member, kind="mention", actor=world.facilitator,
                           community=world.public, text=text, url=url)  # fmt: skip


def test_the_list_shows_my_notifications_newest_first_unread_marked(client, world):
    tell(world, text="older")
    read = tell(world, text="<b>newer</b>")
    services.notification_open(user=world.member, notification=read)
    client.force_login(world.member)
    response = client.get(LIST)
    assert response.status_code == 200
    assert [n.text for n in response.context["page"]] == ["<b>newer</b>", "older"]
    html = response.content.decode()
    assert "&lt;b&gt;newer&lt;/b&gt;" in html and "<b>newer</b>" not in html
    assert html.count("New:") == 1
    client.force_login(world.facilitator)
    assert list(client.get(LIST).context["page"]) == []


def test_the_list_is_paginated(client, world):
    for n in range(27):
        tell(world, text=f"n{n}")
    client.force_login(world.member)
    assert len(client.get(LIST).context["page"]) == 25
    assert [n.text for n in client.get(LIST, {"page": 2}).context["page"]] == ["n1", "n0"]


def test_list_queries_are_bounded_and_do_not_grow(client, world, django_assert_max_num_queries):
    tell(world)
    client.force_login(world.member)
    with django_assert_max_num_queries(8) as one:
        assert client.get(LIST).status_code == 200
    for n in range(19):
        tell(world, text=f"more {n}")
    with django_assert_max_num_queries(len(one.captured_queries)):
        assert client.get(LIST).status_code == 200


def test_opening_marks_read_and_goes_to_its_page(client, world):
    made = tell(world)
    client.force_login(world.member)
    response = client.post(reverse("notifications:notification_open", args=[made.public_id]))
    assert response.status_code == 302 and response["Location"] == made.url
    made.refresh_from_db()
    assert made.read_at is not None


def test_opening_never_leaves_the_site(client, world):
    made = tell(world, url="https://evil.example/")
    client.force_login(world.member)
    response = client.post(reverse("notifications:notification_open", args=[made.public_id]))
    assert response["Location"] == LIST


def test_another_persons_notification_is_not_found_and_stays_unread(client, world):
    made = tell(world)
    client.force_login(world.facilitator)
    response = client.post(reverse("notifications:notification_open", args=[made.public_id]))
    assert response.status_code == 404
    made.refresh_from_db()
    assert made.read_at is None


def test_mark_all_read(client, world):
    tell(world), tell(world)
    client.force_login(world.member)
    response = client.post(reverse("notifications:mark_read"))
    assert response.status_code == 302
    assert selectors.unread_count(world.member) == 0


def test_the_header_shows_the_unread_count_to_the_signed_in(client, world):
    tell(world), tell(world)
    client.force_login(world.member)
    assert "(2 unread)" in client.get(PAGE).content.decode()
    client.post(reverse("notifications:mark_read"))
    html = client.get(PAGE).content.decode()
    assert f'href="{LIST}"' in html and "unread)" not in html
    client.logout()
    assert f'href="{LIST}"' not in client.get(PAGE).content.decode()


def test_settings_show_the_defaults_then_save_for_one_community(client, world):
    client.force_login(world.member)
    response = client.get(SETTINGS)
    assert response.context["form"].initial["mention"] == "immediately"
    response = client.post(SETTINGS, posted("open-science", mention="weekly", reply="off"))
    assert response.status_code == 302
    assert response["Location"] == SETTINGS + "?community=open-science"
    assert pick(selectors.preferences_get(world.member, world.public.pk)) == {
        "mention": "weekly", "reply": "off"}  # fmt: skip
    assert pick(selectors.preferences_get(world.member, None)) == {
        "mention": "immediately", "reply": "immediately"}  # fmt: skip
    response = client.get(SETTINGS, {"community": "open-science"})
    assert pick(response.context["form"].initial) == {
        "community": "open-science", "mention": "weekly", "reply": "off"}  # fmt: skip


@pytest.mark.parametrize(
    ("data", "field"),
    [
        (posted(mention="hourly", reply="off"), "mention"),
        (posted(mention="off", reply=None), "reply"),
        # Following "all my communities" is a choice for one community only.
        (posted(mention="inherit", reply="off"), "mention"),
        (posted("open-science", mention="hourly", reply="off"), "mention"),
    ],
)
def test_settings_refuse_bad_input_beside_the_field(client, world, data, field):
    client.force_login(world.member)
    response = client.post(SETTINGS, data)
    assert response.status_code == 400
    assert field in response.context["form"].errors
    assert not Preference.objects.exists()


def test_settings_offer_only_my_communities(client, world):
    client.force_login(world.outsider)
    response = client.post(SETTINGS, posted("open-science", mention="off", reply="off"))
    assert response.status_code == 400
    assert "Open Science" not in response.content.decode()


def test_settings_for_a_community_no_longer_offered_say_so_and_work_again(client, world):
    client.force_login(world.member)
    response = client.post(SETTINGS, posted("no-such-community", mention="inherit", reply="off"))
    assert response.status_code == 400
    html = response.content.decode()
    assert "That community is not one you can choose settings for: choose again." in html
    assert 'id="scope-community-error"' in html
    # The page now edits the settings for all communities, so saving it again works.
    assert '<input type="hidden" name="community" value="">' in html
    assert response.context["form"].initial["mention"] == "immediately"
    assert not Preference.objects.exists()
    response = client.post(SETTINGS, posted(mention="off", reply="off"))
    assert response.status_code == 302
    assert pick(selectors.preferences_get(world.member, None)) == {"mention": "off", "reply": "off"}


def test_a_kind_left_as_for_all_communities_follows_later_changes_there(client, world):
    client.force_login(world.member)
    response = client.get(SETTINGS, {"community": "open-science"})
    assert pick(response.context["form"].initial) == {
        "community": "open-science", "mention": "inherit", "reply": "inherit"}  # fmt: skip
    assert "As for all my communities" in response.content.decode()
    assert "As for all my communities" not in client.get(SETTINGS).content.decode()
    client.post(SETTINGS, posted("open-science", mention="off", reply="inherit"))
    assert set(Preference.objects.values_list("community__slug", "kind")) == {
        ("open-science", "mention")}  # fmt: skip
    client.post(SETTINGS, posted(mention="daily", reply="weekly"))
    assert selectors.frequency_get(world.member, "reply", world.public.pk) == "weekly"
    assert selectors.frequency_get(world.member, "mention", world.public.pk) == "off"
    # Choosing "as for all" again forgets the community's own choice.
    client.post(SETTINGS, posted("open-science", mention="inherit", reply="inherit"))
    assert selectors.frequency_get(world.member, "mention", world.public.pk) == "daily"
    assert not Preference.objects.filter(community=world.public).exists()


def test_settings_list_a_community_i_chose_for_without_joining(client, world):
    token = services.unsubscribe_token(world.outsider, "mention", world.public)
    services.unsubscribe(token=token)
    client.force_login(world.outsider)
    response = client.get(SETTINGS, {"community": "open-science"})
    assert response.context["form"].initial["mention"] == "off"
    assert "Open Science" in response.content.decode()
    response = client.post(SETTINGS, posted("open-science", mention="inherit", reply="inherit"))
    assert response.status_code == 302
    assert not Preference.objects.exists()
    # Undone: with no choice left there, it is no longer listed.
    assert "Open Science" not in client.get(SETTINGS).content.decode()


def test_settings_page_queries_are_bounded(client, world, django_assert_max_num_queries):
    client.force_login(world.member)
    with django_assert_max_num_queries(10):
        assert client.get(SETTINGS, {"community": "open-science"}).status_code == 200


def test_unsubscribe_link_asks_then_turns_off_without_signing_in(client, world):
    token = services.unsubscribe_token(world.member, "mention", world.public)
    url = reverse("notifications:unsubscribe", args=[token])
    response = client.get(url)
    assert response.status_code == 200 and b"<form" in response.content
    assert not Preference.objects.exists()  # a link checker's GET changes nothing
    response = client.post(url)
    assert response.status_code == 200
    assert "Done" in response.content.decode()
    assert selectors.frequency_get(world.member, "mention", world.public.pk) == "off"


def test_one_click_unsubscribe_needs_no_csrf_token_nor_sign_in(world):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    url = reverse("notifications:unsubscribe",
                  args=[services.unsubscribe_token(world.member, "reply", None)])  # fmt: skip
    response = client.post(
        url, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 200
    assert selectors.frequency_get(world.member, "reply", world.public.pk) == "off"


def test_a_forged_unsubscribe_link_is_not_found_and_changes_nothing(client, world):
    token = services.unsubscribe_token(world.member, "mention", None)
    url = reverse("notifications:unsubscribe", args=[token[:-3] + "abc"])
    assert client.get(url).status_code == 404
    assert client.post(url).status_code == 404
    assert not Preference.objects.exists()


def test_a_notification_from_a_community_left_is_gone_from_the_list(client, world):
    from staffroom.communities import services as communities
    from staffroom.notifications import services as notifications

    notifications.notify(recipient=world.member, kind="mention", actor=world.facilitator,
                         community=world.private, text="Fran mentioned you in “A private title”.",
                         url="/c/rural-counselors/")  # fmt: skip
    client.force_login(world.member)
    page = reverse("notifications:notification_list")
    assert "A private title" in client.get(page).content.decode()
    leaving = world.access(world.member, world.private)
    communities.membership_leave(actor=world.member, access=leaving)
    body = client.get(page).content.decode()
    assert "A private title" not in body
