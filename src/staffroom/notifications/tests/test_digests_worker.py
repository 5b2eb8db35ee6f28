"""The digests go out through a real worker process: as it starts it queues the hourly
sweep, which queues a batch, which builds the digest and queues its email, all in one
``worker --batch`` run. And two workers sending the same batch at once send it once.

Its tests commit, so this module holds nothing else."""

import threading
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from staffroom.core.tests.test_worker import run_worker_batch
from staffroom.discussions.tests.factories import thread
from staffroom.notifications import digests, services
from staffroom.notifications.models import DigestSchedule


@pytest.mark.django_db(transaction=True)
def test_a_worker_process_sends_the_digest_whose_hour_has_come(world):
    reader = world.facilitator
    reader.time_zone = "America/Anchorage"
    reader.save()
    services.preference_set(user=reader, community=None, kind=digests.DIGEST, frequency="daily")
    hour = timezone.now().astimezone(ZoneInfo(reader.time_zone)).hour
    digests.digest_schedule_set(user=reader, hour=hour, weekday=0)
    thread(world, title="Who has a rubric for lab notebooks?")
    result = run_worker_batch()
    assert "Queued the periodic task staffroom.notifications.tasks.digests_sweep_task" in (
        result.stdout
    )
    assert "Subject: Your daily Staffroom digest" in result.stdout
    assert f"To: {reader.email}" in result.stdout
    assert "Who has a rubric for lab notebooks?" in result.stdout
    assert DigestSchedule.objects.get(user=reader).daily_sent_at is not None


@pytest.mark.django_db(transaction=True)
def test_two_workers_sending_the_same_batch_at_once_send_it_once(world):
    readers = [world.facilitator, world.member]
    for reader in readers:
        services.preference_set(user=reader, community=None, kind=digests.DIGEST, frequency="daily")
    thread(world, title="For the facilitator")
    thread(world, user=world.facilitator, title="For the member")
    until = timezone.now()
    start = threading.Barrier(2)
    sent: list[int] = []

    def worker():
        try:
            start.wait()
            sent.append(digests.digests_send(
                frequency="daily", user_ids=[reader.pk for reader in readers], until=until
            ))  # fmt: skip
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for each in threads:
        each.start()
    for each in threads:
        each.join()
    assert sorted(sent) == [0, 2]
    [batch] = DBTaskResult.objects.filter(
        task_path="staffroom.notifications.tasks.digest_emails_send_task"
    )
    assert len(batch.args_kwargs["kwargs"]["messages"]) == 2
