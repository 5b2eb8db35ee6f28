"""Search ranks only the newest ``MAX_MATCHES`` matches, so that a common word among
millions of entries answers as fast as a rare one; the total says when it is capped."""

import pytest

from staffroom.core import search
from staffroom.core.search import backends
from staffroom.core.tests.test_search import COMMUNITY, add, doc, notes

__all__ = ["notes"]  # the fixture, used by name

pytestmark = pytest.mark.django_db


def test_only_the_newest_matches_are_ranked_and_the_total_says_so(notes, monkeypatch):
    monkeypatch.setattr(backends, "MAX_MATCHES", 3)
    add(doc(1, "Compost compost compost", "compost"))  # the best match, indexed first
    add(*(doc(n, "Notes", f"compost {n}") for n in range(2, 6)))
    page = search.search("compost", scope_ids=[COMMUNITY])
    assert (page.total, page.capped) == (3, True)
    assert sorted(result.object_id for result in page.results) == ["3", "4", "5"]
    assert search.search("compost", scope_ids=[COMMUNITY], offset=3).results == []


def test_under_the_cap_every_match_counts_and_the_best_comes_first(notes, monkeypatch):
    monkeypatch.setattr(backends, "MAX_MATCHES", 3)
    add(doc(1, "Compost heap", "compost"), doc(2, "Notes", "a compost bin"), doc(3, "Soil"))
    page = search.search("compost", scope_ids=[COMMUNITY])
    assert (page.total, page.capped) == (2, False)
    assert [result.object_id for result in page.results] == ["1", "2"]


def test_the_cap_counts_only_what_the_filters_let_through(notes, monkeypatch):
    monkeypatch.setattr(backends, "MAX_MATCHES", 2)
    add(doc(1, "Compost", scope=COMMUNITY), doc(2, "Compost", scope=COMMUNITY))
    add(*(doc(n, "Compost", scope=COMMUNITY + 1) for n in range(3, 8)))
    page = search.search("compost", scope_ids=[COMMUNITY])
    assert (page.total, page.capped) == (2, False)
    assert sorted(result.object_id for result in page.results) == ["1", "2"]
