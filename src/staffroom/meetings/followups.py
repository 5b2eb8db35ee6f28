"""What happens after a session ends. ``FOLLOW_UP_DELAY`` after the end, one task runs
every follow-up the parts above registered (evaluation's feedback form is one);
meetings only keeps the time. A cancelled session runs nothing.

A session moved (or given a new link: anything that raises its ``sequence``) before
its follow-ups ran gets a new run at its new end, and the run queued earlier, which
carries the old ``sequence``, does nothing: so a session moved earlier is not
followed up late, and one moved back and forth is followed up once.

A part registers ``handler(session) -> int`` with ``@followups.register``; the
handler returns how many people it wrote to and runs inside the task's transaction,
with the session row locked. Each handler runs in a savepoint of its own: one that
raises is logged and its work undone, the others' is kept, and the task is not
retried (a second run would write again to the people the others wrote to)."""

import datetime as dt
import logging
from collections.abc import Callable

from django.db import transaction
from django.utils import timezone

from staffroom.core.email import email_is_suppressed
from staffroom.meetings.models import Session

FOLLOW_UP_DELAY = dt.timedelta(minutes=30)
# A task that wakes this much early (a worker's clock ahead of the database's) still
# runs; earlier, it waits for the end again.
TOLERANCE = dt.timedelta(minutes=5)

logger = logging.getLogger(__name__)

_HANDLERS: list[Callable[[Session], int]] = []


def register(handler: Callable[[Session], int]) -> Callable[[Session], int]:
    if handler not in _HANDLERS:
        _HANDLERS.append(handler)
    return handler


def followups_schedule(session: Session) -> None:
    """Queue the follow-ups for ``FOLLOW_UP_DELAY`` after the session ends, once the
    transaction commits. The schedule area calls it when a session is created, and
    through ``followups_reschedule`` when one changes."""
    from staffroom.meetings.tasks import session_followups_task

    if email_is_suppressed():
        return
    session_id, sequence = session.pk, session.sequence
    when = session.ends_at + FOLLOW_UP_DELAY
    task = session_followups_task.using(run_after=when) if when > timezone.now() else None
    task = task or session_followups_task
    transaction.on_commit(lambda: task.enqueue(session_id=session_id, sequence=sequence))


def followups_reschedule(session: Session, *, ended_at: dt.datetime) -> None:
    """The session's ``sequence`` was raised (it moved, or got a new link): the run
    queued for it will do nothing, so queue another, unless the session, which ended
    at ``ended_at`` before the change, has already been followed up. (A worker that
    has not yet run a run already due when the change commits loses that run.)"""
    if session.status == Session.Status.SCHEDULED and (ended_at + FOLLOW_UP_DELAY > timezone.now()):
        followups_schedule(session)


def _run(handler: Callable[[Session], int], session: Session) -> int:
    try:
        with transaction.atomic():
            return handler(session)
    except Exception:
        logger.exception("Follow-up %s of session %s failed.", handler.__qualname__, session.pk)
        return 0


@transaction.atomic
def followups_run(*, session_id: int, sequence: int) -> int:
    """Run every registered follow-up for the session; how many people they wrote to.
    Nothing when the session's ``sequence`` is no longer the one it was queued with."""
    session = (
        Session.objects.select_for_update()
        .select_related("community")
        .filter(pk=session_id)
        .first()
    )
    if session is None or session.status != Session.Status.SCHEDULED:
        return 0
    if sequence != session.sequence:
        return 0  # changed since: the change queued its own run
    if session.ends_at + FOLLOW_UP_DELAY - TOLERANCE > timezone.now():
        followups_schedule(session)
        return 0
    return sum(_run(handler, session) for handler in _HANDLERS)
