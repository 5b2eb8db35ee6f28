"""Migration evaluation 0006: the sessions part's short-form answers become answers to
the library's session feedback form, and going back gives the short form what it can
hold.

Its test migrates the database back and forth, so it commits (``transaction=True``)
and this module holds nothing else: transactional tests run after all others, and the
flush that ends them harms no one."""

import datetime as dt

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from staffroom.conftest import build_world
from staffroom.evaluation.models import SessionFeedback
from staffroom.meetings.tests.factories_credit import attend, colleague, past_session

BEFORE = [("evaluation", "0005_surveys"), ("meetings", "0005_presenter_slot_anonymous")]


def _migrate(targets) -> MigrationExecutor:
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return MigrationExecutor(connection)  # a fresh loader reads what is applied now


def _latest() -> list[tuple[str, str]]:
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


@pytest.mark.django_db(transaction=True)
def test_session_feedback_migration_carries_the_short_forms_answers_over():
    world = build_world()
    session = past_session(world)
    other = colleague(world, "Cam Colleague")
    for person in (world.member, other):
        attend(session, person)
    latest = _latest()
    try:
        executor = _migrate(BEFORE)
        Feedback = executor.loader.project_state(BEFORE).apps.get_model("meetings", "Feedback")
        answered_at = dt.datetime(2026, 3, 4, 17, 30, tzinfo=dt.UTC)
        Feedback.objects.create(
            session_id=session.pk, user_id=world.member.pk, usefulness=4,
            will_use="  Name tents  ", change=" \n\t ",
        )  # fmt: skip
        Feedback.objects.create(
            session_id=session.pk, user_id=other.pk, usefulness=2, will_use="",
            change="A shorter talk",
        )  # fmt: skip
        Feedback.objects.update(created_at=answered_at)  # the field is auto_now_add
        _migrate(latest)
    finally:
        _migrate(latest)  # whatever happened, the other tests get today's schema
    carried = {row.user: row for row in SessionFeedback.objects.all()}
    assert carried[world.member].answers == {"usefulness": "4", "will_use": "Name tents"}
    assert carried[other].answers == {"usefulness": "2", "change": "A shorter talk"}
    assert {row.session for row in carried.values()} == {session}
    assert {(row.created_at, row.updated_at) for row in carried.values()} == {
        (answered_at, answered_at)
    }


@pytest.mark.django_db(transaction=True)
def test_session_feedback_migration_back_keeps_what_the_short_form_can_hold():
    world = build_world()
    session = past_session(world)
    attend(session, world.member)
    SessionFeedback.objects.create(  # as the form saves it, with its new questions
        session=session, user=world.member,
        answers={"overall": "5", "usefulness": "5", "will_use": "Exit tickets", "pace": "2"},
    )  # fmt: skip
    SessionFeedback.objects.create(session=session, user=None, answers={"usefulness": "3"})
    answered_at = dt.datetime(2026, 3, 4, 17, 30, tzinfo=dt.UTC)
    SessionFeedback.objects.update(created_at=answered_at)
    latest = _latest()
    try:
        executor = _migrate(BEFORE)
        Feedback = executor.loader.project_state(BEFORE).apps.get_model("meetings", "Feedback")
        # A former member's answer has no one to belong to in the short form.
        old = list(
            Feedback.objects.values_list(
                "user_id", "usefulness", "will_use", "change", "created_at"
            )
        )
    finally:
        _migrate(latest)
    assert old == [(world.member.pk, 5, "Exit tickets", "", answered_at)]
