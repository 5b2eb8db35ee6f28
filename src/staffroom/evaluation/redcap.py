"""REDCap data dictionaries: reading, checking and writing them.

A data dictionary is the CSV REDCap exports from "Dictionary" (18 columns, one row per
field). We read it as REDCap does, with two tags of ours in the Field Annotation column
(the instrument builder reads and writes the same tags):

- ``@SCALE=name``: the field is an item of the scale ``name`` (one scale per item;
  ``@SCALE="two words"`` for names with spaces);
- ``@REVERSE``: the item is reverse scored, recoded as (min + max) - value with the
  lowest and highest of its choice codes (or of its slider or validation range).

Other action tags (``@HIDDEN``, ``@DEFAULT=...``) are left alone. Branching logic is
checked for REDCap's syntax: ``[field] = '1' and ([other] > 2 or [box(3)] = '1')``.

Every row that cannot be used is reported with its row number as a spreadsheet shows
it (the header is row 1), all at once, in one ``DictionaryError``.
"""

import csv
import io
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from staffroom.core.errors import DomainError
from staffroom.evaluation.logic import logic_problems

MAX_BYTES = 5 * 1024 * 1024

# The columns of a REDCap data dictionary, in REDCap's order, and our names for them.
COLUMNS: tuple[tuple[str, str], ...] = (
    ("name", "Variable / Field Name"),
    ("form", "Form Name"),
    ("section_header", "Section Header"),
    ("field_type", "Field Type"),
    ("label", "Field Label"),
    ("choices", "Choices, Calculations, OR Slider Labels"),
    ("field_note", "Field Note"),
    ("validation", "Text Validation Type OR Show Slider Number"),
    ("validation_min", "Text Validation Min"),
    ("validation_max", "Text Validation Max"),
    ("identifier", "Identifier?"),
    ("branching_logic", "Branching Logic (Show field only if...)"),
    ("required", "Required Field?"),
    ("alignment", "Custom Alignment"),
    ("question_number", "Question Number (surveys only)"),
    ("matrix_group", "Matrix Group Name"),
    ("matrix_ranking", "Matrix Ranking?"),
    ("annotation", "Field Annotation"),
)
REQUIRED_COLUMNS = ("name", "form", "field_type", "label")

FIELD_TYPES = (
    "text",
    "notes",
    "dropdown",
    "radio",
    "checkbox",
    "yesno",
    "truefalse",
    "calc",
    "file",
    "slider",
    "descriptive",
    "sql",
)
CHOICE_TYPES = ("dropdown", "radio", "checkbox")
NUMERIC_VALIDATIONS = ("integer", "number")  # and number_1dp, number_2dp, number_comma...
FIELD_NAME = re.compile(r"^[a-z][a-z0-9_]*$")
CODE = re.compile(r"^-?[A-Za-z0-9_.]+$")

SCALE_TAG = re.compile(r"""@SCALE(?![A-Za-z0-9_-])(?:=(?:"([^"]*)"|'([^']*)'|([^\s@]*)))?""", re.I)
REVERSE_TAG = re.compile(r"@REVERSE(?![A-Za-z0-9_=-])", re.I)


class DictionaryError(DomainError):
    """A data dictionary that cannot be used: ``problems`` holds every bad row, and
    ``fields`` every row read (so the instrument builder can report its own problems
    with the other rows in the same list)."""

    def __init__(
        self,
        message: str,
        problems: list["RowProblem"] | None = None,
        fields: tuple["Field", ...] = (),
    ):
        super().__init__(message)
        self.problems = problems or []
        self.fields = fields


@dataclass(frozen=True)
class RowProblem:
    row: int  # as a spreadsheet numbers it: the header is row 1
    message: str

    def __str__(self) -> str:
        return _("row %(row)s: %(message)s") % {"row": self.row, "message": self.message}


@dataclass(frozen=True)
class Choice:
    code: str
    label: str


@dataclass(frozen=True)
class Tags:
    scale: str | None = None
    reverse: bool = False


@dataclass(frozen=True)
class Field:
    """One row of a data dictionary, its 18 columns as text (so writing it back gives
    what was read) and ``row``, where it was read from. ``scale``, ``reverse``,
    ``options`` and ``score_range`` are read from those columns."""

    name: str
    form: str
    field_type: str
    label: str
    section_header: str = ""
    choices: str = ""
    field_note: str = ""
    validation: str = ""
    validation_min: str = ""
    validation_max: str = ""
    identifier: str = ""
    branching_logic: str = ""
    required: str = ""
    alignment: str = ""
    question_number: str = ""
    matrix_group: str = ""
    matrix_ranking: str = ""
    annotation: str = ""
    row: int | None = field(default=None, compare=False)

    @property
    def tags(self) -> Tags:
        return annotation_tags(self.annotation)

    @property
    def scale(self) -> str | None:
        return self.tags.scale

    @property
    def reverse(self) -> bool:
        return self.tags.reverse

    @property
    def options(self) -> tuple[Choice, ...]:
        """The answers offered: the parsed choices of a dropdown, radio or checkbox
        field, REDCap's fixed ones for yes/no and true/false, none otherwise."""
        if self.field_type in CHOICE_TYPES:
            choices, _problems = parse_choices(self.choices)
            return choices
        if self.field_type == "yesno":
            return (Choice("1", _("Yes")), Choice("0", _("No")))
        if self.field_type == "truefalse":
            return (Choice("1", _("True")), Choice("0", _("False")))
        return ()

    @property
    def is_numeric(self) -> bool:
        """Whether answers are numbers one can average (so it can be a scale item):
        single-choice fields whose codes are all numbers, sliders, calculations and
        text validated as a number. Checkboxes hold several answers: never."""
        if self.field_type in ("dropdown", "radio"):
            options = self.options
            return bool(options) and all(_number(c.code) is not None for c in options)
        if self.field_type in ("yesno", "truefalse", "slider", "calc"):
            return True
        if self.field_type == "text":
            return self.validation.startswith(NUMERIC_VALIDATIONS)
        return False

    @property
    def score_range(self) -> tuple[float, float] | None:
        """The lowest and highest possible answer, for reverse scoring: from the
        choice codes, a slider's range (0-100 unless set), or a number's validation."""
        if self.field_type in ("dropdown", "radio", "yesno", "truefalse"):
            codes = [_number(c.code) for c in self.options]
            if codes and None not in codes:
                return (min(codes), max(codes))  # type: ignore[type-var]
            return None
        low, high = _number(self.validation_min), _number(self.validation_max)
        if self.field_type == "slider":
            return (0.0 if low is None else low, 100.0 if high is None else high)
        if low is not None and high is not None:
            return (low, high)
        return None

    def with_tags(self, *, scale: str | None, reverse: bool) -> "Field":
        """A copy whose annotation declares ``scale`` and ``reverse`` (other tags and
        text kept): what the instrument builder saves."""
        return replace(self, annotation=annotation_with_tags(self.annotation, scale, reverse))


@dataclass(frozen=True)
class Dictionary:
    """The fields of an instrument, in order; the first identifies the record."""

    fields: tuple[Field, ...]

    @property
    def record_id(self) -> str:
        return self.fields[0].name

    def get(self, name: str) -> Field | None:
        return next((f for f in self.fields if f.name == name), None)

    @property
    def scales(self) -> dict[str, list[Field]]:
        """Scale name -> its items, scales and items in dictionary order."""
        scales: dict[str, list[Field]] = {}
        for item in self.fields:
            if item.scale:
                scales.setdefault(item.scale, []).append(item)
        return scales


# -- tags and choices ------------------------------------------------------------------


def _number(text: str) -> float | None:
    try:
        value = float(text.strip())
    except ValueError:
        return None
    return value if value == value and abs(value) != float("inf") else None


def _scale_tags(annotation: str) -> list[str]:
    return [
        next((g for g in match.groups() if g is not None), "").strip()
        for match in SCALE_TAG.finditer(annotation)
    ]


def annotation_tags(annotation: str) -> Tags:
    """The ``@SCALE=name`` and ``@REVERSE`` tags of a Field Annotation (the first scale
    if there are several: ``dictionary_read`` reports that as a problem)."""
    names = [name for name in _scale_tags(annotation) if name]
    return Tags(scale=names[0] if names else None, reverse=bool(REVERSE_TAG.search(annotation)))


def annotation_with_tags(annotation: str, scale: str | None, reverse: bool) -> str:
    """``annotation`` declaring exactly ``scale`` and ``reverse``: unchanged when it
    already does, else with our tags replaced and the rest (other tags, notes) kept."""
    if annotation_tags(annotation) == Tags(scale=scale or None, reverse=reverse):
        return annotation
    rest = REVERSE_TAG.sub("", SCALE_TAG.sub("", annotation))
    rest = " ".join(rest.split())
    tags = []
    if scale:
        bare = re.fullmatch(r"[^\s@\"']+", scale)
        tags.append(f"@SCALE={scale}" if bare else f'@SCALE="{scale}"')
    if reverse:
        tags.append("@REVERSE")
    return " ".join([*tags, rest] if rest else tags)


def parse_choices(text: str) -> tuple[tuple[Choice, ...], list[str]]:
    """``"1, Strongly disagree | 2, Disagree"`` -> choices, and what is wrong with it."""
    choices: list[Choice] = []
    problems: list[str] = []
    if not text.strip():
        return (), [_("it has no choices (write them as “1, Agree | 2, Disagree”).")]
    for part in text.split("|"):
        part = part.strip()
        if not part:
            continue
        code, comma, label = part.partition(",")
        code = code.strip()
        if not comma or not CODE.match(code):
            problems.append(
                _("the choice “%(choice)s” has no code (write it as “1, %(choice)s”).")
                % {"choice": part}
            )
            continue
        if any(c.code == code for c in choices):
            problems.append(_("the choice code “%(code)s” is used twice.") % {"code": code})
            continue
        choices.append(Choice(code, label.strip()))
    return tuple(choices), problems


# -- reading ---------------------------------------------------------------------------


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")  # Excel re-saved it


def _norm(header: str) -> str:
    return " ".join(header.replace("\ufeff", "").casefold().split())


def dictionary_read_path(path: str | Path) -> Dictionary:
    """``dictionary_read`` of a file on disk, with the file's own problems explained."""
    path = Path(path)
    try:
        if path.stat().st_size > MAX_BYTES:
            raise DictionaryError(
                _("The data dictionary %(file)s is larger than 5 MB.") % {"file": path.name}
            )
        data = path.read_bytes()
    except (FileNotFoundError, IsADirectoryError):
        raise DictionaryError(_("There is no file %(file)s.") % {"file": path}) from None
    return dictionary_read(data)


def dictionary_read(data: bytes | str) -> Dictionary:
    """Read a REDCap data dictionary (UTF-8, with or without a BOM). Raises one
    ``DictionaryError`` listing every row that cannot be used."""
    text = data if isinstance(data, str) else _decode(data)
    rows = list(csv.reader(io.StringIO(text, newline="")))
    while rows and not any(cell.strip() for cell in rows[-1]):
        rows.pop()
    if not rows:
        raise DictionaryError(_("The data dictionary is empty."))
    by_header = {_norm(header): attr for attr, header in COLUMNS}
    positions: dict[str, int] = {}
    for index, header in enumerate(rows[0]):
        attr = by_header.get(_norm(header))
        if attr and attr not in positions:
            positions[attr] = index
    missing = [
        header for attr, header in COLUMNS if attr in REQUIRED_COLUMNS and attr not in positions
    ]
    if missing:
        raise DictionaryError(
            _("This is not a REDCap data dictionary: it has no column %(columns)s.")
            % {"columns": ", ".join(f"“{m}”" for m in missing)}
        )
    problems: list[RowProblem] = []
    read: list[Field] = []
    width = len(rows[0])
    # A row of another width has its cells under the wrong headers: it is reported,
    # and its own checks skipped (they would judge shifted cells), but its name stays
    # known so that the rows whose branching logic refers to it are not blamed too.
    misshapen: set[int] = set()
    for number, cells in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) != width:
            misshapen.add(number)
            problems.append(RowProblem(number, cells_problem(len(cells), width)))
        values = {
            attr: (cells[positions[attr]] if positions.get(attr, len(cells)) < len(cells) else "")
            for attr, _header in COLUMNS
        }
        values["name"] = values["name"].strip()
        values["field_type"] = values["field_type"].strip()
        read.append(Field(**values, row=number))
    if not read:
        raise DictionaryError(_("The data dictionary has no fields."))
    known: dict[str, Field] = {}
    for item in read:
        known.setdefault(item.name, item)
    seen: set[str] = set()
    for item in read:
        if item.row not in misshapen:
            problems.extend(
                RowProblem(item.row or 0, m) for m in _field_problems(item, known, seen)
            )
        seen.add(item.name)
    if problems:
        problems.sort(key=lambda p: p.row)
        raise DictionaryError(
            ngettext(
                "The data dictionary has a problem in %(count)s row:",
                "The data dictionary has problems in %(count)s rows:",
                len({p.row for p in problems}),
            )
            % {"count": len({p.row for p in problems})}
            + "\n"
            + "\n".join(str(p) for p in problems),
            problems,
            tuple(read),
        )
    return Dictionary(tuple(read))


def cells_problem(cells: int, columns: int) -> str:
    """What is wrong with a CSV row of ``cells`` cells under a header of ``columns``
    (the responses file says the same)."""
    return ngettext(
        "it has %(cells)s cell where the header has %(columns)s: is a comma missing, or "
        "is there a comma inside a cell without quotes around it?",
        "it has %(cells)s cells where the header has %(columns)s: is a comma missing, or "
        "is there a comma inside a cell without quotes around it?",
        cells,
    ) % {"cells": cells, "columns": columns}


def _field_problems(item: Field, known: dict[str, Field], seen: set[str]) -> list[str]:
    problems: list[str] = []
    if not item.name:
        problems.append(_("the field has no name."))
    elif not FIELD_NAME.match(item.name):
        problems.append(
            _(
                "the field name “%(name)s” must start with a lowercase letter and hold only "
                "lowercase letters, digits and underscores."
            )
            % {"name": item.name}
        )
    elif item.name in seen:
        problems.append(_("the field name “%(name)s” is used twice.") % {"name": item.name})
    if item.field_type not in FIELD_TYPES:
        problems.append(
            _("“%(type)s” is not a REDCap field type (known: %(known)s).")
            % {"type": item.field_type, "known": ", ".join(FIELD_TYPES)}
        )
        return problems + logic_problems(item.branching_logic, known)
    if item.field_type in CHOICE_TYPES:
        problems.extend(parse_choices(item.choices)[1])
    if item.field_type == "slider":
        for attr in ("validation_min", "validation_max"):
            value = getattr(item, attr)
            if value.strip() and _number(value) is None:
                problems.append(
                    _("the slider range “%(value)s” is not a number.") % {"value": value}
                )
    problems.extend(_tag_problems(item))
    problems.extend(logic_problems(item.branching_logic, known))
    return problems


def _tag_problems(item: Field) -> list[str]:
    problems: list[str] = []
    names = _scale_tags(item.annotation)
    if any(not name for name in names):
        problems.append(_("@SCALE needs a name: write @SCALE=name."))
    if any("~" in name for name in names):
        problems.append(_("a scale name cannot contain “~”."))
    if len({name for name in names if name}) > 1:
        problems.append(
            _("the field is put in several scales (%(names)s); an item belongs to one scale.")
            % {"names": ", ".join(sorted({n for n in names if n}))}
        )
    if item.scale and not item.is_numeric:
        problems.append(
            _(
                "@SCALE is on a field whose answers are not numbers (a %(type)s field); "
                "scale items must be single-choice with numeric codes, sliders, calculations "
                "or numbers."
            )
            % {"type": item.field_type}
        )
    elif item.reverse and not item.scale:
        problems.append(_("@REVERSE is on a field that is in no scale: add @SCALE=name."))
    elif item.reverse and item.score_range is None:
        problems.append(
            _(
                "@REVERSE needs the lowest and highest answers: give this field numeric choice "
                "codes or a validation minimum and maximum."
            )
        )
    return problems


# -- writing ---------------------------------------------------------------------------


def dictionary_write(dictionary: Dictionary | list[Field] | tuple[Field, ...]) -> bytes:
    """The dictionary as REDCap's CSV (UTF-8, the 18 columns in REDCap's order, CRLF
    line ends): reading it gives back the same fields."""
    items = dictionary.fields if isinstance(dictionary, Dictionary) else tuple(dictionary)
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([header for _attr, header in COLUMNS])
    attrs = [attr for attr, _header in COLUMNS]
    for item in items:
        writer.writerow([getattr(item, attr) for attr in attrs])
    return out.getvalue().encode("utf-8")
