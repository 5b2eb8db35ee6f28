"""The pages of a case after acceptance: scheduling, the projected page, questions and
recommendations, the summary, the follow-up, later edits and versions. Bad input comes
back with what was typed and the error beside its field."""

import datetime as dt
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from staffroom.cases import recommendations
from staffroom.cases.models import Case
from staffroom.cases.tests.factories import (
    CLEAN,
    IDENTIFYING,
    accepted,
    followed_up,
    presented,
    scheduled,
    summarized,
)
from staffroom.conftest import make_user
from staffroom.meetings.tests.factories import make_session

pytestmark = pytest.mark.django_db


def url(name, case, *extra):
    return reverse(f"cases:{name}", args=[case.community.slug, case.public_id, *extra])


def test_facilitator_schedules_from_the_case_page(client, world):
    case = accepted(world)
    client.force_login(world.facilitator)
    page = client.get(url("case_detail", case)).content.decode()
    assert "No upcoming session has a case slot open" in page
    session = make_session(world)
    assert session.title in client.get(url("case_detail", case)).content.decode()
    response = client.post(url("case_schedule", case), {"session": "not-a-session"})
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()
    response = client.post(url("case_schedule", case), {"session": session.public_id})
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.state == Case.State.SCHEDULED and case.session == session
    panel = client.get(reverse("meetings:session_detail", args=[case.community.slug,
                                                                 session.public_id]))  # fmt: skip
    assert "Cases in this session" in panel.content.decode()
    assert case.title in panel.content.decode()


def test_a_refused_recommendation_keeps_the_text_and_asks_why(client, world):
    case = scheduled(world)
    client.force_login(world.member)
    page = client.get(url("case_detail", case)).content.decode()
    assert 'type="hidden" name="not_identifying"' in page
    response = client.post(url("contribution_add", case), {"kind": "strategy", "text": IDENTIFYING})
    body = response.content.decode()
    assert response.status_code == 400
    assert "Maria Lopez, a 9-year-old" in body  # the typed text, back in the textarea
    assert "could identify a student" in body
    assert 'type="text" name="not_identifying"' in body
    screened = re.search(r'name="screened" value="([0-9a-f]+)"', body).group(1)
    response = client.post(url("contribution_add", case), {
        "kind": "strategy", "text": IDENTIFYING, "not_identifying": "An invented example.",
        "screened": screened,
    })  # fmt: skip
    assert response.status_code == 302 and response["Location"] == url("case_detail", case)
    assert case.contributions.count() == 1


def test_the_projected_page_records_and_stays_projected(client, world):
    case = scheduled(world)
    client.force_login(world.facilitator)
    response = client.get(url("case_project", case))
    assert response.status_code == 200 and b'class="projector"' in response.content
    response = client.post(url("contribution_add", case),
                           {"kind": "resource", "text": "A guide", "link": "example.org/guide",
                            "from": "project"})  # fmt: skip
    assert response["Location"] == url("case_project", case)
    assert case.contributions.get().link == "https://example.org/guide"
    response = client.post(url("contribution_add", case), {"kind": "strategy", "text": "",
                                                           "from": "project"})  # fmt: skip
    assert response.status_code == 400 and b'class="projector"' in response.content
    done = accepted(world, title="Not yet scheduled")
    assert client.get(url("case_project", done))["Location"] == url("case_detail", done)


def test_the_projected_list_refreshes_alone(client, world):
    case = scheduled(world)
    client.force_login(world.facilitator)
    page = client.get(url("case_project", case)).content.decode()
    assert 'hx-trigger="every 20s"' in page
    member = {"actor": world.member, "access": world.access(world.member)}
    recommendations.contribution_add(**member, case=case, kind="strategy", text="A buddy.")
    swap = client.get(url("case_project", case), headers={"HX-Request": "true"}).content.decode()
    assert swap.startswith('<div id="contribution-list"') and "A buddy." in swap
    assert "<h1>" not in swap


def test_summary_page_starts_from_the_recommendations_and_sends(client, world, mailoutbox,
                                                                deliver):  # fmt: skip
    case = presented(world)
    client.force_login(world.facilitator)
    page = client.get(url("case_summary", case)).content.decode()
    assert "- Start each week with a two-minute check-in" in page
    response = client.post(url("case_summary", case),
                           {"summary": "", "followup_weeks": 4, "send": "1"})  # fmt: skip
    assert response.status_code == 400 and "Write the summary" in response.content.decode()
    response = client.post(url("case_summary", case), {"summary": "Kept.", "followup_weeks": 4})
    assert response["Location"] == url("case_summary", case)
    with deliver():
        sent = {"summary": "Try check-ins.", "followup_weeks": 4, "send": "1"}
        response = client.post(url("case_summary", case), sent)
    assert response["Location"] == url("case_detail", case)
    assert any("Try check-ins." in m.body for m in mailoutbox)
    client.force_login(world.member)
    page = client.get(url("case_detail", case)).content.decode()
    assert "Try check-ins." in page and "Write your follow-up" in page


def test_follow_up_form_keeps_what_was_typed(client, world):
    case = summarized(world)
    client.force_login(world.facilitator)
    assert client.get(url("followup", case)).status_code == 403
    client.force_login(world.member)
    response = client.post(url("followup", case), {"tried": "Weekly check-ins.", "happened": ""})
    body = response.content.decode()
    assert response.status_code == 400 and "Weekly check-ins." in body
    answer = {"tried": "Weekly check-ins.", "happened": "Better.", "rating": "5"}
    response = client.post(url("followup", case), answer)
    assert response.status_code == 302
    page = client.get(url("case_detail", case)).content.decode()
    assert "Resolved" in page and "Weekly check-ins." in page


def test_follow_up_date_bad_input(client, world):
    case = summarized(world)
    client.force_login(world.facilitator)
    response = client.post(url("followup_move", case), {"due": timezone.localdate().isoformat()})
    assert response.status_code == 400 and "after today" in response.content.decode()
    later = timezone.localdate() + dt.timedelta(days=3)
    response = client.post(url("followup_move", case), {"due": later.isoformat()})
    assert response.status_code == 302


def test_editing_a_presented_case_keeps_the_version_the_group_answered(client, world):
    case = presented(world)
    client.force_login(world.member)
    data = {**CLEAN, "background": IDENTIFYING}
    response = client.post(url("case_revise", case), data)
    assert response.status_code == 400 and IDENTIFYING in response.content.decode()
    response = client.post(url("case_revise", case), {**data, "background": "Now calmer."})
    assert response.status_code == 302
    page = client.get(url("case_detail", case)).content.decode()
    assert "Now calmer." in page and "answered version 1" in page
    old = client.get(url("case_version", case, 1)).content.decode()
    assert CLEAN["background"] in old and "Now calmer." not in old
    assert client.get(url("case_version", case, 9)).status_code == 404


def test_the_presenter_thanks_from_the_case_page(client, world):
    case = presented(world)
    theirs = case.contributions.get(author=world.facilitator)
    client.force_login(world.member)
    assert "Thank Fran Facilitator" in client.get(url("case_detail", case)).content.decode()
    client.post(url("contribution_thank", case, theirs.public_id))
    page = client.get(url("case_detail", case)).content.decode()
    assert "thanked by the presenter" in page


def test_case_page_queries_do_not_grow_with_contributions(client, world):
    case = followed_up(world)
    client.force_login(world.facilitator)

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url("case_detail", case)).status_code == 200
        return len(queries)

    count()  # the first request also loads the session
    before = count()
    Case.objects.filter(pk=case.pk).update(state=Case.State.SCHEDULED)
    access = world.access(world.member, case.community)
    for n in range(10):
        recommendations.contribution_add(actor=world.member, access=access, case=case,
                                         kind="strategy", text=f"Idea {n}")  # fmt: skip
    Case.objects.filter(pk=case.pk).update(state=Case.State.FOLLOWED_UP)
    assert count() == before <= 20


def test_library_holds_every_shared_stage_and_filters_by_it(client, world):
    done = followed_up(world, title="Finished with a follow-up")
    waiting = scheduled(world, title="Waiting for its session")
    client.force_login(world.member)
    library = reverse("cases:case_library", args=["open-science"])
    page = client.get(library).content.decode()
    assert done.title in page and waiting.title in page
    page = client.get(library + "?case_state=followed_up").content.decode()
    assert done.title in page and waiting.title not in page
    response = client.get(library + "?case_state=draft")
    assert response.status_code == 200 and "Select a valid choice" in response.content.decode()


def test_search_finds_a_case_by_its_summary_once_sent(client, world):
    case = presented(world, title="Sent summary")
    facilitating = {"actor": world.facilitator, "access": world.access(world.facilitator)}
    recommendations.summary_save(**facilitating, case=case, summary="Offer a sketchbook.")
    client.force_login(world.member)
    search = reverse("communities:search") + "?q=sketchbook"
    assert case.title not in client.get(search).content.decode()
    recommendations.summary_save(**facilitating, case=case, summary="Offer a sketchbook.",
                                 send=True)  # fmt: skip
    assert case.title in client.get(search).content.decode()


def test_a_recommendation_refused_because_the_summary_went_out_keeps_its_text(client, world):
    case = summarized(world)
    client.force_login(world.member)
    typed = {"kind": "strategy", "text": "A late idea worth keeping."}
    response = client.post(url("contribution_add", case), typed)
    body = response.content.decode()
    assert response.status_code == 400
    assert "A late idea worth keeping." in body and "until the summary is sent" in body


def test_editing_a_shared_case_saves_a_setting_change_without_a_new_version(client, world):
    case = presented(world)
    client.force_login(world.member)
    response = client.post(url("case_revise", case), {**CLEAN, "anonymous": "on"})
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.anonymous and case.versions.count() == 1
    response = client.post(url("case_revise", case), {**CLEAN, "questions": ""})
    assert response.status_code == 400 and "at least one question" in response.content.decode()


def test_an_anonymous_presenter_is_not_named_on_the_session_page_or_in_thanks(
    client, world, mailoutbox, deliver
):
    case = presented(world, anonymous=True)
    session_page = reverse("meetings:session_detail", args=["open-science",
                                                             case.session.public_id])  # fmt: skip
    other = make_user("other@example.org", "Olga Other")
    world.access(world.facilitator)  # the facilitator invites a second member
    from staffroom.communities import services as communities

    invitation = communities.invitation_create(
        actor=world.facilitator, access=world.access(world.facilitator), email=other.email,
        role="member",
    )  # fmt: skip
    communities.invitation_accept(actor=other, token=invitation.token)
    client.force_login(other)
    page = client.get(session_page).content.decode()
    assert "a member of this community" in page and world.member.display_name not in page
    detail = client.get(url("case_detail", case)).content.decode()
    assert world.member.display_name not in detail and "the presenter" in detail
    client.force_login(world.facilitator)
    assert world.member.display_name in client.get(session_page).content.decode()
    theirs = case.contributions.get(author=world.facilitator)
    with deliver():
        recommendations.contribution_thank(actor=world.member, access=world.access(world.member),
                                           case=case, contribution=theirs)  # fmt: skip
    (thanks,) = [m for m in mailoutbox if "thanks you" in m.subject]
    assert world.member.display_name not in thanks.subject + thanks.body


def test_the_session_page_offers_no_withdraw_for_a_slot_a_case_holds(client, world):
    case = scheduled(world)
    client.force_login(world.member)
    session_page = reverse("meetings:session_detail", args=["open-science", case.session.public_id])
    page = client.get(session_page).content.decode()
    assert "is scheduled here" in page and "Withdraw my offer" not in page
