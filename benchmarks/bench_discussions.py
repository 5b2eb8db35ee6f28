"""Benchmark: discussions at scale. With 200,000 threads and 2,000,000 replies, the
community thread list, a thread page, a tag page and search run a fixed number of queries
and answer in a median server time under 50 ms.

    uv run python benchmarks/bench_discussions.py [--threads 200000] [--replies 2000000]
        [--big-thread 2000] [--repeat 7]

It makes its own database (a fresh SQLite file in a temporary directory, migrated; or the
empty PostgreSQL database in ``BENCH_DATABASE_URL``) and two worlds in it: a small one (200
threads, 2,000 replies) and a large one (``--threads`` and ``--replies``). Each world is a hub
of private communities of very different sizes (one holds about a quarter of the threads)
and a member who belongs to all of them, so a search covers the whole world.

The data is written fast, with raw ``executemany`` inside one transaction, but as the
services would write it: ``body_html`` is ``render_markdown(body)``, tags are the
``#hashtags`` of the title and body, ``reply_count`` and ``last_activity_at`` agree with
the replies, about half the questions have an answer marked. Reply counts are skewed (most
threads have a few, some have thousands; the thread measured has ``--big-thread`` replies).
The search index is filled through its own table (``core_searchentry``, whose triggers fill
the FTS5 table on SQLite) with the rows that ``core.search.index`` would store: indexing
2.2 million documents one by one through the API would take hours. Bodies come from a pool
of texts, each rendered and folded once. Before measuring, a sample of rows is compared
with what the services and ``search._entry`` produce; any difference stops the run.

For each world it fetches, through Django's test ``Client`` inside
``CaptureQueriesContext``: the thread list (page 1 and the last page), the unanswered
questions, the big thread (first and last page), the page of the community's most used tag,
and a search for a common and a rare word. Each page is fetched once to warm up, then
``--repeat`` times; it prints the query count and the median time, by the clock and in
CPU time of this process (on SQLite the database works inside the process, so that is
the server's time without the waits a busy shared machine adds; the target applies to
it; on PostgreSQL, to the clock). Exits 1 if a query count differs between the worlds, a
page does not answer 200, or a median of the large world is over the target. For a page
over the target it prints its slowest query and, on SQLite, that query's plan; ``--keep
DIR`` leaves the SQLite file in DIR to study further.
"""

import argparse
import datetime as dt
import math
import random
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

from benchdb import setup_django

TARGET_SECONDS = 0.050
CHUNK = 20_000
RARE_WORD = "terrarium"  # in the bodies of a dozen replies only
COMMON_WORD = "students"  # in about a third of all posts

SENTENCES = [
    "My students come in restless after lunch and the first ten minutes are lost.",
    "We tried a two-minute check-in circle and it settled the room more than I expected.",
    "Has anyone used exit tickets with students who are still learning English?",
    "Our counselor shares a short breathing routine that the younger students love.",
    "I teach every science course in a school of ninety students, so planning never ends.",
    "The district gave us new laptops but no time to learn the software.",
    "A parent told me the weekly newsletter is the only way she hears about homework.",
    "We moved grading to standards this year and the conversations with families changed.",
    "Small groups work when I post the roles on the board before anyone moves.",
    "Attendance dips every Friday in our town, mostly because of the long bus rides.",
    "One colleague records her mini-lessons so absent students can catch up at home.",
    "I keep a shared folder of labs that need nothing more than kitchen supplies.",
    "After the training I started asking students to explain a peer's answer first.",
    "Our principal protects the first Monday of each month for peer observation.",
    "The reading coach suggested short decodable texts for the students who fell behind.",
    "Field trips are hard to fund, so we brought a local farmer in to talk instead.",
    "I would love ideas for keeping a mixed-grade class on one project.",
    "Three new teachers joined us midyear and a buddy system helped them settle in.",
    "We are writing a problem of practice about chronic absence in the middle grades.",
    "Students respond better when the feedback names one thing to try next.",
    "Our rural district shares one speech therapist across five schools.",
    "Homework completion rose once we let students start it in the last ten minutes.",
    "The behaviour plan works only if every adult in the hallway uses the same words.",
    "I found a free simulation of circuits that runs on old browsers.",
    "Morning meetings take twelve minutes and save me an hour of redirection later.",
    "We swapped lesson plans with a school two counties away and both of us gained.",
    "Please share how you explain rubrics to families who did not grow up with them.",
    "Our library closes early, so the computer lab is the only quiet place after school.",
    "A student asked why we learn fractions and the class built a recipe project from it.",
    "The state test window overlaps with planting season for many of our families.",
]
EXTRAS = [
    "**Thank you** for sharing this.",
    "See the notes from last session: [our shared notes](https://example.org/notes).",
    "- one idea per week\n- a short reflection on Friday",
    "I will try it on Monday and report back.",
    "",
]
RARE_TEXT = f"We set up a small {RARE_WORD} on the windowsill and the class logs it daily."
OPENERS = ["Ideas for", "Question about", "How do you handle", "Help with", "Resources for",
           "Looking back on", "Starting", "Small wins with", "Trouble with",
           "Planning"]  # fmt: skip
TOPICS = ["morning routines", "exit tickets", "mixed-grade classes", "standards grading",
          "chronic absence", "family newsletters", "science labs on a budget", "new teachers",
          "peer observation", "reading intervention", "bus schedules", "group roles",
          "feedback that lands", "testing season", "after-school space", "quiet corners",
          "field trips", "circuits", "fractions", "rubrics", "speech therapy", "laptops",
          "homework", "hallway behaviour", "lesson swaps", "check-in circles"]  # fmt: skip
TAGS = ["homeroom", "labs", "grading", "attendance", "families", "literacy", "math",
        "science", "newteachers", "behaviour", "technology", "rural", "counseling",
        "planning", "assessment", "ell", "sped", "wellbeing", "leadership", "coaching",
        "projects", "feedback", "scheduling", "resources", "transport", "library",
        "observation", "funding", "music", "art"]  # fmt: skip


class Pool:
    """Texts rendered and folded once each, as the services and the index would."""

    def __init__(self):
        self._seen: dict[str, tuple[str, str, str, str]] = {}

    def get(self, body: str) -> tuple[str, str, str, str]:
        """(body, body_html, indexed text, folded indexed text) of ``body``."""
        if body not in self._seen:
            from staffroom.core.markdown import markdown_text, render_markdown
            from staffroom.core.search.text import fold, normalize

            text = normalize(markdown_text(body))
            self._seen[body] = (body, render_markdown(body), text, fold(text))
        return self._seen[body]


def _texts(rng: random.Random, count: int, low: int, high: int) -> list[str]:
    texts = []
    for _n in range(count):
        text = " ".join(rng.sample(SENTENCES, rng.randint(low, high)))
        extra = rng.choice(EXTRAS)
        texts.append(f"{text}\n\n{extra}" if extra else text)
    return texts


def _skewed_counts(rng: random.Random, total: int, buckets: int, alpha: float) -> list[int]:
    """``buckets`` whole numbers summing to ``total``, Pareto-distributed."""
    weights = [rng.paretovariate(alpha) for _n in range(buckets)]
    scale = total / sum(weights)
    counts = [int(w * scale) for w in weights]
    for n in rng.sample(range(buckets), total - sum(counts)) if buckets else []:
        counts[n] += 1
    return counts


@dataclass
class World:
    name: str
    viewer: object
    slug: str  # the largest community
    big_thread: str  # its public id
    big_replies: int
    tag: str
    last_page: int  # of the largest community's thread list
    threads: int = 0
    replies: int = 0


def _next_id(table: str) -> int:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COALESCE(MAX(id), 0) FROM {table}")
        return cursor.fetchone()[0] + 1


def _insert(table: str, columns: list[str], rows) -> int:
    from django.db import connection

    sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join(['%s'] * len(columns))})"
    count = 0
    rows = iter(rows)
    with connection.cursor() as cursor:
        while batch := list(islice(rows, CHUNK)):
            cursor.executemany(sql, batch)
            count += len(batch)
    return count


THREAD_COLUMNS = ["id", "public_id", "community_id", "author_id", "kind", "title", "body",
                  "body_html", "pinned", "locked", "closed", "answer_id", "reply_count",
                  "created_at", "last_activity_at", "edited_at"]  # fmt: skip
REPLY_COLUMNS = ["id", "public_id", "thread_id", "author_id", "body", "body_html", "quoting_id",
                 "created_at", "edited_at"]  # fmt: skip
ENTRY_COLUMNS = ["id", "kind", "object_id", "scope_id", "title", "body", "tags", "author_id",
                 "created_at", "url", "folded_title", "folded_body", "folded_tags"]  # fmt: skip


def _world(name: str, *, threads: int, replies: int, big: int, seed: int) -> World:
    """A hub of private communities, their members and their discussions. Hub, people and
    memberships are written through the ORM; threads, replies, tags, read markers and
    search entries with raw ``executemany``."""
    from django.contrib.auth.hashers import make_password
    from django.db import connection, transaction
    from django.urls import reverse
    from django.utils import timezone

    from staffroom.accounts.models import Profile, User
    from staffroom.accounts.services import profile_ensure
    from staffroom.communities.models import Community, Hub, Membership
    from staffroom.core.search import _tag
    from staffroom.core.search.text import fold, normalize
    from staffroom.discussions.search import REPLY, THREAD

    rng = random.Random(seed)
    pool = Pool()
    alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"

    def public_id() -> str:
        return "".join(rng.choices(alphabet, k=12))

    adapt = connection.ops.adapt_datetimefield_value
    now = timezone.now()
    start = now - dt.timedelta(days=3 * 365)
    hub = Hub.objects.create(name=f"{name.title()} Hub", slug=f"{name}-hub")
    communities = [
        Community.objects.create(hub=hub, name=f"{name.title()} community {n}",
                                 slug=f"{name}-{n}", visibility="private",
                                 join_policy="approval")
        for n in range(max(3, min(20, threads // 5000)))
    ]  # fmt: skip
    viewer = User.objects.create_user(f"viewer@{name}.example", display_name=f"Vi {name.title()}")
    profile_ensure(user=viewer)
    people = User.objects.bulk_create(
        User(email=f"p{n}@{name}.example", display_name=f"Person {n} {name.title()}",
             password=make_password(None))
        for n in range(max(30, threads // 100))
    )  # fmt: skip
    Profile.objects.bulk_create(Profile(user=person) for person in people)
    members: dict[int, list[int]] = {c.pk: [] for c in communities}
    memberships = [
        Membership(community=c, user=viewer, role="member", status="active", joined_at=now)
        for c in communities
    ]
    for person in people:
        for c in rng.sample(communities, rng.randint(1, 3)):
            role = "facilitator" if len(members[c.pk]) == 0 else "member"
            memberships.append(
                Membership(community=c, user=person, role=role, status="active", joined_at=now)
            )
            members[c.pk].append(person.pk)
    Membership.objects.bulk_create(memberships)

    # Zipf-like community sizes: the first holds about a quarter of the threads.
    weights = [1 / (n + 1) for n in range(len(communities))]
    homes = rng.choices(communities, weights=weights, k=threads)
    homes[0] = communities[0]  # the big thread
    thread_texts = _texts(rng, 60, 2, 5)
    reply_texts = _texts(rng, 400, 1, 4)
    tag_sets = [()] + [
        tuple(sorted(set(rng.choices(TAGS, weights=[1 / (k + 1) for k in range(len(TAGS))],
                                     k=rng.randint(1, 3)))))
        for _n in range(299)
    ]  # fmt: skip
    tag_weights = [1 / (k + 1) ** 0.5 for k in range(len(tag_sets))]
    # Replies: a few threads with thousands, most with a handful (Pareto).
    huge = [big] + [rng.randint(1000, 4000) for _n in range(min(10, threads // 20_000))]
    rest = max(0, replies - sum(huge))
    counts = huge + _skewed_counts(rng, rest, threads - len(huge), 1.3)
    counts = [min(c, 5000) for c in counts]
    for _n in range(max(0, replies - sum(counts))):  # what the cap took, spread out again
        counts[rng.randrange(len(huge), threads)] += 1
    rare = set(rng.sample(range(sum(counts)), min(12, sum(counts))))

    thread_id, reply_id, entry_id = (
        _next_id("discussions_thread"),
        _next_id("discussions_reply"),
        _next_id("core_searchentry"),
    )
    first_reply = reply_id
    thread_rows, tag_rows, entry_rows, reply_rows, reply_entries, markers = [], [], [], [], [], []
    reply_number = 0
    by_community = {c.pk: 0 for c in communities}
    tag_use: dict[str, int] = {}
    big_public_id = ""
    with transaction.atomic():
        written = 0
        for n in range(threads):
            community = homes[n]
            pk, pid = thread_id + n, public_id()
            if n == 0:
                big_public_id = pid
            created = start + (now - start) * (n / threads) * 0.98
            kind = rng.choices(["discussion", "question", "announcement"], [70, 27, 3])[0]
            author = rng.choice(members[community.pk])
            tags = tag_sets[rng.choices(range(len(tag_sets)), tag_weights)[0]]
            title = f"{rng.choice(OPENERS)} {rng.choice(TOPICS)}"
            text = rng.choice(thread_texts)
            body = f"{text}\n\n{' '.join('#' + t for t in tags)}" if tags else text
            body, body_html, plain, folded = pool.get(body)
            count = counts[n]
            span = min(now - created, dt.timedelta(days=rng.expovariate(1 / 20) + 0.1))
            times = sorted(created + span * rng.random() for _k in range(count))
            last = times[-1] if times else created
            answer = None
            if kind == "question" and count and rng.random() < 0.5:
                answer = reply_id + rng.randrange(count)
            pinned = by_community[community.pk] < 2
            by_community[community.pk] += 1
            locked = rng.random() < 0.01
            closed = rng.random() < 0.02
            thread_rows.append(
                (pk, pid, community.pk, author, kind, title, body, body_html, pinned, locked,
                 closed, answer, count, adapt(created), adapt(last), None)
            )  # fmt: skip
            for tag in tags:
                tag_rows.append((pk, community.pk, tag))
                if community == communities[0]:
                    tag_use[tag] = tag_use.get(tag, 0) + 1
            url = reverse("discussions:thread_detail", args=[community.slug, pid])
            title_n = normalize(title)
            folded_title = fold(title_n)
            stored_tags = " ".join(_tag(t) for t in tags)
            entry_rows.append(
                (entry_id, THREAD, str(pk), community.pk, title_n, plain, stored_tags, author,
                 adapt(created), url, folded_title, folded, fold(stored_tags))
            )  # fmt: skip
            entry_id += 1
            in_thread = []
            for when in times:
                text = RARE_TEXT if reply_number in rare else rng.choice(reply_texts)
                quoting = None
                if in_thread and rng.random() < 0.02:
                    # Few distinct texts, so that the pool renders few of them.
                    quoting, quoted = rng.choice(in_thread)
                    text = f"> {quoted.splitlines()[0]}\n\n{rng.choice(reply_texts[:40])}"
                body, body_html, plain, folded = pool.get(text)
                rid, rpid = reply_id, public_id()
                rauthor = rng.choice(members[community.pk])
                reply_rows.append(
                    (rid, rpid, pk, rauthor, body, body_html, quoting, adapt(when), None)
                )
                reply_entries.append(
                    (entry_id, REPLY, str(rid), community.pk, title_n, plain, "", rauthor,
                     adapt(when), f"{url}replies/{rpid}/", folded_title, folded, "")
                )  # fmt: skip
                if len(in_thread) < 50:
                    in_thread.append((rid, body))
                reply_id, entry_id, reply_number = reply_id + 1, entry_id + 1, reply_number + 1
            if n == 0:  # the viewer read half of the big thread
                markers.append((viewer.pk, pk, count // 2))
            if len(reply_rows) >= CHUNK:
                written += _insert("discussions_reply", REPLY_COLUMNS, reply_rows)
                _insert("core_searchentry", ENTRY_COLUMNS, reply_entries)
                reply_rows, reply_entries = [], []
                if written % (10 * CHUNK) < CHUNK:
                    print(f"  {name}: {written:,} replies written", flush=True)
        _insert("discussions_reply", REPLY_COLUMNS, reply_rows)
        _insert("core_searchentry", ENTRY_COLUMNS, reply_entries)
        _insert("discussions_thread", THREAD_COLUMNS, thread_rows)
        _insert("discussions_threadtag", ["thread_id", "community_id", "name"], tag_rows)
        _insert("core_searchentry", ENTRY_COLUMNS, entry_rows)
        _insert("discussions_readmarker", ["user_id", "thread_id", "read_count"], markers)
    in_big = by_community[communities[0].pk]
    world = World(
        name, viewer, communities[0].slug, big_public_id, counts[0],
        tag=max(tag_use, key=tag_use.get), last_page=math.ceil(in_big / 25),
        threads=threads, replies=reply_id - first_reply,
    )  # fmt: skip
    _check(world, thread_id, first_reply)
    return world


def _check(world: World, first_thread: int, first_reply: int) -> None:
    """Compare a sample of what was written with what the services and the index write;
    stop the run on any difference."""
    from django.db.models import Count, Max

    from staffroom.core import search
    from staffroom.core.markdown import render_markdown
    from staffroom.core.models import SearchEntry
    from staffroom.discussions.models import Reply, Thread
    from staffroom.discussions.search import reply_document, thread_document
    from staffroom.discussions.services import tags_parse

    rng = random.Random(7)
    fields = [f.name for f in SearchEntry._meta.concrete_fields if not f.primary_key]
    last_thread = first_thread + world.threads - 1
    sample = Thread.objects.filter(pk__in=[first_thread, last_thread] + [
        rng.randint(first_thread, last_thread) for _n in range(20)
    ]).annotate(n=Count("replies"), last=Max("replies__created_at"))  # fmt: skip
    documents = []
    for thread in sample.select_related("community").prefetch_related("tags"):
        assert thread.body_html == render_markdown(thread.body), thread.pk
        assert sorted(t.name for t in thread.tags.all()) == sorted(
            tags_parse(f"{thread.title}\n{thread.body}")
        ), thread.pk
        assert thread.reply_count == thread.n, thread.pk
        assert thread.last_activity_at == (thread.last or thread.created_at), thread.pk
        documents.append(thread_document(thread))
    last_reply = first_reply + world.replies - 1
    replies = Reply.objects.filter(
        pk__in=[first_reply, last_reply]
        + [rng.randint(first_reply, last_reply) for _n in range(50)]
    ).select_related("thread__community")
    for reply in replies:
        assert reply.body_html == render_markdown(reply.body), reply.pk
        documents.append(reply_document(reply))
    for document in documents:
        made = search._entry(document)
        stored = SearchEntry.objects.get(kind=document.kind, object_id=str(document.object_id))
        for name in fields:
            assert getattr(made, name) == getattr(stored, name), (document, name)
    print(f"  {world.name}: {len(documents)} sampled rows match what the services write")


@dataclass
class Measure:
    status: int
    queries: int
    seconds: list[float]
    cpu: list[float]  # this process, SQLite included: steadier than the clock on a busy machine
    slowest: tuple[float, str]

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)

    @property
    def median_cpu(self) -> float:
        return statistics.median(self.cpu)


def _fetch(client, url: str, repeat: int) -> Measure:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)  # warm up: caches, and the read marker the first visit may move
    seconds, cpu, counts, slowest = [], [], set(), (0.0, "")
    for _run in range(repeat):
        with CaptureQueriesContext(connection) as queries:
            began, began_cpu = time.perf_counter(), time.process_time()
            response = client.get(url)
            seconds.append(time.perf_counter() - began)
            cpu.append(time.process_time() - began_cpu)
        counts.add(len(queries))
        for query in queries.captured_queries:
            slowest = max(slowest, (float(query["time"]), query["sql"]))
    assert len(counts) == 1, f"{url}: query count changed between runs: {counts}"
    return Measure(response.status_code, counts.pop(), seconds, cpu, slowest)


def _pages(world: World) -> dict[str, str]:
    from django.urls import reverse

    slug, thread = world.slug, world.big_thread
    listing = reverse("discussions:thread_list", args=[slug])
    detail = reverse("discussions:thread_detail", args=[slug, thread])
    search = reverse("communities:search")
    return {
        "thread list, page 1": listing,
        "thread list, last page": f"{listing}?page={world.last_page}",
        "unanswered questions": reverse("discussions:question_list", args=[slug]),
        "big thread, page 1": detail,
        "big thread, last page": f"{detail}?page={math.ceil(world.big_replies / 25)}",
        "tag page (most used tag)": reverse("discussions:tag_detail", args=[slug, world.tag]),
        f"search, common word ({COMMON_WORD})": f"{search}?q={COMMON_WORD}",
        f"search, rare word ({RARE_WORD})": f"{search}?q={RARE_WORD}",
    }


def _plan(sql: str) -> list[str]:
    from django.db import connection

    if connection.vendor != "sqlite":
        return []
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN QUERY PLAN {sql}")
        return [row[-1] for row in cursor.fetchall()]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threads", type=int, default=200_000)
    parser.add_argument("--replies", type=int, default=2_000_000)
    parser.add_argument("--big-thread", type=int, default=2_000)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument(
        "--keep", type=Path, help="build the SQLite database in this (empty) folder and keep it"
    )
    args = parser.parse_args()
    started = time.perf_counter()
    problems = []
    with tempfile.TemporaryDirectory() as directory:
        setup_django(args.keep or Path(directory))
        from django.db import connection
        from django.test import Client

        print(f"database: {connection.vendor}")
        if connection.vendor == "sqlite":
            with connection.cursor() as cursor:  # building only: the run is thrown away
                cursor.execute("PRAGMA synchronous=OFF")
                cursor.execute("PRAGMA cache_size=-1000000")
        began = time.perf_counter()
        small = _world("small", threads=200, replies=2_000, big=60, seed=1)
        large = _world(
            "large", threads=args.threads, replies=args.replies, big=args.big_thread, seed=2
        )
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        print(
            f"built {small.threads + large.threads:,} threads and "
            f"{small.replies + large.replies:,} replies in {time.perf_counter() - began:.0f} s"
        )
        results = {}
        for world in (small, large):
            client = Client(raise_request_exception=False)  # a failing page is a problem
            client.force_login(world.viewer)
            results[world.name] = {
                label: _fetch(client, url, args.repeat) for label, url in _pages(world).items()
            }
        for world in (small, large):
            print(
                f"{world.name}: {world.threads:,} threads, {world.replies:,} replies; largest "
                f"community {world.last_page:,} pages; big thread {world.big_replies:,} "
                f"replies; tag #{world.tag}"
            )
        # On SQLite the database works inside this process, so its CPU time is the
        # server's time without the waits that other programs on the machine cause; on
        # PostgreSQL the database is elsewhere and only the clock counts it.
        on_cpu = connection.vendor == "sqlite"
        print(f"median of {args.repeat}: wall clock / CPU of this process (ms)")
        print(f"{'':32}{'small':>24}{'large':>26}")
        for (label, small_m), large_m in zip(
            results["small"].items(), results["large"].values(), strict=True
        ):
            print(
                f"{label:32}{small_m.queries:>5} q {small_m.median * 1000:>7.1f} / "
                f"{small_m.median_cpu * 1000:>6.1f}{large_m.queries:>7} q "
                f"{large_m.median * 1000:>7.1f} / {large_m.median_cpu * 1000:>6.1f}"
            )
            if small_m.queries != large_m.queries:
                problems.append(
                    f"{label}: {small_m.queries} queries small, {large_m.queries} large"
                )
            if {small_m.status, large_m.status} != {200}:
                problems.append(f"{label}: answered {small_m.status} / {large_m.status}")
            took = large_m.median_cpu if on_cpu else large_m.median
            if took > TARGET_SECONDS:
                slowest, sql = large_m.slowest
                problems.append(
                    f"{label}: median {took * 1000:.0f} ms (target "
                    f"{TARGET_SECONDS * 1000:.0f} ms); slowest query {slowest * 1000:.0f} ms: "
                    f"{sql[:300]}" + "".join(f"\n    plan: {step}" for step in _plan(sql))
                )
        connection.close()
    for problem in problems:
        print(f"PROBLEM: {problem}")
    print(f"whole run {time.perf_counter() - started:.0f} s")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
