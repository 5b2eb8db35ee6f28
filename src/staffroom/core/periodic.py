"""Work that comes back every day, kept going by the worker itself: no cron to set up.

A task declared with ``@periodic(every=...)`` (in an app's ``tasks.py``) is queued to
run at once when a worker starts, unless a run of it is already waiting; each run,
when it ends, queues the next one ``every`` later, again unless one is waiting. So
restarting the worker or running several workers never multiplies it, and a run
that fails still queues the next.
"""

import datetime as dt
import functools

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

    waiting = DBTaskResult.objects.filter(
        task_path=declared.module_path, status=TaskResultStatus.READY
    )
    if waiting.exists():
        return False
    (declared.using(run_after=run_after) if run_after else declared).enqueue()
    return True
