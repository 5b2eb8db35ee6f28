"""Background work of the meetings app. Tasks are thin: they take ids and call a service."""

import datetime as dt

from django.tasks import task

from staffroom.core.periodic import periodic

# -- registration area: reminders, changes, email with an invitation attached ----------


@task()
def reminder_send_task(*, registration_id: int, offset_minutes: int, sequence: int) -> bool:
    """At ``offset_minutes`` before the session: one reminder, if still wanted."""
    from staffroom.meetings.reminders import reminder_send

    return reminder_send(
        registration_id=registration_id, offset_minutes=offset_minutes, sequence=sequence
    )


@task()
def session_changed_task(*, session_id: int, sequence: int | None = None) -> int:
    """A session moved, got a new link or was cancelled: tell its registered people."""
    from staffroom.meetings.reminders import session_changed

    return session_changed(session_id=session_id, sequence=sequence)


@task()
def session_email_send_task(
    *, to: list[str], subject: str, text: str, html: str, ics: str, method: str
) -> None:
    """Send one message with the session attached as ``invite.ics`` (``core``'s
    email task has no attachments)."""
    from staffroom.meetings.reminders import email_with_invitation

    email_with_invitation(to=to, subject=subject, text=text, html=html, ics=ics, method=method)


@periodic(every=dt.timedelta(days=1))
def series_generate_task() -> int:
    """Daily: roll every running series' horizon forward (meetings.services.series_generate)."""
    from staffroom.meetings.services import series_generate_all

    return series_generate_all()


# -- credit area: presenters, and what follows a session ----------------------------


@task()
def presenter_prep_task(*, slot_id: int) -> bool:
    """A week before the session: the confirmed presenter's preparation email, once."""
    from staffroom.meetings.presenters import presenter_prep_send

    return presenter_prep_send(slot_id=slot_id)


@task()
def session_followups_task(*, session_id: int, sequence: int) -> int:
    """Half an hour after the session: what other parts follow it with (meetings.followups)."""
    from staffroom.meetings.followups import followups_run

    return followups_run(session_id=session_id, sequence=sequence)
