"""Recurrence rules (RFC 5545 RRULE) read in a series' own time zone.

A series meets at a wall-clock time in its zone ("4 pm in Chicago"); the rule is
expanded on naive local datetimes and only then each one is placed in the zone and
converted to UTC, so 4 pm stays 4 pm across daylight saving while the UTC hour moves.

The form offers four kinds of rule (``Kind``); ``rule_build`` turns the choice into
RRULE text and ``rule_kind`` reads a stored rule back into the choice for editing.
Every problem is a ``RecurrenceError`` naming the form field it belongs to.
"""

import datetime as dt
import re
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from dateutil.rrule import DAILY, rrule, rrulestr
from django.db import models
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from staffroom.core.errors import DomainError

MAX_OCCURRENCES = 500
HORIZON_DAYS = 120
WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_UNTIL = re.compile(r"UNTIL=([0-9TZ]+)", re.IGNORECASE)
# Parts of a rule that would put more than one session on a day, or move its time.
_SUB_DAILY = ("FREQ=HOURLY", "FREQ=MINUTELY", "FREQ=SECONDLY", "BYHOUR", "BYMINUTE", "BYSECOND")


class RecurrenceError(DomainError):
    pass


class Kind(models.TextChoices):
    WEEKLY = "weekly", gettext_lazy("Every week")
    BIWEEKLY = "biweekly", gettext_lazy("Every other week")
    MONTHLY = "monthly", gettext_lazy("Every month, on the same weekday (e.g. the 2nd Tuesday)")
    CUSTOM = "custom", gettext_lazy("Custom rule (RFC 5545 RRULE)")


def nth_weekday(day: dt.date) -> int:
    """Which occurrence of its weekday ``day`` is in its month: 1 to 4, or -1 for the
    last one when it is the fifth (a fifth Tuesday does not come every month)."""
    nth = (day.day - 1) // 7 + 1
    return -1 if nth == 5 else nth


def rule_build(kind: str, *, first_date: dt.date, custom: str = "") -> str:
    """The RRULE text for the form's choice; weekly and monthly rules take their
    weekday (and, monthly, its position in the month) from the first date."""
    weekday = WEEKDAYS[first_date.weekday()]
    if kind == Kind.WEEKLY:
        return f"FREQ=WEEKLY;BYDAY={weekday}"
    if kind == Kind.BIWEEKLY:
        return f"FREQ=WEEKLY;INTERVAL=2;BYDAY={weekday}"
    if kind == Kind.MONTHLY:
        return f"FREQ=MONTHLY;BYDAY={nth_weekday(first_date)}{weekday}"
    if kind == Kind.CUSTOM:
        return rule_normalise(custom)
    raise RecurrenceError(_("Choose how often the series meets."), field="recurrence")


def rule_kind(rrule_text: str, first_date: dt.date) -> str:
    """The form choice that builds ``rrule_text`` again, or ``custom``."""
    for kind in (Kind.WEEKLY, Kind.BIWEEKLY, Kind.MONTHLY):
        if rule_build(kind, first_date=first_date) == rrule_text:
            return kind
    return Kind.CUSTOM


def rule_normalise(text: str) -> str:
    """One RRULE, upper-case, without the ``RRULE:`` prefix or spaces."""
    text = "".join((text or "").split()).upper()
    if text.startswith("RRULE:"):
        text = text.removeprefix("RRULE:")
    return text


def _until_local(match: re.Match, zone: ZoneInfo) -> str:
    """RFC 5545 writes UNTIL in UTC (``Z``) when DTSTART has a zone, or as a date;
    the rule is expanded on local wall-clock times, so UNTIL is made local too."""
    value = match.group(1).upper()
    try:
        if value.endswith("Z"):
            moment = dt.datetime.strptime(value, "%Y%m%dT%H%M%SZ").replace(tzinfo=dt.UTC)
            local = moment.astimezone(zone).replace(tzinfo=None)
        elif "T" in value:
            local = dt.datetime.strptime(value, "%Y%m%dT%H%M%S")
        else:
            local = dt.datetime.combine(dt.datetime.strptime(value, "%Y%m%d").date(), dt.time.max)
    except ValueError:
        raise RecurrenceError(
            _("The end of the rule (UNTIL) is not a date we can read."), field="rrule"
        ) from None
    return "UNTIL=" + local.strftime("%Y%m%dT%H%M%S")


def rule_parse(rrule_text: str, *, dtstart: dt.datetime, zone: ZoneInfo) -> rrule:
    """Parse one RRULE against a naive local ``dtstart``; raise ``RecurrenceError``
    (field ``rrule``) for anything that is not a single rule meeting at most daily."""
    text = rule_normalise(rrule_text)
    if not text:
        raise RecurrenceError(_("Enter a recurrence rule."), field="rrule")
    if any(word in text for word in ("DTSTART", "RDATE", "EXDATE", "EXRULE", ":")):
        raise RecurrenceError(
            _("Enter only the rule itself, such as FREQ=WEEKLY;BYDAY=TU, without DTSTART."),
            field="rrule",
        )
    if not text.startswith("FREQ=") and ";FREQ=" not in text:
        raise RecurrenceError(
            _("A recurrence rule needs FREQ, such as FREQ=WEEKLY."), field="rrule"
        )
    if any(part in text for part in _SUB_DAILY):
        raise RecurrenceError(
            _("A series meets at most once a day, at its start time: remove hourly parts."),
            field="rrule",
        )
    text = _UNTIL.sub(lambda match: _until_local(match, zone), text)
    try:
        parsed = rrulestr(text, dtstart=dtstart)
    except (ValueError, TypeError, KeyError, IndexError, OverflowError):
        raise RecurrenceError(
            _("This is not a recurrence rule we can read. Example: FREQ=WEEKLY;BYDAY=TU."),
            field="rrule",
        ) from None
    if not isinstance(parsed, rrule) or parsed._freq > DAILY:  # rrule has no public getter for FREQ
        raise RecurrenceError(_("A series meets at most once a day."), field="rrule")
    return parsed


@dataclass(frozen=True)
class Occurrence:
    date: dt.date  # the local date the rule gives (RFC 5545 RECURRENCE-ID)
    starts_at: dt.datetime  # in UTC
    ends_at: dt.datetime  # in UTC


def to_utc(local: dt.datetime, zone: ZoneInfo) -> dt.datetime:
    """A naive local wall-clock time in ``zone`` as UTC. A time that does not exist
    (in the hour skipped in spring) is read with the offset before the change."""
    return local.replace(tzinfo=zone).astimezone(dt.UTC)


@dataclass(frozen=True)
class Rule:
    """What a series' dates depend on."""

    rrule: str
    time_zone: str
    start_time: dt.time
    duration_minutes: int
    first_date: dt.date
    last_date: dt.date | None = None

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.time_zone)

    def _parsed(self) -> rrule:
        dtstart = dt.datetime.combine(self.first_date, self.start_time)
        return rule_parse(self.rrule, dtstart=dtstart, zone=self.zone)

    def occurrences(self, *, until: dt.date, since: dt.date | None = None) -> list[Occurrence]:
        """Every occurrence from ``since`` (default: the first date) to ``until`` and
        the last date, whichever is earlier; raises when there are more than
        ``MAX_OCCURRENCES``."""
        end = min(until, self.last_date) if self.last_date else until
        start = max(since or self.first_date, self.first_date)
        if end < start:
            return []
        zone = self.zone
        found = []
        length = dt.timedelta(minutes=self.duration_minutes)
        for local in self._parsed().xafter(
            dt.datetime.combine(start, dt.time.min), count=MAX_OCCURRENCES + 1, inc=True
        ):
            if local.date() > end:
                break
            if found and found[-1].date == local.date():
                continue  # at most once a day, whatever the rule says
            if len(found) == MAX_OCCURRENCES:
                raise RecurrenceError(
                    _("This rule gives more than %(max)s sessions up to %(until)s. Choose a "
                      "rule that meets less often, or a later first date.")
                    % {"max": MAX_OCCURRENCES, "until": date_format(end)},
                    field="rrule",
                )  # fmt: skip
            starts_at = to_utc(local, zone)
            found.append(Occurrence(local.date(), starts_at, starts_at + length))
        return found

    def first_occurrence(self) -> dt.date | None:
        parsed = self._parsed()
        local = parsed.after(dt.datetime.combine(self.first_date, dt.time.min), inc=True)
        if local is None or (self.last_date and local.date() > self.last_date):
            return None
        return local.date()

    def validate(self, *, since: dt.date, until: dt.date) -> None:
        """Raise ``RecurrenceError`` for a last date before the first, a rule that
        cannot be read, gives no dates, or gives more than ``MAX_OCCURRENCES`` from
        ``since`` to ``until`` (the sessions generating them would create)."""
        if self.last_date and self.last_date < self.first_date:
            raise RecurrenceError(
                _("The last date must be on or after the first date."), field="last_date"
            )
        if self.first_occurrence() is None:
            raise RecurrenceError(
                _("This rule gives no dates between the first and the last date."),
                field="rrule",
            )
        self.occurrences(since=since, until=until)
