"""Work that comes back every day, kept going by the worker itself: no cron to set up.

A task declared with ``@periodic(every=...)`` (in an app's ``tasks.py``) is queued to
run at once when a worker starts, unless a run of it is already waiting; each run,
when it ends, queues the next one ``every`` later, again unless one is waiting. So
restarting the worker or running several workers never multiplies it, and a run
that fails still queues the next.

"Unless one is waiting" is one step for all workers together: the check and the
queueing run in one transaction that first locks the task's ``PeriodicTask`` row
(``SELECT ... FOR UPDATE`` on PostgreSQL; on SQLite, where our settings begin every
transaction with ``BEGIN IMMEDIATE``, the transaction itself holds the write lock), so
a second worker waits, then sees the run the first one queued.
"""

import datetime as dt
import functools

from django.db import transaction
from django.tasks import Task, TaskResultStatus, task
from django.utils import timezone
from django.utils.module_loading import autodiscover_modules

_PERIODIC: dict[str, Task] = {}


def periodic(*, every: dt.timedelta):
    """Declare a task without arguments that runs every ``every``."""

    def decorate(function):
        @functools.wraps(function)
        def run():
            try:
                return function()
            finally:
                _queue_unless_waiting(declared, run_after=timezone.now() + every)

        declared = task()(run)
        _PERIODIC[declared.module_path] = declared
        return declared

    return decorate


def periodic_start() -> list[str]:
    """Queue each periodic task to run now unless a run of it is waiting (the worker
    calls this as it starts). Returns the paths of the tasks queued."""
    autodiscover_modules("tasks")
    return [
        path
        for path, declared in sorted(_PERIODIC.items())
        if _queue_unless_waiting(declared, run_after=None)
    ]


def _queue_unless_waiting(declared: Task, *, run_after: dt.datetime | None) -> bool:
    from django_tasks_db.models import DBTaskResult

    from staffroom.core.models import PeriodicTask

    path = declared.module_path
    with transaction.atomic():
        # Two workers may make the row at once: the second insert waits for the first
        # and then does nothing, instead of failing.
        PeriodicTask.objects.bulk_create([PeriodicTask(path=path)], ignore_conflicts=True)
        PeriodicTask.objects.select_for_update().get(path=path)
        waiting = DBTaskResult.objects.filter(task_path=path, status=TaskResultStatus.READY)
        if waiting.exists():
            return False
        (declared.using(run_after=run_after) if run_after else declared).enqueue()
    return True
