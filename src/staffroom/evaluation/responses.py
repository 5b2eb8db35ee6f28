"""Survey responses as the analysis reads them: a CSV with one row per respondent and
wave, checked against the data dictionary and turned into one matrix of answers.

The first dictionary field identifies the respondent; a ``wave`` (or REDCap's
``redcap_event_name``) column names the wave. Answers may be choice codes (REDCap's raw
export) or choice labels (its label export). Every row that cannot be used is reported
with its row number as a spreadsheet shows it (the header is row 1, blank lines count),
all at once, in one ``ResponsesError``. A row with fewer or more cells than the header
is one of them: its answers cannot be matched to their columns without guessing.
"""

import csv
import io
import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from staffroom.core.errors import DomainError
from staffroom.evaluation.redcap import Dictionary, Field, RowProblem, cells_problem

MAX_BYTES = 50 * 1024 * 1024
WAVE_COLUMNS = ("wave", "redcap_event_name")


class ResponsesError(DomainError):
    """Responses that cannot be analysed: ``problems`` holds every bad row."""

    def __init__(self, message: str, problems: list[RowProblem] | None = None):
        super().__init__(message)
        self.problems = problems or []


@dataclass(frozen=True)
class ResponseTable:
    """The usable rows of a responses file: ``answers`` is rows x ``items`` (NaN where
    unanswered, values as given), ``ids`` and ``row_waves`` say whose and which wave
    each row is, ``waves`` the waves to analyse, in order."""

    items: tuple[Field, ...]
    answers: np.ndarray
    ids: np.ndarray
    row_waves: np.ndarray
    waves: tuple[str, ...]

    def rows_of(self, wave: str) -> np.ndarray:
        return np.flatnonzero(self.row_waves == wave)


def responses_read_path(path: str | Path) -> list[list[str]]:
    """``responses_read`` of a file on disk, with the file's own problems explained."""
    path = Path(path)
    try:
        if path.stat().st_size > MAX_BYTES:
            raise ResponsesError(
                _("The responses file %(file)s is larger than 50 MB.") % {"file": path.name}
            )
        data = path.read_bytes()
    except (FileNotFoundError, IsADirectoryError):
        raise ResponsesError(_("There is no file %(file)s.") % {"file": path}) from None
    return responses_read(data)


def responses_read(data: bytes | str) -> list[list[str]]:
    """The CSV's records, decoded from UTF-8 (BOM or not; Windows-1252 if Excel re-saved
    it). Blank lines (no cells, or only empty or space-filled ones) are kept, so that each
    row's place is its number in a spreadsheet, except at the end; the first line that is
    not blank is the header (``responses_header``)."""
    if isinstance(data, bytes):
        try:
            data = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            data = data.decode("cp1252", errors="replace")
    rows = list(csv.reader(io.StringIO(data, newline="")))
    while rows and _blank(rows[-1]):
        rows.pop()
    if not rows:
        raise ResponsesError(_("The responses file is empty."))
    return rows


def _blank(row: Sequence[str]) -> bool:
    # A spreadsheet shows a line of spaces as an empty row, so it is not a short row.
    return not any(cell.strip() for cell in row)


def _header_at(rows: Sequence[Sequence[str]]) -> int:
    return next(index for index, row in enumerate(rows) if not _blank(row))


def responses_header(rows: Sequence[Sequence[str]]) -> list[str]:
    """The column names of ``responses_read``'s rows."""
    return list(rows[_header_at(rows)])


# -- checking and converting ----------------------------------------------------------


@dataclass
class _Item:
    field: Field
    column: int
    values: dict[str, float]  # accepted text -> value
    range: tuple[float, float] | None  # accepted range for sliders


def _item_reader(item: Field, column: int) -> _Item:
    values: dict[str, float] = {"": math.nan}
    for choice in item.options:
        number = _number(choice.code)
        if number is not None:
            values[choice.code] = number
            values.setdefault(choice.label.casefold(), number)  # a "labels" export
    limits = item.score_range if item.field_type == "slider" else None
    return _Item(field=item, column=column, values=values, range=limits)


def _number(text: str) -> float | None:
    try:
        value = float(text)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def _convert(item: _Item, text: str) -> float | None:
    """The value of an answer, or None when it is not a possible answer."""
    known = item.values.get(text)
    if known is not None:
        return known
    cleaned = text.strip()
    known = item.values.get(cleaned, item.values.get(cleaned.casefold()))
    if known is not None:
        return known
    number = _number(cleaned)
    if number is None:
        return None
    if item.field.options:  # "2.0" for code "2"
        return number if number in item.values.values() else None
    if item.range and not item.range[0] <= number <= item.range[1]:
        return None
    return number


def _problem_for(item: _Item, text: str) -> str:
    if item.field.options:
        codes = ", ".join(c.code for c in item.field.options)
        return _("%(field)s: “%(value)s” is not one of its choices (%(codes)s).") % {
            "field": item.field.name,
            "value": text,
            "codes": codes,
        }
    if item.range:
        return _("%(field)s: “%(value)s” is not a number from %(low)g to %(high)g.") % {
            "field": item.field.name,
            "value": text,
            "low": item.range[0],
            "high": item.range[1],
        }
    return _("%(field)s: “%(value)s” is not a number.") % {
        "field": item.field.name,
        "value": text,
    }


def _norm(header: str) -> str:
    return header.replace("\ufeff", "").strip().casefold()


def _raise_problems(problems: list[RowProblem]) -> None:
    problems.sort(key=lambda p: p.row)
    rows = len({p.row for p in problems})
    raise ResponsesError(
        ngettext(
            "The responses have a problem in %(count)s row:",
            "The responses have problems in %(count)s rows:",
            rows,
        )
        % {"count": rows}
        + "\n"
        + "\n".join(str(p) for p in problems),
        problems,
    )


def responses_table(
    dictionary: Dictionary, rows: Sequence[Sequence[str]], *, waves: Sequence[str] | None = None
) -> ResponseTable:
    """Check ``rows`` (a CSV's rows, header first) against ``dictionary`` and read the
    answers of its numeric fields. ``waves`` picks and orders the waves (default: all,
    in order of first appearance). Raises ``ResponsesError`` listing every bad row."""
    start = _header_at(rows)
    header = [_norm(h) for h in rows[start]]
    width = len(header)
    where = {name: index for index, name in reversed(list(enumerate(header)))}
    record_id = dictionary.record_id
    if _norm(record_id) not in where:
        raise ResponsesError(
            _(
                "The responses have no column %(column)s, the first field of the data "
                "dictionary, which identifies each respondent."
            )
            % {"column": record_id}
        )
    wave_column = next((where[c] for c in WAVE_COLUMNS if c in where), None)
    if wave_column is None:
        raise ResponsesError(
            _(
                "The responses have no “wave” or “redcap_event_name” column saying which wave "
                "each row belongs to."
            )
        )
    id_column = where[_norm(record_id)]
    readers = [
        _item_reader(item, where[_norm(item.name)])
        for item in dictionary.fields[1:]
        if item.is_numeric and _norm(item.name) in where
    ]
    read_names = {r.field.name for r in readers}
    missing = [
        _("The responses have no column for %(field)s, an item of the scale %(scale)s.")
        % {"field": item.name, "scale": scale}
        for scale, members in dictionary.scales.items()
        for item in members
        if item.name not in read_names
    ]
    if missing:
        raise ResponsesError("\n".join(missing))
    counts = Counter(header)
    used = [id_column, wave_column, *(r.column for r in readers)]
    twice = [rows[start][column].strip() for column in used if counts[header[column]] > 1]
    if twice:
        raise ResponsesError(
            ngettext(
                "The responses have the column %(columns)s more than once; keep only one.",
                "The responses have the columns %(columns)s more than once; keep only one of each.",
                len(twice),
            )
            % {"columns": ", ".join(twice)}
        )

    # Which rows, in which waves.
    problems: list[RowProblem] = []
    order: list[str] = []
    seen: dict[tuple[str, str], int] = {}
    kept: list[int] = []
    row_wave: list[str] = []
    row_id: list[str] = []
    wanted = None if waves is None else set(waves)
    answered = False
    for index, row in enumerate(rows[start + 1 :], start=start + 2):
        if _blank(row):
            continue
        answered = True
        if len(row) != width:
            problems.append(RowProblem(index, cells_problem(len(row), width)))
            continue
        respondent = row[id_column].strip()
        wave = row[wave_column].strip()
        if not respondent:
            problems.append(
                RowProblem(
                    index,
                    _("there is no respondent (%(column)s is empty).") % {"column": record_id},
                )
            )
            continue
        if not wave:
            problems.append(RowProblem(index, _("the wave is empty.")))
            continue
        if wave not in order:
            order.append(wave)
        if wanted is not None and wave not in wanted:
            continue
        first = seen.setdefault((respondent, wave), index)
        if first != index:
            problems.append(
                RowProblem(
                    index,
                    _("respondent %(id)s already has answers for wave %(wave)s (row %(row)s).")
                    % {"id": respondent, "wave": wave, "row": first},
                )
            )
            continue
        kept.append(index - 1)
        row_wave.append(wave)
        row_id.append(respondent)
    if not answered:
        raise ResponsesError(_("The responses file has a header but no answers."))
    if waves is not None:
        if len(set(waves)) != len(waves):
            raise ResponsesError(
                _("A wave is listed twice in %(waves)s.") % {"waves": ", ".join(waves)}
            )
        unknown = [w for w in waves if w not in order]
        if unknown:
            raise ResponsesError(
                ngettext(
                    "There is no wave %(unknown)s in the responses (their waves: %(waves)s).",
                    "There are no waves %(unknown)s in the responses (their waves: %(waves)s).",
                    len(unknown),
                )
                % {"unknown": ", ".join(unknown), "waves": ", ".join(order) or "-"}
            )
        order = list(waves)

    # The answers, item by item, as one matrix (rows x items); NaN where unanswered.
    answers = np.full((len(kept), len(readers)), np.nan)
    columns = list(zip(*(rows[i] for i in kept), strict=True))
    for j, reader in enumerate(readers):
        column = columns[reader.column] if columns else ()
        cache: dict[str, float] = {}
        for text in set(column):
            value = _convert(reader, text)
            if value is None:
                message = _problem_for(reader, text)
                problems.extend(
                    RowProblem(kept[k] + 1, message) for k, t in enumerate(column) if t == text
                )
                value = math.nan
            cache[text] = value
        answers[:, j] = [cache[text] for text in column]
    if problems:
        _raise_problems(problems)

    return ResponseTable(
        items=tuple(r.field for r in readers),
        answers=answers,
        ids=np.array(row_id, dtype=object),
        row_waves=np.array(row_wave, dtype=object),
        waves=tuple(order),
    )
