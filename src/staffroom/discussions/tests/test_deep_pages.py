"""What keeps large discussions fast (benchmarks/bench_discussions.py measures them on
200,000 threads): thread lists page by key (``paginate_by_key``), so a deep page reads
only its own rows, in the same order and number of queries as the first; search ranks
only the newest matches of a common word and says so."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from staffroom.core.search import backends
from staffroom.discussions.models import Thread
from staffroom.discussions.tests.factories import thread

pytestmark = pytest.mark.django_db


def _fetch(client, url, page):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, {"page": page})
    assert response.status_code == 200
    return [t.title for t in response.context["page"]], queries.captured_queries


def test_a_deep_page_skips_over_keys_and_reads_only_its_own_rows(client, world):
    for n in range(60):
        thread(world, title=f"Thread {n:02d}")
    Thread.objects.filter(title="Thread 10").update(pinned=True)
    client.force_login(world.member)
    url = reverse("discussions:thread_list", args=[world.public.slug])
    first, first_queries = _fetch(client, url, 1)
    last, last_queries = _fetch(client, url, 3)
    assert first[:3] == ["Thread 10", "Thread 59", "Thread 58"]
    assert last == [f"Thread {n:02d}" for n in range(9, -1, -1) if n != 10]
    assert len(first_queries) == len(last_queries)
    (page_sql,) = [q["sql"] for q in last_queries if "OFFSET" in q["sql"]]
    # The rows come from an IN over the skipped-to keys: only the subquery skips.
    outer, inner = page_sql.split("IN (SELECT", 1)
    assert "OFFSET" not in outer and "LIMIT 10 OFFSET 50" in inner
    assert inner.split("FROM", 1)[0].count(",") == 0  # the subquery selects the key alone


def test_a_tag_page_walks_the_threads_in_order_and_checks_each_tag(client, world):
    for n in range(30):
        thread(world, title=f"Thread {n:02d}", body="#compost" if n % 3 else "#soil")
    client.force_login(world.member)
    url = reverse("discussions:tag_detail", args=[world.public.slug, "compost"])
    titles, queries = _fetch(client, url, 1)
    assert titles == [f"Thread {n:02d}" for n in range(29, -1, -1) if n % 3]
    (page_sql,) = [q["sql"] for q in queries if "LIMIT 20" in q["sql"]]
    assert 'EXISTS(SELECT 1 AS "a" FROM "discussions_threadtag"' in page_sql


def test_a_page_past_the_end_shows_the_last_page(client, world):
    for n in range(30):
        thread(world, title=f"Thread {n:02d}")
    client.force_login(world.member)
    url = reverse("discussions:thread_list", args=[world.public.slug])
    titles, _queries = _fetch(client, url, 99)
    assert titles == [f"Thread {n:02d}" for n in range(4, -1, -1)]


def test_the_search_page_says_when_a_common_word_found_more_than_it_ranks(
    client, world, monkeypatch
):
    monkeypatch.setattr(backends, "MAX_MATCHES", 2)
    for n in range(3):
        thread(world, title=f"Compost plan {n}")
    client.force_login(world.member)
    page = client.get(reverse("communities:search"), {"q": "compost"}).content.decode()
    assert "More than 2 results: the best of the newest 2 are shown" in page
    page = client.get(reverse("communities:search"), {"q": "plan 1"}).content.decode()
    assert "1 result<" in page and "More than" not in page
