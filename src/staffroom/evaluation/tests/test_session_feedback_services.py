"""The form after a session, through its services, and the email meetings' follow-ups
send with it half an hour after the end (the real task queue and worker)."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from staffroom.communities.access import community_access_for
from staffroom.communities.services import membership_leave
from staffroom.core.email import email_suppressed
from staffroom.evaluation import session_feedback as feedback
from staffroom.evaluation.models import SessionFeedback
from staffroom.evaluation.session_feedback import FeedbackError
from staffroom.meetings import followups, services
from staffroom.meetings.models import Session
from staffroom.meetings.tests.factories import make_series
from staffroom.meetings.tests.factories_credit import (
    attend,
    colleague,
    deliver_all,
    ongoing_session,
    past_session,
    travel,
    upcoming_session,
)
from staffroom.meetings.tests.factories_registration import register

__all__ = ["deliver_all"]  # a fixture
FOLLOWUPS_TASK = "staffroom.meetings.tasks.session_followups_task"


def submit(world, session, user=None, *, language="en", **answers):
    user = user or world.member
    answers = {"usefulness": "4", "will_use": "Exit tickets", **answers}
    return feedback.feedback_submit(
        actor=user, access=community_access_for(user, session.community), session=session,
        answers=answers, language=language,
    )  # fmt: skip


def carried_over(session, user, usefulness, **texts) -> SessionFeedback:
    """An answer as migration 0006 copied it from the earlier short form: written by
    the migration, not by a service, so written here the same way."""
    return SessionFeedback.objects.create(
        session=session, user=user, answers={"usefulness": str(usefulness), **texts}
    )


def test_feedback_submit_records_the_answers(world):
    session = past_session(world)
    attend(session, world.member)
    answer = submit(
        world, session, overall="5", will_apply="4", pace="2",
        will_use="  The three-question exit ticket ",
    )  # fmt: skip
    assert answer.answers == {
        "overall": "5", "usefulness": "4", "will_apply": "4", "pace": "2",
        "will_use": "The three-question exit ticket",
    }  # fmt: skip
    assert (answer.user, answer.session, answer.language) == (world.member, session, "en")


def test_feedback_submit_again_updates_the_one_answer(world, monkeypatch):
    session = past_session(world)
    attend(session, world.member)
    first = submit(world, session, usefulness="2")
    later = travel(monkeypatch, dt.timedelta(hours=2))
    submit(world, session, usefulness="5", change="More time for the case")
    answer = SessionFeedback.objects.get()
    assert answer.answers == {"usefulness": "5", "will_use": "Exit tickets",
                              "change": "More time for the case"}  # fmt: skip
    assert answer.created_at == first.created_at
    assert answer.updated_at >= later - dt.timedelta(seconds=5)


@pytest.mark.parametrize("rating", ["0", "6", "-1", "100", "useful"])
def test_feedback_submit_refuses_a_rating_outside_one_to_five(world, rating):
    session = past_session(world)
    attend(session, world.member)
    with pytest.raises(FeedbackError) as error:
        submit(world, session, usefulness=rating)
    assert list(error.value.problems) == ["usefulness"]
    assert not SessionFeedback.objects.exists()


def test_feedback_submit_refuses_an_answer_without_the_required_usefulness(world):
    session = past_session(world)
    attend(session, world.member)
    with pytest.raises(FeedbackError) as error:
        submit(world, session, usefulness="  ", overall="4")
    assert error.value.problems == {"usefulness": "Answer this question."}
    assert not SessionFeedback.objects.exists()


def test_feedback_submit_drops_why_when_the_rating_is_not_low(world):
    session = past_session(world)
    attend(session, world.member)
    assert "overall_why" not in submit(world, session, overall="4", overall_why="Too long").answers
    kept = submit(world, session, overall="2", overall_why="Too long").answers
    assert kept["overall_why"] == "Too long"


def test_feedback_submit_refuses_a_text_longer_than_the_form_takes(world):
    session = past_session(world)
    attend(session, world.member)
    with pytest.raises(FeedbackError) as error:
        submit(world, session, change="x" * (feedback.TEXT_LONGEST + 1))
    assert list(error.value.problems) == ["change"]
    assert submit(world, session, change="x" * feedback.TEXT_LONGEST).answers["change"]


def test_feedback_submit_keeps_only_the_forms_questions(world):
    session = past_session(world)
    attend(session, world.member)
    answer = submit(world, session, record_id="7", is_admin="1", most_useful="")
    assert answer.answers == {"usefulness": "4", "will_use": "Exit tickets"}


def test_feedback_submit_in_spanish_keeps_the_same_codes(world):
    session = past_session(world)
    attend(session, world.member)
    answer = submit(world, session, language="es", overall="1", overall_why="Muy largo")
    assert answer.answers == {"usefulness": "4", "overall": "1", "overall_why": "Muy largo",
                              "will_use": "Exit tickets"}  # fmt: skip
    assert answer.language == "es"
    spanish = {item.name: item for item in feedback.feedback_items("es")}
    english = {item.name: item for item in feedback.feedback_items("en")}
    assert spanish["usefulness"].label == "¿Qué tan útil fue esta sesión para ti?"
    assert [c for c, _label in spanish["usefulness"].choices] == [
        c for c, _label in english["usefulness"].choices
    ]


def test_feedback_submit_refuses_someone_who_did_not_attend(world):
    session = past_session(world)
    with pytest.raises(FeedbackError, match="Only people who attended"):
        submit(world, session)
    assert not SessionFeedback.objects.exists()


def test_feedback_submit_refuses_someone_who_may_not_read_the_community(world):
    session = past_session(world, world.private)
    with pytest.raises(FeedbackError, match="not allowed"):
        submit(world, session, world.outsider)


def test_feedback_submit_refuses_before_the_session_ends(world):
    session = ongoing_session(world)
    attend(session, world.member)
    with pytest.raises(FeedbackError, match="opens when the session ends"):
        submit(world, session)


def test_feedback_submit_refuses_a_cancelled_session(world):
    session = past_session(world)
    attend(session, world.member)
    Session.objects.filter(pk=session.pk).update(status=Session.Status.CANCELLED)
    with pytest.raises(FeedbackError, match="cancelled"):
        submit(world, session)


# -- the summary ------------------------------------------------------------------------


def counts(summary, name):
    question = next(q for q in summary.questions if q.name == name)
    return [(c.code, c.count, c.percent) for c in question.choices], question


def test_feedback_summary_counts_each_rating_and_the_mean(world):
    session = past_session(world)
    for n, rating in enumerate(["5", "4", "4", "2"], start=1):
        person = colleague(world, f"Person {n}")
        attend(session, person)
        submit(world, session, person, usefulness=rating, overall=rating, will_apply="4")
    summary = feedback.feedback_summary(session)
    assert summary.answers == 4
    assert summary.usefulness == pytest.approx(3.75)
    usefulness, question = counts(summary, "usefulness")
    assert usefulness == [("1", 0, 0), ("2", 1, 25), ("3", 0, 0), ("4", 2, 50), ("5", 1, 25)]
    assert (question.answered, question.label) == (4, "How useful was this session for you?")
    # Each score is the mean of overall, usefulness and will_apply: 14/3, 4, 4, 8/3.
    assert summary.score == pytest.approx((14 / 3 + 4 + 4 + 8 / 3) / 4)
    assert summary.scored == 4
    pace, question = counts(summary, "pace")  # not a rating: counted, no mean
    assert (question.answered, question.mean) == (0, None)
    assert pace == [("1", 0, 0), ("2", 0, 0), ("3", 0, 0)]


def test_feedback_summary_scores_only_answers_with_three_quarters_of_the_scale(world):
    session = past_session(world)
    people = [colleague(world, f"Person {n}") for n in range(2)]
    for person in people:
        attend(session, person)
    submit(world, session, people[0], usefulness="5", overall="5", will_apply="2")  # 3 of 3
    submit(world, session, people[1], usefulness="1", overall="3")  # 2 of 3: below 75%
    summary = feedback.feedback_summary(session)
    assert (summary.score, summary.scored) == (pytest.approx(4), 1)


def test_feedback_summary_counts_answers_carried_over_from_the_short_form(world):
    session = past_session(world)
    earlier = [colleague(world, f"Earlier {n}") for n in range(2)]
    carried_over(session, earlier[0], 5, will_use="Name tents")
    carried_over(session, earlier[1], 2, change="Shorter talk")
    attend(session, world.member)
    submit(world, session, usefulness="3", overall="4", will_apply="5", pace="2")
    summary = feedback.feedback_summary(session)
    assert summary.answers == 3
    assert summary.usefulness == pytest.approx(10 / 3)
    assert counts(summary, "usefulness")[0] == [
        ("1", 0, 0), ("2", 1, 33), ("3", 1, 33), ("4", 0, 0), ("5", 1, 33),
    ]  # fmt: skip
    overall, question = counts(summary, "overall")  # new: only the new answer has it
    assert (question.answered, question.mean) == (1, 4.0)
    assert ("4", 1, 100) in overall
    # Usefulness alone is a third of the scale: only the new answer has a score.
    assert (summary.score, summary.scored) == (pytest.approx(4), 1)


def test_feedback_summary_of_a_session_without_answers(world, django_assert_num_queries):
    session = past_session(world)
    with django_assert_num_queries(1):
        summary = feedback.feedback_summary(session)
    assert (summary.answers, summary.usefulness, summary.score, summary.questions) == (
        0, None, None, [],
    )  # fmt: skip


def test_feedback_summary_reads_the_answers_in_one_query(world, django_assert_num_queries):
    session = past_session(world)
    for n in range(5):
        person = colleague(world, f"Person {n}")
        attend(session, person)
        submit(world, session, person, usefulness=str(1 + n), overall="3")
    with django_assert_num_queries(1):
        assert feedback.feedback_summary(session).answers == 5


def test_feedback_summary_labels_follow_the_language_asked_for(world):
    session = past_session(world)
    attend(session, world.member)
    submit(world, session, language="es", pace="3")
    pace = next(q for q in feedback.feedback_summary(session, "es").questions if q.name == "pace")
    assert [(c.label, c.count) for c in pace.choices] == [
        ("Demasiado lento", 0), ("Adecuado", 0), ("Demasiado rápido", 1),
    ]  # fmt: skip


# -- the email half an hour after the end ----------------------------------------------


def followup_tasks():
    return DBTaskResult.objects.filter(task_path=FOLLOWUPS_TASK)


def requests(mailoutbox):
    return [m for m in mailoutbox if m.subject.startswith("How useful")]


def test_feedback_request_is_a_follow_up_of_every_session():
    assert feedback.feedback_request in followups._HANDLERS


def test_feedback_request_goes_to_attendees_only_when_its_time_comes(
    world, deliver_all, mailoutbox, monkeypatch
):
    session = upcoming_session(world, days=2, title="Restorative circles")
    no_show = colleague(world, "Registered But Absent")
    with deliver_all():
        register(world, session, no_show)
        followups.followups_schedule(session)
    travel(monkeypatch, dt.timedelta(days=2, minutes=15))  # during the session
    attend(session, world.member)
    attend(session, world.facilitator)
    with deliver_all():
        pass
    assert not requests(mailoutbox)  # not yet
    travel(monkeypatch, dt.timedelta(days=2, hours=1, minutes=31))
    with deliver_all():
        pass
    sent = requests(mailoutbox)
    # Registered people who did not come get nothing.
    assert sorted(m.to[0] for m in sent) == [world.facilitator.email, world.member.email]
    assert sent[0].subject == "How useful was “Restorative circles”?"
    path = f"/c/open-science/sessions/{session.public_id}/feedback/"
    assert path in sent[0].body
    assert path in sent[0].alternatives[0].content


def test_feedback_request_skips_those_who_already_answered(world, deliver_all, mailoutbox):
    session = past_session(world)
    attend(session, world.member)
    attend(session, world.facilitator)
    submit(world, session)
    with deliver_all():
        followups.followups_schedule(session)  # already due: sent at once
    assert [m.to for m in mailoutbox] == [[world.facilitator.email]]


def test_feedback_request_skips_deactivated_accounts(world, deliver_all, mailoutbox):
    session = past_session(world)
    attend(session, world.member)
    attend(session, world.facilitator)
    world.member.is_active = False
    world.member.save(update_fields=["is_active"])
    with deliver_all():
        followups.followups_schedule(session)
    assert [m.to for m in mailoutbox] == [[world.facilitator.email]]


def test_feedback_request_skips_those_who_left_the_community(world, deliver_all, mailoutbox):
    session = past_session(world)
    attend(session, world.member)
    attend(session, world.facilitator)
    membership_leave(actor=world.member, access=community_access_for(world.member, world.public))
    with deliver_all():
        followups.followups_schedule(session)
    # The form is for the community's members: its link would only refuse them.
    assert [m.to for m in mailoutbox] == [[world.facilitator.email]]


def test_feedback_request_is_written_in_each_persons_language(world, deliver_all, monkeypatch):
    session = past_session(world)
    attend(session, world.member)
    attend(session, world.facilitator)
    world.member.language = "es"
    world.member.save(update_fields=["language"])
    languages = {}
    render = feedback.email_render

    def recording(prefix, context, *, language=None):
        languages[context["user"].email] = (language, timezone.get_current_timezone_name())
        return render(prefix, context, language=language)

    monkeypatch.setattr(feedback, "email_render", recording)
    world.facilitator.time_zone = "America/Denver"
    world.facilitator.save(update_fields=["time_zone"])
    with deliver_all():
        followups.followups_schedule(session)
    assert languages == {
        world.member.email: ("es", "America/Chicago"),
        world.facilitator.email: (None, "America/Denver"),
    }


def test_feedback_request_names_the_session_day_in_each_persons_time_zone(
    world, deliver_all, mailoutbox
):
    # 11 pm in Chicago is already the next day in Berlin: a weekly series' sessions
    # share their title, so the day says which one the form is about.
    starts_at = dt.datetime(2026, 3, 3, 23, 0, tzinfo=ZoneInfo("America/Chicago"))
    session = past_session(world, starts_at=starts_at)
    attend(session, world.member)
    world.member.time_zone = "Europe/Berlin"
    world.member.save(update_fields=["time_zone"])
    with deliver_all():
        followups.followups_schedule(session)
    (sent,) = requests(mailoutbox)
    assert "Wed 4 Mar 2026" in sent.body
    assert "Wed 4 Mar 2026" in sent.alternatives[0].content


def test_feedback_request_is_not_sent_for_a_cancelled_session(world, deliver_all, mailoutbox):
    session = past_session(world)
    attend(session, world.member)
    Session.objects.filter(pk=session.pk).update(status=Session.Status.CANCELLED)
    with deliver_all():
        followups.followups_schedule(session)
    assert not mailoutbox


def test_feedback_request_waits_again_when_the_session_moved_later(
    world, deliver_all, mailoutbox, monkeypatch
):
    session = upcoming_session(world, days=2)
    with deliver_all():
        followups.followups_schedule(session)
    later = session.starts_at + dt.timedelta(days=7)
    Session.objects.filter(pk=session.pk).update(
        starts_at=later, ends_at=later + dt.timedelta(hours=1)
    )
    travel(monkeypatch, dt.timedelta(days=3))
    with deliver_all():
        pass
    assert not mailoutbox
    waiting = followup_tasks().filter(status="READY").get()
    assert waiting.run_after == later + dt.timedelta(hours=1, minutes=30)


# -- who schedules it ------------------------------------------------------------------


def test_feedback_request_is_scheduled_half_an_hour_after_the_end(world, deliver_all):
    session = upcoming_session(world, days=2)
    with deliver_all():
        followups.followups_schedule(session)
    task = followup_tasks().get()
    assert task.run_after == session.ends_at + dt.timedelta(minutes=30)
    assert task.status == "READY"


def test_a_new_session_schedules_its_feedback_request(world, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        session = upcoming_session(world, days=2)
    assert followup_tasks().get().run_after == session.ends_at + dt.timedelta(minutes=30)


def test_a_session_recorded_after_it_took_place_schedules_no_request(
    world, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        past_session(world, days_ago=2)
    assert not followup_tasks().exists()


def test_a_series_schedules_the_request_of_each_session_still_to_come(
    world, django_capture_on_commit_callbacks
):
    three_weeks_ago = dt.date.today() - dt.timedelta(weeks=3)
    with django_capture_on_commit_callbacks(execute=True):
        series = make_series(world, first_date=three_weeks_ago)
    to_come = series.sessions.filter(ends_at__gt=timezone.now())
    assert series.sessions.filter(ends_at__lt=timezone.now()).count() >= 2
    assert sorted(task.run_after for task in followup_tasks()) == sorted(
        session.ends_at + dt.timedelta(minutes=30) for session in to_come
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.series_generate(series)  # nothing new: nothing more queued
    assert followup_tasks().count() == to_come.count()


def test_invented_history_schedules_no_request(world, django_capture_on_commit_callbacks):
    with email_suppressed(), django_capture_on_commit_callbacks(execute=True):
        make_series(world)
        upcoming_session(world, days=2)
    assert not DBTaskResult.objects.exists()


# -- what follows a move or a failure -------------------------------------------------


def move(world, session, delta: dt.timedelta) -> Session:
    access = community_access_for(world.facilitator, session.community)
    return services.session_update(
        actor=world.facilitator, access=access, session=session,
        starts_at=session.starts_at + delta,
    )  # fmt: skip


def test_feedback_request_of_a_session_moved_earlier_comes_after_the_new_end(
    world, deliver_all, mailoutbox, monkeypatch
):
    with deliver_all():
        session = upcoming_session(world, days=3)
        session = move(world, session, -dt.timedelta(days=2))
    travel(monkeypatch, dt.timedelta(days=1, minutes=10))
    attend(session, world.member)
    travel(monkeypatch, dt.timedelta(days=1, hours=1, minutes=31))
    with deliver_all():
        pass
    assert [m.to for m in requests(mailoutbox)] == [[world.member.email]]
    # The run queued for the old time finds the session moved and sends nothing again.
    travel(monkeypatch, dt.timedelta(days=4))
    with deliver_all():
        pass
    assert len(requests(mailoutbox)) == 1


def test_feedback_request_of_a_session_moved_later_is_sent_once(
    world, deliver_all, mailoutbox, monkeypatch
):
    with deliver_all():
        session = upcoming_session(world, days=1)
        session = move(world, session, dt.timedelta(days=1))
        session = move(world, session, -dt.timedelta(days=1))  # and back again
    travel(monkeypatch, dt.timedelta(days=1, minutes=10))
    attend(session, world.member)
    travel(monkeypatch, dt.timedelta(days=3))
    with deliver_all():
        pass
    assert [m.to for m in requests(mailoutbox)] == [[world.member.email]]


def test_a_series_moved_earlier_brings_its_requests_forward(
    world, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        series = make_series(world)
    access = community_access_for(world.facilitator, series.community)
    with django_capture_on_commit_callbacks(execute=True):
        services.series_update(
            actor=world.facilitator, access=access, series=series, start_time=dt.time(14, 0)
        )
    to_come = series.sessions.filter(ends_at__gt=timezone.now(), sequence__gt=0)
    assert to_come.exists()
    latest = {
        task.args_kwargs["kwargs"]["session_id"]: task.run_after
        for task in followup_tasks().order_by("enqueued_at", "pk")
    }
    assert all(latest[s.pk] == s.ends_at + dt.timedelta(minutes=30) for s in to_come)


def test_a_follow_up_that_fails_leaves_the_others_their_work(
    world, deliver_all, mailoutbox, monkeypatch, caplog
):
    def broken(session):
        raise RuntimeError("a bug in another part")

    monkeypatch.setattr(followups, "_HANDLERS", [broken, feedback.feedback_request])
    session = past_session(world)
    attend(session, world.member)
    with deliver_all():
        followups.followups_schedule(session)
    assert [m.to for m in requests(mailoutbox)] == [[world.member.email]]
    assert "a bug in another part" in caplog.text
    # Not retried: a second run would write to the same people again.
    assert followup_tasks().get().status == "SUCCESSFUL"
