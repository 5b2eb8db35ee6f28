"""The case pages: the draft form, the guard page, the queue and the case page."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from staffroom.cases.models import Case
from staffroom.cases.tests.factories import CLEAN, IDENTIFYING, accepted, attach, draft, submitted

pytestmark = pytest.mark.django_db


def url(name, case=None, slug="open-science", **extra):
    args = [slug] + ([case.public_id] if case else []) + list(extra.values())
    return reverse(f"cases:{name}", args=args)


def form_data(**fields):
    return {**CLEAN, "presenter_role": "teacher", "grade_band": "6-8", "locale": "rural",
            "school_kind": "public", **fields}  # fmt: skip


def test_new_case_form_is_filled_from_the_profile(client, world):
    profile = world.member.profile
    profile.role = "counselor"
    profile.save()
    client.force_login(world.member)
    response = client.get(url("case_create"))
    assert response.status_code == 200
    assert b'<option value="counselor" selected>' in response.content


def test_save_draft_works_with_findings_and_without_questions(client, world):
    client.force_login(world.member)
    response = client.post(url("case_create"), form_data(background=IDENTIFYING, questions=""))
    case = Case.objects.get()
    assert response.status_code == 302 and response["Location"] == url("case_edit", case)
    assert case.background == IDENTIFYING and case.state == "draft"


def test_case_form_keeps_the_text_on_error(client, world):
    client.force_login(world.member)
    response = client.post(url("case_create"), form_data(title="", background="My long story."))
    assert response.status_code == 400
    assert b"My long story." in response.content
    assert b"errorlist" in response.content
    assert not Case.objects.exists()


def test_guard_page_highlights_each_finding_with_its_reason(client, world):
    case = draft(world, background=IDENTIFYING)
    client.force_login(world.member)
    response = client.get(url("case_check", case))
    html = response.content.decode()
    assert response.status_code == 200
    assert 'aria-describedby="f-background-0-why">Maria Lopez</mark>' in html
    assert "This looks like a person" in html
    assert "Replace with “Student A”" in html
    assert "3 findings to resolve." in html


def test_replace_button_rewrites_the_finding(client, world):
    case = draft(world, background=IDENTIFYING)
    client.force_login(world.member)
    data = {"key": "background", "start": 0, "category": "name"}
    response = client.post(url("finding_replace", case), data)
    assert response.status_code == 302 and response["Location"] == url("case_check", case)
    case.refresh_from_db()
    assert case.background.startswith("Student A,")


def test_not_identifying_without_a_reason_is_refused(client, world):
    case = draft(world, background=IDENTIFYING)
    client.force_login(world.member)
    data = {"key": "background", "start": 0, "category": "name", "reason": ""}
    response = client.post(url("finding_clear", case), data)
    assert response.status_code == 400
    assert b"errorlist" in response.content
    assert not case.clearances.exists()
    data["reason"] = "An invented name."
    assert client.post(url("finding_clear", case), data).status_code == 302
    assert case.clearances.get().reason == "An invented name."


def test_submit_is_refused_while_findings_are_unresolved(client, world):
    case = draft(world, background=IDENTIFYING)
    client.force_login(world.member)
    response = client.post(url("case_submit", case), follow=True)
    assert "3 findings could identify" in response.content.decode()
    case.refresh_from_db()
    assert case.state == "draft"


def test_submit_is_allowed_when_the_guard_is_clear(client, world):
    case = draft(world)
    client.force_login(world.member)
    response = client.post(url("case_submit", case))
    assert response["Location"] == url("case_detail", case)
    case.refresh_from_db()
    assert case.state == "submitted"


def test_unreadable_attachment_is_shown_for_confirmation(client, world):
    from staffroom.cases.tests.factories import blank_pdf

    case = draft(world)
    scan = attach(world, case, "scan.pdf", blank_pdf())
    client.force_login(world.member)
    response = client.get(url("case_check", case))
    assert "cannot be checked" in response.content.decode()
    client.post(url("attachment_confirm", case, attachment=scan.public_id))
    scan.refresh_from_db()
    assert scan.confirmed_clean


def test_bad_attachment_comes_back_with_the_error(client, world):
    case = draft(world)
    client.force_login(world.member)
    upload = SimpleUploadedFile("sample.pdf", b"just some text")
    data = form_data(background="Typed, not yet saved.", file=upload)
    response = client.post(url("attachment_add", case), data)
    assert response.status_code == 400
    html = response.content.decode()
    assert "not what its name says" in html and "Typed, not yet saved." in html
    assert not case.attachments.exists()


def test_accept_emails_the_presenter(client, world, mailoutbox, deliver):
    case = submitted(world)
    client.force_login(world.facilitator)
    with deliver():
        response = client.post(url("case_accept", case))
    assert response["Location"] == url("case_queue")
    case.refresh_from_db()
    assert case.state == "accepted"
    assert [m.to for m in mailoutbox] == [[world.member.email]]
    assert "is accepted" in mailoutbox[0].subject


def test_return_emails_the_presenter_the_note(client, world, mailoutbox, deliver):
    case = submitted(world)
    client.force_login(world.facilitator)
    assert client.post(url("case_return", case), {"note": ""}).status_code == 400
    with deliver():
        client.post(url("case_return", case), {"note": "Please remove the town's name."})
    case.refresh_from_db()
    assert case.state == "returned"
    assert "Please remove the town" in mailoutbox[0].body
    client.force_login(world.member)
    assert client.get(url("case_edit", case)).status_code == 200


def test_members_see_a_case_only_once_accepted(client, world):
    case = submitted(world)
    client.force_login(world.facilitator)
    assert client.get(url("case_detail", case)).status_code == 200
    other = draft(world, user=world.facilitator)
    client.force_login(world.member)
    assert client.get(url("case_detail", other)).status_code == 404
    done = accepted(world, user=world.facilitator)
    assert client.get(url("case_detail", done)).status_code == 200
    listing = client.get(url("case_list")).content.decode()
    assert done.title in listing and other.public_id not in listing


def test_community_home_links_to_cases(client, world):
    client.force_login(world.member)
    response = client.get(reverse("communities:community_detail", args=["open-science"]))
    assert url("case_list").encode() in response.content


def _count(client, path) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


def test_queue_queries_are_bounded_and_do_not_grow(client, world, django_assert_max_num_queries):
    submitted(world)
    client.force_login(world.facilitator)
    with django_assert_max_num_queries(12):
        response = client.get(url("case_queue"))
    assert response.content.decode().count("/accept/") == 1
    one = _count(client, url("case_queue"))
    for _ in range(19):
        submitted(world)
    assert _count(client, url("case_queue")) == one


def test_case_pages_queries_are_bounded_and_do_not_grow(
    client, world, django_assert_max_num_queries
):
    case = draft(world)
    attach(world, case, "notes0.txt", b"Plain notes.")
    client.force_login(world.member)
    with django_assert_max_num_queries(12):
        assert client.get(url("case_detail", case)).status_code == 200
    with django_assert_max_num_queries(13):
        assert client.get(url("case_check", case)).status_code == 200
    detail, check = (
        _count(client, url("case_detail", case)),
        _count(client, url("case_check", case)),
    )
    for n in range(1, 8):
        attach(world, case, f"notes{n}.txt", b"Plain notes.")
    assert _count(client, url("case_detail", case)) == detail
    assert _count(client, url("case_check", case)) == check
