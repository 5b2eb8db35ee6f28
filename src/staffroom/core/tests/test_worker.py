"""The task queue is real: a separate worker process sends the mail a service queued."""

import datetime as dt
import subprocess
import sys

import pytest
from django.utils import timezone

from staffroom.conftest import process_env
from staffroom.core.email import email_enqueue


def run_worker_batch() -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "staffroom.cli", "worker", "--batch"],
        env=process_env(EMAIL_URL="console:"),
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )


@pytest.mark.django_db(transaction=True)
def test_worker_process_sends_queued_email():
    email_enqueue(
        to=["ana@example.org"],
        subject="Session tomorrow",
        text="See you at 4 pm.",
        html="<p>See you at 4 pm.</p>",
    )
    result = run_worker_batch()
    assert "Subject: Session tomorrow" in result.stdout
    assert "To: ana@example.org" in result.stdout
    assert "See you at 4 pm." in result.stdout


@pytest.mark.django_db(transaction=True)
def test_email_is_not_queued_when_the_transaction_rolls_back():
    from django.db import transaction
    from django_tasks_db.models import DBTaskResult

    with pytest.raises(RuntimeError), transaction.atomic():
        email_enqueue(to=["ana@example.org"], subject="Never", text="Never sent.")
        raise RuntimeError("the write failed")
    assert not DBTaskResult.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_email_suppressed_queues_nothing():
    from django_tasks_db.models import DBTaskResult

    from staffroom.core.email import email_suppressed

    with email_suppressed():
        email_enqueue(to=["ana@example.org"], subject="Invented", text="Never happened.")
    assert not DBTaskResult.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_worker_process_starts_the_daily_upkeep(world):
    """A series whose sessions were never generated (as if the horizon had moved on
    while no worker ran) gets them from the daily task the worker queues at start."""
    from django_tasks_db.models import DBTaskResult

    from staffroom.meetings.tests.factories import make_series

    series = make_series(world)
    made = series.sessions.count()
    series.sessions.all().delete()
    result = run_worker_batch()
    assert "Queued the periodic task staffroom.meetings.tasks.series_generate_task" in result.stdout
    assert series.sessions.count() == made
    tomorrow = DBTaskResult.objects.get(
        task_path="staffroom.meetings.tasks.series_generate_task", status="READY"
    )
    assert tomorrow.run_after > timezone.now() + dt.timedelta(hours=23)
