"""Moments as a reader reads them: the date in the shape the page picks, the time of day
as the reader's language writes it (``TIME_FORMAT`` in ``core/formats``: "2:30 PM" in
English, "14:30" in Spanish) and the zone, in the time zone that is active (the viewer's,
or the recipient's while an email is rendered)."""

import datetime as dt

from django.utils import dateformat, formats, timezone


def _local(value: dt.datetime) -> dt.datetime:
    return timezone.localtime(value) if timezone.is_aware(value) else value


def when(value: dt.datetime, date_format: str = "D j M Y") -> str:
    """ "Thu 3 Dec 2026, 2:30 PM CST" / "jue 3 Dic 2026, 14:30 CST"."""
    value = _local(value)
    day = formats.date_format(value, date_format)
    return f"{day}, {formats.time_format(value)} {dateformat.format(value, 'T')}"


def when_span(start: dt.datetime, end: dt.datetime, date_format: str = "l j F Y") -> str:
    """One day's start and end: the date, the two times joined by an en dash, the zone
    ("Thursday 3 December 2026, 2:30 PM" then a dash, "3:30 PM CST")."""
    start, end = _local(start), _local(end)
    day = formats.date_format(start, date_format)
    times = f"{formats.time_format(start)}–{formats.time_format(end)}"
    return f"{day}, {times} {dateformat.format(end, 'T')}"
