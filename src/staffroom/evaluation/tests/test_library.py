"""The shipped instrument library (``library.py`` and the dictionaries in ``library/``):
each file reads cleanly and declares the scales we say it does, the Spanish files differ
from the English ones only in their text, and ``staffroom analyze`` scores every scale.

No test here asks for the database: the library and the command read files only."""

import csv
import io
import json
import math
import random
from dataclasses import fields as dataclass_fields
from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils import translation

from staffroom.evaluation import library
from staffroom.evaluation.redcap import Field, dictionary_read, dictionary_write, parse_choices

# Scale -> (items in order, the reverse-scored ones), per instrument.
EXPECTED = {
    "community_of_practice": {
        "repertoire": ([f"cop_rep_{n}" for n in range(1, 7)], ["cop_rep_6"]),
        "enterprise": ([f"cop_ent_{n}" for n in range(1, 7)], ["cop_ent_6"]),
        "engagement": ([f"cop_eng_{n}" for n in range(1, 7)], ["cop_eng_5", "cop_eng_6"]),
    },
    "belonging_isolation": {
        "belonging": ([f"bel_{n}" for n in range(1, 7)], ["bel_6"]),
        "isolation": ([f"iso_{n}" for n in range(1, 7)], ["iso_5", "iso_6"]),
    },
    "learning_efficacy": {
        "knowledge": ([f"kno_{n}" for n in range(1, 6)], []),
        "skills": ([f"skl_{n}" for n in range(1, 6)], []),
        "leadership": ([f"lead_{n}" for n in range(1, 6)], []),
    },
    "session_feedback": {
        "session_value": (["overall", "usefulness", "will_apply"], []),
    },
}
# The sessions part's earlier short form, whose answers session_feedback took over
# (migration 0006): its rating's codes and labels, and its two texts.
OLD_USEFULNESS = [
    ("1", "Not useful"), ("2", "A little useful"), ("3", "Useful"), ("4", "Very useful"),
    ("5", "Extremely useful"),
]  # fmt: skip
OLD_TEXTS = ("will_use", "change")
FILES = [(key, language) for key in EXPECTED for language in library.LANGUAGES]
# The columns that hold words for the respondent; every other one must match across
# languages. Choices are compared by their codes.
TEXT_COLUMNS = {"label", "section_header", "field_note", "choices"}
COLUMNS = [f.name for f in dataclass_fields(Field) if f.name != "row"]


def _file(key, language) -> Path:
    return library.library_get(key).path_for(language)


def test_library_lists_the_four_instruments_with_a_file_per_language():
    instruments = library.library_list()
    assert [i.key for i in instruments] == list(EXPECTED)
    for instrument in instruments:
        assert instrument.path == library.LIBRARY_DIR / f"{instrument.key}.csv"
        assert instrument.paths["es"] == library.LIBRARY_DIR / f"{instrument.key}.es.csv"
        assert all(path.is_file() for path in instrument.paths.values())
        assert str(instrument.title) and "{" not in str(instrument.description)


def test_library_descriptions_name_the_validated_scales_we_do_not_ship():
    def text(key):
        return str(library.library_get(key).description)

    assert "Sense of Community Index (SCI-2" in text("community_of_practice")
    assert "Wenger" in text("community_of_practice")
    assert "General Belongingness Scale" in text("belonging_isolation")
    assert "Teachers' Sense of Efficacy Scale" in text("learning_efficacy")
    for key in ("community_of_practice", "belonging_isolation", "learning_efficacy"):
        assert "not under an open licence" in text(key)


@pytest.mark.parametrize(("key", "language"), FILES)
def test_library_file_reads_cleanly_and_is_written_as_dictionary_write_writes(key, language):
    data = _file(key, language).read_bytes()
    dictionary = dictionary_read(data)  # raises DictionaryError listing any bad row
    assert dictionary.record_id == "record_id"
    assert dictionary.fields[0].field_type == "text"
    assert dictionary_write(dictionary) == data
    assert {f.form for f in dictionary.fields} == {key}


@pytest.mark.parametrize(("key", "language"), FILES)
def test_library_scales_and_reversed_items_are_as_declared(key, language):
    dictionary = library.library_dictionary(key, language)
    scales = {
        name: ([f.name for f in items], [f.name for f in items if f.reverse])
        for name, items in dictionary.scales.items()
    }
    assert scales == EXPECTED[key]
    assert [f.name for f in dictionary.fields if f.reverse] == [
        name for _items, reversed_items in EXPECTED[key].values() for name in reversed_items
    ]
    for items in dictionary.scales.values():
        assert len(items) >= 3
        if key != "session_feedback":  # its score joins three questions of the form
            assert len({f.choices for f in items}) == 1
        assert all(f.score_range == (1.0, 5.0) for f in items)


def test_community_of_practice_reverses_at_least_one_item_per_subscale():
    dictionary = library.library_dictionary("community_of_practice", "en")
    assert all(any(f.reverse for f in items) for items in dictionary.scales.values())
    assert all(len(items) in (5, 6) for items in dictionary.scales.values())
    labels = parse_choices(dictionary.get("cop_rep_1").choices)[0]
    assert [c.label for c in labels] == [
        "Strongly disagree",
        "Disagree",
        "Neither agree nor disagree",
        "Agree",
        "Strongly agree",
    ]


def test_learning_efficacy_uses_one_five_point_confidence_scale():
    dictionary = library.library_dictionary("learning_efficacy", "en")
    items = [f for members in dictionary.scales.values() for f in members]
    assert {f.choices for f in items} == {items[0].choices}
    assert [c.code for c in items[0].options] == ["1", "2", "3", "4", "5"]
    assert items[0].options[-1].label == "Completely confident"


@pytest.mark.parametrize("key", list(EXPECTED))
def test_library_english_and_spanish_files_agree_in_everything_but_the_text(key):
    english = library.library_dictionary(key, "en").fields
    spanish = library.library_dictionary(key, "es").fields
    assert [f.name for f in spanish] == [f.name for f in english]
    for en, es in zip(english, spanish, strict=True):
        for column in COLUMNS:
            if column not in TEXT_COLUMNS:
                assert getattr(es, column) == getattr(en, column), (en.name, column)
        assert [c.code for c in es.options] == [c.code for c in en.options], en.name
        assert bool(es.section_header) == bool(en.section_header), en.name
        assert bool(es.field_note) == bool(en.field_note), en.name
        assert (es.scale, es.reverse) == (en.scale, en.reverse)
        # Translated, not copied: every label and choice label is in Spanish.
        assert es.label != en.label, en.name
        if en.field_type == "radio":
            assert not {c.label for c in es.options} & {c.label for c in en.options}, en.name


def test_library_dictionary_follows_the_language_asked_for_or_the_active_one():
    def first_label(language=None):
        return library.library_dictionary("session_feedback", language).get("overall").label

    english = "Overall, how would you rate today's session?"
    spanish = "En general, ¿cómo valoras la sesión de hoy?"
    assert first_label("en") == english
    assert first_label("es") == first_label("es-mx") == first_label("ES") == spanish
    assert first_label("fr") == english  # no French file: English
    with translation.override("es"):
        assert first_label() == spanish
    with translation.override("en"):
        assert first_label() == english


def test_library_get_refuses_an_unknown_key():
    with pytest.raises(library.LibraryError, match="no instrument “sci2” in the library"):
        library.library_get("sci2")
    with pytest.raises(library.LibraryError):
        library.library_dictionary("../redcap", "en")


def test_session_feedback_keeps_the_questions_of_the_meetings_feedback_form():
    dictionary = library.library_dictionary("session_feedback", "en")
    usefulness = dictionary.get("usefulness")
    assert [(c.code, c.label) for c in usefulness.options] == OLD_USEFULNESS
    assert usefulness.required == "y"
    assert {dictionary.get(name).field_type for name in OLD_TEXTS} == {"notes"}
    for name in ("most_useful", "overall_why"):
        assert dictionary.get(name).field_type == "notes"
    assert [c.label for c in dictionary.get("pace").options] == [
        "Too slow",
        "About right",
        "Too fast",
    ]
    assert dictionary.get("will_apply").label == "I will use something from today in my classroom."


def test_session_feedback_asks_why_only_after_a_low_rating():
    dictionary = library.library_dictionary("session_feedback", "en")
    names = [f.name for f in dictionary.fields]
    assert dictionary.get("overall_why").branching_logic == "[overall] <> '' and [overall] <= 2"
    assert names.index("overall") < names.index("overall_why")
    assert [f.name for f in dictionary.fields if f.branching_logic] == ["overall_why"]


# -- staffroom analyze on each dictionary --------------------------------------------------


def _responses(dictionary, reversed_items: set[str], seed: str) -> str:
    """12 respondents in a pre and a post wave. Each respondent has one level per scale
    (higher in post) and answers its items near it, reverse-scored items from the
    other end, so the alpha of a scale is high only if the file reverses the same
    items as ``EXPECTED``."""
    rng = random.Random(seed)
    answered = [f for f in dictionary.fields[1:] if f.field_type != "descriptive"]
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["record_id", "wave", *(f.name for f in answered)])
    levels = {
        (person, scale): rng.gauss(0, 1) for person in range(12) for scale in dictionary.scales
    }
    for wave, shift in (("pre", 0.0), ("post", 0.5)):
        for person in range(12):
            row = [f"r{person + 1:02d}", wave]
            for item in answered:
                if item.scale:
                    level = levels[person, item.scale] + shift + rng.gauss(0, 0.4)
                    value = min(5, max(1, round(3 + level)))
                    row.append(str(6 - value if item.name in reversed_items else value))
                elif item.options:
                    row.append(rng.choice(item.options).code)
                else:
                    row.append(rng.choice(["", "Planning time together."]))
            writer.writerow(row)
    return out.getvalue()


@pytest.mark.parametrize(("key", "language"), FILES)
def test_staffroom_analyze_reports_alpha_for_every_scale(key, language, tmp_path):
    path = _file(key, language)
    dictionary = library.library_dictionary(key, language)
    reversed_items = {name for _items, rev in EXPECTED[key].values() for name in rev}
    responses = tmp_path / "responses.csv"
    responses.write_text(_responses(dictionary, reversed_items, seed=key), "utf-8")
    out = io.StringIO()
    call_command("analyze", str(path), str(responses), "--json", stdout=out)  # raises if not 0
    data = json.loads(out.getvalue())
    assert data["respondents"] == {"pre": 12, "post": 12}
    assert list(data["scales"]) == list(EXPECTED[key])
    for name, scale in data["scales"].items():
        assert scale["items"] == EXPECTED[key][name][0]
        assert scale["reversed"] == EXPECTED[key][name][1]
        assert scale["alpha_n"] == {"pre": 12, "post": 12}
        for wave in ("pre", "post"):
            assert math.isfinite(scale["alpha"][wave]) and scale["alpha"][wave] > 0.75
        assert scale["paired"]["n"] == 12
