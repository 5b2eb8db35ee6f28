"""After acceptance: scheduling into a session's case slot, questions and
recommendations (screened by the guard), versions, the summary, the follow-up."""

import datetime as dt
import zoneinfo

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from staffroom.cases import followup, recommendations, scheduling, versions
from staffroom.cases.models import Case, CaseEvent, Contribution
from staffroom.cases.services import CaseError
from staffroom.cases.tests.factories import (
    CLEAN,
    IDENTIFYING,
    accepted,
    draft,
    followed_up,
    presented,
    scheduled,
    submitted,
    summarized,
)
from staffroom.core.errors import DomainError
from staffroom.meetings.models import PresenterSlot
from staffroom.meetings.presenters import presenter_withdraw
from staffroom.meetings.tests.factories import make_session

pytestmark = pytest.mark.django_db


def fac(world, case):
    return {"actor": world.facilitator, "access": world.access(world.facilitator, case.community)}


def mem(world, case, user=None):
    user = user or world.member
    return {"actor": user, "access": world.access(user, case.community)}


def actions(case):
    return list(case.events.values_list("action", flat=True))


# -- scheduling -----------------------------------------------------------------------


def test_scheduling_takes_a_case_slot_and_tells_the_presenter(world, mailoutbox, deliver):
    case = accepted(world)
    session = make_session(world)
    with deliver():
        case = scheduling.case_schedule(**fac(world, case), case=case, session=session.public_id)
    assert case.state == Case.State.SCHEDULED and case.session == session
    slot = PresenterSlot.objects.get(session=session, user=world.member)
    assert slot.kind == "case" and slot.status == "confirmed"
    scheduled_mail = [m for m in mailoutbox if "is scheduled" in m.subject]
    assert [m.to for m in scheduled_mail] == [[world.member.email]]
    assert session.title in scheduled_mail[0].body
    assert actions(case) == ["submitted", "accepted", "scheduled"]


def test_a_full_session_refuses_another_case(world):
    session = make_session(world, case_slots=1)
    scheduled(world, session=session)
    other = accepted(world, user=world.facilitator, title="Another case")
    with pytest.raises(DomainError, match="Every case slot"):
        scheduling.case_schedule(**fac(world, other), case=other, session=session.public_id)
    other.refresh_from_db()
    assert other.state == Case.State.ACCEPTED and other.session is None
    assert session not in scheduling.schedulable_sessions(other)


def test_schedule_refuses_past_foreign_and_unknown_sessions(world):
    case = accepted(world)
    past = make_session(world, starts_at=timezone.now() - dt.timedelta(days=2))
    elsewhere = make_session(world, world.private)
    for session_id in (past.public_id, elsewhere.public_id, "nope"):
        with pytest.raises(CaseError) as refused:
            scheduling.case_schedule(**fac(world, case), case=case, session=session_id)
        assert refused.value.field == "session"


def test_only_reviewers_schedule_and_only_accepted_cases(world):
    session = make_session(world)
    case = accepted(world)
    with pytest.raises(CaseError):
        scheduling.case_schedule(**mem(world, case), case=case, session=session.public_id)
    waiting = submitted(world, title="Waiting")
    with pytest.raises(CaseError, match="Only an accepted case"):
        scheduling.case_schedule(**fac(world, waiting), case=waiting, session=session.public_id)


def test_moving_a_case_frees_its_old_slot_and_unscheduling_frees_the_new(world):
    first, second = make_session(world), make_session(world, title="Later session")
    case = scheduled(world, session=first)
    case = scheduling.case_schedule(**fac(world, case), case=case, session=second.public_id)
    slots = dict(PresenterSlot.objects.filter(user=world.member).values_list("session", "status"))
    assert slots == {first.pk: "withdrawn", second.pk: "confirmed"}
    case = scheduling.case_unschedule(**fac(world, case), case=case)
    assert case.state == Case.State.ACCEPTED and case.session is None
    assert PresenterSlot.objects.get(session=second, user=world.member).status == "withdrawn"
    with pytest.raises(CaseError, match="not scheduled"):
        scheduling.case_unschedule(**fac(world, case), case=case)


def test_marking_presented_keeps_the_text_the_group_heard(world):
    case = scheduled(world)
    with pytest.raises(CaseError):
        scheduling.case_present(**mem(world, case), case=case)
    case = scheduling.case_present(**fac(world, case), case=case)
    assert case.state == Case.State.PRESENTED and case.presented_at
    (version,) = case.versions.all()
    assert version.number == 1 and version.value("background") == CLEAN["background"]
    with pytest.raises(CaseError, match="Only a scheduled case"):
        scheduling.case_present(**fac(world, case), case=case)


# -- questions and recommendations ----------------------------------------------------


def test_contributions_are_taken_between_scheduling_and_the_summary(world):
    case = accepted(world)
    with pytest.raises(CaseError, match="once the case is scheduled"):
        recommendations.contribution_add(**mem(world, case), case=case, kind="strategy", text="X")
    case = summarized(world, title="Done")
    with pytest.raises(CaseError, match="once the case is scheduled"):
        recommendations.contribution_add(**mem(world, case), case=case, kind="strategy", text="X")


def test_contribution_bad_input_names_the_field(world):
    case = scheduled(world)
    cases = [
        ({"kind": "gossip", "text": "X"}, "kind"),
        ({"kind": "strategy", "text": "   "}, "text"),
        ({"kind": "strategy", "text": "Read this", "link": "https://example.org"}, "link"),
    ]
    for fields, field in cases:
        with pytest.raises(CaseError) as refused:
            recommendations.contribution_add(**mem(world, case), case=case, **fields)
        assert refused.value.field == field
    assert not Contribution.objects.exists()


def test_a_non_member_cannot_recommend(world):
    case = scheduled(world)
    with pytest.raises(CaseError):
        recommendations.contribution_add(
            **mem(world, case, world.outsider), case=case, kind="strategy", text="Try this."
        )


def test_identifying_recommendations_are_refused_unless_explained(world):
    case = scheduled(world)
    with pytest.raises(DomainError) as refused:
        recommendations.contribution_add(**mem(world, case), case=case, kind="referral",
                                         text=IDENTIFYING)  # fmt: skip
    assert refused.value.field == "text" and "Maria Lopez" in refused.value.message
    assert not Contribution.objects.exists()
    with pytest.raises(DomainError):  # a reason alone, for findings never shown: refused
        recommendations.contribution_add(**mem(world, case), case=case, kind="referral",
                                         text=IDENTIFYING, not_identifying="Invented.")  # fmt: skip
    item = recommendations.contribution_add(
        **mem(world, case), case=case, kind="referral", text=IDENTIFYING,
        not_identifying="An invented example the group made up.",
        screened=refused.value.signature,
    )  # fmt: skip
    assert item.version.number == 1
    assert case.clearances.filter(field=f"contribution:{world.member.pk}").count() >= 3
    assert "not_identifying" in actions(case)
    # Another writer's text with the same words is checked again: decisions are personal.
    with pytest.raises(DomainError):
        recommendations.contribution_add(**fac(world, case), case=case, kind="referral",
                                         text=IDENTIFYING)  # fmt: skip


def test_every_flagged_field_is_shown_and_a_reason_clears_only_what_was_shown(world):
    case = presented(world)
    two = {**CLEAN, "background": "Call 555-201-3344 about it.", "tried": IDENTIFYING}
    with pytest.raises(DomainError) as refused:
        versions.case_revise(**mem(world, case), case=case, **two)
    assert set(refused.value.errors) == {"background", "tried"}
    three = {**two, "strengths": "Her brother Diego Ramirez helps."}
    with pytest.raises(DomainError) as again:
        versions.case_revise(**mem(world, case), case=case, **three, not_identifying="Made up.",
                             screened=refused.value.signature)  # fmt: skip
    assert "strengths" in again.value.errors
    case.refresh_from_db()
    assert case.tried == CLEAN["tried"] and not case.clearances.exists()
    versions.case_revise(**mem(world, case), case=case, **three, not_identifying="Made up.",
                         screened=again.value.signature)  # fmt: skip
    case.refresh_from_db()
    assert case.tried == IDENTIFYING and case.versions.count() == 2


def test_a_presenter_brings_one_case_to_a_session(world):
    session = make_session(world, case_slots=3)
    scheduled(world, session=session)
    second = accepted(world, title="My second case")
    with pytest.raises(CaseError, match="already brings a case") as refused:
        scheduling.case_schedule(**fac(world, second), case=second, session=session.public_id)
    assert refused.value.field == "session"


def test_a_case_with_recommendations_can_be_deleted(world):
    case = followed_up(world)
    case.delete()
    assert not Contribution.objects.exists()


# -- versions -------------------------------------------------------------------------


def test_an_edit_after_presentation_is_a_new_version_and_answers_stay_with_theirs(world):
    case = presented(world)
    fields = {**CLEAN, "background": CLEAN["background"] + " Her attendance is improving."}
    case = versions.case_revise(**mem(world, case), case=case, **fields)
    assert [v.number for v in case.versions.all()] == [1, 2]
    assert case.versions.get(number=1).value("background") == CLEAN["background"]
    assert {c.version.number for c in case.contributions.all()} == {1}
    assert "revised" in actions(case)
    # Saving the same text again makes no new version.
    versions.case_revise(**mem(world, case), case=case, **fields)
    assert case.versions.count() == 2


def test_an_edit_with_identifying_text_is_refused_and_changes_nothing(world):
    case = presented(world)
    with pytest.raises(DomainError) as refused:
        versions.case_revise(**mem(world, case), case=case, **{**CLEAN, "tried": IDENTIFYING})
    assert refused.value.field == "tried"
    case.refresh_from_db()
    assert case.tried == CLEAN["tried"] and case.versions.count() == 1


def test_only_the_presenter_edits_a_shared_case(world):
    case = accepted(world)
    with pytest.raises(CaseError, match="Only the presenter"):
        versions.case_revise(**fac(world, case), case=case, **CLEAN)
    mine = draft(world, title="Still a draft")
    with pytest.raises(CaseError, match="can read"):
        versions.case_revise(**mem(world, mine), case=mine, **CLEAN)


# -- summary and thanks ---------------------------------------------------------------


def test_summary_draft_groups_recommendations_and_leaves_questions_out(world):
    case = presented(world)
    text = recommendations.summary_draft(case)
    assert text.startswith("Strategy\n- Start each week")
    assert "What does she enjoy" not in text


def test_summary_is_saved_then_sent_with_the_follow_up_queued(world, mailoutbox, deliver):
    case = presented(world)
    case = recommendations.summary_save(**fac(world, case), case=case, summary="Draft only.")
    assert case.state == Case.State.PRESENTED and case.summary == "Draft only."
    with deliver():
        case = recommendations.summary_save(
            **fac(world, case), case=case, send=True, summary="Try a weekly check-in.",
            followup_weeks=6,
        )  # fmt: skip
    assert case.state == Case.State.SUMMARIZED
    assert case.followup_due_at - case.summary_sent_at == dt.timedelta(weeks=6)
    summary_mail = [m for m in mailoutbox if "Recommendations for your case" in m.subject]
    assert len(summary_mail) == 1 and "Try a weekly check-in." in summary_mail[0].body
    waiting = DBTaskResult.objects.filter(task_path__endswith="followup_remind_task").get()
    assert waiting.run_after == case.followup_due_at
    with pytest.raises(CaseError, match="sent once"):
        recommendations.summary_save(**fac(world, case), case=case, summary="Again", send=True)


def test_summary_bad_input(world):
    case = presented(world)
    bad = [({"summary": "  ", "send": True}, "summary"),
           ({"summary": "Fine", "followup_weeks": 0}, "followup_weeks"),
           ({"summary": "Fine", "followup_weeks": 27}, "followup_weeks"),
           ({"summary": IDENTIFYING}, "summary")]  # fmt: skip
    for fields, field in bad:
        with pytest.raises(DomainError) as refused:
            recommendations.summary_save(**fac(world, case), case=case, **fields)
        assert refused.value.field == field
    with pytest.raises(CaseError):
        recommendations.summary_save(**mem(world, case), case=case, summary="Mine")
    waiting = scheduled(world, title="Not presented yet")
    with pytest.raises(CaseError, match="once the case is presented"):
        recommendations.summary_save(**fac(world, waiting), case=waiting, summary="Early")


def test_the_presenter_thanks_a_contributor_once(world, mailoutbox, deliver):
    case = presented(world)
    theirs = case.contributions.get(author=world.facilitator)
    own = case.contributions.get(author=world.member)
    with pytest.raises(CaseError, match="no one to thank"):
        recommendations.contribution_thank(**mem(world, case), case=case, contribution=own)
    with pytest.raises(CaseError, match="Only the presenter"):
        recommendations.contribution_thank(**fac(world, case), case=case, contribution=own)
    with deliver():
        recommendations.contribution_thank(**mem(world, case), case=case, contribution=theirs)
        recommendations.contribution_thank(**mem(world, case), case=case, contribution=theirs)
    thanks = [m for m in mailoutbox if "thanks you" in m.subject]
    assert [m.to for m in thanks] == [[world.facilitator.email]]
    assert theirs.text in thanks[0].body


# -- follow-up ------------------------------------------------------------------------


def test_the_reminder_asks_once_and_ignores_a_moved_date(world, mailoutbox, deliver):
    case = summarized(world)
    due = case.followup_due_at.isoformat()
    Case.objects.filter(pk=case.pk).update(followup_due_at=timezone.now())
    case.refresh_from_db()
    assert not followup.followup_remind(case_id=case.pk, due=due)  # queued for another date
    now_due = case.followup_due_at.isoformat()
    with deliver():
        assert followup.followup_remind(case_id=case.pk, due=now_due)
    assert not followup.followup_remind(case_id=case.pk, due=now_due)
    asked = [m for m in mailoutbox if "How did it go?" in m.subject]
    assert len(asked) == 1 and f"/cases/{case.public_id}/followup/" in asked[0].body
    assert "followup_asked" in actions(case)


def test_an_early_reminder_waits_for_its_date(world, deliver):
    case = summarized(world)
    with deliver():
        assert not followup.followup_remind(case_id=case.pk, due=case.followup_due_at.isoformat())
    case.refresh_from_db()
    assert case.followup_reminded_at is None
    assert DBTaskResult.objects.filter(task_path__endswith="followup_remind_task").exists()


def test_the_facilitator_moves_the_follow_up(world):
    case = summarized(world)
    with pytest.raises(CaseError) as refused:
        followup.followup_move(**fac(world, case), case=case, due=timezone.localdate())
    assert refused.value.field == "due"
    later = timezone.localdate() + dt.timedelta(days=10)
    with timezone.override("America/Chicago"):
        case = followup.followup_move(**fac(world, case), case=case, due=later)
        assert timezone.localtime(case.followup_due_at).date() == later
    with pytest.raises(CaseError):
        followup.followup_move(**mem(world, case), case=case, due=later)


def test_a_reminder_queued_in_another_time_zone_still_matches_its_date(world):
    case = summarized(world)
    due = timezone.now() - dt.timedelta(hours=1)
    Case.objects.filter(pk=case.pk).update(followup_due_at=due)
    in_chicago = timezone.localtime(due, zoneinfo.ZoneInfo("America/Chicago")).isoformat()
    assert followup.followup_remind(case_id=case.pk, due=in_chicago)


def test_the_follow_up_is_the_presenters_own(world):
    case = summarized(world)
    answer = {"tried": "Check-ins.", "happened": "Better.", "rating": 4}
    with pytest.raises(CaseError, match="Only the presenter"):
        followup.followup_record(**fac(world, case), case=case, **answer)
    for missing, field in (("tried", "tried"), ("happened", "happened"), ("rating", "rating")):
        with pytest.raises(CaseError) as refused:
            followup.followup_record(**mem(world, case), case=case,
                                     **{**answer, missing: None})  # fmt: skip
        assert refused.value.field == field
    with pytest.raises(DomainError) as refused:
        followup.followup_record(
            **mem(world, case), case=case, **{**answer, "happened": IDENTIFYING}
        )
    assert refused.value.field == "happened"
    case = followup.followup_record(**mem(world, case), case=case, **answer)
    assert case.state == Case.State.FOLLOWED_UP and case.outcome_rating == 4
    case = followup.followup_record(**mem(world, case), case=case, **{**answer, "rating": 5})
    assert case.outcome_rating == 5
    assert actions(case).count("followed_up") == 1


def test_a_follow_up_before_the_summary_is_refused(world):
    case = presented(world)
    with pytest.raises(CaseError, match="after the recommendation summary"):
        followup.followup_record(**mem(world, case), case=case, tried="a", happened="b", rating=3)


def test_every_step_is_in_the_history(world):
    case = followed_up(world)
    assert actions(case) == ["submitted", "accepted", "scheduled", "presented", "summary_sent",
                             "followed_up"]  # fmt: skip
    assert CaseEvent.objects.filter(case=case, actor=world.facilitator).count() == 4


def test_the_hourly_sweep_asks_for_due_follow_ups_whose_task_was_lost(world, mailoutbox, deliver):
    case = summarized(world)
    assert followup.followup_sweep() == 0  # not due yet
    Case.objects.filter(pk=case.pk).update(followup_due_at=timezone.now() - dt.timedelta(hours=1))
    with deliver():
        assert followup.followup_sweep() == 1
    assert followup.followup_sweep() == 0
    assert len([m for m in mailoutbox if "How did it go?" in m.subject]) == 1


def test_the_presenter_cannot_give_up_the_slot_their_scheduled_case_holds(world):
    case = scheduled(world)
    with pytest.raises(DomainError, match="is scheduled in this slot"):
        presenter_withdraw(**mem(world, case), session=case.session, kind="case")
    scheduling.case_unschedule(**fac(world, case), case=case)
    assert PresenterSlot.objects.get(session=case.session, user=world.member).status == "withdrawn"
