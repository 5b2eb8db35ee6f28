"""The feedback form after a session, through the services and the task that emails
it half an hour after the end."""

import datetime as dt

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from staffroom.communities.access import community_access_for
from staffroom.core.email import email_suppressed
from staffroom.meetings import feedback, services
from staffroom.meetings.feedback import FeedbackError
from staffroom.meetings.models import Feedback, Session
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
REQUEST_TASK = "staffroom.meetings.tasks.feedback_request_task"


def submit(world, session, user=None, *, usefulness=4, will_use="Exit tickets", change=""):
    user = user or world.member
    return feedback.feedback_submit(
        actor=user, access=community_access_for(user, session.community), session=session,
        usefulness=usefulness, will_use=will_use, change=change,
    )  # fmt: skip


def test_feedback_submit_records_the_answer(world):
    session = past_session(world)
    attend(session, world.member)
    answer = submit(world, session, will_use="  The three-question exit ticket ")
    assert (answer.usefulness, answer.will_use) == (4, "The three-question exit ticket")


def test_feedback_submit_again_updates_the_one_answer(world):
    session = past_session(world)
    attend(session, world.member)
    submit(world, session, usefulness=2)
    submit(world, session, usefulness=5, change="More time for the case")
    answer = Feedback.objects.get()
    assert (answer.usefulness, answer.change) == (5, "More time for the case")


@pytest.mark.parametrize("rating", [0, 6, -1, 100])
def test_feedback_submit_refuses_a_rating_outside_one_to_five(world, rating):
    session = past_session(world)
    attend(session, world.member)
    with pytest.raises(FeedbackError) as error:
        submit(world, session, usefulness=rating)
    assert error.value.field == "usefulness"
    assert not Feedback.objects.exists()


def test_feedback_submit_refuses_someone_who_did_not_attend(world):
    session = past_session(world)
    with pytest.raises(FeedbackError, match="Only people who attended"):
        submit(world, session)
    assert not Feedback.objects.exists()


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


def test_feedback_summary_counts_each_rating_and_the_mean(world):
    session = past_session(world)
    for n, rating in enumerate([5, 4, 4, 2], start=1):
        person = colleague(world, f"Person {n}")
        attend(session, person)
        submit(world, session, person, usefulness=rating)
    summary = feedback.feedback_summary(session)
    assert summary["answers"] == 4
    assert summary["mean"] == pytest.approx(3.75)
    assert [(r["rating"], r["count"], r["percent"]) for r in summary["ratings"]] == [
        (1, 0, 0), (2, 1, 25), (3, 0, 0), (4, 2, 50), (5, 1, 25),
    ]  # fmt: skip


# -- the email half an hour after the end ----------------------------------------------


def request_tasks():
    return DBTaskResult.objects.filter(task_path=REQUEST_TASK)


def test_feedback_request_is_scheduled_half_an_hour_after_the_end(world, deliver_all):
    session = upcoming_session(world, days=2)
    with deliver_all():
        feedback.feedback_request_schedule(session)
    task = request_tasks().get()
    assert task.run_after == session.ends_at + dt.timedelta(minutes=30)
    assert task.status == "READY"


def test_feedback_request_goes_to_attendees_only_when_its_time_comes(
    world, deliver_all, mailoutbox, monkeypatch
):
    session = upcoming_session(world, days=2, title="Restorative circles")
    no_show = colleague(world, "Registered But Absent")
    with deliver_all():
        register(world, session, no_show)
        feedback.feedback_request_schedule(session)
    travel(monkeypatch, dt.timedelta(days=2, minutes=15))  # during the session
    attend(session, world.member)
    attend(session, world.facilitator)
    with deliver_all():
        pass
    assert not [m for m in mailoutbox if m.subject.startswith("How useful")]  # not yet
    travel(monkeypatch, dt.timedelta(days=2, hours=1, minutes=31))
    with deliver_all():
        pass
    feedback_emails = [m for m in mailoutbox if m.subject.startswith("How useful")]
    # Registered people who did not come get nothing.
    assert sorted(m.to[0] for m in feedback_emails) == [
        world.facilitator.email, world.member.email,
    ]  # fmt: skip
    assert feedback_emails[0].subject == "How useful was “Restorative circles”?"
    path = f"/c/open-science/sessions/{session.public_id}/feedback/"
    assert path in feedback_emails[0].body


def test_feedback_request_skips_those_who_already_answered(world, deliver_all, mailoutbox):
    session = past_session(world)
    attend(session, world.member)
    attend(session, world.facilitator)
    submit(world, session)
    with deliver_all():
        feedback.feedback_request_schedule(session)  # already due: sent at once
    assert [m.to for m in mailoutbox] == [[world.facilitator.email]]


def test_feedback_request_is_not_sent_for_a_cancelled_session(world, deliver_all, mailoutbox):
    session = past_session(world)
    attend(session, world.member)
    Session.objects.filter(pk=session.pk).update(status=Session.Status.CANCELLED)
    with deliver_all():
        feedback.feedback_request_schedule(session)
    assert not mailoutbox


def test_feedback_request_waits_again_when_the_session_moved_later(
    world, deliver_all, mailoutbox, monkeypatch
):
    session = upcoming_session(world, days=2)
    with deliver_all():
        feedback.feedback_request_schedule(session)
    later = session.starts_at + dt.timedelta(days=7)
    Session.objects.filter(pk=session.pk).update(
        starts_at=later, ends_at=later + dt.timedelta(hours=1)
    )
    travel(monkeypatch, dt.timedelta(days=3))
    with deliver_all():
        pass
    assert not mailoutbox
    waiting = request_tasks().filter(status="READY").get()
    assert waiting.run_after == later + dt.timedelta(hours=1, minutes=30)


# -- who schedules it ------------------------------------------------------------------


def test_a_new_session_schedules_its_feedback_request(world, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        session = upcoming_session(world, days=2)
    assert request_tasks().get().run_after == session.ends_at + dt.timedelta(minutes=30)


def test_a_session_recorded_after_it_took_place_schedules_no_request(
    world, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        past_session(world, days_ago=2)
    assert not request_tasks().exists()


def test_a_series_schedules_the_request_of_each_session_still_to_come(
    world, django_capture_on_commit_callbacks
):
    three_weeks_ago = dt.date.today() - dt.timedelta(weeks=3)
    with django_capture_on_commit_callbacks(execute=True):
        series = make_series(world, first_date=three_weeks_ago)
    to_come = series.sessions.filter(ends_at__gt=timezone.now())
    assert series.sessions.filter(ends_at__lt=timezone.now()).count() >= 2
    assert sorted(task.run_after for task in request_tasks()) == sorted(
        session.ends_at + dt.timedelta(minutes=30) for session in to_come
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.series_generate(series)  # nothing new: nothing more queued
    assert request_tasks().count() == to_come.count()


def test_invented_history_schedules_no_request(world, django_capture_on_commit_callbacks):
    with email_suppressed(), django_capture_on_commit_callbacks(execute=True):
        make_series(world)
        upcoming_session(world, days=2)
    assert not DBTaskResult.objects.exists()
