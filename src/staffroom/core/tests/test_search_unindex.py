"""``search.unindex_many``: the entries named go, in batches, and nothing else does."""

import pytest

from staffroom.core import search
from staffroom.core.search import _BATCH
from staffroom.core.tests.test_search import OTHER_KIND, add, doc, found, notes

__all__ = ["notes"]  # the fixture, used by name

pytestmark = pytest.mark.django_db


def test_unindex_many_removes_only_the_entries_named(notes):
    add(doc(1, "Garden", "beds"), doc(2, "Garden", "soil"), doc(3, "Garden", "rain"))
    add(doc(1, "Garden", kind=OTHER_KIND))
    assert search.unindex_many("tests.note", [1, "2", 99]) == 2
    assert found("garden", kinds=["tests.note"]) == ["3"]
    assert found("garden", kinds=[OTHER_KIND]) == ["1"]  # another kind is left alone


def test_unindex_many_deletes_in_batches(notes, django_assert_num_queries):
    add(*(doc(n, "Before") for n in range(_BATCH + 1)))
    with django_assert_num_queries(2):
        assert search.unindex_many("tests.note", range(_BATCH + 1)) == _BATCH + 1
    assert found("before") == []
    assert search.unindex_many("tests.note", []) == 0
