"""Background work of the cases app. Tasks are thin: they take ids and call a service."""

import datetime as dt

from django.tasks import task

from staffroom.core.periodic import periodic


@task()
def followup_remind_task(*, case_id: int, due: str) -> bool:
    """On the follow-up date: ask the presenter what they tried and what happened."""
    from staffroom.cases.followup import followup_remind

    return followup_remind(case_id=case_id, due=due)


@periodic(every=dt.timedelta(hours=1))
def followup_sweep_task() -> int:
    """Hourly: ask for every follow-up that is due and was not asked for (its own task
    was lost, or the case was loaded with email off, as the demo's are)."""
    from staffroom.cases.followup import followup_sweep

    return followup_sweep()
