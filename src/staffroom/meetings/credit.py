"""Professional-development credit: what a member's attendance earns, their
transcript by school year, and certificates anyone can verify by code.

The rule (stated on the transcript page too): a session counts when the member's
attendance is confirmed and their minutes reach the series' ``credit_share`` of the
session's length; a counted session earns its whole length, any other earns nothing.
Joining by phone counts only where the series says so (``phone_counts``), and only
once a facilitator confirmed it; watching the recording and reflecting
(asynchronous attendance) counts, for the session's whole length, only where the
series says so (``async_counts``). A one-off session without a series uses
``ONE_OFF``: 75 %, phone counts, asynchronous does not. Cancelled sessions earn
nothing. A session's date is its date where it was held (its own time zone); the
school year runs from July 1 to June 30.
"""

import datetime as dt
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.db import IntegrityError, transaction
from django.db.models import Count, FloatField, Q, QuerySet
from django.db.models.functions import Cast
from django.http import Http404
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from staffroom.communities.models import Hub
from staffroom.core.errors import DomainError
from staffroom.meetings.models import Attendance, Certificate, Series, Session

# Certificate codes: no 0/O, 1/I/L, so a code read aloud or typed from paper works.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 10


@dataclass(frozen=True)
class CreditRules:
    share: int  # per cent of the session's length
    phone_counts: bool
    async_counts: bool


ONE_OFF = CreditRules(share=75, phone_counts=True, async_counts=False)


class CreditError(DomainError):
    pass


def credited_minutes(
    *, rules: CreditRules, mode: str, minutes: int, confirmed: bool, length: int
) -> int:
    """The minutes one attendance earns: the session's ``length`` or nothing."""
    if not confirmed or length <= 0:
        return 0
    if mode == Attendance.Mode.ASYNC:
        return length if rules.async_counts else 0
    if mode == Attendance.Mode.PHONE and not rules.phone_counts:
        return 0
    return length if minutes * 100 >= rules.share * length else 0


def school_year(day: dt.date) -> int:
    """The year a school year starts in: July 2025 to June 2026 is 2025."""
    return day.year if day.month >= 7 else day.year - 1


def school_year_label(year: int) -> str:
    return f"{year}–{(year + 1) % 100:02d}"


def school_year_bounds(year: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, 7, 1), dt.date(year + 1, 6, 30)


@dataclass(frozen=True)
class CreditRow:
    """One attended session, as the transcript and certificates see it."""

    session_public_id: str
    title: str
    community_name: str
    community_slug: str
    hub_id: int
    series_id: int | None
    series_title: str
    starts_at: dt.datetime
    day: dt.date  # where the session was held
    length: int
    mode: str
    minutes: int
    confirmed: bool
    credited: int

    @property
    def mode_label(self) -> str:
        return str(Attendance.Mode(self.mode).label)

    @property
    def counted(self) -> bool:
        return self.credited > 0

    @property
    def school_year(self) -> int:
        return school_year(self.day)


_ROW_FIELDS = (
    "mode", "minutes", "confirmed", "session__public_id", "session__title",
    "session__community__name", "session__community__slug", "session__community__hub_id",
    "session__series_id", "session__series__title", "session__series__credit_share",
    "session__series__phone_counts", "session__series__async_counts", "session__starts_at",
    "session__ends_at", "session__time_zone",
)  # fmt: skip


def _row(values: dict) -> CreditRow:
    if values["session__series_id"] is None:
        rules = ONE_OFF
    else:
        rules = CreditRules(
            share=values["session__series__credit_share"],
            phone_counts=values["session__series__phone_counts"],
            async_counts=values["session__series__async_counts"],
        )
    starts_at, ends_at = values["session__starts_at"], values["session__ends_at"]
    length = int((ends_at - starts_at).total_seconds() // 60)
    return CreditRow(
        session_public_id=values["session__public_id"],
        title=values["session__title"],
        community_name=values["session__community__name"],
        community_slug=values["session__community__slug"],
        hub_id=values["session__community__hub_id"],
        series_id=values["session__series_id"],
        series_title=values["session__series__title"] or "",
        starts_at=starts_at,
        day=timezone.localtime(starts_at, ZoneInfo(values["session__time_zone"])).date(),
        length=length,
        mode=values["mode"],
        minutes=values["minutes"],
        confirmed=values["confirmed"],
        credited=credited_minutes(
            rules=rules,
            mode=values["mode"],
            minutes=values["minutes"],
            confirmed=values["confirmed"],
            length=length,
        ),
    )


def attendance_rows(user, **filters) -> QuerySet:
    """A member's attendance at sessions that took place (not cancelled), newest
    first, as ``values()`` dicts for ``credit_rows``; ``filters`` narrow it."""
    return (
        Attendance.objects.filter(user=user, **filters)
        .exclude(session__status=Session.Status.CANCELLED)
        .order_by("-session__starts_at", "-pk")
        .values(*_ROW_FIELDS)
    )


def credit_rows(values: Iterable[dict]) -> list[CreditRow]:
    return [_row(item) for item in values]


@dataclass
class YearTotal:
    year: int
    sessions: int = 0
    minutes: int = 0
    counted: int = 0
    credited: int = 0

    @property
    def label(self) -> str:
        return school_year_label(self.year)

    @property
    def hours(self) -> float:
        return round(self.credited / 60, 2)


def transcript_years(rows: Iterable[CreditRow]) -> list[YearTotal]:
    """Totals per school year, the latest first."""
    years: dict[int, YearTotal] = {}
    for row in rows:
        total = years.setdefault(row.school_year, YearTotal(row.school_year))
        total.sessions += 1
        total.minutes += row.minutes
        total.counted += int(row.counted)
        total.credited += row.credited
    return sorted(years.values(), key=lambda total: -total.year)


def transcript_hubs(user) -> QuerySet:
    """The hubs whose communities held sessions the member attended."""
    # One filter() call: the attendance and the status are of the same session.
    return (
        Hub.objects.filter(
            communities__sessions__attendance__user=user,
            communities__sessions__status=Session.Status.SCHEDULED,
        )
        .distinct()
        .order_by("name")
    )


@dataclass(frozen=True)
class SeriesProgress:
    series: Series
    past: int  # sessions of the series that took place
    counted: int  # of them, the ones that earned the member credit
    minutes: int

    @property
    def share(self) -> int:
        return self.counted * 100 // self.past if self.past else 0

    @property
    def eligible(self) -> bool:
        return self.past > 0 and self.counted * 100 >= self.series.certificate_share * self.past


def series_progress_list(user, rows: Iterable[CreditRow]) -> list[SeriesProgress]:
    """For each series the member attended: how many of its past sessions earned
    them credit, against the share its series certificate asks for."""
    counted: dict[int, int] = {}
    minutes: dict[int, int] = {}
    for row in rows:
        if row.series_id is not None:
            counted[row.series_id] = counted.get(row.series_id, 0) + int(row.counted)
            minutes[row.series_id] = minutes.get(row.series_id, 0) + row.credited
    if not counted:
        return []
    series_list = (
        Series.objects.filter(pk__in=counted)
        .select_related("community")
        .annotate(past=_past_sessions_count())
        .order_by("title", "pk")
    )
    return [
        SeriesProgress(series, series.past, counted[series.pk], minutes[series.pk])
        for series in series_list
    ]


def _past_sessions_count() -> Count:
    return Count(
        "sessions",
        filter=Q(sessions__status=Session.Status.SCHEDULED, sessions__starts_at__lt=timezone.now()),
    )


# -- certificates -----------------------------------------------------------------------


def _new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def _create_certificate(**fields) -> Certificate:
    """Create with a fresh code; the rare collision retries with another."""
    for _attempt in range(5):
        try:
            with transaction.atomic():
                return Certificate.objects.create(code=_new_code(), **fields)
        except IntegrityError:
            continue
    raise CreditError(_("We could not issue the certificate. Please try again."))


def _same_or_new(fields: dict) -> Certificate:
    """Issuing the same certificate twice (a double submit) gives the first one."""
    existing = Certificate.objects.filter(**fields).first()
    return existing or _create_certificate(**fields)


def _date(day: dt.date) -> str:
    return date_format(day, "DATE_FORMAT")


@transaction.atomic
def certificate_issue(*, actor, hub: Hub, date_from: dt.date, date_to: dt.date) -> Certificate:
    """A certificate of the credited hours ``actor`` earned in ``hub``'s sessions
    between two dates (inclusive, each session's own date). Refused when the range
    ends before it starts or holds no credited session."""
    if date_to < date_from:
        raise CreditError(_("The end date is before the start date."), field="date_to")
    rows = [
        row
        for row in credit_rows(attendance_rows(actor, session__community__hub=hub))
        if row.counted and date_from <= row.day <= date_to
    ]
    if not rows:
        raise CreditError(
            _(
                "You have no sessions that earned credit with %(hub)s between %(start)s "
                "and %(end)s, so there is nothing to certify."
            )
            % {"hub": hub.name, "start": _date(date_from), "end": _date(date_to)}
        )
    return _same_or_new(
        {
            "user": actor, "hub": hub, "series": None, "date_from": date_from,
            "date_to": date_to, "minutes": sum(row.credited for row in rows),
            "sessions": len(rows), "signer_name": hub.signer_name or hub.name,
            "signer_title": hub.signer_title,
        }
    )  # fmt: skip


def series_for_certificate(user, public_id: str) -> Series:
    """A series the member attended (404 otherwise: nobody asks for a certificate of
    a series they never came to, and a series id must not reveal anything)."""
    series = (
        Series.objects.select_related("community", "community__hub")
        .filter(public_id=public_id, sessions__attendance__user=user)
        .distinct()
        .first()
    )
    if series is None:
        raise Http404
    return series


@transaction.atomic
def certificate_issue_series(*, actor, series: Series) -> Certificate:
    """A series certificate: refused unless the member earned credit at
    ``certificate_share`` per cent of the series' sessions so far."""
    rows = [
        row for row in credit_rows(attendance_rows(actor, session__series=series)) if row.counted
    ]
    past = Series.objects.filter(pk=series.pk).aggregate(past=_past_sessions_count())["past"]
    if not rows or len(rows) * 100 < series.certificate_share * past:
        numbers = {"counted": len(rows), "past": past, "series": series.title}
        raise CreditError(
            _(
                "You earned credit at %(counted)s of the %(past)s sessions of %(series)s so far; "
                "its certificate asks for %(share)s%% of them."
            )
            % {**numbers, "share": series.certificate_share}
        )
    hub = series.community.hub
    return _same_or_new(
        {
            "user": actor, "hub": hub, "series": series,
            "date_from": min(row.day for row in rows), "date_to": max(row.day for row in rows),
            "minutes": sum(row.credited for row in rows), "sessions": len(rows),
            "signer_name": hub.signer_name or hub.name, "signer_title": hub.signer_title,
        }
    )  # fmt: skip


def certificate_rows(certificate: Certificate) -> list[CreditRow]:
    """The credited sessions a certificate covers, oldest first (as they stand now)."""
    filters = {"session__community__hub_id": certificate.hub_id}
    if certificate.series_id:
        filters = {"session__series_id": certificate.series_id}
    rows = [
        row
        for row in credit_rows(attendance_rows(certificate.user_id, **filters))
        if row.counted and certificate.date_from <= row.day <= certificate.date_to
    ]
    return sorted(rows, key=lambda row: row.starts_at)


def normalise_code(code: str) -> str:
    return code.strip().upper()


def _certificates() -> QuerySet:
    """Certificates with their hub and series, and ``hours`` (minutes / 60)."""
    return Certificate.objects.select_related("hub", "series").annotate(
        hours=Cast("minutes", FloatField()) / 60
    )


def certificate_get(code: str) -> Certificate:
    """The certificate with ``code`` (any case), for its public verification page."""
    certificate = _certificates().select_related("user").filter(code=normalise_code(code)).first()
    if certificate is None:
        raise Http404
    return certificate


def certificate_get_own(user, code: str) -> Certificate:
    certificate = certificate_get(code)
    if certificate.user_id != user.pk:
        raise Http404
    return certificate


def certificate_list(user) -> QuerySet:
    return _certificates().filter(user=user)
