"""Two submissions of the same person's feedback at the same moment (a double click,
two tabs) make one answer: the service locks the session row first, so the second
waits for the first and then updates its answer.

Its test commits (each thread has its own connection and transaction), so this module
holds nothing else: transactional tests run after all others, and the flush that ends
them harms no one. Only PostgreSQL takes row locks (SQLite runs one writer at a time)."""

import threading
import time

import pytest
from django.db import connection, connections

from staffroom.communities.access import community_access_for
from staffroom.conftest import build_world
from staffroom.evaluation import session_feedback as feedback
from staffroom.evaluation.models import SessionFeedback
from staffroom.meetings.tests.factories_credit import attend, past_session


@pytest.mark.django_db(transaction=True)
def test_two_submissions_at_once_make_one_answer(monkeypatch):
    if connection.vendor != "postgresql":
        pytest.skip("row locks are PostgreSQL's")
    world = build_world()
    session = past_session(world)
    attend(session, world.member)
    access = community_access_for(world.member, world.public)
    checked = feedback.attended

    def slow_check(session, user):
        # Both submissions reach their check before either saves, unless the lock
        # makes the second wait for the first to commit.
        time.sleep(0.3)
        return checked(session, user)

    monkeypatch.setattr(feedback, "attended", slow_check)
    errors = []

    def submit(rating):
        try:
            feedback.feedback_submit(
                actor=world.member, access=access, session=session,
                answers={"usefulness": rating},
            )  # fmt: skip
        except Exception as error:  # the test reports whatever happened
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=submit, args=(rating,)) for rating in ("3", "5")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert SessionFeedback.objects.count() == 1
    assert SessionFeedback.objects.get().answers["usefulness"] in {"3", "5"}
