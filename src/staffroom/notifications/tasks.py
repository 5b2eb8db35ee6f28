"""Background work of notifications. Tasks are thin: they take ids and call a service."""

import datetime as dt

from django.tasks import task

from staffroom.core.periodic import periodic


@periodic(every=dt.timedelta(hours=1))
def digests_sweep_task() -> int:
    """Hourly: queue the digests whose hour has come (``digests.digests_sweep``)."""
    from staffroom.notifications.digests import digests_sweep

    return digests_sweep()


@task()
def digests_send_task(*, frequency: str, user_ids: list[int], until: str) -> int:
    """One batch of daily or weekly digests, due at ``until`` (ISO 8601)."""
    from staffroom.notifications.digests import digests_send

    return digests_send(
        frequency=frequency, user_ids=user_ids, until=dt.datetime.fromisoformat(until)
    )


@task()
def digest_emails_send_task(*, messages: list[dict]) -> int:
    """Send one batch's digests (``digests.digest_emails_send``)."""
    from staffroom.notifications.digests import digest_emails_send

    return digest_emails_send(messages)
