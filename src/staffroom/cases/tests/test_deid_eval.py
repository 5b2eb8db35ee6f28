"""Scoring: overlap rules, recall and precision per category, and file parsing."""

import json

import pytest

from staffroom.cases.deid import Finding
from staffroom.cases.deid_eval import (
    LabelledFileError,
    LabelledText,
    Span,
    evaluate,
    marked_to_jsonl,
    parse_jsonl,
    parse_marked,
)


def fixed(*findings):
    return lambda text: list(findings)


def test_a_finding_counts_when_it_overlaps_a_span_of_the_same_category():
    text = LabelledText("Maria Lopez, 555-201-3344", (Span(0, 11, "name"), Span(13, 25, "phone")))
    evaluation = evaluate(
        [text],
        detector=fixed(
            Finding(6, 11, "name", "", ""),  # overlaps part of the name: found
            Finding(13, 16, "id", "", ""),  # overlaps the phone, wrong category
        ),
    )
    name, phone, id_ = (evaluation.scores[c] for c in ("name", "phone", "id"))
    assert (name.labelled, name.found, name.flagged, name.correct) == (1, 1, 1, 1)
    assert (phone.recall, phone.precision) == (0.0, None)
    assert (id_.recall, id_.precision) == (None, 0.0)
    assert [s.category for _, s in evaluation.misses] == ["phone"]
    assert [f.category for _, f in evaluation.false_alarms] == ["id"]


def test_recall_and_precision_are_ratios_per_category():
    texts = [
        LabelledText("Ana and Bo", (Span(0, 3, "name"), Span(8, 10, "name"))),
        LabelledText("Cy", (Span(0, 2, "name"),)),
    ]
    evaluation = evaluate(
        texts, detector=lambda t: [Finding(0, 2, "name", "", "")] if t == "Cy" else []
    )
    assert evaluation.scores["name"].recall == pytest.approx(1 / 3)
    assert evaluation.scores["name"].precision == 1.0
    assert evaluation.as_json()["name"] == {
        "recall": 0.3333, "precision": 1.0, "labelled": 3, "flagged": 1,
    }  # fmt: skip


def test_parse_marked_computes_offsets_with_accents():
    labelled = parse_marked("Sra. [[name:Pérez]] llamó el [[date:3 de mayo]].")
    assert labelled.text == "Sra. Pérez llamó el 3 de mayo."
    assert [labelled.text[s.start : s.end] for s in labelled.spans] == ["Pérez", "3 de mayo"]


def test_marked_to_jsonl_skips_comments_and_blank_lines():
    out = marked_to_jsonl("# a comment\n\n[[email:a@b.org]] wrote\n")
    assert json.loads(out) == {
        "text": "a@b.org wrote", "spans": [{"start": 0, "end": 7, "category": "email"}],
    }  # fmt: skip


@pytest.mark.parametrize(
    ("lines", "message"),
    [
        (['{"text": "ok", "spans": []}', "not json"], "Line 2: not valid JSON"),
        (['{"spans": []}'], "Line 1: expected an object with a “text” string."),
        (['{"text": "abc", "spans": {}}'], "Line 1: “spans” must be a list."),
        (['{"text": "abc", "spans": [{"start": 0, "end": 9, "category": "name"}]}'],
         "Line 1: the span 0–9 is outside the text"),
        (['{"text": "abc", "spans": [{"start": 0, "end": 2, "category": "nickname"}]}'],
         "Line 1: unknown category “nickname”"),
        (['{"text": "abc", "spans": [{"start": "0", "end": 2, "category": "name"}]}'],
         "Line 1: a span needs whole numbers"),
        ([""], "The file holds no labelled texts."),
    ],
)  # fmt: skip
def test_parse_jsonl_names_the_bad_line(lines, message):
    with pytest.raises(LabelledFileError, match=message):
        parse_jsonl(lines)


def test_parse_marked_refuses_an_unknown_category():
    with pytest.raises(LabelledFileError, match="Line 7: unknown category “person”"):
        parse_marked("[[person:Ana]]", 7)
