"""Benchmark: importing a 1,000-row attendance report (target: under 2 seconds).

    uv run python benchmarks/bench_attendance_import.py [--rows 1000] [--members 400]

It makes its own database (a fresh SQLite file in a temporary directory, migrated), a
community with ``--members`` members and a session that took place, writes a Zoom
participants report of ``--rows`` rows in Zoom's layout (most people join twice,
with overlapping stays; some are matched by email, some by name only, some by no
one), then times reading the file and importing it, as the upload page does. Set
``BENCH_DATABASE_URL`` to run it on PostgreSQL instead (an empty database: it is
migrated and filled). Exits 1 if the import takes longer than the target.
"""

import argparse
import datetime as dt
import random
import sys
import tempfile
import time
from pathlib import Path

from benchdb import setup_django

TARGET_SECONDS = 2.0


def _world(members: int):
    """A hub, a community, its facilitator and members (written directly: the data is
    the backdrop, the import is what is measured), and a session two days ago."""
    from django.utils import timezone

    from staffroom.accounts.models import User
    from staffroom.communities.access import community_access_for
    from staffroom.communities.models import Community, Hub, Membership
    from staffroom.meetings.models import Session

    hub = Hub.objects.create(name="Bench Hub", slug="bench")
    community = Community.objects.create(
        hub=hub, name="Bench community", slug="bench-community", visibility="public",
        join_policy="open",
    )  # fmt: skip
    facilitator = User.objects.create_user("fac@bench.example", display_name="Fran Bench")
    first = ["Ana", "Ben", "Chloé", "Dmitri", "Esperanza", "Femi", "Guo", "Hana", "Íñigo", "Jo"]
    last = ["García", "Nguyen", "O'Brien", "Müller", "Okafor", "Smith", "Tanaka", "Łukasz"]
    users = User.objects.bulk_create(
        User(email=f"member{n}@bench.example",
             display_name=f"{first[n % 10]} {last[n % 8]} {n}", password="!")
        for n in range(members)
    )  # fmt: skip
    now = timezone.now()
    Membership.objects.bulk_create(
        Membership(community=community, user=user, role=role, status="active", joined_at=now)
        for user, role in [(facilitator, "facilitator"), *((u, "member") for u in users)]
    )
    starts = now - dt.timedelta(days=2)
    session = Session.objects.create(
        community=community, title="Bench session", starts_at=starts,
        ends_at=starts + dt.timedelta(minutes=90),
    )  # fmt: skip
    return community_access_for(facilitator, community), facilitator, session, users


def _report(users, rows: int) -> bytes:
    """A Zoom participants report of ``rows`` rows."""
    rng = random.Random(2025)
    start = dt.datetime(2025, 1, 14, 15, 55)
    fmt = "%m/%d/%Y %I:%M:%S %p"
    lines = [
        "Meeting ID,Topic,Start Time,End Time,User Email,Duration (Minutes),Participants",
        f"812 4477 1093,Bench session,{start:{fmt}},{start + dt.timedelta(minutes=95):{fmt}},"
        f"fac@bench.example,95,{rows}",
        "",
        "Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest,"
        "Recording Consent,In Waiting Room",
    ]
    made = 0
    person = 0
    while made < rows:
        kind = person % 10  # 6 by email, 3 by name only, 1 unknown (a phone, a guest)
        if kind < 9 and person < len(users):
            user = users[person]
            name, email = user.display_name, user.email if kind < 6 else ""
        else:
            name, email = f"Dial-in +1 555 {person:04d}", ""
        joined = start + dt.timedelta(minutes=rng.randint(0, 20))
        for _stay in range(min(rng.choice([1, 2, 2, 3]), rows - made)):
            left = joined + dt.timedelta(minutes=rng.randint(10, 50))
            minutes = int((left - joined).total_seconds() // 60) + 1
            quoted = f'"{name}"' if "," in name else name
            lines.append(f"{quoted},{email},{joined:{fmt}},{left:{fmt}},{minutes},No,Y,No")
            joined = left - dt.timedelta(minutes=rng.randint(-10, 2))  # overlaps, or a gap
            made += 1
        person += 1
    return ("\r\n".join(lines) + "\r\n").encode("utf-8-sig")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1000)
    parser.add_argument("--members", type=int, default=400)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as directory:
        setup_django(Path(directory))
        from staffroom.meetings import attendance_import
        from staffroom.meetings.models import Attendance, ImportedRow

        access, facilitator, session, users = _world(args.members)
        data = _report(users, args.rows)
        began = time.perf_counter()
        report = attendance_import.report_read(data, "zoom_participants.csv")
        read = time.perf_counter()
        result = attendance_import.attendance_import(
            actor=facilitator, access=access, session=session, report=report
        )
        done = time.perf_counter()
        total = done - began
        print(
            f"{len(report.rows)} rows ({len(data) / 1024:.0f} KB) from "
            f"{len(report.people())} people: read {read - began:.3f} s, matched and "
            f"imported {done - read:.3f} s, total {total:.3f} s (target < {TARGET_SECONDS} s)"
        )
        print(
            f"  {Attendance.objects.filter(session=session).count()} attendance records, "
            f"{ImportedRow.objects.filter(state='unmatched').count()} to review, "
            f"{len(result.problems)} rows that could not be read"
        )
        from django.db import connection

        connection.close()
    return 0 if total < TARGET_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main())
