"""Scripts that open a responses file in R or SPSS with every variable labelled.

Both are written from the data dictionary and the responses file's header (its columns,
in order): a column the dictionary names gets the field's label, and single-choice
fields get their value labels; a checkbox field's ``name___code`` columns are labelled
"field label: choice". Columns the dictionary does not know (the wave, REDCap's own)
are read as text and keep their names, labelled when the caller names them (the wave
and the respondents' attributes of a survey's download). Scale membership and reverse
scoring are noted, so whoever reads the script knows how the scores were made.
"""

from collections.abc import Mapping
from types import MappingProxyType

from django.utils.translation import gettext as _

from staffroom.evaluation.redcap import Dictionary, Field

SPSS_LABEL_MAX = 250  # SPSS keeps 256 bytes of a label; a margin for multi-byte text
# SPSS cuts a string at its declared width: an answer gets the widest string SPSS has
# (the questionnaire takes long answers of 10,000 characters), ids and waves a short one.
SPSS_ANSWER, SPSS_SHORT = "A32767", "A255"


def _column_field(dictionary: Dictionary, column: str) -> tuple[Field | None, str | None]:
    """The field behind ``column`` and, for a checkbox column, the choice code."""
    field = dictionary.get(column)
    if field is not None:
        return field, None
    name, separator, code = column.rpartition("___")
    field = dictionary.get(name) if separator else None
    if field is not None and field.field_type == "checkbox":
        return field, code
    return None, None


def _column_label(field: Field, code: str | None) -> str:
    if code is None:
        return field.label
    choice = next((c.label for c in field.options if c.code == code), code)
    return f"{field.label}: {choice}"


def _value_labels(field: Field, code: str | None) -> list[tuple[str, str]]:
    if code is not None:  # a checkbox column holds 1 (ticked) or 0
        return [("1", _("Checked")), ("0", _("Unchecked"))]
    if field.field_type in ("dropdown", "radio", "yesno", "truefalse"):
        return [(choice.code, choice.label) for choice in field.options]
    return []


def _is_number(field: Field | None, code: str | None) -> bool:
    return field is not None and (code is not None or field.is_numeric)


def _scoring_notes(dictionary: Dictionary) -> list[str]:
    notes = []
    for scale, items in dictionary.scales.items():
        reversed_items = [item.name for item in items if item.reverse]
        note = _("Scale %(scale)s: %(items)s") % {
            "scale": scale,
            "items": ", ".join(item.name for item in items),
        }
        if reversed_items:
            note += "; " + _("reverse scored: %(items)s") % {"items": ", ".join(reversed_items)}
        # Each note is one comment line: a line break in a scale's name would start a
        # line of R code or an SPSS command in the script.
        notes.append(" ".join(note.split()))
    return notes


# -- R --------------------------------------------------------------------------------


def _r_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'


def _label_of(field: Field | None, code: str | None, column: str, extra: Mapping[str, str]) -> str:
    return _column_label(field, code) if field is not None else extra.get(column, "")


def r_script(
    dictionary: Dictionary, columns: list[str], *, data_file: str,
    labels: Mapping[str, str] = MappingProxyType({}),
) -> str:  # fmt: skip
    """An R script that reads ``data_file`` and labels its variables: a ``label``
    attribute on each column (as the Hmisc and labelled packages read it) and, for
    choice fields, a ``<name>.factor`` column with the choices' labels."""
    lines = [
        "# " + _("Written by Staffroom: reads the responses and labels the variables."),
        *("# " + note for note in _scoring_notes(dictionary)),
        "",
        f"responses <- read.csv({_r_string(data_file)}, stringsAsFactors = FALSE,"
        ' check.names = FALSE, na.strings = "")',
        "",
    ]
    for column in columns:
        field, code = _column_field(dictionary, column)
        label = _label_of(field, code, column, labels)
        if not label:
            continue
        ref = f"responses[[{_r_string(column)}]]"
        lines.append(f'attr({ref}, "label") <- {_r_string(label)}')
        values = _value_labels(field, code) if field is not None else []
        if values:
            levels = ", ".join(_r_string(value) for value, _label in values)
            names = ", ".join(_r_string(label) for _value, label in values)
            lines.append(
                f"responses[[{_r_string(column + '.factor')}]] <- factor({ref},"
                f" levels = c({levels}), labels = c({names}))"
            )
    return "\n".join(lines) + "\n"


# -- SPSS -----------------------------------------------------------------------------


def _spss_string(text: str) -> str:
    text = " ".join(text.split())[:SPSS_LABEL_MAX]
    return "'" + text.replace("'", "''") + "'"


def _spss_format(dictionary: Dictionary, column: str, field: Field | None, code: str | None) -> str:
    if _is_number(field, code):
        return "F8.2"
    answer = field is not None and column != dictionary.record_id
    return SPSS_ANSWER if answer else SPSS_SHORT


def spss_syntax(
    dictionary: Dictionary, columns: list[str], *, data_file: str,
    labels: Mapping[str, str] = MappingProxyType({}),
) -> str:  # fmt: skip
    """SPSS syntax that reads ``data_file`` (GET DATA, every column in the file's order,
    numbers as numbers) and sets VARIABLE LABELS and VALUE LABELS."""
    known = [(column, *_column_field(dictionary, column)) for column in columns]
    variables = "\n".join(
        f"  {column} {_spss_format(dictionary, column, field, code)}"
        for column, field, code in known
    )
    lines = [
        "* " + _("Written by Staffroom: reads the responses and labels the variables."),
        *("* " + note + "." for note in _scoring_notes(dictionary)),
        "GET DATA /TYPE=TXT",
        f"  /FILE={_spss_string(data_file)}",
        "  /ENCODING='UTF8'",
        '  /DELIMITERS=","',
        "  /QUALIFIER='\"'",
        "  /ARRANGEMENT=DELIMITED",
        "  /FIRSTCASE=2",
        "  /VARIABLES=",
        variables + ".",
        "",
    ]
    named = [(c, _label_of(f, code, c, labels)) for c, f, code in known]
    named = [(column, label) for column, label in named if label]
    if named:
        lines.append("VARIABLE LABELS")
        lines += [
            f"  {'/' if i else ''}{column} {_spss_string(label)}"
            for i, (column, label) in enumerate(named)
        ]
        lines[-1] += "."
    labelled = [(c, f, code) for c, f, code in known if f is not None]
    valued = [(c, _value_labels(f, code)) for c, f, code in labelled if _value_labels(f, code)]
    if valued:
        lines.append("VALUE LABELS")
        for i, (column, labels) in enumerate(valued):
            pairs = " ".join(
                f"{value if _is_number_text(value) else _spss_string(value)} {_spss_string(label)}"
                for value, label in labels
            )
            lines.append(f"  {'/' if i else ''}{column} {pairs}")
        lines[-1] += "."
    lines.append("EXECUTE.")
    return "\n".join(lines) + "\n"


def _is_number_text(value: str) -> bool:
    try:
        float(value)
    except ValueError:
        return False
    return True
