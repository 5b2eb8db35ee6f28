"""The built-in labelled set: well formed, generated from its marked source, and the
detector reaches the issue's targets on it (and looser ones on the held-out file)."""

import itertools
from pathlib import Path

import pytest

from staffroom.cases.deid import CATEGORIES
from staffroom.cases.deid_eval import (
    BUILTIN,
    evaluate,
    marked_to_jsonl,
    read_builtin,
    read_jsonl,
)

DATA = Path(__file__).resolve().parent / "data"
SOURCE = Path(str(BUILTIN)).with_name("testset.txt")
HELDOUT = DATA / "heldout.jsonl"


def test_builtin_set_is_well_formed_and_large_enough():
    texts = read_builtin()  # raises on any malformed line
    assert len(texts) >= 160
    assert sum(1 for t in texts if not t.spans) >= 40
    for category in CATEGORIES:
        assert sum(s.category == category for t in texts for s in t.spans) >= 8, category
    for labelled in texts:
        for span in labelled.spans:
            assert 0 <= span.start < span.end <= len(labelled.text)
            words = labelled.text[span.start : span.end]
            assert words == words.strip(), f"a span has spaces at its ends on line {labelled.line}"
        ordered = sorted(labelled.spans, key=lambda s: s.start)
        for before, after in itertools.pairwise(ordered):
            assert before.end <= after.start, f"overlapping spans on line {labelled.line}"


def test_builtin_set_is_generated_from_its_marked_source():
    """Edit testset.txt, then run ``uv run python -m staffroom.cases.deid_data.build``."""
    assert BUILTIN.read_text(encoding="utf-8") == marked_to_jsonl(
        SOURCE.read_text(encoding="utf-8")
    )


def test_builtin_set_texts_are_distinct():
    texts = [t.text for t in read_builtin()]
    assert len(texts) == len(set(texts))


def test_detector_reaches_the_targets_on_the_builtin_set():
    scores = evaluate(read_builtin()).scores
    for category in ("name", "date", "id", "email", "phone"):
        assert scores[category].recall >= 0.95, category
    for category in CATEGORIES:
        assert scores[category].precision >= 0.80, category


def test_heldout_set_is_not_part_of_the_builtin_set():
    builtin = {t.text for t in read_builtin()}
    assert not builtin & {t.text for t in read_jsonl(HELDOUT)}


@pytest.mark.parametrize("category", ["name", "date", "id", "email", "phone"])
def test_detector_generalises_to_the_heldout_set(category):
    """Written after the detector, never tuned on: looser thresholds than the targets."""
    score = evaluate(read_jsonl(HELDOUT)).scores[category]
    assert score.labelled >= 2
    assert score.recall >= 0.85
    assert score.precision >= 0.75
