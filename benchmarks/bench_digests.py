"""Benchmark: building and queueing 10,000 daily digests (issue 5: under a minute).

    uv run python benchmarks/bench_digests.py [--people 10000] [--communities 40]

It makes its own database (a fresh SQLite file in a temporary directory, migrated; set
``BENCH_DATABASE_URL`` to use an empty PostgreSQL database instead) and fills it: a hub
with ``--communities`` communities, ``--people`` members spread over eight time zones,
each in three communities and each choosing the daily digest of their communities
(a tenth of them in Spanish). Every community gets, through the real services, a day
of activity: new threads, a question asked two days ago still waiting, a session in
three days, and an accepted case; members get a few "daily" notifications each.

Then, as the hourly sweep would at the hour all of them chose (each chose the hour it
is where they live at that moment), it times:

- finding who is due (``digests_due``),
- building every digest (sections, notifications), rendering it in the reader's
  language and time zone (text and HTML) and queueing the emails, batch after batch
  as the batch tasks do (``digests_send``): the wall-clock time and the SQL queries
  (and, on SQLite, the CPU time of this process, for comparison).

Exits 1 if not every person got a digest, or if building them took a minute or more of
wall-clock time: what a hub waits for. On a busy machine the wall clock also counts the
neighbours' work (the load average is printed first), so a failure there says to run it
again on a quiet one, not that the CPU time would pass.
"""

import argparse
import datetime as dt
import os
import sys
import tempfile
import time
from pathlib import Path

from benchdb import setup_django

ZONES = [
    "America/Chicago", "America/New_York", "America/Denver", "America/Los_Angeles",
    "America/Anchorage", "Pacific/Honolulu", "America/Phoenix", "America/Puerto_Rico",
]  # fmt: skip
PER_PERSON = 3  # communities each person belongs to
THREADS = 6  # new threads a community gets in the day
NOTIFICATIONS = 2  # "daily" notifications each person got in the day
LIMIT_SECONDS = 60


def _fill(people: int, communities: int, now: dt.datetime) -> list:
    from django.utils import timezone

    from staffroom.accounts.models import User
    from staffroom.accounts.services import profile_ensure
    from staffroom.cases import services as cases
    from staffroom.communities import services as community_services
    from staffroom.communities.access import access_hub, community_access_for
    from staffroom.communities.models import Hub, HubRole, Membership
    from staffroom.discussions import services as discussions
    from staffroom.meetings import services as meetings
    from staffroom.notifications.digests import DIGEST
    from staffroom.notifications.models import Notification, Preference

    hub = Hub.objects.create(name="Bench Hub", slug="bench")
    admin = User.objects.create_user("admin@bench.example", password=None, display_name="Admin")
    HubRole.objects.create(hub=hub, user=admin, role=HubRole.Role.ADMIN)
    facilitator = User.objects.create_user("fac@bench.example", password=None,
                                           display_name="Fran Facilitator")  # fmt: skip
    profile_ensure(user=facilitator)
    made = []
    for n in range(communities):
        community = community_services.community_create(
            actor=admin, hub_access=access_hub(admin, hub.slug), name=f"Community {n}",
            slug=f"community-{n}", tagline="A bench community", description="For the bench.",
            visibility="public" if n % 2 else "private", join_policy="request",
        )  # fmt: skip
        Membership.objects.create(community=community, user=facilitator, status="active",
                                  role="facilitator", joined_at=now)  # fmt: skip
        made.append(community)
    users = User.objects.bulk_create(
        User(email=f"p{n}@bench.example", display_name=f"Person {n}", password="!",
             time_zone=ZONES[n % len(ZONES)], language="es" if n % 10 == 0 else "en")
        for n in range(people)
    )  # fmt: skip
    Membership.objects.bulk_create(
        Membership(community=made[(n + k * 7) % communities], user=user, status="active",
                   role="member", joined_at=now)
        for n, user in enumerate(users) for k in range(PER_PERSON)
    )  # fmt: skip
    Preference.objects.bulk_create(
        Preference(user=user, community=None, kind=DIGEST, frequency="daily") for user in users
    )
    two_days_ago = timezone.now() - dt.timedelta(days=2)
    for community in made:
        access = community_access_for(facilitator, community)
        asked = discussions.thread_create(
            actor=facilitator, access=access, kind="question", title="Labs without a lab?",
            body="What do you do for #labs with no lab room?",
        )  # fmt: skip
        type(asked).objects.filter(pk=asked.pk).update(created_at=two_days_ago)
        for n in range(THREADS):
            discussions.thread_create(
                actor=facilitator, access=access, kind="discussion",
                title=f"Morning routines, idea {n}", body="How do you start the day? #routines",
            )  # fmt: skip
        meetings.session_create(
            actor=facilitator, access=access, title="Reading conferences",
            description="", starts_at=timezone.now() + dt.timedelta(days=3),
            duration_minutes=60, time_zone="America/Chicago", meeting_url="", dial_in="",
            capacity=None, presenter=None, guest_presenter="", focus_area=None, tags="",
            case_slots=1,
        )  # fmt: skip
        case = cases.case_create(
            actor=facilitator, access=access, title="A quiet seventh grader",
            background="A seventh grader has stopped turning in work since winter.",
            tried="Check-ins at the door.", strengths="She loves drawing.",
            questions="How can I rebuild trust?", outcome="She turns in most work.",
            tags="engagement",
        )  # fmt: skip
        cases.case_submit(actor=facilitator, access=access, case=case)
        cases.case_accept(actor=facilitator, access=access, case=case)
    Notification.objects.bulk_create(
        Notification(recipient=user, actor=facilitator, community=made[n % communities],
                     kind="mention", text=f"Fran mentioned you ({k}).", url="/",
                     delivery="daily")
        for n, user in enumerate(users) for k in range(NOTIFICATIONS)
    )  # fmt: skip
    return users


def _schedule(users: list, now: dt.datetime) -> None:
    """Each chose the hour it is where they live when the sweep runs."""
    from zoneinfo import ZoneInfo

    from staffroom.notifications.models import DigestSchedule

    DigestSchedule.objects.bulk_create(
        DigestSchedule(user=user, hour=now.astimezone(ZoneInfo(user.time_zone)).hour)
        for user in users
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=10_000)
    parser.add_argument("--communities", type=int, default=40)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as directory:
        setup_django(Path(directory))
        from django.db import connection
        from django.test.utils import CaptureQueriesContext
        from django.utils import timezone
        from django_tasks_db.models import DBTaskResult

        from staffroom.core.email import email_suppressed
        from staffroom.notifications import digests

        print("load average: " + " ".join(f"{load:.2f}" for load in os.getloadavg()))
        started = time.perf_counter()
        with email_suppressed():  # the activity's own notices are not what is measured
            people = _fill(options.people, options.communities, timezone.now())
        now = timezone.now()
        _schedule(people, now)
        print(f"filled: {len(people)} people in {options.communities} communities "
              f"({time.perf_counter() - started:.1f} s)")  # fmt: skip
        DBTaskResult.objects.all().delete()

        started = time.perf_counter()
        due = digests.digests_due(digests.DAILY, now)
        found = time.perf_counter() - started
        print(f"due now: {len(due)} people, found in {found:.2f} s")

        sent = 0
        started, cpu_started = time.perf_counter(), time.process_time()
        with CaptureQueriesContext(connection) as queries:
            for start in range(0, len(due), digests.BATCH):
                batch = due[start : start + digests.BATCH]
                sent += digests.digests_send(frequency=digests.DAILY, user_ids=batch, until=now)
        built = time.perf_counter() - started
        # On SQLite the database works in this process: its CPU time is the whole cost,
        # shown beside the wall clock to tell the work from the waiting.
        cpu_used = time.process_time() - cpu_started if connection.vendor == "sqlite" else None
        batches = DBTaskResult.objects.filter(
            task_path="staffroom.notifications.tasks.digest_emails_send_task"
        )
        emails = sum(len(row.args_kwargs["kwargs"]["messages"]) for row in batches)
        cpu = "" if cpu_used is None else f", {cpu_used:.1f} s of CPU"
        print(f"built and queued {sent} digests in {built:.1f} s{cpu} "
              f"({1000 * built / max(sent, 1):.2f} ms each, "
              f"{len(queries.captured_queries) / max(sent, 1):.2f} queries each; "
              f"{emails} emails queued in {batches.count()} batch tasks)")  # fmt: skip
        sample = batches.first()
        if sample is not None:
            text = sample.args_kwargs["kwargs"]["messages"][0]["text"]
            print(f"a digest's text is {len(text)} characters; its first lines:")
            print("\n".join("    " + line for line in text.splitlines()[:8]))
    ok = sent == len(people) == len(due) and built < LIMIT_SECONDS
    print("OK" if ok else f"FAILED: every person a digest, in under {LIMIT_SECONDS} s (wall clock)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
