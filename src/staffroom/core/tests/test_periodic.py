"""Daily upkeep keeps itself going through the task queue: the worker queues each
periodic task as it starts, and every run queues the next, once however many workers
start together."""

import datetime as dt
import threading
import time

import pytest
from django.db import connection
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from staffroom.core.models import PeriodicTask
from staffroom.core.periodic import periodic_start

pytestmark = pytest.mark.django_db

SERIES = "staffroom.meetings.tasks.series_generate_task"
PRUNE = "staffroom.core.tasks.task_results_prune_task"


def waiting(path: str):
    return DBTaskResult.objects.filter(task_path=path, status="READY")


def test_a_starting_worker_queues_each_periodic_task_to_run_now():
    queued = periodic_start()
    assert SERIES in queued and PRUNE in queued
    assert DBTaskResult.objects.ready().filter(task_path=SERIES).count() == 1  # due now


def test_starting_again_queues_nothing_more_while_a_run_waits():
    periodic_start()
    assert periodic_start() == []
    assert waiting(SERIES).count() == 1 and waiting(PRUNE).count() == 1


def test_each_run_queues_the_next_a_day_later(deliver):
    with deliver():
        periodic_start()
    assert DBTaskResult.objects.filter(task_path=SERIES, status="SUCCESSFUL").count() == 1
    next_run = waiting(SERIES).get().run_after
    assert next_run - timezone.now() == pytest.approx(
        dt.timedelta(days=1), abs=dt.timedelta(minutes=1)
    )
    with deliver():
        pass  # not due yet: nothing runs, nothing more is queued
    assert waiting(SERIES).get().run_after == next_run


def test_a_run_that_fails_still_queues_the_next(monkeypatch, django_capture_on_commit_callbacks):
    from django.core.management import call_command

    def broken(**kwargs):
        raise RuntimeError("the database went away")

    monkeypatch.setattr("staffroom.meetings.services.series_generate_all", broken)
    monkeypatch.setattr(
        "django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None
    )
    periodic_start()
    call_command("db_worker", batch=True, startup_delay=False, interval=0, verbosity=0)
    assert DBTaskResult.objects.filter(task_path=SERIES, status="FAILED").count() == 1
    assert waiting(SERIES).get().run_after > timezone.now() + dt.timedelta(hours=23)


def _slow_enqueue(monkeypatch):
    """Widen the gap between "nothing is waiting" and queueing to where a second worker
    would slip in if the check and the queueing were not one step."""
    from django.tasks import Task

    enqueue = Task.enqueue

    def slow(self, *args, **kwargs):
        time.sleep(0.3)
        return enqueue(self, *args, **kwargs)

    monkeypatch.setattr(Task, "enqueue", slow)


@pytest.mark.django_db(transaction=True)
def test_two_workers_starting_at_once_queue_each_task_once(monkeypatch):
    _slow_enqueue(monkeypatch)
    start = threading.Barrier(2)
    queued: list[list[str]] = []

    def worker():
        try:
            start.wait()
            queued.append(periodic_start())
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(queued) == 2
    assert sorted(queued[0] + queued[1]) == sorted(set(queued[0] + queued[1]))
    assert waiting(SERIES).count() == 1 and waiting(PRUNE).count() == 1
    assert PeriodicTask.objects.filter(path__in=[SERIES, PRUNE]).count() == 2
