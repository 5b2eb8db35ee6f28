"""Reading, checking and writing REDCap data dictionaries (``redcap.py``, ``logic.py``)."""

from pathlib import Path

import pytest

from staffroom.evaluation import redcap
from staffroom.evaluation.logic import logic_problems

DATA = Path(__file__).parent / "data"
HEADER = ",".join(f'"{h}"' if "," in h else h for _attr, h in redcap.COLUMNS)


def _csv(*rows: str) -> str:
    return "\r\n".join([HEADER, *rows]) + "\r\n"


def _row(name, field_type, label="A question", choices="", branching="", annotation="",
         validation="", low="", high="") -> str:  # fmt: skip
    cells = [name, "survey", "", field_type, label, f'"{choices}"' if choices else "", "",
             validation, low, high, "", f'"{branching}"' if branching else "", "", "", "", "",
             "", annotation]  # fmt: skip
    return ",".join(cells)


AGREE = "1, Disagree | 2, Neutral | 3, Agree"


def test_dictionary_read_takes_fields_scales_and_reversed_items_from_the_fixture():
    dictionary = redcap.dictionary_read_path(DATA / "dictionary.csv")  # it starts with a BOM
    assert dictionary.record_id == "record_id"
    assert len(dictionary.fields) == 15
    scales = dictionary.scales
    assert list(scales) == ["efficacy", "belonging"]
    assert [f.name for f in scales["efficacy"]] == ["eff_1", "eff_2", "eff_3", "eff_4"]
    assert [f.name for f in scales["belonging"]] == ["bel_1", "bel_2", "bel_3"]  # "@SCALE=..."
    assert [f.name for f in dictionary.fields if f.reverse] == ["eff_4"]
    eff_4 = dictionary.get("eff_4")
    assert eff_4.row == 9
    assert eff_4.options[0] == redcap.Choice("1", "Strongly disagree")
    assert eff_4.score_range == (1.0, 5.0)
    assert dictionary.get("bel_2").annotation == "@SCALE=belonging @HIDDEN-SURVEY"
    assert dictionary.get("consent").score_range == (0.0, 1.0)
    assert dictionary.get("confidence").score_range == (0.0, 100.0)
    assert not dictionary.get("topics").is_numeric and dictionary.get("confidence").is_numeric


def test_dictionary_read_reports_every_bad_row_of_the_bad_fixture():
    with pytest.raises(redcap.DictionaryError) as raised:
        redcap.dictionary_read_path(DATA / "dictionary_bad.csv")
    error = raised.value
    by_row = {p.row: p.message for p in error.problems}
    assert sorted(by_row) == [5, 6, 7, 8]
    assert "“likert” is not a REDCap field type" in by_row[5]
    assert "a “(” is not closed by “)”" in by_row[6]
    assert "refers to “consnt”, which is not a field of this dictionary" in by_row[7]
    assert "“yes” is not understood: put text in quotes" in by_row[8]
    assert error.message.startswith("The data dictionary has problems in 4 rows:")
    for row in (5, 6, 7, 8):
        assert f"\nrow {row}: " in error.message


@pytest.mark.parametrize(
    "logic",
    [
        "[consent] = '1'",
        "[consent] = \"1\" and [role] <> '4'",
        "([consent] = '1' or [role] = '2') and ([role] != '' and [score] >= 2.5)",
        "[box(2)] = '1' or [box(3)] = '0'",
        "[score] + [score] * 2 > 10 and [role] <= 3",
        "datediff([day], 'today', 'y') > 1",
        "[baseline_arm_1][score] > 3",
        "[event-name] = 'baseline_arm_1'",
        "sum([score], 2) < -1",
        "  ",
    ],
)
def test_logic_accepts_redcap_syntax(logic):
    assert logic_problems(logic, _known()) == []


@pytest.mark.parametrize(
    ("logic", "message"),
    [
        ("[consent] = '1' and ([role] = '2'", "a “(” is not closed by “)”"),
        ("[consent] = '1')", "a “)” has no matching “(”"),
        ("[consent = '1'", "a “[” is not closed by “]”"),
        ("consent] = '1'", "a “]” has no matching “[”"),
        ("[consent] = '1' and [role = '2'", "a “[” is not closed"),
        ("[consent] = yes", "“yes” is not understood: put text in quotes"),
        ("[consent] = '1", "a quote (') is not closed"),
        ("[consent] = '1' [role] = '2'", "is an “and” or “or” missing?"),
        ("[consent] = '1' and", "it ends where a value or a field was expected"),
        ("[consent] = '1' ; drop", "“;” is not understood here"),
        ("explode([consent])", "“explode” is not a REDCap function"),
        ("[nope] = '1'", "refers to “nope”, which is not a field"),
        ("[role(2)] = '1'", "“role” is not a checkbox field"),
        ("[box(9)] = '1'", "“box” has no choice “9”"),
    ],
)
def test_logic_explains_what_is_wrong(logic, message):
    problems = logic_problems(logic, _known())
    assert len(problems) == 1 and message in problems[0], problems


def test_logic_lists_every_unknown_field():
    problems = logic_problems("[nope] = '1' or [neither] = '2'", _known())
    assert ["nope" in problems[0], "neither" in problems[1]] == [True, True]


def _known() -> dict[str, redcap.Field]:
    fields = [
        redcap.Field("consent", "f", "yesno", "Consent"),
        redcap.Field("role", "f", "radio", "Role", choices="1, A | 2, B | 4, D"),
        redcap.Field("box", "f", "checkbox", "Box", choices="1, A | 2, B | 3, C"),
        redcap.Field("score", "f", "text", "Score", validation="number"),
        redcap.Field("day", "f", "text", "Day", validation="date_ymd"),
    ]
    return {f.name: f for f in fields}


@pytest.mark.parametrize(
    ("row", "message"),
    [
        (_row("q", "radio", choices="Agree | Disagree"), "the choice “Agree” has no code"),
        (_row("q", "radio"), "it has no choices"),
        (_row("q", "radio", choices="1, A | 1, B"), "the choice code “1” is used twice"),
        (_row("Q-1", "text"), "must start with a lowercase letter"),
        (_row("q", "notes", annotation="@SCALE=s"), "@SCALE is on a field whose answers"),
        (_row("q", "checkbox", choices=AGREE, annotation="@SCALE=s"), "are not numbers"),
        (_row("q", "radio", choices=AGREE, annotation="@REVERSE"), "is in no scale"),
        (_row("q", "radio", choices=AGREE, annotation="@SCALE=a @SCALE=b"), "several scales"),
        (_row("q", "radio", choices=AGREE, annotation="@SCALE="), "@SCALE needs a name"),
        (_row("q", "text", validation="number", annotation="@SCALE=s @REVERSE"),
         "@REVERSE needs the lowest and highest"),
        (_row("q", "radio", choices="a, Apple | b, Banana", annotation="@SCALE=s"),
         "are not numbers"),
        (_row("q", "slider", low="zero"), "the slider range “zero” is not a number"),
    ],
)  # fmt: skip
def test_dictionary_read_refuses_rows_it_cannot_use(row, message):
    text = _csv(_row("record_id", "text"), row)
    with pytest.raises(redcap.DictionaryError) as raised:
        redcap.dictionary_read(text)
    assert {p.row for p in raised.value.problems} == {3}
    assert message in raised.value.problems[0].message


def test_dictionary_read_reports_rows_with_too_few_or_too_many_cells():
    quoted = _row("q2", "radio", label='"Agree, mostly"', choices=AGREE)
    text = _csv(
        _row("record_id", "text"),
        _row("q1", "radio", choices=AGREE).rsplit(",", 3)[0],
        quoted.replace('"Agree, mostly"', "Agree, mostly"),
        _row("q3", "yesno", branching="[q1] = '1' and [q2] = '1'"),
    )
    with pytest.raises(redcap.DictionaryError) as raised:
        redcap.dictionary_read(text)
    assert [(p.row, p.message.split(":")[0]) for p in raised.value.problems] == [
        (3, "it has 15 cells where the header has 18"),
        (4, "it has 19 cells where the header has 18"),
    ]
    assert raised.value.message.startswith("The data dictionary has problems in 2 rows:")
    assert redcap.dictionary_read(_csv(_row("record_id", "text"), quoted)).get("q2").label == (
        "Agree, mostly"
    )


def test_dictionary_read_refuses_a_field_name_used_twice():
    text = _csv(_row("record_id", "text"), _row("q", "text"), _row("q", "notes"))
    with pytest.raises(redcap.DictionaryError, match="row 4: the field name “q” is used twice"):
        redcap.dictionary_read(text)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "The data dictionary is empty."),
        (b"name,type\r\nq,text\r\n", "it has no column “Variable / Field Name”"),
        (HEADER.encode() + b"\r\n", "The data dictionary has no fields."),
    ],
)
def test_dictionary_read_refuses_a_file_that_is_no_dictionary(data, message):
    with pytest.raises(redcap.DictionaryError, match=message):
        redcap.dictionary_read(data)


def test_dictionary_read_path_explains_a_missing_file(tmp_path):
    with pytest.raises(redcap.DictionaryError, match="There is no file"):
        redcap.dictionary_read_path(tmp_path / "nope.csv")


def test_dictionary_read_accepts_the_four_columns_older_exports_must_have():
    text = ('Variable / Field Name,Form Name,Field Type,Field Label\r\n'
            'record_id,f,text,ID\r\nq,f,yesno,Consent?\r\n')  # fmt: skip
    dictionary = redcap.dictionary_read(text)
    assert [f.name for f in dictionary.fields] == ["record_id", "q"]
    assert dictionary.fields[1].annotation == ""


def test_dictionary_write_gives_back_the_fixture_byte_for_byte():
    data = (DATA / "dictionary.csv").read_bytes()
    dictionary = redcap.dictionary_read(data)
    written = redcap.dictionary_write(dictionary)
    assert written == data.removeprefix(b"\xef\xbb\xbf")
    assert redcap.dictionary_read(written) == dictionary


def test_dictionary_write_round_trips_fields_the_builder_makes():
    fields = [
        redcap.Field("record_id", "pre_survey", "text", "ID"),
        redcap.Field("q1", "pre_survey", "radio", 'She said "yes", then\nleft', choices=AGREE,
                     branching_logic="[record_id] <> ''").with_tags(scale="Self efficacy",
                                                                      reverse=True),
        redcap.Field("q2", "pre_survey", "slider", "How much?", choices="None | All",
                     validation_min="1", validation_max="7").with_tags(scale="x", reverse=False),
    ]  # fmt: skip
    written = redcap.dictionary_write(fields)
    dictionary = redcap.dictionary_read(written)
    assert dictionary.fields == tuple(fields)
    assert dictionary.get("q1").scale == "Self efficacy" and dictionary.get("q1").reverse
    assert dictionary.get("q1").annotation == '@SCALE="Self efficacy" @REVERSE'
    assert dictionary.get("q2").score_range == (1.0, 7.0)
    assert redcap.dictionary_write(dictionary) == written


def test_with_tags_keeps_other_tags_and_leaves_a_matching_annotation_alone():
    item = redcap.Field("q", "f", "radio", "Q", choices=AGREE,
                        annotation="@HIDDEN @SCALE=old note")  # fmt: skip
    assert item.with_tags(scale="old", reverse=False).annotation == "@HIDDEN @SCALE=old note"
    changed = item.with_tags(scale="new", reverse=True)
    assert changed.annotation == "@SCALE=new @REVERSE @HIDDEN note"
    assert item.with_tags(scale=None, reverse=False).annotation == "@HIDDEN note"
    assert redcap.annotation_tags("@REVERSED @SCALES=x").scale is None
    assert not redcap.annotation_tags("@REVERSED").reverse
