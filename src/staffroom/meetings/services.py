"""Every write about series, sessions and their materials (the schedule).

Each service takes the acting user and the ``CommunityAccess`` the view resolved,
checks ``schedule``, runs in one transaction and tells registered people about a
moved or cancelled session only once the transaction commits (through
``meetings.tasks.session_changed_task``, which sends the updated calendar entry).
"""

import datetime as dt
from pathlib import PurePath
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from staffroom.accounts.models import known_time_zones
from staffroom.communities import permissions
from staffroom.communities.access import CommunityAccess
from staffroom.communities.models import Membership
from staffroom.core.email import email_is_suppressed
from staffroom.core.errors import DomainError
from staffroom.core.files import sniff_material
from staffroom.core.markdown import render_markdown
from staffroom.meetings.followups import followups_reschedule, followups_schedule
from staffroom.meetings.models import FocusArea, Material, Registration, Series, Session
from staffroom.meetings.recurrence import HORIZON_DAYS, Rule, rule_normalise
from staffroom.meetings.search import sessions_index

MAX_MATERIAL_BYTES = 20 * 1024 * 1024
# A session's materials are one short list on its page, not a library (that is the
# library part's job), so it is bounded instead of paginated.
MAX_MATERIALS = 30
MAX_DURATION_MINUTES = 12 * 60
MAX_CASE_SLOTS = 6
MAX_REMINDER_MINUTES = 14 * 24 * 60


class ScheduleError(DomainError):
    pass


# -- checks shared by the services ----------------------------------------------------


def _require(access: CommunityAccess) -> None:
    if not access.has(permissions.SCHEDULE):
        raise ScheduleError(_("You are not allowed to schedule sessions in this community."))


def _check_url(url: str, field: str) -> str:
    url = (url or "").strip()
    if url and (urlsplit(url).scheme.lower() not in ("http", "https") or not urlsplit(url).netloc):
        raise ScheduleError(_("Enter a link that starts with https:// or http://."), field=field)
    return url


def _check_zone(time_zone: str) -> None:
    if time_zone not in known_time_zones():
        raise ScheduleError(_("Choose a time zone from the list."), field="time_zone")


def _check_duration(minutes: int) -> None:
    if not minutes or minutes < 5 or minutes > MAX_DURATION_MINUTES:
        raise ScheduleError(
            _("A session lasts from 5 minutes to %(hours)s hours.")
            % {"hours": MAX_DURATION_MINUTES // 60},
            field="duration_minutes",
        )


def _check_capacity(capacity: int | None) -> None:
    if capacity is not None and capacity < 1:
        raise ScheduleError(
            _("Leave capacity empty for no limit, or enter at least 1."), field="capacity"
        )


def _check_percentage(value: int, field: str) -> None:
    if value is None or not 0 <= value <= 100:
        raise ScheduleError(_("Enter a percentage from 0 to 100."), field=field)


def _clean_offsets(offsets) -> list[int]:
    cleaned = sorted({int(offset) for offset in offsets or []}, reverse=True)
    if any(offset < 0 or offset > MAX_REMINDER_MINUTES for offset in cleaned):
        raise ScheduleError(
            _("Reminders go out up to two weeks before the session."), field="reminder_offsets"
        )
    return cleaned


def _clean_tags(tags: str) -> str:
    seen: dict[str, str] = {}
    for tag in (tags or "").split(","):
        tag = " ".join(tag.split())
        if tag and tag.lower() not in seen:
            seen[tag.lower()] = tag
    return ", ".join(seen.values())


def _announce_change(session: Session) -> None:
    """Once committed, queue the task that emails registered people the change with
    an updated calendar entry (same UID, higher SEQUENCE)."""
    if email_is_suppressed():
        return
    session_id = session.pk

    def enqueue():
        from staffroom.meetings.tasks import session_changed_task

        session_changed_task.enqueue(session_id=session_id)

    transaction.on_commit(enqueue)


# -- series ---------------------------------------------------------------------------

SERIES_FIELDS = (
    "title", "description", "time_zone", "start_time", "duration_minutes", "rrule",
    "first_date", "last_date", "meeting_url", "dial_in", "capacity", "reminder_offsets",
    "allow_guests", "credit_share", "phone_counts", "async_counts", "certificate_share",
)  # fmt: skip


def _series_today(time_zone: str) -> dt.date:
    return timezone.now().astimezone(ZoneInfo(time_zone)).date()


def _check_series(fields: dict, *, since: dt.date | None) -> dict:
    """Validate the series' fields; return them cleaned. ``since`` is where generation
    will start (None: at the first date), for the count of dates in the horizon."""
    if not fields["title"].strip():
        raise ScheduleError(_("Give the series a title."), field="title")
    _check_zone(fields["time_zone"])
    _check_duration(fields["duration_minutes"])
    _check_capacity(fields["capacity"])
    _check_percentage(fields["credit_share"], "credit_share")
    _check_percentage(fields["certificate_share"], "certificate_share")
    fields["title"] = fields["title"].strip()
    fields["meeting_url"] = _check_url(fields["meeting_url"], "meeting_url")
    fields["reminder_offsets"] = _clean_offsets(fields["reminder_offsets"])
    rule = _rule(fields)
    today = _series_today(fields["time_zone"])
    rule.validate(
        since=since or fields["first_date"], until=today + dt.timedelta(days=HORIZON_DAYS)
    )
    fields["rrule"] = rule.rrule
    return fields


def _rule(fields) -> Rule:
    return Rule(
        rrule=rule_normalise(fields["rrule"]),
        time_zone=fields["time_zone"],
        start_time=fields["start_time"],
        duration_minutes=fields["duration_minutes"],
        first_date=fields["first_date"],
        last_date=fields["last_date"],
    )


def _series_rule(series: Series) -> Rule:
    return _rule({name: getattr(series, name) for name in SERIES_FIELDS})


@transaction.atomic
def series_create(
    *,
    actor,
    access: CommunityAccess,
    title: str,
    description: str,
    time_zone: str,
    start_time: dt.time,
    duration_minutes: int,
    rrule: str,
    first_date: dt.date,
    last_date: dt.date | None,
    meeting_url: str,
    dial_in: str,
    capacity: int | None,
    reminder_offsets: list[int],
    allow_guests: bool,
    credit_share: int,
    phone_counts: bool,
    async_counts: bool,
    certificate_share: int,
) -> Series:
    """Create a series in the community and generate its sessions up to the horizon
    (from its first date, so a series begun before it came to Staffroom keeps its past)."""
    _require(access)
    fields = _check_series(
        {name: value for name, value in locals().items() if name in SERIES_FIELDS}, since=None
    )
    series = Series.objects.create(
        community=access.community,
        created_by=actor,
        description_html=render_markdown(fields["description"]),
        **fields,
    )
    series_generate(series)
    return series


@transaction.atomic
def series_update(*, actor, access: CommunityAccess, series: Series, **changes) -> Series:
    """Change a series; its generated sessions to come follow it (time, length, link,
    and the title, capacity and dial-in unless a session was given its own). Sessions
    moved or edited on their own (detached), past and cancelled ones are kept as they
    are. Registered people of a session whose time or link changed are told."""
    _require(access)
    unknown = set(changes) - set(SERIES_FIELDS)
    if unknown:
        raise TypeError(f"series_update() got unexpected fields {sorted(unknown)}")
    series = Series.objects.select_for_update().get(pk=series.pk)
    if series.community_id != access.community.pk:
        raise ScheduleError(_("This series belongs to another community."))
    before = {name: getattr(series, name) for name in SERIES_FIELDS}
    fields = _check_series({**before, **changes}, since=_series_today(before["time_zone"]))
    for name, value in fields.items():
        setattr(series, name, value)
    series.description_html = render_markdown(series.description)
    series.save()
    _series_follow(series, before)
    series_generate(series)
    sessions_index(series.sessions.all())
    return series


def _series_follow(series: Series, before: dict) -> None:
    """Carry a series' changes into its generated sessions still to come."""
    retime = any(
        before[name] != getattr(series, name)
        for name in ("time_zone", "start_time", "duration_minutes")
    )
    relink = before["meeting_url"] != series.meeting_url
    upcoming = series.sessions.filter(
        detached=False, status=Session.Status.SCHEDULED, starts_at__gt=timezone.now()
    )
    zone = ZoneInfo(series.time_zone)
    length = dt.timedelta(minutes=series.duration_minutes)
    for session in upcoming:
        changed, ended_at = relink, session.ends_at
        if retime and session.occurrence_date:
            starts_at = dt.datetime.combine(session.occurrence_date, series.start_time)
            starts_at = starts_at.replace(tzinfo=zone).astimezone(dt.UTC)
            changed = (
                changed or starts_at != session.starts_at or session.ends_at != (starts_at + length)
            )
            session.starts_at, session.ends_at = starts_at, starts_at + length
            session.time_zone = series.time_zone
        # What a session was given on its own (a topic, a larger room) stays its own.
        for name in ("title", "capacity", "dial_in"):
            if getattr(session, name) == before[name]:
                setattr(session, name, getattr(series, name))
        if changed:
            session.sequence += 1
            _announce_change(session)
            followups_reschedule(session, ended_at=ended_at)
        session.save()


def series_generate(series: Series, *, horizon_days: int = HORIZON_DAYS) -> int:
    """Create the series' sessions up to ``horizon_days`` from today, one per date of
    the rule, and return how many were made. Running it again makes nothing twice.
    Sessions detached or cancelled are never touched. Sessions to come that the rule
    no longer gives are deleted, or cancelled (and their people told) when someone
    registered for them. The first run starts at the first date; later runs at today."""
    with transaction.atomic():
        today = _series_today(series.time_zone)
        until = today + dt.timedelta(days=horizon_days)
        existing = {s.occurrence_date: s for s in series.sessions.all()}
        since = today if existing else series.first_date
        rule = _series_rule(series)
        wanted = {occurrence.date: occurrence for occurrence in rule.occurrences(
            since=since, until=until
        )}  # fmt: skip
        new = [
            Session(
                community_id=series.community_id, series=series,
                occurrence_date=occurrence.date, title=series.title,
                starts_at=occurrence.starts_at, ends_at=occurrence.ends_at,
                time_zone=series.time_zone, dial_in=series.dial_in, capacity=series.capacity,
            )
            for date, occurrence in wanted.items()
            if date not in existing
        ]  # fmt: skip
        Session.objects.bulk_create(new)
        sessions_index(new)
        _followups_schedule(new)
        _series_prune(series, existing, wanted, since=since)
    return len(new)


def _followups_schedule(sessions) -> None:
    """The follow-ups of each session still to end (a past one made by a series' first
    run has had no one attend yet)."""
    now = timezone.now()
    for session in sessions:
        if session.ends_at > now:
            followups_schedule(session)


def _series_prune(series: Series, existing: dict, wanted: dict, *, since: dt.date) -> None:
    now = timezone.now()
    stale = [
        session
        for date, session in existing.items()
        if date is not None
        and date >= since
        and date not in wanted
        and not session.detached
        and session.status == Session.Status.SCHEDULED
        and session.starts_at > now
        and not _beyond_horizon_but_valid(series, date, wanted)
    ]
    if not stale:
        return
    registered = set(
        Registration.objects.filter(session__in=stale)
        .exclude(status=Registration.Status.CANCELLED)
        .values_list("session_id", flat=True)
    )
    deletable = [session.pk for session in stale if session.pk not in registered]
    Session.objects.filter(pk__in=deletable).delete()
    for session in stale:
        if session.pk in registered:
            _cancel(session, _("The series' schedule changed."))


def _beyond_horizon_but_valid(series: Series, date: dt.date, wanted: dict) -> bool:
    """A session made when the horizon reached further is kept if the rule still
    gives its date."""
    if not wanted or date <= max(wanted):
        return False
    rule = _series_rule(series)
    return any(o.date == date for o in rule.occurrences(since=date, until=date))


def series_generate_all(*, horizon_days: int = HORIZON_DAYS) -> int:
    """Roll every running series' horizon forward (the daily task)."""
    made = 0
    today = timezone.now().date()
    running = Series.objects.exclude(last_date__lt=today - dt.timedelta(days=1))
    for series_id in running.values_list("pk", flat=True).iterator():
        series = Series.objects.get(pk=series_id)
        made += series_generate(series, horizon_days=horizon_days)
    return made


# -- sessions -------------------------------------------------------------------------


def _check_session(access: CommunityAccess, fields: dict) -> dict:
    if not (fields.get("title") or "").strip():
        raise ScheduleError(_("Give the session a topic."), field="title")
    fields["title"] = fields["title"].strip()
    _check_zone(fields["time_zone"])
    _check_duration(fields["duration_minutes"])
    _check_capacity(fields.get("capacity"))
    if timezone.is_naive(fields["starts_at"]):
        raise ScheduleError(_("Enter the date and time the session starts."), field="starts_at")
    fields["meeting_url"] = _check_url(fields.get("meeting_url", ""), "meeting_url")
    fields["tags"] = _clean_tags(fields.get("tags", ""))
    fields["guest_presenter"] = (fields.get("guest_presenter") or "").strip()
    slots = fields.get("case_slots", 1)
    if slots is None or not 0 <= slots <= MAX_CASE_SLOTS:
        raise ScheduleError(
            _("A session has from 0 to %(max)s case slots.") % {"max": MAX_CASE_SLOTS},
            field="case_slots",
        )
    focus_area = fields.get("focus_area")
    if focus_area is not None and focus_area.hub_id != access.community.hub_id:
        raise ScheduleError(_("Choose a focus area of this hub."), field="focus_area")
    presenter = fields.get("presenter")
    if (
        presenter is not None
        and not Membership.objects.filter(
            community=access.community, user=presenter, status=Membership.Status.ACTIVE
        ).exists()
    ):
        raise ScheduleError(
            _("The presenter must be a member of this community."), field="presenter"
        )
    return fields


def _session_for_update(access: CommunityAccess, session: Session) -> Session:
    locked = Session.objects.select_for_update().filter(pk=session.pk).first()
    if locked is None or locked.community_id != access.community.pk:
        raise ScheduleError(_("This session belongs to another community."))
    return locked


@transaction.atomic
def session_create(
    *,
    actor,
    access: CommunityAccess,
    title: str,
    description: str,
    starts_at: dt.datetime,
    duration_minutes: int,
    time_zone: str,
    meeting_url: str,
    dial_in: str,
    capacity: int | None,
    presenter=None,
    guest_presenter: str = "",
    focus_area: FocusArea | None = None,
    tags: str = "",
    case_slots: int = 1,
) -> Session:
    """A one-off session, in no series."""
    _require(access)
    fields = _check_session(access, {k: v for k, v in locals().items() if k not in (
        "actor", "access"
    )})  # fmt: skip
    duration = fields.pop("duration_minutes")
    session = Session.objects.create(
        community=access.community,
        ends_at=fields["starts_at"] + dt.timedelta(minutes=duration),
        description_html=render_markdown(fields["description"]),
        **fields,
    )
    sessions_index([session])
    _followups_schedule([session])
    return session


SESSION_FIELDS = (
    "title", "description", "starts_at", "duration_minutes", "time_zone", "meeting_url",
    "dial_in", "capacity", "presenter", "guest_presenter", "focus_area", "tags", "case_slots",
)  # fmt: skip


@transaction.atomic
def session_update(*, actor, access: CommunityAccess, session: Session, **changes) -> Session:
    """Change a session. Moving it (start or length) or giving it its own link
    detaches it from its series (regeneration leaves it alone), raises its calendar
    ``sequence`` and tells the people registered for it."""
    _require(access)
    unknown = set(changes) - set(SESSION_FIELDS)
    if unknown:
        raise TypeError(f"session_update() got unexpected fields {sorted(unknown)}")
    session = _session_for_update(access, session)
    if session.status == Session.Status.CANCELLED:
        raise ScheduleError(_("This session was cancelled; it can no longer be changed."))
    before = {name: getattr(session, name) for name in SESSION_FIELDS}
    before["meeting_url"] = session.join_url
    ended_at = session.ends_at
    fields = _check_session(access, {**before, **changes})
    moved = fields["starts_at"] != session.starts_at or (
        fields["duration_minutes"] != session.duration_minutes
    )
    relinked = fields["meeting_url"] != before["meeting_url"]
    duration = fields.pop("duration_minutes")
    if not relinked:
        fields.pop("meeting_url")  # a series session keeps following the series' link
    for name, value in fields.items():
        setattr(session, name, value)
    session.ends_at = session.starts_at + dt.timedelta(minutes=duration)
    session.description_html = render_markdown(session.description)
    if moved or relinked:
        session.detached = session.series_id is not None
        session.sequence += 1
        _announce_change(session)
        followups_reschedule(session, ended_at=ended_at)
    session.save()
    sessions_index([session])
    return session


def _cancel(session: Session, reason: str) -> None:
    session.status = Session.Status.CANCELLED
    session.cancel_reason = reason[:300]
    session.sequence += 1
    session.save(update_fields=["status", "cancel_reason", "sequence", "updated_at"])
    sessions_index([session])
    _announce_change(session)


@transaction.atomic
def session_cancel(*, actor, access: CommunityAccess, session: Session, reason: str) -> Session:
    """Cancel a session to come; its people are told and their calendars updated."""
    _require(access)
    session = _session_for_update(access, session)
    if session.status == Session.Status.CANCELLED:
        raise ScheduleError(_("This session was already cancelled."))
    if session.ends_at <= timezone.now():
        raise ScheduleError(_("This session has already taken place; it cannot be cancelled."))
    reason = (reason or "").strip()
    if not reason:
        raise ScheduleError(
            _("Tell the participants why the session is cancelled."), field="reason"
        )
    _cancel(session, reason)
    return session


@transaction.atomic
def session_record(
    *, actor, access: CommunityAccess, session: Session, recording_url: str, notes: str
) -> Session:
    """Keep the recording link and the notes of a session that has taken place."""
    _require(access)
    session = _session_for_update(access, session)
    if session.status == Session.Status.CANCELLED:
        raise ScheduleError(_("This session was cancelled."))
    if session.starts_at > timezone.now():
        raise ScheduleError(_("You can add the recording and notes after the session."))
    session.recording_url = _check_url(recording_url, "recording_url")
    session.notes = notes or ""
    session.notes_html = render_markdown(session.notes)
    session.save(update_fields=["recording_url", "notes", "notes_html", "updated_at"])
    sessions_index([session])
    return session


# -- materials ------------------------------------------------------------------------


def _material_file(file, title: str) -> ContentFile:
    if file.size > MAX_MATERIAL_BYTES:
        raise ScheduleError(_("A file can be at most 20 MB."), field="file")
    file.seek(0)
    data = file.read()
    kind = sniff_material(data[:16], data)
    if kind is None:
        raise ScheduleError(
            _("Upload a PDF, a Word or PowerPoint file (DOCX, PPTX), or an image "
              "(PNG, JPEG, GIF, WebP)."),
            field="file",
        )  # fmt: skip
    # The name on disk comes from the title and the content, not from the upload.
    stem = slugify(PurePath(title).stem)[:60] or "material"
    return ContentFile(data, name=f"{stem}.{kind}")


@transaction.atomic
def material_add(
    *, actor, access: CommunityAccess, session: Session, title: str, url=None, file=None
) -> Material:
    """Add a link or a file (at most 20 MB; PDF, DOCX, PPTX or an image, as its
    content shows) to a session."""
    _require(access)
    session = _session_for_update(access, session)
    title = (title or "").strip() or (PurePath(file.name).stem if file else "")
    if not title:
        raise ScheduleError(_("Give the material a title."), field="title")
    if bool(url) == bool(file):
        raise ScheduleError(_("Add either a link or a file."), field="url")
    if session.materials.count() >= MAX_MATERIALS:
        raise ScheduleError(
            _("A session can have at most %(max)s materials; remove one to add another.")
            % {"max": MAX_MATERIALS}
        )
    material = Material(session=session, title=title[:200], added_by=actor)
    if url:
        material.url = _check_url(url, "url")
    else:
        material.file = _material_file(file, title)
    material.save()
    return material


@transaction.atomic
def material_remove(*, actor, access: CommunityAccess, material: Material) -> None:
    """Remove a material; its file is deleted from storage once the removal commits."""
    _require(access)
    if material.session.community_id != access.community.pk:
        raise ScheduleError(_("This material belongs to another community."))
    file = material.file
    material.delete()
    if file:
        storage, name = file.storage, file.name
        transaction.on_commit(lambda: storage.delete(name))
