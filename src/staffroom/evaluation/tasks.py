"""Background work of the evaluation part (surveys). Tasks are thin: they take ids and
call a service."""

import datetime as dt

from django.tasks import task

from staffroom.core.periodic import periodic


@task()
def wave_invite_task(*, wave_id: int) -> int:
    """When a wave opens: invite everyone the survey asks."""
    from staffroom.evaluation.surveys import wave_invite

    return wave_invite(wave_id=wave_id)


@task()
def wave_remind_task(*, wave_id: int, number: int) -> int:
    """On a reminder's day: remind those who have not responded."""
    from staffroom.evaluation.surveys import wave_remind

    return wave_remind(wave_id=wave_id, number=number)


@periodic(every=dt.timedelta(hours=1))
def survey_sweep_task() -> int:
    """Hourly: invitations and reminders a lost task left undone, and invitations for
    people who joined a community while its wave was open."""
    from staffroom.evaluation.surveys import survey_sweep

    return survey_sweep()
