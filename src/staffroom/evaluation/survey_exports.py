"""A survey's submitted answers as files: the wide CSV (one row per respondent and
wave), the data dictionary of its instrument version, and R and SPSS scripts that read
the CSV with every variable labelled.

The CSV is also what the analysis page reads (``survey_analysis``): the page analyses
exactly these rows, so ``staffroom analyze`` run on the two downloaded files prints the
same numbers. Its layout:

- ``record_id`` (the dictionary's first field) identifies the respondent: the person's
  public id in an identified survey; in an anonymous one the first 16 characters of the
  pairing code's keyed digest (never the code, never the account), so the same code in
  two waves is the same respondent. A response with neither (an anonymous survey with a
  single wave, a deleted account) gets an id of its own, made from the survey's secret
  and the response, so it counts once and pairs with nothing;
- ``wave``: the wave's kind (``pre``, ``post``, ``follow_up``, ``other``), with ``_2``,
  ``_3``... when a kind repeats: stable names, the same in every language, that R and
  SPSS read as they are;
- ``locale``, ``role`` and ``years_in_profession``: the snapshot the response took
  (codes, e.g. ``rural``, ``teacher``, ``4-10``); a name an item already uses gets
  ``respondent_`` in front. In an anonymous survey's download the three are left empty
  on a row whose combination fewer than 5 respondents of its wave share (the page's
  groups still count them: they show no one's row);
- every item in questionnaire order: a choice code, a number, or text; a multiple-choice
  item as REDCap writes a checkbox, one ``name___code`` column per choice holding 1 or 0.

Text answers that a spreadsheet would run as a formula (starting with ``=``, ``+``,
``-``, ``@``, a tab or a carriage return) are written with a ``'`` in front; codes and
numbers are never touched (``-1`` is a number). The data dictionary download does the
same to its labels, headers and notes (``instruments.dictionary_export``, whose import
takes the ``'`` off again).
"""

import csv
import hashlib
import hmac
import io
from collections import Counter
from dataclasses import dataclass, replace

from django.conf import settings
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from staffroom.evaluation import redcap, syntax
from staffroom.evaluation.analysis import SUPPRESS_BELOW
from staffroom.evaluation.instruments import dictionary_export, version_dictionary
from staffroom.evaluation.models import Item, Response, Survey, Wave

WAVE_COLUMN = "wave"
# Response attribute -> its column in the CSV.
ATTRIBUTES = (("locale", "locale"), ("role", "role"), ("years", "years_in_profession"))
ATTRIBUTE_LABELS = {
    "locale": gettext_lazy("School locale"),
    "role": gettext_lazy("Role"),
    "years": gettext_lazy("Years in the profession"),
}
RESPONDENT_ID_LENGTH = 16
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
TEXT_KINDS = ("short_text", "long_text")


@dataclass(frozen=True)
class SurveyTable:
    """A survey's submitted responses as CSV rows. ``waves`` maps each wave's name in
    the CSV to the wave, in the survey's order; ``attributes`` maps a response
    attribute to its column; ``people`` maps a respondent id to the account behind it
    (identified surveys only: empty for an anonymous one)."""

    dictionary: redcap.Dictionary
    header: list[str]
    rows: list[list[str]]
    waves: dict[str, Wave]
    attributes: dict[str, str]
    people: dict[str, int]

    @property
    def csv_rows(self) -> list[list[str]]:
        return [self.header, *self.rows]


def cell_safe(text: str) -> str:
    """Text a spreadsheet will show as text, not run as a formula (CSV injection)."""
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


def wave_names(waves: list[Wave]) -> dict[str, Wave]:
    """Each wave's name in the exports: its kind, numbered from the second of a kind."""
    seen: Counter = Counter()
    names = {}
    for wave in waves:
        seen[wave.kind] += 1
        names[wave.kind if seen[wave.kind] == 1 else f"{wave.kind}_{seen[wave.kind]}"] = wave
    return names


def _respondent(survey: Survey, user_public_id: str | None, pairing_code: str, pk: int) -> str:
    if not survey.anonymous and user_public_id:
        return user_public_id
    if survey.anonymous and pairing_code:
        return pairing_code[:RESPONDENT_ID_LENGTH]
    # Not a hex digit first, so it never equals a pairing code's prefix.
    key = f"{settings.SECRET_KEY}:survey-respondent:{survey.public_id}".encode()
    digest = hmac.new(key, str(pk).encode(), hashlib.sha256).hexdigest()
    return "u" + digest[: RESPONDENT_ID_LENGTH - 1]


def _number_text(value) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


@dataclass(frozen=True)
class _Columns:
    """The item columns: ``names`` (each column's item; a checkbox's for each of its
    choices), and which of them hold text or one checkbox choice."""

    header: list[str]
    names: list[str]
    text: list[int]
    boxes: list[tuple[int, str]]

    def cells(self, answers: dict) -> list[str]:
        # One pass for every column (choice codes are already text), then the few
        # text and checkbox columns: 5,000 people x 40 items stay well under a second.
        cells = [
            value if value.__class__ is str else _number_text(value)
            for value in map(answers.get, self.names, [""] * len(self.names))
        ]
        for index in self.text:
            cells[index] = cell_safe(cells[index])
        for index, code in self.boxes:
            cells[index] = "1" if code in (answers.get(self.names[index]) or ()) else "0"
        return cells


def _item_columns(dictionary: redcap.Dictionary, kinds: dict[str, str]) -> _Columns:
    columns = _Columns([], [], [], [])
    for field in dictionary.fields[1:]:
        if field.field_type == "checkbox":
            for choice in field.options:
                columns.boxes.append((len(columns.names), choice.code))
                columns.header.append(f"{field.name}___{choice.code}")
                columns.names.append(field.name)
            continue
        if kinds.get(field.name) in TEXT_KINDS:
            columns.text.append(len(columns.names))
        columns.header.append(field.name)
        columns.names.append(field.name)
    return columns


def survey_table(survey: Survey) -> SurveyTable:
    """The submitted responses of ``survey``, waves in order, then by submission; in an
    anonymous survey by respondent id instead (a keyed digest, so in no telling order:
    someone who knows who answered first must not find that person's row first). An
    anonymous survey's rows never read the account (there is none to read)."""
    dictionary = version_dictionary(survey.version)
    kinds = dict(Item.objects.filter(version=survey.version).values_list("name", "kind"))
    waves = wave_names(list(Wave.objects.filter(survey=survey).order_by("position")))
    key_of = {wave.pk: key for key, wave in waves.items()}
    items = _item_columns(dictionary, kinds)
    taken = {dictionary.record_id, WAVE_COLUMN, *items.header}
    attributes = {}
    for attribute, column in ATTRIBUTES:
        while column in taken:
            column = f"respondent_{column}"
        attributes[attribute] = column
        taken.add(column)
    fields = ["wave_id", "pairing_code", "pk", "answers", *attributes]
    if not survey.anonymous:
        fields += ["user_id", "user__public_id"]
    responses = (
        Response.objects.filter(wave__survey=survey, status=Response.Status.SUBMITTED)
        .order_by("wave__position", "submitted_at", "pk")
        .values(*fields)
    )
    rows = []
    people: dict[str, int] = {}
    for response in responses:
        public_id = response.get("user__public_id")
        respondent = _respondent(survey, public_id, response["pairing_code"], response["pk"])
        if public_id:
            people[respondent] = response["user_id"]
        answers = response["answers"] or {}
        rows.append(
            [
                respondent,
                key_of[response["wave_id"]],
                *(response[attribute] for attribute in attributes),
                *items.cells(answers),
            ]
        )
    if survey.anonymous:
        position = {key: index for index, key in enumerate(waves)}
        rows.sort(key=lambda row: (position[row[1]], row[0]))
    header = [
        dictionary.record_id,
        WAVE_COLUMN,
        *attributes.values(),
        *items.header,
    ]
    return SurveyTable(dictionary, header, rows, waves, attributes, people)


def export_name(survey: Survey, suffix: str) -> str:
    """``<title as a slug>-<suffix>``: what each download is called."""
    return f"{slugify(survey.title)[:60].strip('-') or 'survey'}-{suffix}"


DATA_FILE = "responses.csv"
# Each download and its content type.
EXPORTS = {
    DATA_FILE: "text/csv; charset=utf-8",
    "dictionary.csv": "text/csv; charset=utf-8",
    "responses.R": "text/plain; charset=utf-8",
    "responses.sps": "text/plain; charset=utf-8",
}


def export_content(survey: Survey, table: SurveyTable, kind: str) -> bytes:
    """The download ``kind`` (one of ``EXPORTS``); the scripts read the CSV under the
    name it downloads as."""
    data_file = export_name(survey, DATA_FILE)
    if kind == DATA_FILE:
        return responses_csv(_rare_attributes_blanked(table) if survey.anonymous else table)
    if kind == "dictionary.csv":
        return dictionary_export(table.dictionary)
    write = syntax.r_script if kind == "responses.R" else syntax.spss_syntax
    labels = {WAVE_COLUMN: _("Wave")} | {
        table.attributes[attribute]: str(label)
        for attribute, label in ATTRIBUTE_LABELS.items()
        if attribute in table.attributes
    }
    return write(table.dictionary, table.header, data_file=data_file, labels=labels).encode("utf-8")


def _rare_attributes_blanked(table: SurveyTable) -> SurveyTable:
    """An anonymous survey's rows with the attribute columns left empty where their
    combination is shared by fewer than 5 respondents of the wave: in a small community
    the one rural counselor with 21+ years would otherwise be named by their row."""
    first, width = 2, len(table.attributes)

    def combination(row: list[str]) -> tuple[str, ...]:
        return (row[1], *row[first : first + width])

    shared = Counter(map(combination, table.rows))
    rows = [
        row
        if shared[combination(row)] >= SUPPRESS_BELOW
        else [*row[:first], *[""] * width, *row[first + width :]]
        for row in table.rows
    ]
    return replace(table, rows=rows)


def responses_csv(table) -> bytes:
    """``table.csv_rows`` (a survey's, or the session feedback's) as the wide CSV:
    UTF-8 without a byte order mark, so R's ``read.csv`` and SPSS read the first
    column's name as it is."""
    out = io.StringIO(newline="")
    csv.writer(out, lineterminator="\r\n").writerows(table.csv_rows)
    return out.getvalue().encode("utf-8")
