"""The case library: filters, the anonymous presenter, and "cases like this one"."""

import pytest
from django.urls import reverse

from staffroom.accounts.services import school_find_or_create
from staffroom.cases import selectors
from staffroom.cases.search import case_document
from staffroom.cases.tests.factories import accepted, draft, submitted

pytestmark = pytest.mark.django_db


def library(slug="open-science", **query):
    return reverse("cases:case_library", args=[slug]), query


def get(client, user, **query):
    client.force_login(user)
    path, query = library(**query)
    return client.get(path, query)


def titles(response) -> list[str]:
    return [case.title for case in response.context["page"]]


def test_library_lists_only_accepted_cases_of_the_community(client, world):
    accepted(world, title="Accepted here")
    submitted(world, title="Still in the queue")
    draft(world, title="A draft")
    accepted(world, world.private, title="Accepted elsewhere")
    response = get(client, world.member)
    assert response.status_code == 200
    assert titles(response) == ["Accepted here"]
    assert "case queue" not in response.content.decode()


def test_library_tells_reviewers_about_the_queue(client, world):
    response = get(client, world.facilitator)
    assert reverse("cases:case_queue", args=["open-science"]) in response.content.decode()


def test_library_filters_by_words_tag_band_locale_role(client, world):
    accepted(world, title="Trust after a suspension", tags="behavior, trust",
             grade_band="6-8", locale="rural", presenter_role="teacher")  # fmt: skip
    accepted(world, title="Reading groups", background="Small groups read aloud.",
             tags="literacy", grade_band="k-2", locale="city",
             presenter_role="counselor")  # fmt: skip
    assert titles(get(client, world.member, words="suspension trust")) == [
        "Trust after a suspension"
    ]
    assert titles(get(client, world.member, words="ALOUD")) == ["Reading groups"]
    assert titles(get(client, world.member, tag="Trust")) == ["Trust after a suspension"]
    assert titles(get(client, world.member, tag="rust")) == []
    assert titles(get(client, world.member, grade_band="k-2")) == ["Reading groups"]
    assert titles(get(client, world.member, locale="rural")) == ["Trust after a suspension"]
    assert titles(get(client, world.member, role="counselor")) == ["Reading groups"]


def test_library_filters_by_the_state_of_the_presenters_school(client, world):
    profile = world.member.profile
    profile.school = school_find_or_create(
        name="Prairie High", district="Prairie", state="NE", locale="rural"
    )
    profile.save()
    accepted(world, title="From Nebraska")
    accepted(world, user=world.facilitator, title="From the facilitator")
    response = get(client, world.member, state="NE")
    assert titles(response) == ["From Nebraska"]
    assert b'<option value="NE" selected>' in response.content


def test_library_keeps_choices_and_shows_a_bad_value_beside_its_field(client, world):
    accepted(world, title="Trust after a suspension", grade_band="6-8")
    response = get(client, world.member, words="trust", grade_band="13-14", state="ZZ")
    assert response.status_code == 200
    form = response.context["form"]
    assert set(form.errors) == {"grade_band", "state"}
    assert 'value="trust"' in response.content.decode()
    # The valid filters still apply.
    assert titles(response) == ["Trust after a suspension"]


def test_library_queries_are_bounded_and_do_not_grow(client, world, django_assert_max_num_queries):
    accepted(world, anonymous=True)
    client.force_login(world.member)
    path, _ = library()
    with django_assert_max_num_queries(12):
        assert client.get(path, {"words": "grader", "locale": "rural"}).status_code == 200
    with django_assert_max_num_queries(12) as one:
        client.get(path)
    for _n in range(19):
        accepted(world)
    with django_assert_max_num_queries(len(one.captured_queries)):
        response = client.get(path)
    assert len(response.context["page"]) == 20


def test_anonymous_presenter_is_hidden_from_members_but_not_reviewers(client, world):
    case = accepted(world, title="Quiet case", anonymous=True)
    detail = reverse("cases:case_detail", args=["open-science", case.public_id])
    # The presenter (the member) and the facilitator who reviews cases see the name.
    for user in (world.facilitator, world.member):
        client.force_login(user)
        page = client.get(detail).content.decode()
        assert "Presented by Mo Member" in page
        assert "members see “a member of this community”" in page
    assert case_document(case).author_id is None
    assert case_document(accepted(world)).author_id == world.member.pk


def test_anonymous_presenter_shows_as_a_member_to_other_members(client, world):
    from staffroom.communities import services as community_services
    from staffroom.communities.access import community_access_for
    from staffroom.conftest import make_user

    case = accepted(world, title="Quiet case", anonymous=True)
    other = make_user("other@example.org", "Olga Other")
    access = community_access_for(other, world.public)
    community_services.membership_join(actor=other, access=access)
    client.force_login(other)
    detail = client.get(reverse("cases:case_detail", args=["open-science", case.public_id]))
    assert "Mo Member" not in detail.content.decode()
    assert "Presented by a member of this community" in detail.content.decode()
    listed = get(client, other)
    assert "Mo Member" not in listed.content.decode()
    assert "a member of this community" in listed.content.decode()


def test_anonymous_is_set_on_the_draft_form(client, world):
    client.force_login(world.member)
    response = client.post(reverse("cases:case_create", args=["open-science"]),
                           {"title": "A case", "anonymous": "on"})  # fmt: skip
    assert response.status_code == 302
    assert world.member.case_presentations.get().anonymous is True


def test_cases_like_this_one_rank_shared_tags_then_shared_words(world):
    base = accepted(world, title="Chronic absence in winter", background="Attendance drops "
                    "sharply every winter.", tags="attendance, family")  # fmt: skip
    words_only = accepted(world, title="Winter attendance", background="Nothing else.",
                          tags="literacy")  # fmt: skip
    one_tag = accepted(world, title="Homework", background="Unrelated.", tags="family")
    two_tags = accepted(world, title="Mornings", background="Unrelated.",
                        tags="Attendance, family")  # fmt: skip
    one_tag_words = accepted(world, title="Winter family nights", background="Unrelated.",
                             tags="family")  # fmt: skip
    accepted(world, title="Nothing shared", background="Fractions.", tags="math")
    submitted(world, title="Winter attendance, not accepted", tags="attendance, family")
    accepted(world, world.private, title="Winter attendance elsewhere", tags="attendance")
    assert selectors.case_similar(base) == [two_tags, one_tag_words, one_tag, words_only]
    assert len(selectors.case_similar(base, limit=2)) == 2


def test_case_page_shows_cases_like_this_one(client, world, django_assert_max_num_queries):
    base = accepted(world, title="Winter absence", tags="attendance")
    like = accepted(world, title="Mornings", tags="attendance")
    client.force_login(world.member)
    path = reverse("cases:case_detail", args=["open-science", base.public_id])
    with django_assert_max_num_queries(12):
        response = client.get(path)
    assert response.context["similar"] == [like]
    assert "Cases like this one" in response.content.decode()
    assert reverse("cases:case_library", args=["open-science"]) in response.content.decode()


def test_cases_like_this_one_cost_the_same_with_more_cases(client, world):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    base = accepted(world, title="Winter absence", tags="attendance")
    accepted(world, title="Mornings", tags="attendance")
    client.force_login(world.member)
    path = reverse("cases:case_detail", args=["open-science", base.public_id])

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(path).status_code == 200
        return len(queries)

    one = count()
    for n in range(10):
        accepted(world, title=f"Winter mornings {n}", tags="attendance")
    assert count() == one
    assert len(client.get(path).context["similar"]) == 5
