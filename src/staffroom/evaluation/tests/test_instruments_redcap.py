"""Instruments and REDCap data dictionaries: export, import (bad rows reported by
number, nothing saved), the round trip through ``staffroom analyze``'s reader, and the
instrument library."""

import csv
import io
import json

import pytest
from django.core.management import call_command

from staffroom.evaluation import instruments, redcap
from staffroom.evaluation.instruments import InstrumentError, InstrumentImportError, ItemSpec
from staffroom.evaluation.library import library_list
from staffroom.evaluation.models import Instrument, InstrumentVersion, Section
from staffroom.evaluation.tests.instrument_factories import (
    builder_access,
    likert,
    make_instrument,
    scaled_specs,
)

HEADER = ",".join(f'"{header}"' for _attr, header in redcap.COLUMNS)


def _row(name, field_type, label, choices="", logic="", annotation="", header="", **extra):
    cells = dict.fromkeys((attr for attr, _header in redcap.COLUMNS), "")
    cells.update(name=name, form="check_in", field_type=field_type, label=label,
                 choices=choices, branching_logic=logic, annotation=annotation,
                 section_header=header, **extra)  # fmt: skip
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerow(cells.values())
    return out.getvalue()


AGREE = "1, Disagree | 2, Somewhat | 3, Agree | 4, Strongly agree"


def _dictionary(*rows) -> bytes:
    return (HEADER + "\n" + "".join(rows)).encode()


def _import(world, data, **kwargs):
    return instruments.instrument_import(
        actor=world.hub_admin, hub_access=builder_access(world), data=data, **kwargs
    )


def _published(world, *specs):
    instrument = make_instrument(world, *specs)
    return instruments.version_publish(
        actor=world.hub_admin, hub_access=builder_access(world), version=instrument.versions.get()
    )


def test_export_reads_back_with_the_same_items_scales_and_reversals(world):
    version = _published(world, *scaled_specs())
    dictionary = redcap.dictionary_read(instruments.version_export(version))
    specs = scaled_specs()
    assert [f.name for f in dictionary.fields] == ["record_id", *(s.name for s in specs)]
    assert {name: [f.name for f in items] for name, items in dictionary.scales.items()} == {
        "belonging": ["belong_1", "belong_2"],
        "isolation": ["iso_1", "years"],
    }
    assert [f.name for f in dictionary.fields if f.reverse] == ["belong_2", "years"]
    by_name = {f.name: f for f in dictionary.fields}
    assert (
        by_name["belong_1"].field_type == "radio" and by_name["belong_1"].matrix_group == "belong"
    )
    assert by_name["years"].validation == "integer" and by_name["years"].score_range == (0, 50)
    assert by_name["topics"].field_type == "checkbox"
    assert by_name["counsel_note"].field_type == "notes"
    assert by_name["wellbeing_more"].branching_logic == "[topics(3)] = '1' and [years] > 5"
    assert by_name["role"].required == "y" and by_name["role"].section_header == ""
    assert by_name["belong_1"].options[0] == redcap.Choice("1", "Strongly disagree")


def test_export_then_import_gives_the_same_items(world):
    version = _published(world, *scaled_specs())
    again = _import(world, instruments.version_export(version), title="Copy")
    assert [ItemSpec.of(i) for i in instruments.version_items(again)] == scaled_specs()
    assert again.instrument.title == "Copy" and again.is_draft


def test_staffroom_analyze_reads_an_exported_dictionary(world, tmp_path):
    version = _published(world, likert("a1", subscale="calm"), likert("a2", subscale="calm",
                                                                      reverse=True))  # fmt: skip
    dictionary = tmp_path / "dictionary.csv"
    dictionary.write_bytes(instruments.version_export(version))
    responses = tmp_path / "responses.csv"
    responses.write_text("record_id,wave,a1,a2\nr1,pre,4,2\nr2,pre,5,1\nr3,pre,2,4\n")
    out = io.StringIO()
    call_command("analyze", str(dictionary), str(responses), "--json", stdout=out)
    calm = json.loads(out.getvalue())["scales"]["calm"]
    assert (calm["items"], calm["reversed"]) == (["a1", "a2"], ["a2"])
    # a2 is recoded as 6 - answer: the scores are 4, 5 and 2.
    assert calm["mean"]["pre"] == pytest.approx(11 / 3)


def test_sections_become_section_headers_and_back(world):
    instrument = make_instrument(world, likert("q1"))
    version = instrument.versions.get()
    access = builder_access(world)
    kwargs = {"actor": world.hub_admin, "hub_access": access, "version": version}
    instruments.section_save(**kwargs, section=version.sections.get(), title="About you")
    later = instruments.section_save(**kwargs, title="Your school", intro="Think of this year.")
    instruments.item_save(**kwargs, section=later, spec=likert("q2"))
    fields = redcap.dictionary_read(instruments.version_export(version)).fields
    assert [f.section_header for f in fields] == [
        "",
        "About you",
        "Your school\nThink of this year.",
    ]
    again = _import(world, instruments.version_export(version))
    assert list(again.sections.values_list("title", "intro")) == [
        ("About you", ""),
        ("Your school", "Think of this year."),
    ]


def test_import_reports_every_bad_row_by_number_and_saves_nothing(world):
    data = _dictionary(
        _row("record_id", "text", "Record ID"),
        _row("mood", "radio", "Mood today", AGREE, annotation="@SCALE=mood"),  # row 3: fine
        _row("photo", "file", "A photo"),  # row 4: the builder has no file fields
        _row("score", "calc", "Score", "[mood] * 2"),  # row 5: nor calculations
        _row("why", "notes", "Why?", logic="[mood] = '1' and ("),  # row 6: broken logic
        _row("later_ref", "text", "Later", logic="[last] = '1'"),  # row 7: a later field
        _row("typo", "radiobutton", "Typo"),  # row 8: not a REDCap type
        _row("last", "yesno", "Last"),
    )
    with pytest.raises(InstrumentImportError) as caught:
        _import(world, data)
    rows = [problem.row for problem in caught.value.problems]
    assert sorted(set(rows)) == [4, 5, 6, 7, 8], caught.value.problems
    assert "5 rows" in caught.value.message
    assert not Instrument.objects.exists() and not Section.objects.exists()


def test_import_maps_redcap_types_to_items(world):
    data = _dictionary(
        _row("record_id", "text", "Record ID"),
        _row("", "descriptive", "", header="Welcome"),
        _row("intro", "descriptive", "Thanks for taking part."),
        _row("m1", "radio", "First", AGREE, annotation="@SCALE=grit", matrix_group="grid",
             header="Grit"),
        _row("m2", "radio", "Second", AGREE, annotation="@SCALE=grit @REVERSE",
             matrix_group="grid"),
        _row("pick", "dropdown", "Pick", "a, A | b, B"),
        _row("ok", "yesno", "OK?"),
        _row("age", "text", "Age", validation="integer", validation_min="18",
             validation_max="80"),
        _row("slide", "slider", "Slide"),
        _row("boxes", "checkbox", "Boxes", "1, X | 2, Y", required="y"),
    )  # fmt: skip
    with pytest.raises(InstrumentImportError) as caught:
        _import(world, data)
    assert [p.row for p in caught.value.problems] == [3]  # a descriptive field needs a name
    data = data.replace(b"\n,check_in,Welcome,", b"\nwelcome,check_in,Welcome,")
    version = _import(world, data)
    assert version.instrument.title == "Check in"
    items = {item.name: item for item in instruments.version_items(version)}
    assert [(i.kind, i.matrix_group) for i in (items["m1"], items["m2"])] == [
        ("likert", "grid")
    ] * 2
    assert items["m2"].reverse and items["m2"].subscale.name == "grit"
    assert items["pick"].kind == "single" and items["ok"].choices == [["1", "Yes"], ["0", "No"]]
    assert (items["age"].kind, items["age"].min_value, items["age"].max_value) == (
        "numeric",
        18,
        80,
    )
    assert (items["slide"].min_value, items["slide"].max_value) == (0, 100)
    assert items["boxes"].kind == "multiple" and items["boxes"].required
    assert list(version.sections.values_list("title", "intro")) == [
        ("Welcome", "Thanks for taking part."),
        ("Grit", ""),
    ]


def test_import_as_a_new_version_of_an_instrument(world):
    version = _published(world, likert("q1"))
    data = _dictionary(_row("record_id", "text", "Record ID"), _row("q9", "notes", "Anything?"))
    draft = _import(world, data, instrument=version.instrument)
    assert (draft.number, draft.is_draft) == (2, True)
    assert [i.name for i in instruments.version_items(draft)] == ["q9"]
    with pytest.raises(InstrumentError, match="already has a draft"):
        _import(world, data, instrument=version.instrument)


def test_import_refuses_what_is_not_a_dictionary(world):
    with pytest.raises(InstrumentImportError, match="not a REDCap data dictionary"):
        _import(world, b"name,age\nx,3\n")
    with pytest.raises(InstrumentImportError, match="no questions"):
        _import(world, _dictionary(_row("record_id", "text", "Record ID")))


@pytest.mark.parametrize("entry", library_list(), ids=lambda entry: entry.key)
def test_every_library_instrument_is_added_as_a_published_version_1(world, entry):
    instrument = instruments.instrument_from_library(
        actor=world.hub_admin, hub_access=builder_access(world), key=entry.key
    )
    version = instrument.versions.get()
    assert (version.number, version.status) == (1, InstrumentVersion.Status.PUBLISHED)
    assert instrument.source == f"library:{entry.key}"
    assert instrument.title == str(entry.title)
    original = redcap.dictionary_read_path(entry.path)
    exported = redcap.dictionary_read(instruments.version_export(version))
    asked = [f.name for f in original.fields[1:] if f.field_type != "descriptive"]
    assert [f.name for f in exported.fields[1:]] == asked
    assert {k: [f.name for f in v] for k, v in exported.scales.items()} == {
        k: [f.name for f in v] for k, v in original.scales.items()
    }
    assert [f.name for f in exported.fields if f.reverse] == [
        f.name for f in original.fields if f.reverse
    ]


def test_import_reports_a_note_or_matrix_name_longer_than_an_item_holds(world):
    data = _dictionary(
        _row("record_id", "text", "Record ID"),
        _row("q1", "notes", "Why?", field_note="n" * 501),
        _row("q2", "radio", "Pick", "1, A | 2, B", matrix_group="m" * 61),
        _row("q3", "notes", "Fine", field_note="n" * 500),
    )
    with pytest.raises(InstrumentImportError) as caught:
        _import(world, data)
    assert [problem.row for problem in caught.value.problems] == [3, 4]
    assert not Instrument.objects.exists()


def test_import_reads_a_dictionary_a_spreadsheet_saved_with_semicolons(world):
    data = _dictionary(
        _row("record_id", "text", "Record ID"),
        _row("q1", "radio", "Mood, today", "1, Low | 2, High", annotation="@SCALE=mood"),
    )
    rows = csv.reader(io.StringIO(data.decode()))
    out = io.StringIO()
    csv.writer(out, delimiter=";").writerows(rows)
    version = _import(world, out.getvalue().encode("cp1252"))
    item = instruments.version_items(version)[0]
    assert (item.label, item.choices, item.subscale.name) == (
        "Mood, today",
        [["1", "Low"], ["2", "High"]],
        "mood",
    )


def test_import_reads_the_older_16_column_layout_and_windows_1252(world):
    header = ",".join(f'"{header}"' for _attr, header in redcap.COLUMNS[:16])
    data = f"{header}\nrecord_id,f,,text,Record ID,,,,,,,,,,,\nq1,f,,notes,¿Qué año?,,,,,,,,y,,,\n"
    version = _import(world, data.encode("cp1252"))
    item = instruments.version_items(version)[0]
    assert (item.name, item.label, item.required) == ("q1", "¿Qué año?", True)


def test_export_puts_a_quote_before_text_a_spreadsheet_would_run_and_import_removes_it(world):
    version = _published(
        world,
        likert("q1", '=HYPERLINK("http://x.example","click")', subscale="calm"),
        ItemSpec(name="q2", kind="short_text", label="-1 or +1?", note="@once"),
    )
    exported = instruments.version_export(version)
    rows = list(csv.DictReader(io.StringIO(exported.decode())))
    assert rows[1]["Field Label"].startswith("'=HYPERLINK")
    assert (rows[2]["Field Label"], rows[2]["Field Note"]) == ("'-1 or +1?", "'@once")
    assert rows[1]["Field Annotation"] == "@SCALE=calm"
    again = _import(world, exported, title="Again")
    assert [ItemSpec.of(item) for item in instruments.version_items(again)] == [
        ItemSpec.of(item) for item in instruments.version_items(version)
    ]


def test_import_of_the_good_rows_only_leaves_out_each_bad_row_and_lists_it(world):
    data = _dictionary(
        _row("record_id", "text", "Record ID"),
        _row("mood", "radio", "Mood today", AGREE, annotation="@SCALE=mood"),
        _row("score", "calc", "Score", "[mood] * 2"),  # row 4: no calculations
        _row("why", "notes", "Why?", logic="[score] > 2"),  # row 5: uses a left-out row
        _row("more", "notes", "More?", logic="[mood] = '1'"),
    )
    version = _import(world, data, skip_bad=True)
    assert [i.name for i in instruments.version_items(version)] == ["mood", "more"]
    assert [problem.row for problem in version.skipped] == [4, 5]
    with pytest.raises(InstrumentImportError):
        _import(world, data)


def test_an_untitled_section_keeps_its_introduction_as_an_introduction(world):
    instrument = make_instrument(world, likert("q1"))
    version = instrument.versions.get()
    kwargs = {"actor": world.hub_admin, "hub_access": builder_access(world), "version": version}
    instruments.section_save(**kwargs, section=version.sections.get(), title="About you")
    later = instruments.section_save(
        **kwargs, title="", intro="Now think of this year.\n\nAll of it."
    )
    instruments.item_save(**kwargs, section=later, spec=likert("q2"))
    again = _import(world, instruments.version_export(version))
    assert list(again.sections.values_list("title", "intro")) == [
        ("About you", ""),
        ("", "Now think of this year.\n\nAll of it."),
    ]


@pytest.mark.parametrize(
    "data",
    [
        HEADER.encode() + b'\nrecord_id,f,,text,"' + b"x" * 200_000 + b'"\n',
        "Variable / Field Name,Form Name".encode("utf-16"),
        _dictionary(_row("record_id", "text", "Record ID"), _row("q", "notes", "a\x00b")),
    ],
    ids=["huge cell", "utf-16", "nul"],
)
def test_import_refuses_a_file_csv_cannot_read_with_a_message(world, data):
    with pytest.raises(InstrumentImportError, match="cannot be read as a CSV"):
        _import(world, data)
    assert not Instrument.objects.exists()
