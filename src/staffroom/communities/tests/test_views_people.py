"""The member directory, "people who teach what I teach", and profiles."""

import pytest
from django.urls import reverse

from staffroom.accounts.models import GradeBand, Subject

PRAIRIE = {"name": "Prairie High", "district": "Sandhills", "state": "NE", "locale": "rural"}
LAKESIDE = {"name": "Lakeside Middle", "district": "Metro", "state": "TX", "locale": "city"}
HILLTOP = {"name": "Hilltop School", "district": "", "state": "NE", "locale": "town"}


def subjects(*codes):
    return list(Subject.objects.filter(code__in=codes))


def bands(*codes):
    return list(GradeBand.objects.filter(code__in=codes))


def names(response) -> list[str]:
    return [person.display_name for person in response.context["page"].object_list]


@pytest.fixture
def colleagues(world, person_factory):
    """A counselor in the private community, a math teacher in the public one, and a
    math teacher who shares no community with anyone in the world."""
    counselor = person_factory(
        "Cora Counselor", communities=[world.private], role="counselor",
        subjects=subjects("counseling"), grade_bands=bands("9-12"), school=PRAIRIE,
    )  # fmt: skip
    teacher = person_factory(
        "Tomas Teacher", communities=[world.public], role="teacher",
        subjects=subjects("math"), grade_bands=bands("6-8"), school=LAKESIDE,
    )  # fmt: skip
    stranger = person_factory(
        "Sol Stranger", role="teacher", subjects=subjects("math"), grade_bands=bands("6-8"),
        school=LAKESIDE,
    )  # fmt: skip
    return counselor, teacher, stranger


# -- the directory --------------------------------------------------------------------


def directory(client, **filters):
    return client.get(reverse("communities:directory"), filters)


def test_directory_shows_only_people_who_share_a_community(client, world, colleagues):
    client.force_login(world.member)
    response = directory(client)
    assert names(response) == ["Cora Counselor", "Fran Facilitator", "Tomas Teacher"]
    assert b"Sol Stranger" not in response.content
    assert b"Mo Member" not in response.content.split(b'<main id="main">')[1]  # not yourself


def test_directory_of_someone_in_no_community_invites_them_to_join(client, world, colleagues):
    client.force_login(world.outsider)
    response = directory(client)
    assert b"Join a community to meet its members." in response.content
    assert b"Cora Counselor" not in response.content


def test_directory_of_someone_in_one_community_shows_only_its_members(client, world, colleagues):
    _counselor, teacher, _stranger = colleagues
    client.force_login(teacher)
    assert names(directory(client)) == ["Fran Facilitator", "Mo Member"]


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"role": "counselor"}, ["Cora Counselor"]),
        ({"subject": "math"}, ["Tomas Teacher"]),
        ({"grade_band": "9-12"}, ["Cora Counselor"]),
        ({"locale": "city"}, ["Tomas Teacher"]),
        ({"state": "NE"}, ["Cora Counselor"]),
        ({"community": "rural-counselors"}, ["Cora Counselor", "Fran Facilitator"]),
        ({"community": "open-science"}, ["Fran Facilitator", "Tomas Teacher"]),
        ({"q": "tom"}, ["Tomas Teacher"]),
        ({"role": "teacher", "state": "NE"}, []),
    ],
    ids=lambda value: (
        "&".join(f"{k}={v}" for k, v in value.items()) if isinstance(value, dict) else None
    ),
)
def test_directory_filters(client, world, colleagues, filters, expected):
    client.force_login(world.member)
    response = directory(client, **filters)
    assert response.status_code == 200
    assert names(response) == expected


def test_directory_community_filter_refuses_a_community_the_viewer_is_not_in(
    client, world, colleagues
):
    _counselor, teacher, _stranger = colleagues
    client.force_login(teacher)
    # The teacher is only in the public community: filtering on the private one is
    # not a way to list its members; the bad value is ignored.
    response = directory(client, community="rural-counselors")
    assert "Cora Counselor" not in names(response)
    assert response.context["form"].errors["community"]


def test_directory_ignores_a_bad_filter_and_keeps_the_good_ones(client, world, colleagues):
    client.force_login(world.member)
    response = directory(client, subject="no-such-subject", state="NE")
    assert names(response) == ["Cora Counselor"]


def test_community_members_lists_facilitators_first_with_filters(client, world, colleagues):
    client.force_login(world.member)
    page = client.get(reverse("communities:community_members", args=[world.private.slug]))
    assert names(page) == ["Fran Facilitator", "Cora Counselor", "Mo Member"]
    filtered = client.get(
        reverse("communities:community_members", args=[world.private.slug]),
        {"role": "counselor"},
    )
    assert names(filtered) == ["Cora Counselor"]


# -- peers ----------------------------------------------------------------------------


@pytest.fixture
def peers_world(world, person_factory):
    """The member teaches science and math at Prairie High."""
    from staffroom.accounts.services import profile_update

    profile_update(
        actor=world.member, display_name="Mo Member", pronouns="", role="teacher",
        subjects=subjects("science", "math"), grade_bands=[], years_in_profession=3,
        languages="", bio="", time_zone="America/Chicago", language="", school=PRAIRIE,
    )  # fmt: skip
    both_elsewhere = person_factory(
        "Ada Elsewhere", communities=[world.public], subjects=subjects("science", "math"),
        school=LAKESIDE,
    )  # fmt: skip
    one_elsewhere = person_factory(
        "Ben Elsewhere", communities=[world.private], subjects=subjects("science"),
        school=HILLTOP,
    )  # fmt: skip
    both_same_school = person_factory(
        "Cal Sameschool", communities=[world.public], subjects=subjects("math", "science"),
        school=PRAIRIE,
    )  # fmt: skip
    nothing_shared = person_factory(
        "Dee Different", communities=[world.public], subjects=subjects("arts"), school=LAKESIDE
    )
    outside = person_factory("Eve Outside", subjects=subjects("science", "math"), school=LAKESIDE)
    return both_elsewhere, one_elsewhere, both_same_school, nothing_shared, outside


def test_peers_ranks_more_shared_subjects_first(client, world, peers_world):
    client.force_login(world.member)
    ranked = names(client.get(reverse("communities:peers")))
    assert ranked.index("Ada Elsewhere") < ranked.index("Ben Elsewhere")


def test_peers_ranks_other_schools_before_the_viewers_own(client, world, peers_world):
    client.force_login(world.member)
    response = client.get(reverse("communities:peers"))
    ranked = names(response)
    assert ranked.index("Ada Elsewhere") < ranked.index("Cal Sameschool")
    assert b"your school" in response.content


def test_peers_leaves_out_people_with_nothing_in_common_or_no_shared_community(
    client, world, peers_world
):
    client.force_login(world.member)
    ranked = names(client.get(reverse("communities:peers")))
    assert sorted(ranked) == ["Ada Elsewhere", "Ben Elsewhere", "Cal Sameschool"]


def test_peers_without_subjects_asks_for_them(client, world):
    client.force_login(world.outsider)
    response = client.get(reverse("communities:peers"))
    assert b"Add your subjects and grade bands" in response.content


# -- profiles -------------------------------------------------------------------------


@pytest.fixture
def described_member(world):
    from staffroom.accounts.services import profile_update

    profile_update(
        actor=world.member, display_name="Mo Member", pronouns="they/them", role="counselor",
        subjects=subjects("counseling"), grade_bands=bands("9-12"), years_in_profession=12,
        languages="English, Lakota", bio="I run a *peer mentoring* club.",
        time_zone="America/Chicago", language="", school=PRAIRIE,
    )  # fmt: skip
    return world.member


def test_person_detail_for_an_outsider_shows_the_name_only(client, world, described_member):
    client.force_login(world.outsider)
    response = client.get(reverse("communities:person_detail", args=[world.member.public_id]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Mo Member" in html
    for private in ("Prairie High", "peer mentoring", "they/them", "Lakota", "School counselor"):
        assert private not in html
    assert "only their name is shown" in html


def test_person_detail_for_someone_sharing_a_community_shows_everything(
    client, world, described_member
):
    client.force_login(world.facilitator)
    response = client.get(reverse("communities:person_detail", args=[world.member.public_id]))
    html = response.content.decode()
    for shown in ("Prairie High", "<em>peer mentoring</em>", "they/them", "Lakota", "Open Science"):
        assert shown in html


@pytest.mark.parametrize("persona", ["anonymous", "outsider"])
def test_community_detail_shows_facilitators_by_name_only_to_non_members(client, world, persona):
    from staffroom.accounts.services import profile_update

    profile_update(
        actor=world.facilitator, display_name="Fran Facilitator", pronouns="", role="counselor",
        subjects=[], grade_bands=[], years_in_profession=None, languages="", bio="",
        time_zone="America/Chicago", language="", school=PRAIRIE,
    )  # fmt: skip
    if persona != "anonymous":
        client.force_login(world.outsider)
    html = client.get(reverse("communities:community_detail", args=["rural-counselors"]))
    assert b"Fran Facilitator" in html.content
    assert b"Prairie High" not in html.content
    assert b"School counselor" not in html.content
    client.force_login(world.member)
    html = client.get(reverse("communities:community_detail", args=["rural-counselors"]))
    assert b"Prairie High" in html.content


def test_person_detail_for_a_former_colleague_shows_the_name_only(client, world, described_member):
    from staffroom.communities import services
    from staffroom.communities.access import community_access_for

    for community in (world.public, world.private, world.hidden):
        services.membership_leave(
            actor=world.member, access=community_access_for(world.member, community)
        )
    client.force_login(world.facilitator)
    response = client.get(reverse("communities:person_detail", args=[world.member.public_id]))
    assert b"Prairie High" not in response.content


def test_person_detail_renders_a_script_in_the_bio_inert(client, world, person_factory):
    person = person_factory(
        "Xander <b>Bold</b>", communities=[world.public],
        bio="<script>alert('boo')</script> **hello** [x](javascript:alert(1))",
    )  # fmt: skip
    client.force_login(world.member)
    response = client.get(reverse("communities:person_detail", args=[person.public_id]))
    html = response.content.decode()
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert" in html
    assert "<strong>hello</strong>" in html
    assert 'href="javascript:' not in html
    assert "<b>Bold</b>" not in html
    assert "Xander &lt;b&gt;Bold&lt;/b&gt;" in html
    directory_html = client.get(reverse("communities:directory")).content.decode()
    assert "<b>Bold</b>" not in directory_html


def profile_form_data(**overrides):
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


def test_profile_edit_refuses_a_very_long_bio_and_keeps_it(client, world):
    bio = "I teach every subject in a one-room school. " * 228  # over 10,000 characters
    assert len(bio) > 10_000
    client.force_login(world.member)
    response = client.post(
        reverse("accounts:profile_edit"),
        profile_form_data(bio=bio, pronouns="she/her"),
    )
    assert response.status_code == 400
    html = response.content.decode()
    bio_field = html[html.index('for="id_bio"') :]
    bio_field = bio_field[: bio_field.index("</textarea>")]
    assert "at most 1000 characters" in bio_field
    assert bio.strip() in bio_field
    assert 'value="she/her"' in html
    world.member.profile.refresh_from_db()
    assert world.member.profile.bio == ""
