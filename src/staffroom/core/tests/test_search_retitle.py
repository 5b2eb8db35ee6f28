"""``search.retitle``, on whichever database the suite runs (SQLite by default,
PostgreSQL with DATABASE_URL): the new title is what the full-text match finds."""

import pytest

from staffroom.core import search
from staffroom.core.search import _BATCH
from staffroom.core.tests.test_search import COMMUNITY, OTHER_KIND, add, doc, found, notes

__all__ = ["notes"]  # the fixture, used by name

pytestmark = pytest.mark.django_db


def test_retitled_entries_are_found_by_the_new_title_only(notes):
    add(doc(1, "Old name", "first"), doc(2, "Old name", "second"), doc(3, "Old name", "third"))
    add(doc(1, "Old name", kind=OTHER_KIND))
    assert search.retitle("tests.note", [1, "2"], "Fresh Título") == 2
    assert sorted(found("fresh")) == ["1", "2"]
    assert sorted(found("titulo")) == ["1", "2"]  # folded like an indexed title
    assert found("old", kinds=["tests.note"]) == ["3"]
    assert found("old", kinds=[OTHER_KIND]) == ["1"]  # another kind is left alone
    assert search.search("fresh", scope_ids=[COMMUNITY]).results[0].title == "Fresh Título"


def test_retitle_updates_in_batches(notes, django_assert_num_queries):
    add(*(doc(n, "Before") for n in range(_BATCH + 1)))
    with django_assert_num_queries(2):
        assert search.retitle("tests.note", range(_BATCH + 1), "After") == _BATCH + 1
    assert search.search("after", scope_ids=[COMMUNITY]).total == _BATCH + 1
    assert search.retitle("tests.note", [], "Nothing") == 0
