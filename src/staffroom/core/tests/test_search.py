"""The search module, on whichever database the suite runs (SQLite by default,
PostgreSQL with DATABASE_URL): both backends must pass these tests unchanged."""

import datetime as dt

import pytest
from django.core.management import call_command
from django.db import connection

from staffroom.core import search
from staffroom.core.models import SearchEntry
from staffroom.core.search import Document
from staffroom.core.search.text import fold, parse_query

pytestmark = pytest.mark.django_db

KIND = "tests.note"
OTHER_KIND = "tests.memo"
COMMUNITY, OTHER_COMMUNITY = 1, 2
FTS = "core_searchentry_fts"
T0 = dt.datetime(2026, 3, 1, 12, 0, tzinfo=dt.UTC)


@pytest.fixture
def notes():
    """A fake kind registered for the test (and forgotten after); ``notes`` is what its
    rebuild yields."""
    documents: list[Document] = []
    search.register(KIND, label="Note", documents=lambda: documents)
    search.register(OTHER_KIND, label="Memo", documents=lambda: [])
    yield documents
    search.unregister(KIND)
    search.unregister(OTHER_KIND)


def doc(object_id, title, body="", *, kind=KIND, scope=COMMUNITY, days=0, **extra) -> Document:
    return Document(
        kind=kind,
        object_id=object_id,
        scope_id=scope,
        title=title,
        body=body,
        url=f"/notes/{object_id}/",
        created_at=T0 + dt.timedelta(days=days),
        **extra,
    )


def add(*documents: Document) -> None:
    for document in documents:
        search.index(document)


def found(query, **filters) -> list[str]:
    filters.setdefault("scope_ids", [COMMUNITY])
    return [result.object_id for result in search.search(query, **filters).results]


def test_fold_lowercases_and_removes_accents_one_character_for_one():
    assert fold("Niñez Évaluación") == "ninez evaluacion"
    text = "İstanbul, Ærø — ﬁn straße! ΣΟΦΊΑ σοφία"
    assert fold(text) == "istanbul  ærø   ﬁn straße  σοφια σοφια"  # ø has no accent to drop


def test_an_indexed_document_is_found_and_an_unindexed_one_is_not(notes):
    add(doc(1, "Morning circles", "We start every day with a circle."))
    assert found("circle") == ["1"]
    search.unindex(KIND, 1)
    assert found("circle") == []
    assert not SearchEntry.objects.exists()


def test_every_word_must_match(notes):
    add(doc(1, "Rural science labs", "Kits that travel between schools."))
    add(doc(2, "Science fair", "Judging rubrics for a city fair."))
    assert sorted(found("science")) == ["1", "2"]
    assert found("science kits") == ["1"]
    assert found("science kits rubrics") == []


def test_a_quoted_phrase_needs_its_words_in_order(notes):
    add(doc(1, "Notes", "the exit ticket helps"))
    add(doc(2, "Notes", "a ticket at the exit"))
    assert found('"exit ticket"') == ["1"]
    assert sorted(found("exit ticket")) == ["1", "2"]
    assert found('"exit tick"*') == ["1"]


def test_a_trailing_star_matches_a_prefix(notes):
    add(doc(1, "Assessment for learning", ""))
    add(doc(2, "Assets", ""))
    assert found("assess*") == ["1"]
    assert sorted(found("ass*")) == ["1", "2"]
    assert found("assess") == []  # no stemming: a bare word is the whole word


def test_punctuation_splits_words_the_same_way_on_every_database(notes):
    body = "Write to ana.lopez@school.org about the e-mail at https://example.org/x_y; pi=3.14"
    add(doc(1, "Contact", body))
    for query in ["lopez", "school", "org", "mail", '"e mail"', "e-mail", "https", "x", "14"]:
        assert found(query) == ["1"], query
    assert found("ana.lopez@school.org") == ["1"]
    assert found("lop") == [] and found("3") == ["1"]


def test_accents_and_case_fold_both_ways(notes):
    add(doc(1, "Evaluación de la NIÑEZ", ""))
    add(doc(2, "evaluacion sin acentos", ""))
    assert sorted(found("evaluacion")) == ["1", "2"]
    assert sorted(found("EVALUACIÓN")) == ["1", "2"]
    assert found("niñez") == ["1"] and found("ninez") == ["1"]


def test_other_scripts_fold_and_match_alike(notes):
    add(doc(1, "Δάσκαλος", "Учитель и straße"))
    assert found("ΔΑΣΚΑΛΟΣ") == ["1"] and found("δασκ*") == ["1"]
    assert found("учитель") == ["1"] and found("STRASSE") == [] and found("straße") == ["1"]


def test_tags_are_normalised_whole_words(notes):
    add(doc(1, "Tagged", "", tags=["Social Emotional", "", "  k-2 "]))
    assert SearchEntry.objects.get().tags == "social-emotional k-2"
    assert found("tagged", tag="social-emotional") == ["1"]


def test_a_title_match_ranks_above_a_body_only_match(notes):
    add(doc(1, "Weekly planning", "We talk about mentoring in passing.", days=2))
    add(doc(2, "Mentoring new teachers", "A first year is hard.", days=0))
    assert found("mentoring") == ["2", "1"]


def test_another_communitys_entry_is_never_returned(notes):
    add(doc(1, "Behaviour plans", "", scope=COMMUNITY))
    add(doc(2, "Behaviour plans", "", scope=OTHER_COMMUNITY))
    assert found("behaviour", scope_ids=[COMMUNITY]) == ["1"]
    assert found("behaviour", scope_ids=[]) == []
    assert sorted(found("behaviour", scope_ids=[COMMUNITY, OTHER_COMMUNITY])) == ["1", "2"]


def test_a_kind_scoped_more_narrowly_stays_within_its_own_scopes(notes):
    """Memos are only for one community here, though the reader reads both."""
    add(doc(1, "Behaviour plans", "", scope=COMMUNITY))
    add(doc(2, "Behaviour plans", "", scope=OTHER_COMMUNITY))
    add(doc(3, "Behaviour plans", "", kind=OTHER_KIND, scope=COMMUNITY))
    add(doc(4, "Behaviour plans", "", kind=OTHER_KIND, scope=OTHER_COMMUNITY))
    both = [COMMUNITY, OTHER_COMMUNITY]
    narrowed = found("behaviour", scope_ids=both, kind_scopes={OTHER_KIND: [OTHER_COMMUNITY]})
    assert sorted(narrowed) == ["1", "2", "4"]
    nowhere = found("behaviour", scope_ids=both, kind_scopes={OTHER_KIND: []})
    assert sorted(nowhere) == ["1", "2"]


def test_filters_by_kind_author_tag_and_date(notes):
    add(
        doc(1, "Literacy block", "", author_id=7, tags=["reading", "k-2"], days=0),
        doc(2, "Literacy coaching", "", author_id=8, tags=["coaching"], days=10),
        doc(3, "Literacy memo", "", kind=OTHER_KIND, author_id=7, tags=["reading"], days=20),
    )
    assert sorted(found("literacy", kinds=[KIND])) == ["1", "2"]
    assert found("literacy", kinds=[OTHER_KIND]) == ["3"]
    assert sorted(found("literacy", author_id=7)) == ["1", "3"]
    assert sorted(found("literacy", tag="reading")) == ["1", "3"]
    assert found("literacy", tag="k-2") == ["1"]
    assert sorted(found("literacy", tag=" Reading ")) == ["1", "3"]
    assert len(found("literacy", tag="")) == 3  # a blank filter is no filter
    assert found("literacy", tag="read") == []  # whole tags only
    assert found("literacy", tag="%") == []  # LIKE wildcards are literal
    since, until = T0 + dt.timedelta(days=5), T0 + dt.timedelta(days=20)
    assert found("literacy", since=since, until=until) == ["2"]
    assert found("literacy", since=since) == ["3", "2"]


def test_tags_are_searchable_words(notes):
    add(doc(1, "Untitled", "", tags=["socioemocional"]))
    assert found("socioemocional") == ["1"]


def test_pages_with_limit_offset_and_total(notes):
    add(*(doc(i, f"Attendance note {i}", "", days=i) for i in range(7)))
    first = search.search("attendance", scope_ids=[COMMUNITY], limit=3)
    second = search.search("attendance", scope_ids=[COMMUNITY], limit=3, offset=3)
    last = search.search("attendance", scope_ids=[COMMUNITY], limit=3, offset=6)
    beyond = search.search("attendance", scope_ids=[COMMUNITY], limit=3, offset=30)
    assert first.total == second.total == last.total == beyond.total == 7
    ids = [r.object_id for page in (first, second, last) for r in page.results]
    assert ids == ["6", "5", "4", "3", "2", "1", "0"]  # equal rank: newest first
    assert beyond.results == []


def test_snippets_mark_matches_and_escape_the_body(notes):
    body = "<script>alert('x')</script> " + "filler " * 40 + "The Evaluación rubric. "
    body += "tail " * 40
    add(doc(1, "Rubric <b>draft</b>", body))
    result = search.search("evaluacion rubric", scope_ids=[COMMUNITY]).results[0]
    assert "<mark>Evaluación</mark> <mark>rubric</mark>" in result.snippet_html
    assert "<script>" not in result.snippet_html
    assert result.snippet_html.startswith("… ") and result.snippet_html.endswith(" …")
    assert len(result.snippet_html.split()) < 45
    assert result.title_html == "<mark>Rubric</mark> &lt;b&gt;draft&lt;/b&gt;"
    start = search.search("script", scope_ids=[COMMUNITY]).results[0]
    assert start.snippet_html.startswith("&lt;<mark>script</mark>&gt;alert(&#x27;x&#x27;)")


def test_a_title_only_match_shows_the_opening_of_the_body(notes):
    add(doc(1, "Field trips", "Permission slips go home on Monday."))
    result = search.search("trips", scope_ids=[COMMUNITY]).results[0]
    assert result.snippet_html == "Permission slips go home on Monday."
    assert (result.kind, result.label, result.url) == (KIND, "Note", "/notes/1/")


@pytest.mark.parametrize(
    "query",
    [
        "",
        "   ",
        '"',
        '""',
        "*",
        "**",
        "AND OR NOT",
        "title:",
        "folded_body:x",
        "'); DROP TABLE core_searchentry; --",
        "a & b | !c <-> d:* (e",
        "NEAR(a b)",
        "^start + -minus",
        "x" * 10_000,
        "word " * 2_000,
    ],
)
def test_hostile_queries_never_raise(notes, query):
    add(doc(1, "AND OR NOT title drop table", "x word start minus near"))
    page = search.search(query, scope_ids=[COMMUNITY])
    assert page.total == len(page.results) <= 1
    assert SearchEntry.objects.count() == 1


def test_operators_are_plain_words(notes):
    add(doc(1, "Cats and dogs", ""), doc(2, "Cats or dogs", ""))
    assert found("cats AND dogs") == ["1"]
    assert found("cats OR dogs") == ["2"]
    assert found("title: cats") == []


def test_a_query_without_words_finds_nothing(notes):
    add(doc(1, "Anything", "at all"))
    assert search.search("", scope_ids=[COMMUNITY]).total == 0
    assert search.search("?!", scope_ids=[COMMUNITY]).total == 0
    assert parse_query("  ") == []


def test_reindexing_an_object_replaces_its_entry(notes):
    add(doc(1, "Old title", "old words"))
    add(doc(1, "New title", "new words", scope=OTHER_COMMUNITY))
    assert SearchEntry.objects.count() == 1
    assert found("old", scope_ids=[COMMUNITY, OTHER_COMMUNITY]) == []
    assert found("new", scope_ids=[OTHER_COMMUNITY]) == ["1"]
    assert found("new", scope_ids=[COMMUNITY]) == []


def test_indexing_an_unregistered_kind_is_refused(notes):
    with pytest.raises(ValueError):
        search.index(doc(1, "Stray", kind="tests.unknown"))
    with pytest.raises(ValueError):
        search.register(KIND, label="Again", documents=list)


def test_the_rebuild_command_replaces_every_entry_of_each_kind(notes, capsys):
    add(doc(1, "Stale entry", ""))
    notes.extend([doc(2, "Fresh entry", ""), doc(3, "Another fresh entry", "")])
    call_command("search_rebuild")
    assert f"{KIND}: 2 indexed" in capsys.readouterr().out
    assert sorted(found("entry")) == ["2", "3"]
    assert found("stale") == []
    notes.clear()
    call_command("search_rebuild", KIND)
    assert found("entry") == []


def test_a_search_runs_a_bounded_number_of_queries(notes, django_assert_max_num_queries):
    add(*(doc(i, f"Homework policy {i}", "homework " * 50, days=i) for i in range(30)))
    with django_assert_max_num_queries(2):
        page = search.search("homework", scope_ids=[COMMUNITY], limit=20)
    assert page.total == 30 and len(page.results) == 20


def test_the_full_text_index_exists_for_this_database():
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT name FROM sqlite_master WHERE name = %s", [FTS])
        else:
            cursor.execute("SELECT indexname FROM pg_indexes WHERE indexname = %s", [FTS])
        assert cursor.fetchone()


@pytest.mark.django_db(transaction=True)
def test_the_index_survives_a_committed_write_and_a_flush(notes):
    add(doc(1, "Committed note", ""))
    assert found("committed") == ["1"]
    SearchEntry.objects.all().delete()  # what a flush between tests does row by row
    assert found("committed") == []
