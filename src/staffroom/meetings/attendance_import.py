"""Attendance reports exported by Zoom, Google Meet and Microsoft Teams: reading them,
matching their people to the session's community, and merging them into attendance.

Reading (``report_read``) finds which platform made the file by its header row, copes
with the encodings these files come in (UTF-8 with or without a BOM, UTF-16 with tabs
as Teams writes it, Windows-1252 after Excel re-saved it) and with the summary lines
Zoom and Teams put above the table. Each row becomes a ``Row``; a row that cannot be
read becomes a ``Problem`` with its row number (the row as a spreadsheet numbers it),
and the other rows stay usable, so the facilitator chooses: import the good rows, or
fix the file.

Matching (``import_plan``) links each person to a member of the session's community by
email (any verified address of theirs), then by name (accents, case, extra spaces and
"Last, First" order ignored), then to a guest registration by email. One person's
join/leave rows are merged, overlapping intervals counted once; minutes are capped at
the session's length (credit is for the session, not the waiting room).

Merging (``attendance_import``) keeps one ``Attendance`` per person per session: a
report is more precise than a check-in or a member's own report, so it replaces them;
a record a facilitator set at roll call is theirs and is kept; people the report could
not place wait on the review screen as ``ImportedRow``s. The same file imports once.
"""

import csv
import datetime as dt
import hashlib
import io
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from allauth.account.models import EmailAddress
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from staffroom.accounts.models import User
from staffroom.communities import permissions
from staffroom.communities.access import CommunityAccess
from staffroom.communities.models import Membership
from staffroom.core.errors import DomainError
from staffroom.meetings.models import (
    Attendance,
    AttendanceImport,
    ImportedRow,
    Registration,
    Session,
)

MAX_BYTES = 10 * 1024 * 1024
# A report with rows that cannot be read waits in the person's session while they
# choose to import the good rows; one this long is better fixed than kept there.
MAX_PENDING_ROWS = 5000
HEADER_SEARCH_ROWS = 60  # summary lines above the table: Zoom has 3, Teams about 9


class ReportError(DomainError):
    """A file that cannot be imported as it is."""


class RowProblems(ReportError):
    """Some rows cannot be read: the person importing chooses to import the others,
    or to fix the file."""


# -- the platforms' columns ------------------------------------------------------------


def _norm(text: str) -> str:
    return " ".join(text.replace("\ufeff", "").casefold().split())


@dataclass(frozen=True)
class Column:
    key: str
    names: tuple[str, ...]  # the header texts we accept, the platform's own first
    required: bool = True

    def find(self, header: list[str]) -> int | None:
        wanted = {_norm(name) for name in self.names}
        return next((i for i, cell in enumerate(header) if cell in wanted), None)


@dataclass(frozen=True)
class Layout:
    platform: str
    label: str
    columns: tuple[Column, ...]

    def expected(self) -> str:
        return ", ".join(f"“{c.names[0]}”" for c in self.columns if c.required)

    def match(self, header: list[str]) -> dict[str, int] | None:
        """Where each column is in ``header`` (normalised), or None if a required
        one is missing."""
        found = {}
        for column in self.columns:
            index = column.find(header)
            if index is None and column.required:
                return None
            if index is not None:
                found[column.key] = index
        return found


ZOOM = Layout("zoom", "Zoom", (
    Column("name", ("Name (Original Name)", "Participant name", "Name")),
    Column("email", ("User Email", "Email"), required=False),
    Column("join", ("Join Time",)),
    Column("leave", ("Leave Time",)),
    Column("duration", ("Duration (Minutes)", "Duration (mins)")),
))  # fmt: skip
MEET = Layout("meet", "Google Meet", (
    Column("first", ("First name",)),
    Column("last", ("Last name",)),
    Column("email", ("Email", "Email address")),
    Column("duration", ("Duration", "Time in call")),
    Column("join", ("Time joined", "First seen", "Joined"), required=False),
    Column("leave", ("Time exited", "Last seen", "Exited"), required=False),
))  # fmt: skip
TEAMS = Layout("teams", "Microsoft Teams", (
    Column("name", ("Full Name", "Name")),
    Column("join", ("Join Time", "First Join", "First Join Time")),
    Column("leave", ("Leave Time", "Last Leave", "Last Leave Time")),
    Column("duration", ("In-Meeting Duration", "Duration", "Attendance Duration"),
           required=False),
    Column("email", ("Email",), required=False),
    Column("upn", ("Participant ID (UPN)", "UPN"), required=False),
    Column("role", ("Role",), required=False),
))  # fmt: skip
# Zoom first: its "Duration (Minutes)" tells it apart from Teams' "Join Time" table.
LAYOUTS = (ZOOM, MEET, TEAMS)


def _header(cells: list[str]) -> list[str]:
    return [_norm(cell) for cell in cells]


def expected_columns() -> str:
    """The columns each platform's report must have, for the error message."""
    return "; ".join(f"{layout.label}: {layout.expected()}" for layout in LAYOUTS)


# -- what a report holds ----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Row:
    """One line of the report: one person's stay, or their whole attendance."""

    number: int
    name: str
    email: str
    start: dt.datetime | None = None
    end: dt.datetime | None = None
    stated: int | None = None  # seconds, from the report's duration column

    @property
    def names(self) -> tuple[str, ...]:
        """The name and its variants: Zoom writes "Current (Original)", Teams adds
        "(External)" or "(Guest)"."""
        found = re.fullmatch(r"\s*(.*?)\s*\(([^()]*)\)\s*", self.name)
        if not found:
            return (self.name,)
        return tuple(n for n in (found.group(1), found.group(2), self.name) if n.strip())

    def to_json(self) -> list:
        iso = lambda value: value.isoformat() if value else None  # noqa: E731
        return [self.number, self.name, self.email, iso(self.start), iso(self.end), self.stated]

    @classmethod
    def from_json(cls, data: list) -> "Row":
        number, name, email, start, end, stated = data
        parse = lambda value: dt.datetime.fromisoformat(value) if value else None  # noqa: E731
        return cls(number, name, email, parse(start), parse(end), stated)


@dataclass(frozen=True, slots=True)
class Problem:
    row: int
    message: str


def _union_seconds(intervals: list[tuple[dt.datetime, dt.datetime]]) -> int:
    """The length of a union of intervals: overlapping stays count once."""
    total = 0
    current_start = current_end = None
    for start, end in sorted(intervals):
        if current_end is None or start > current_end:
            if current_end is not None:
                total += (current_end - current_start).total_seconds()
            current_start, current_end = start, end
        elif end > current_end:
            current_end = end
    if current_end is not None:
        total += (current_end - current_start).total_seconds()
    return int(total)


def seconds_attended(rows: list[Row]) -> int:
    """A person's time in the meeting. One row with a stated duration: that duration
    (Meet and Teams summaries state the time in the call, which leaves out the gaps
    between first join and last leave). Several rows: the union of their intervals,
    plus the stated durations of rows without times."""
    if len(rows) == 1 and rows[0].stated is not None:
        return rows[0].stated
    timed = [(row.start, row.end) for row in rows if row.start and row.end]
    untimed = sum(row.stated or 0 for row in rows if not (row.start and row.end))
    return _union_seconds(timed) + untimed


def row_numbers_text(numbers: Iterable[int], limit: int = 200) -> str:
    """For rows 3, 4, 5 and 9: "3–5, 9", cut to fit ``limit`` characters."""  # noqa: RUF002
    ranges: list[list[int]] = []
    for number in sorted(set(numbers)):
        if ranges and number == ranges[-1][1] + 1:
            ranges[-1][1] = number
        else:
            ranges.append([number, number])
    text = ", ".join(f"{a}" if a == b else f"{a}–{b}" for a, b in ranges)
    return text if len(text) <= limit else text[: limit - 1].rsplit(",", 1)[0] + "…"


@dataclass
class Person:
    """The rows of one person in a report, merged."""

    rows: list[Row]

    @property
    def name(self) -> str:
        return self.rows[0].name

    @property
    def email(self) -> str:
        return next((row.email for row in self.rows if row.email), "")

    @property
    def names(self) -> list[str]:
        return list(dict.fromkeys(n for row in self.rows for n in row.names))

    @property
    def seconds(self) -> int:
        return seconds_attended(self.rows)

    @property
    def row_numbers(self) -> str:
        return row_numbers_text(row.number for row in self.rows)


@dataclass
class Report:
    """A report read from a file: its good rows and the problems of the others."""

    platform: str
    filename: str
    sha256: str
    rows: list[Row]
    problems: list[Problem]

    @property
    def platform_label(self) -> str:
        return dict(AttendanceImport.Platform.choices)[self.platform]

    def people(self) -> list[Person]:
        """The rows grouped by person: by email where the row has one, else by name;
        a row without an email joins the person of the same name who has one."""
        by_email: dict[str, Person] = {}
        by_name: dict[str, Person] = {}
        for row in self.rows:
            if row.email:
                if row.email not in by_email:
                    by_email[row.email] = Person([])
                    by_name.setdefault(name_key(row.names[0]), by_email[row.email])
                by_email[row.email].rows.append(row)
        for row in self.rows:
            if not row.email:
                by_name.setdefault(name_key(row.names[0]), Person([])).rows.append(row)
        people = {id(person): person for person in [*by_email.values(), *by_name.values()]}
        return list(people.values())

    def to_json(self) -> dict:
        return {
            "platform": self.platform,
            "filename": self.filename,
            "sha256": self.sha256,
            "rows": [row.to_json() for row in self.rows],
            "problems": [[p.row, p.message] for p in self.problems],
        }

    @classmethod
    def from_json(cls, data: dict) -> "Report":
        return cls(
            platform=data["platform"],
            filename=data["filename"],
            sha256=data["sha256"],
            rows=[Row.from_json(row) for row in data["rows"]],
            problems=[Problem(row, message) for row, message in data["problems"]],
        )


# -- names ------------------------------------------------------------------------------


def name_key(value: str) -> str:
    """A name as we compare it: accents, case, punctuation, extra spaces and the
    "Last, First" order ignored ("García Simón, Pedro" → "pedro garcia simon")."""
    text = unicodedata.normalize("NFKD", value or "")
    text = "".join(char for char in text if not unicodedata.combining(char)).casefold()
    if text.count(",") == 1:
        last, first = text.split(",")
        text = f"{first} {last}"
    return " ".join(re.sub(r"[^\w'-]+", " ", text).split())


def name_tokens_key(value: str) -> str:
    """The same, in any order ("JANSSENS Jan" and "Jan Janssens")."""
    return " ".join(sorted(name_key(value).split()))


def _words(value: str) -> set[str]:
    """The words of a name for suggestions: "Dial-in" shares "dial" with "Dana Dial"."""
    words = re.split(r"[\s'-]+", name_key(value))
    return {word for word in words if len(word) > 1 and not word.isdigit()}


# -- times and durations ----------------------------------------------------------------

_MONTH_FIRST = ["%m/%d/%Y", "%m/%d/%y"]
_DAY_FIRST = ["%d/%m/%Y", "%d/%m/%y", "%d.%m.%Y", "%d.%m.%y"]
_CLOCKS = ["%I:%M:%S %p", "%I:%M %p", "%H:%M:%S", "%H:%M"]
_TIME_ONLY = ["%I:%M:%S %p", "%I:%M %p", "%H:%M:%S", "%H:%M"]
# A zone after the time ("CST", "GMT-6"): the times of one report share it.
_ZONE_SUFFIX = re.compile(r"\s+(?!(?:AM|PM)$)(?:[A-Z]{2,5}|(?:GMT|UTC)\s*[+-]\d{1,2}(?::?\d{2})?)$")


def _datetime_formats(dayfirst: bool) -> list[str]:
    dates = _DAY_FIRST + _MONTH_FIRST if dayfirst else _MONTH_FIRST + _DAY_FIRST
    combined = [f"{d}{sep}{c}" for d in dates for sep in (" ", ", ") for c in _CLOCKS]
    iso = ["%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y/%m/%d %H:%M:%S", "%Y/%m/%d %I:%M:%S %p"]
    return iso + combined + _TIME_ONLY


class TimeReader:
    """Reads the report's times. Which of day or month comes first is decided once
    per file (``15/11/22`` says day-first), then kept for every row; the format that
    read the last value is tried first, so a 1,000-row file reads quickly."""

    def __init__(self, dayfirst: bool = False):
        self.formats = _datetime_formats(dayfirst)
        self.last = self.formats[0]

    @staticmethod
    def _clean(text: str) -> str:
        text = " ".join(text.replace("\u202f", " ").replace("\xa0", " ").split())
        text = re.sub(r"\b([ap])\.?\s?m\.?(?=$|\s)", lambda m: m.group(1).upper() + "M", text,
                      flags=re.IGNORECASE)  # fmt: skip
        return _ZONE_SUFFIX.sub("", text)

    def read(self, text: str) -> dt.datetime | None:
        text = self._clean(text)
        if not text:
            return None
        try:
            value = dt.datetime.fromisoformat(text)
        except ValueError:
            pass
        else:
            if value.tzinfo is not None:
                value = value.astimezone(dt.UTC).replace(tzinfo=None)
            return value
        for pattern in (self.last, *self.formats):
            try:
                value = dt.datetime.strptime(text, pattern)
            except ValueError:
                continue
            self.last = pattern
            return value
        return None


_DATE_START = re.compile(r"\s*(\d{1,2})[/.-](\d{1,2})[/.-]")


def choose_time_reader(values: list[str]) -> TimeReader:
    """Day-first if more of the file's dates can only be day-first (``15/11/22``) than
    can only be month-first (``11/15/22``); the other order stays a fallback."""
    day_first = month_first = 0
    for value in values:
        found = _DATE_START.match(value)
        if found:
            first, second = int(found.group(1)), int(found.group(2))
            day_first += first > 12 >= second
            month_first += second > 12 >= first
    return TimeReader(day_first > month_first)


_UNITS = {
    "h": 3600, "hr": 3600, "hrs": 3600, "hour": 3600, "hours": 3600, "hora": 3600,
    "horas": 3600, "m": 60, "min": 60, "mins": 60, "minute": 60, "minutes": 60,
    "minuto": 60, "minutos": 60, "s": 1, "sec": 1, "secs": 1, "second": 1, "seconds": 1,
    "seg": 1, "segundo": 1, "segundos": 1,
}  # fmt: skip
_UNIT_PART = re.compile(r"(\d+(?:[.,]\d+)?)\s*([a-z]+)\.?", re.IGNORECASE)


def read_duration(text: str) -> int | None:
    """Seconds from "62" (minutes, as Zoom writes it), "1h 2m 3s" (Teams),
    "1 hr 2 min" (Meet) or "1:02:03"; None if it is none of these."""
    text = " ".join((text or "").split()).strip()
    if not text:
        return None
    if re.fullmatch(r"\d+(?:[.,]\d+)?", text):
        return round(float(text.replace(",", ".")) * 60)
    clock = re.fullmatch(r"(\d+):(\d{2})(?::(\d{2}))?", text)
    if clock:
        hours, minutes, seconds = int(clock[1]), int(clock[2]), int(clock[3] or 0)
        return hours * 3600 + minutes * 60 + seconds
    total, consumed = 0.0, 0
    for part in _UNIT_PART.finditer(text):
        unit = _UNITS.get(part.group(2).casefold())
        if unit is None:
            return None
        total += float(part.group(1).replace(",", ".")) * unit
        consumed += len(part.group(0))
    leftover = re.sub(r"[\s,]|\band\b|\by\b", "", _UNIT_PART.sub("", text))
    if not consumed or leftover:
        return None
    return round(total)


# -- reading a file ---------------------------------------------------------------------


def _decode(data: bytes) -> str:
    """The text of a report. UTF-16 (Teams) is told by its BOM or by its zero bytes;
    UTF-8 with or without a BOM; anything else is Windows-1252, what Excel writes
    when it re-saves a CSV on Windows."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if data.startswith(b"PK\x03\x04"):
        raise ReportError(_(
            "This is an Excel workbook, not a CSV file. Download the report as CSV, or "
            "open it in Excel and save it as “CSV UTF-8”."
        ))  # fmt: skip
    head = data[:400]
    if head and head.count(b"\x00") >= len(head) // 4:
        odd_zeros = head[1::2].count(b"\x00") > head[0::2].count(b"\x00")
        try:
            return data.decode("utf-16-le" if odd_zeros else "utf-16-be")
        except UnicodeDecodeError:
            raise ReportError(
                _("This file is not a text file: download the report as CSV.")
            ) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    if "\x00" in text:
        raise ReportError(_("This file is not a text file: download the report as CSV."))
    return text


def _find_table(text: str) -> tuple[Layout, dict[str, int], str, int]:
    """The platform, its columns, the delimiter and the header's record index."""
    for delimiter in (",", "\t", ";"):
        reader = csv.reader(io.StringIO(text), delimiter=delimiter)
        try:
            for index, record in enumerate(reader):
                if index >= HEADER_SEARCH_ROWS:
                    break
                header = _header(record)
                for layout in LAYOUTS:
                    columns = layout.match(header)
                    if columns is not None:
                        return layout, columns, delimiter, index
        except csv.Error:
            continue
    first_line = next((line.strip() for line in text.splitlines() if line.strip()), "")
    raise ReportError(
        _(
            "This file does not look like an attendance report from Zoom, Google Meet or "
            "Microsoft Teams: we could not find their columns. Expected — %(expected)s. "
            "The file begins with: “%(seen)s”."
        )
        % {"expected": expected_columns(), "seen": first_line[:200].replace("\t", ", ")}
    )


_SECTION_TITLE = re.compile(r"^\d+\.\s+\S")


def _cell(record: list[str], columns: dict[str, int], key: str) -> str:
    index = columns.get(key)
    if index is None or index >= len(record):
        return ""
    return record[index].strip()


def report_read(data: bytes, filename: str) -> Report:
    """Read a report from its bytes (at most ``MAX_BYTES``). Raises ``ReportError``
    when the file cannot be used at all; rows that cannot be read are ``problems``."""
    if len(data) > MAX_BYTES:
        raise _too_large()
    if not data.strip(b" \t\r\n\xef\xbb\xbf\xff\xfe\x00"):
        raise ReportError(_("The file is empty."))
    text = _decode(data)
    layout, columns, delimiter, header_index = _find_table(text)
    records: list[tuple[int, list[str]]] = []
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    try:
        for index, record in enumerate(reader):
            if index <= header_index:
                continue
            filled = [cell for cell in record if cell.strip()]
            if not filled:
                continue
            if len(filled) == 1 and _SECTION_TITLE.match(filled[0].strip()):
                break  # Teams' next section ("3. In-Meeting Activities")
            if layout.match(_header(record)) is not None:
                continue  # a header repeated
            records.append((index + 1, record))
    except csv.Error as error:
        raise ReportError(
            _("The file could not be read as CSV near line %(line)s: %(error)s")
            % {"line": reader.line_num, "error": error}
        ) from None
    if not records:
        raise ReportError(
            _(
                "The report has its columns but no participants: check you exported the "
                "right meeting."
            )
        )
    times = [_cell(r, columns, key) for _n, r in records for key in ("join", "leave")]
    reader_for_times = choose_time_reader(times)
    rows, problems = [], []
    for number, record in records:
        outcome = _read_row(layout, columns, number, record, reader_for_times)
        (rows if isinstance(outcome, Row) else problems).append(outcome)
    return Report(
        platform=layout.platform,
        filename=filename,
        sha256=hashlib.sha256(data).hexdigest(),
        rows=rows,
        problems=problems,
    )


def _read_row(layout, columns, number, record, times: TimeReader) -> Row | Problem:
    if layout is MEET:
        name = " ".join(
            f"{_cell(record, columns, 'first')} {_cell(record, columns, 'last')}".split()
        )
    else:
        name = " ".join(_cell(record, columns, "name").split())
    email = _cell(record, columns, "email").lower() or _cell(record, columns, "upn").lower()
    if "@" not in email:
        email = ""
    if not name and not email:
        return Problem(number, _("There is no name and no email."))
    name = name or email
    join_text, leave_text = _cell(record, columns, "join"), _cell(record, columns, "leave")
    start, end = times.read(join_text), times.read(leave_text)
    if join_text and start is None:
        return Problem(
            number, _("The join time “%(value)s” is not a date and time.") % {"value": join_text}
        )
    if leave_text and end is None:
        return Problem(
            number, _("The leave time “%(value)s” is not a date and time.") % {"value": leave_text}
        )
    if start and end and end < start:
        if start.date() == dt.date(1900, 1, 1):  # times without dates, across midnight
            end += dt.timedelta(days=1)
        else:
            return Problem(number, _("The leave time is before the join time."))
    duration_text = _cell(record, columns, "duration")
    stated = read_duration(duration_text)
    if duration_text and stated is None and not (start and end):
        return Problem(
            number,
            _("The duration “%(value)s” is not a length of time.") % {"value": duration_text},
        )
    if not (start and end) and stated is None:
        return Problem(number, _("There are no join and leave times and no duration."))
    if layout is ZOOM and start and end:
        stated = None  # Zoom rounds each row up to the minute: its times are more precise
    return Row(number, name, email, start if end else None, end if start else None, stated)


def too_large_message() -> str:
    return _(
        "The file is larger than %(size)s MB, so it was not read. An attendance report "
        "is usually far smaller: check you chose the right file."
    ) % {"size": MAX_BYTES // (1024 * 1024)}


def _too_large() -> ReportError:
    return ReportError(too_large_message())


def report_read_upload(upload) -> Report:
    """Read an uploaded file, refusing one over the limit before reading it."""
    if upload is None:
        raise ReportError(_("Choose the report file."))
    if upload.size is not None and upload.size > MAX_BYTES:
        raise _too_large()
    data = upload.read(MAX_BYTES + 1)
    return report_read(data, Path(upload.name or "report.csv").name)


def report_read_path(path: str | Path) -> Report:
    """Read a report from disk (the command), refusing one over the limit unread."""
    path = Path(path)
    if not path.is_file():
        raise ReportError(_("There is no file at %(path)s.") % {"path": path})
    if path.stat().st_size > MAX_BYTES:
        raise _too_large()
    with path.open("rb") as handle:
        return report_read(handle.read(MAX_BYTES + 1), path.name)


# -- matching ---------------------------------------------------------------------------


class Action:
    CREATE = "create"  # a new attendance record
    UPDATE = "update"  # the report replaces a check-in, a member's report or a smaller import
    SAME = "same"  # the record already says as much
    KEEP = "keep"  # a facilitator set this record at roll call: theirs stands
    REVIEW = "review"  # nobody matched: the facilitator decides on the review screen


@dataclass
class Outcome:
    """What importing one person does."""

    person: Person
    action: str
    minutes: int
    user: object = None
    registration: Registration | None = None
    how: str = ""  # "email", "name", "guest"
    current: Attendance | None = None

    @property
    def message(self) -> str:
        who = self.user.display_name if self.user else (
            self.registration.guest_name if self.registration else ""
        )  # fmt: skip
        how = {
            "email": _("matched by email to %(who)s"),
            "name": _("matched by name to %(who)s"),
            "guest": _("matched to the guest %(who)s"),
        }.get(self.how, "") % {"who": who}
        minutes = {"minutes": self.minutes}
        done = {
            Action.CREATE: _("recorded %(minutes)s min") % minutes,
            Action.UPDATE: _("updated to %(minutes)s min") % minutes,
            Action.SAME: _("already recorded, unchanged"),
            Action.KEEP: _("kept the facilitator's record (%(minutes)s min in the report)")
            % minutes,
            Action.REVIEW: _("no member matched: waiting for review (%(minutes)s min)") % minutes,
        }[self.action]
        return f"{how}: {done}" if how else done


@dataclass
class Directory:
    """The community's members and the session's guests, indexed for matching."""

    by_email: dict[str, object] = field(default_factory=dict)
    by_name: dict[str, set] = field(default_factory=dict)
    by_tokens: dict[str, set] = field(default_factory=dict)
    guests: dict[str, Registration] = field(default_factory=dict)

    @classmethod
    def for_session(cls, session: Session) -> "Directory":
        directory = cls()
        users = {
            user.pk: user
            for user in User.objects.filter(
                memberships__community_id=session.community_id,
                memberships__status=Membership.Status.ACTIVE,
            ).only("pk", "email", "display_name", "public_id")
        }
        for user in users.values():
            directory.by_email[user.email.lower()] = user
            directory.by_name.setdefault(name_key(user.display_name), set()).add(user)
            directory.by_tokens.setdefault(name_tokens_key(user.display_name), set()).add(user)
        other_addresses = EmailAddress.objects.filter(
            user_id__in=list(users), verified=True
        ).values_list("user_id", "email")
        for user_id, email in other_addresses:
            directory.by_email.setdefault(email.lower(), users[user_id])
        guests = Registration.objects.filter(session=session, user__isnull=True)
        directory.guests = {
            registration.guest_email.lower(): registration for registration in guests
        }
        return directory

    def suggestions(self, name: str, limit: int = 3) -> list:
        """Members whose names share a word with ``name``, most words first: the
        likely ones to link a report row to."""
        words = {word for n in Row(0, name, "").names for word in _words(n)}
        scores: dict = {}
        for key, users in self.by_tokens.items():
            shared = len(words & _words(key))
            for user in users if shared else ():
                scores[user] = max(scores.get(user, 0), shared)
        ranked = sorted(scores.items(), key=lambda pair: (-pair[1], pair[0].display_name))
        return [user for user, _score in ranked[:limit]]

    def match(self, person: Person) -> tuple[object, Registration | None, str]:
        for row in person.rows:
            if row.email and row.email in self.by_email:
                return self.by_email[row.email], None, "email"
        for index in (self.by_name, self.by_tokens):
            key_of = name_key if index is self.by_name else name_tokens_key
            for name in person.names:
                found = index.get(key_of(name), set())
                if len(found) == 1:
                    return next(iter(found)), None, "name"
        for row in person.rows:
            if row.email and row.email in self.guests:
                return None, self.guests[row.email], "guest"
        return None, None, ""


def _minutes(seconds: int, session: Session) -> int:
    return min(round(seconds / 60), session.duration_minutes)


def import_action(current: Attendance | None, minutes: int) -> str:
    """How a report's minutes merge into a person's record."""
    if current is None:
        return Action.CREATE
    if current.source == Attendance.Source.ROLL_CALL:
        return Action.KEEP
    if current.source == Attendance.Source.IMPORT:
        # Two reports of one session (the meeting restarted, or exported twice):
        # the larger stands, never the sum, which could count a stay twice.
        return Action.UPDATE if minutes > current.minutes else Action.SAME
    same = current.mode == Attendance.Mode.LIVE and current.minutes == minutes
    return Action.SAME if same else Action.UPDATE


def import_plan(session: Session, report: Report) -> list[Outcome]:
    """What importing ``report`` into ``session`` would do, person by person. People
    matched to the same member (a laptop and a phone under two names) are merged."""
    directory = Directory.for_session(session)
    matched: dict[tuple, Person] = {}
    found: dict[tuple, tuple] = {}
    unmatched: list[Person] = []
    for person in report.people():
        user, registration, how = directory.match(person)
        if user is None and registration is None:
            unmatched.append(person)
            continue
        key = ("user", user.pk) if user else ("guest", registration.pk)
        if key in matched:
            matched[key] = Person(matched[key].rows + person.rows)
        else:
            matched[key] = person
            found[key] = (user, registration, how)
    user_ids = [user.pk for user, _r, _h in found.values() if user]
    guest_emails = [r.guest_email for _u, r, _h in found.values() if r]
    records = list(
        Attendance.objects.filter(session=session).filter(
            Q(user_id__in=user_ids) | Q(user__isnull=True, guest_email__in=guest_emails)
        )
    )
    by_user = {a.user_id: a for a in records if a.user_id}
    by_guest = {a.guest_email: a for a in records if not a.user_id}
    outcomes = []
    for key, person in matched.items():
        user, registration, how = found[key]
        minutes = _minutes(person.seconds, session)
        record = by_user.get(user.pk) if user else by_guest.get(registration.guest_email)
        outcomes.append(
            Outcome(
                person, import_action(record, minutes), minutes, user, registration, how, record
            )
        )
    for person in unmatched:
        outcomes.append(Outcome(person, Action.REVIEW, _minutes(person.seconds, session)))
    outcomes.sort(key=lambda outcome: min(row.number for row in outcome.person.rows))
    return outcomes


# -- importing --------------------------------------------------------------------------


def previous_import(session: Session, sha256: str) -> AttendanceImport | None:
    return AttendanceImport.objects.filter(session=session, sha256=sha256).first()


def _already_imported(previous: AttendanceImport) -> ReportError:
    when = formats.date_format(timezone.localtime(previous.created_at), "DATETIME_FORMAT")
    return ReportError(
        _("This file was already imported on %(date)s. Nothing changed.") % {"date": when}
    )


def check_importable(session: Session) -> None:
    if session.status == Session.Status.CANCELLED:
        raise ReportError(_("This session was cancelled: there is no attendance to import."))
    if session.starts_at > timezone.now():
        raise ReportError(_("This session has not taken place yet."))


@dataclass
class ImportResult:
    source: AttendanceImport | None
    outcomes: list[Outcome]
    problems: list[Problem]
    dry_run: bool = False

    def count(self, action: str) -> int:
        return sum(1 for outcome in self.outcomes if outcome.action == action)


def attendance_import(
    *,
    actor,
    access: CommunityAccess | None,
    session: Session,
    report: Report,
    good_rows: bool = False,
    dry_run: bool = False,
) -> ImportResult:
    """Merge ``report`` into the session's attendance in one transaction.

    Refused (``ReportError``): a session cancelled or still to come; a file already
    imported for this session ("already imported on <date>"); a report with rows that
    cannot be read, unless ``good_rows`` says to import the others. ``dry_run`` plans
    and writes nothing. ``access`` is None only from the command line, where whoever
    runs it already controls the server."""
    if access is not None and not access.has(permissions.SCHEDULE):
        raise ReportError(_("You are not allowed to record attendance in this community."))
    check_importable(session)
    previous = previous_import(session, report.sha256)
    if previous is not None:
        raise _already_imported(previous)
    if not report.rows:
        raise ReportError(_("No row of this report can be read: fix the file and upload it again."))
    if report.problems and not good_rows:
        raise RowProblems(
            ngettext(
                "%(count)s row cannot be read. Fix the file, or import the rows that can be read.",
                "%(count)s rows cannot be read. Fix the file, or import the rows that can be read.",
                len(report.problems),
            )
            % {"count": len(report.problems)}
        )
    if dry_run:
        return ImportResult(None, import_plan(session, report), report.problems, dry_run=True)
    try:
        with transaction.atomic():
            return _apply(actor, session, report)
    except IntegrityError:
        # The same file uploaded twice at the same moment: one import wins.
        previous = previous_import(session, report.sha256)
        if previous is None:
            raise
        raise _already_imported(previous) from None


def _apply(actor, session: Session, report: Report) -> ImportResult:
    source = AttendanceImport.objects.create(
        session=session,
        platform=report.platform,
        sha256=report.sha256,
        filename=report.filename[:255],
        uploaded_by=actor,
    )
    # Lock the session's records: a check-in arriving now waits for the import.
    list(Attendance.objects.select_for_update().filter(session=session).values_list("pk"))
    outcomes = import_plan(session, report)
    now = timezone.now()
    created, updated, rows = [], [], []
    for outcome in outcomes:
        person = outcome.person
        state = ImportedRow.State.MATCHED
        if outcome.action == Action.REVIEW:
            state = ImportedRow.State.UNMATCHED
        elif outcome.registration is not None:
            state = ImportedRow.State.GUEST
        rows.append(ImportedRow(
            source=source, name=person.name[:200], email=person.email[:254],
            minutes=outcome.minutes, row_numbers=person.row_numbers, state=state,
            user=outcome.user,
        ))  # fmt: skip
        if outcome.action == Action.CREATE:
            registration = outcome.registration
            created.append(Attendance(
                session=session, user=outcome.user, registration=registration,
                guest_name=registration.guest_name if registration else "",
                guest_email=registration.guest_email if registration else "",
                mode=Attendance.Mode.LIVE, source=Attendance.Source.IMPORT,
                minutes=outcome.minutes, confirmed=True,
            ))  # fmt: skip
        elif outcome.action == Action.UPDATE:
            record = outcome.current
            record.minutes, record.mode = outcome.minutes, Attendance.Mode.LIVE
            record.source, record.confirmed, record.updated_at = Attendance.Source.IMPORT, True, now
            updated.append(record)
    Attendance.objects.bulk_create(created)
    Attendance.objects.bulk_update(
        updated, ["minutes", "mode", "source", "confirmed", "updated_at"], batch_size=500
    )
    ImportedRow.objects.bulk_create(rows, batch_size=500)
    return ImportResult(source, outcomes, report.problems)
