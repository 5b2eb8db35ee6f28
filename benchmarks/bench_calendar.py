"""Benchmark: a member's personal calendar (the iCalendar feed and "my sessions") reads a
fixed number of queries, however many communities and sessions the member has.

    uv run python benchmarks/bench_calendar.py [--communities 30] [--years 5] [--repeat 3]

It makes its own database (a fresh SQLite file in a temporary directory, migrated) and two
worlds in it: a small one (one member in 3 communities, each with a weekly series of one
year) and a large one (another member in ``--communities`` communities, each with a weekly
series of ``--years`` years: about 7,800 sessions). Every series is created and generated
through the real services (``series_create``, then ``series_generate`` with a horizon
reaching its last date). Each began half its span ago, at most 350 days, so every session
lies inside the feed's window (``calendar.FEED_HISTORY``, a year back): the worst case for
the feed. The series run in a handful of time zones; facilitators cancel a few sessions to
come, the member registers for the next few, and each world has one public community the
member registered in and then left (its registered sessions stay in the feed).

For each member it fetches, through Django's test ``Client`` inside
``CaptureQueriesContext``, the personal feed (the secret-token URL; plain, and gzipped as
calendar apps ask for it) and the "my sessions" page, and prints their query counts and
times (best of ``--repeat``). Each feed is parsed back with ``icalendar``: the number of
VEVENTs and of cancelled ones must match the database, and every TZID used must have its
VTIMEZONE. Set ``BENCH_DATABASE_URL`` to run it on PostgreSQL instead (an empty database: it
is migrated and filled). Exits 1 if a query count differs between the small and the large
world, or a feed does not hold what it should.
"""

import argparse
import datetime as dt
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from benchdb import setup_django

ZONES = [
    "America/Chicago", "America/New_York", "America/Denver", "America/Los_Angeles",
    "America/Anchorage", "Pacific/Honolulu", "America/Phoenix", "America/Puerto_Rico",
]  # fmt: skip
CANCEL_EVERY = 25  # one session to come in 25 is cancelled
REGISTER_NEXT = 4  # the member registers for the next four sessions of each community


@dataclass
class World:
    name: str
    member: object
    sessions: int = 0  # sessions in the member's communities (all inside the feed window)
    cancelled: int = 0
    zones: set[str] = field(default_factory=set)


def _user(email: str, name: str):
    from staffroom.accounts.models import User
    from staffroom.accounts.services import profile_ensure

    user = User.objects.create_user(email, display_name=name)
    profile_ensure(user=user)
    return user


def _world(name: str, *, communities: int, years: int, others: int = 8) -> World:
    """A hub whose communities each run one weekly series of ``years`` years, made by
    their facilitator through the services. Hub, communities and memberships are
    written directly: they are the backdrop, the calendar is what is measured."""
    from django.utils import timezone

    from staffroom.communities import services as community_services
    from staffroom.communities.access import community_access_for
    from staffroom.communities.models import Community, Hub, Membership
    from staffroom.meetings import registration, services
    from staffroom.meetings.models import Session
    from staffroom.meetings.recurrence import rule_build

    hub = Hub.objects.create(name=f"{name.title()} Hub", slug=f"{name}-hub")
    facilitator = _user(f"fac@{name}.example", f"Fran {name.title()}")
    member = _user(f"member@{name}.example", f"Mo {name.title()}")
    crowd = [_user(f"m{n}@{name}.example", f"Member {n} {name.title()}") for n in range(others)]
    world = World(name, member)
    now = timezone.now()
    today = now.date()
    # One community more than asked: the member registers in it, then leaves it.
    for number in range(communities + 1):
        community = Community.objects.create(
            hub=hub, name=f"{name.title()} community {number}", slug=f"{name}-{number}",
            visibility="public", join_policy="open",
        )  # fmt: skip
        Membership.objects.bulk_create(
            Membership(community=community, user=user, role=role, status="active", joined_at=now)
            for user, role in [
                (facilitator, "facilitator"),
                (member, "member"),
                *((user, "member") for user in crowd[number % 3 :: 3]),
            ]
        )
        access = community_access_for(facilitator, community)
        first = today - dt.timedelta(days=min(350, 365 * years // 2) - number % 7)
        first -= dt.timedelta(days=max(0, first.weekday() - 4))  # a weekday
        zone = ZONES[number % len(ZONES)]
        series = services.series_create(
            actor=facilitator, access=access, title=f"Weekly ECHO {number}",
            description="A short talk by a colleague, then a case from one of us.",
            time_zone=zone, start_time=dt.time(15 + number % 3, 30), duration_minutes=75,
            rrule=rule_build("weekly", first_date=first),
            first_date=first, last_date=first + dt.timedelta(days=365 * years - 1),
            meeting_url=f"https://meet.example.org/{name}-{number}",
            dial_in="+1 555 0100, meeting ID 812 4477 1093", capacity=40,
            reminder_offsets=[1440, 60], allow_guests=False, credit_share=75,
            phone_counts=True, async_counts=False, certificate_share=75,
        )  # fmt: skip
        services.series_generate(series, horizon_days=(series.last_date - today).days + 1)
        upcoming = list(series.sessions.filter(starts_at__gt=now).order_by("starts_at"))
        cancelled = upcoming[REGISTER_NEXT::CANCEL_EVERY]
        for session in cancelled:
            services.session_cancel(
                actor=facilitator, access=access, session=session, reason="Snow day."
            )
        member_access = community_access_for(member, community)
        for session in upcoming[:REGISTER_NEXT]:
            registration.registration_create(actor=member, access=member_access, session=session)
        for user in crowd[number % 3 :: 3][:3]:
            registration.registration_create(
                actor=user, access=community_access_for(user, community), session=upcoming[0]
            )
        if number == communities:  # the community the member leaves: only the registered stay
            community_services.membership_leave(actor=member, access=member_access)
            world.sessions += len(upcoming[:REGISTER_NEXT])
            continue
        world.sessions += series.sessions.count()
        world.cancelled += len(cancelled)
        world.zones.add(zone)
    # The feed's own query must agree with what was made (nothing fell out of the window).
    assert world.sessions == _feed_count(member), (world.sessions, _feed_count(member))
    assert world.cancelled == Session.objects.filter(
        community__memberships__user=member, community__memberships__status="active",
        status="cancelled",
    ).count()  # fmt: skip
    return world


def _feed_count(member) -> int:
    from staffroom.meetings import calendar

    return calendar.feed_sessions_person(member).count()


@dataclass
class Measure:
    status: int
    queries: int
    seconds: list[float]
    cpu: list[float]  # this process only (not the PostgreSQL server): steadier on a busy machine
    content: bytes

    @property
    def best(self) -> float:
        return min(self.seconds)

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)


def _fetch(client, url: str, repeat: int, headers: dict | None = None) -> Measure:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    seconds, cpu, counts = [], [], set()
    for _run in range(repeat):
        with CaptureQueriesContext(connection) as queries:
            began, began_cpu = time.perf_counter(), time.process_time()
            response = client.get(url, headers=headers)
            content = response.content
            seconds.append(time.perf_counter() - began)
            cpu.append(time.process_time() - began_cpu)
        counts.add(len(queries))
    assert len(counts) == 1, f"{url}: query count changed between runs: {counts}"
    return Measure(response.status_code, counts.pop(), seconds, cpu, content)


def _check_feed(content: bytes, world: World) -> tuple[list[str], float]:
    """Problems with the feed (none, we hope), and how long icalendar took to parse it."""
    import icalendar

    began = time.perf_counter()
    cal = icalendar.Calendar.from_ical(content)
    parsed = time.perf_counter() - began
    events = cal.walk("VEVENT")
    zones = {str(tz["TZID"]) for tz in cal.walk("VTIMEZONE")}
    cancelled = sum(1 for event in events if event.get("STATUS") == "CANCELLED")
    problems = []
    if len(events) != world.sessions:
        problems.append(f"{world.name}: {len(events)} VEVENTs, expected {world.sessions}")
    if cancelled != world.cancelled:
        problems.append(f"{world.name}: {cancelled} cancelled, expected {world.cancelled}")
    if not zones or not world.zones <= zones:
        problems.append(f"{world.name}: VTIMEZONEs {sorted(zones)}, expected {world.zones}")
    if cal.get_missing_tzids():
        problems.append(f"{world.name}: no VTIMEZONE for {cal.get_missing_tzids()}")
    return problems, parsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--communities", type=int, default=30)
    parser.add_argument("--years", type=int, default=5)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as directory:
        setup_django(Path(directory))
        from django.db import connection
        from django.test import Client
        from django.urls import reverse

        from staffroom.meetings import calendar

        print(f"database: {connection.vendor}")
        began = time.perf_counter()
        small = _world("small", communities=3, years=1)
        large = _world("large", communities=args.communities, years=args.years)
        print(
            f"built {small.sessions + large.sessions} sessions in "
            f"{time.perf_counter() - began:.1f} s"
        )
        results = {}
        for world in (small, large):
            client = Client()
            token = calendar.calendar_token_for(world.member).token
            url = reverse("meetings:calendar_feed", args=[token])
            feed = _fetch(client, url, args.repeat)
            # As calendar apps fetch it: compressed by the GZip middleware.
            gzipped = _fetch(client, url, args.repeat, {"Accept-Encoding": "gzip"})
            client.force_login(world.member)
            page = _fetch(client, reverse("meetings:my_sessions"), args.repeat)
            problems, parsed = _check_feed(feed.content, world)
            results[world.name] = (world, feed, page, problems, parsed, gzipped)
        _table(results, args)
        problems = [problem for result in results.values() for problem in result[3]]
        for kind, index in (("feed", 1), ("my sessions", 2), ("feed gzipped", 5)):
            counts = {name: result[index].queries for name, result in results.items()}
            statuses = {result[index].status for result in results.values()}
            if len(set(counts.values())) != 1:
                problems.append(f"{kind}: the query count grows with the data: {counts}")
            if statuses != {200}:
                problems.append(f"{kind}: answered {statuses}")
        connection.close()
    for problem in problems:
        print(f"PROBLEM: {problem}")
    print(f"whole run {time.perf_counter() - started:.1f} s")
    return 1 if problems else 0


def _table(results: dict, args) -> None:
    small, large = results["small"], results["large"]
    rows = [
        ("communities × years", "3 × 1", f"{args.communities} × {args.years}"),
        ("sessions in the feed", *(f"{r[0].sessions:,}" for r in (small, large))),
        ("  of which cancelled", *(str(r[0].cancelled) for r in (small, large))),
        ("feed: queries", *(str(r[1].queries) for r in (small, large))),
        ("feed: seconds (best)", *(f"{r[1].best:.3f}" for r in (small, large))),
        ("feed: seconds (median)", *(f"{r[1].median:.3f}" for r in (small, large))),
        ("feed: CPU seconds (best)", *(f"{min(r[1].cpu):.3f}" for r in (small, large))),
        ("feed: size", *(f"{len(r[1].content) / 1024:,.0f} KB" for r in (small, large))),
        ("feed gzipped: seconds (best)", *(f"{r[5].best:.3f}" for r in (small, large))),
        ("feed gzipped: size", *(f"{len(r[5].content) / 1024:,.0f} KB" for r in (small, large))),
        ("feed: parsed by icalendar", *(f"{r[4]:.2f} s" for r in (small, large))),
        ("my sessions: queries", *(str(r[2].queries) for r in (small, large))),
        ("my sessions: seconds (best)", *(f"{r[2].best:.3f}" for r in (small, large))),
    ]
    print(f"{'':30}{'small':>12}{'large':>14}")
    for label, left, right in rows:
        print(f"{label:30}{left:>12}{right:>14}")


if __name__ == "__main__":
    sys.exit(main())
