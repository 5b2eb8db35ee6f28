"""Editing one's profile and switching the language."""

from django.urls import reverse

from staffroom.accounts.models import GradeBand, Subject


def profile_data(**overrides):
    return {
        "display_name": "Mo Member",
        "pronouns": "",
        "role": "teacher",
        "years_in_profession": "",
        "languages": "",
        "bio": "",
        "time_zone": "America/Chicago",
        "language": "",
        "school_name": "",
        "school_district": "",
        "school_state": "",
        "school_locale": "",
        **overrides,
    }


def field_html(response, field_id: str) -> str:
    """From the field's label to the end of its control: where its error must be."""
    html = response.content.decode()
    start = html.index(f'for="{field_id}"')
    return html[start : html.index(">", html.index(f'id="{field_id}"', start))]


def test_profile_edit_shows_the_current_profile(client, world):
    client.force_login(world.member)
    response = client.get(reverse("accounts:profile_edit"))
    assert response.status_code == 200
    assert 'value="Mo Member"' in field_html(response, "id_display_name")
    assert 'value="America/Chicago"' in field_html(response, "id_time_zone")


def test_profile_edit_saves_and_shows_the_profile(client, world):
    client.force_login(world.member)
    math = Subject.objects.get(code="math")
    band = GradeBand.objects.get(code="6-8")
    response = client.post(
        reverse("accounts:profile_edit"),
        profile_data(
            display_name="  Mo Member-Smith ", pronouns="he/him", role="counselor",
            subjects=[math.pk], grade_bands=[band.pk], years_in_profession="7",
            bio="I love *maps*.", time_zone="America/Denver", school_name="Prairie High",
            school_district="Sandhills", school_state="NE", school_locale="rural",
        ),
    )  # fmt: skip
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "communities:person_detail", args=[world.member.public_id]
    )
    world.member.refresh_from_db()
    profile = world.member.profile
    profile.refresh_from_db()
    assert (world.member.display_name, world.member.time_zone) == (
        "Mo Member-Smith",
        "America/Denver",
    )
    assert (profile.role, profile.pronouns, profile.years_in_profession) == (
        "counselor",
        "he/him",
        7,
    )
    assert list(profile.subjects.all()) == [math]
    assert list(profile.grade_bands.all()) == [band]
    assert profile.bio_html == "<p>I love <em>maps</em>.</p>\n"
    assert (profile.school.name, profile.school.state) == ("Prairie High", "NE")
    page = client.get(response["Location"])
    assert b"Your profile was saved." in page.content
    assert b"Prairie High" in page.content


def test_profile_edit_reuses_a_school_a_colleague_described(client, world):
    school = {"school_name": "Prairie High", "school_district": "Sandhills", "school_state": "NE",
              "school_locale": "rural"}  # fmt: skip
    client.force_login(world.member)
    client.post(reverse("accounts:profile_edit"), profile_data(**school))
    client.force_login(world.facilitator)
    client.post(
        reverse("accounts:profile_edit"),
        profile_data(display_name="Fran Facilitator", **{**school, "school_name": "prairie high"}),
    )
    world.member.profile.refresh_from_db()
    world.facilitator.profile.refresh_from_db()
    assert world.member.profile.school_id == world.facilitator.profile.school_id


def test_profile_edit_refuses_an_unknown_time_zone_beside_the_field(client, world):
    client.force_login(world.member)
    response = client.post(
        reverse("accounts:profile_edit"),
        profile_data(time_zone="Mars/Olympus_Mons", pronouns="they/them"),
    )
    assert response.status_code == 400
    field = field_html(response, "id_time_zone")
    assert "is not a time zone we know" in field
    assert 'value="Mars/Olympus_Mons"' in field
    assert 'value="they/them"' in field_html(response, "id_pronouns")
    world.member.refresh_from_db()
    assert world.member.time_zone == "America/Chicago"


def test_profile_edit_asks_for_the_rest_of_a_half_described_school(client, world):
    client.force_login(world.member)
    response = client.post(reverse("accounts:profile_edit"), profile_data(school_name="Prairie"))
    assert response.status_code == 400
    assert "Needed to describe your school." in field_html(response, "id_school_state")
    assert "Needed to describe your school." in field_html(response, "id_school_locale")
    assert 'value="Prairie"' in field_html(response, "id_school_name")


def test_profile_edit_asks_anonymous_visitors_to_sign_in(client, db):
    response = client.get(reverse("accounts:profile_edit"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


# -- language ---------------------------------------------------------------------------


def test_language_set_saves_the_choice_and_the_next_page_is_in_spanish(client, world):
    client.force_login(world.member)
    response = client.post(
        reverse("accounts:language_set"), {"language": "es", "next": "/communities/?scope=mine"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/communities/?scope=mine"
    world.member.refresh_from_db()
    assert world.member.language == "es"
    page = client.get(response["Location"])
    assert b'<html lang="es">' in page.content
    # The choice follows the account, not the browser session.
    client.cookies.clear()
    client.force_login(world.member)
    assert b'<html lang="es">' in client.get("/communities/").content


def test_language_set_for_a_visitor_uses_a_cookie(client, db):
    response = client.post(reverse("accounts:language_set"), {"language": "es", "next": "/"})
    assert response.status_code == 302
    assert response.cookies["django_language"].value == "es"
    assert b'<html lang="es">' in client.get("/").content


def test_language_set_ignores_an_unknown_language(client, world):
    client.force_login(world.member)
    response = client.post(reverse("accounts:language_set"), {"language": "xx", "next": "/"})
    assert response.status_code == 302
    world.member.refresh_from_db()
    assert world.member.language == ""


def test_language_set_does_not_redirect_to_another_site(client, db):
    response = client.post(
        reverse("accounts:language_set"), {"language": "es", "next": "https://evil.example/"}
    )
    assert response["Location"] == "/"
