"""Daily and weekly digests: one email that gathers what is new in a person's
communities and the notifications they chose to get in that digest.

What a digest holds comes from sections the parts above register at start-up
(``digest_section_register`` in their ``AppConfig.ready``): new threads, questions
still waiting, sessions coming, cases accepted... A section builds a whole batch of
digests at once (``build(readers, until)``, a fixed number of queries), giving each
reader at most a few ``DigestItem``s, and checks itself that the reader may read each
one: this part cannot know who may see a thread.

Which communities a digest covers: the person's active memberships whose "What is new
in my communities" kind (``DIGEST``) they get at that frequency (weekly unless they
choose). Which notifications: theirs whose ``delivery`` was that frequency when made,
since the last digest, from communities they may still read.

When: the hourly sweep (``digests_sweep``) finds the people whose chosen hour (and, for
the weekly one, day) has come in their own time zone and queues their digests in
batches; each batch first claims its people (``daily_sent_at`` / ``weekly_sent_at``) in
one transaction, so a digest never goes twice, however many workers run. A digest that
fails to be built or written gives its claim back, so the next sweep tries it again. A
digest with nothing new is not sent; its time is still marked.
"""

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import transaction
from django.db.models import Exists, F, OuterRef, Q, QuerySet, Value, Window
from django.db.models.functions import Coalesce, RowNumber
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from staffroom.accounts.models import User
from staffroom.communities import permissions
from staffroom.communities.models import Community, HubRole, Membership, Visibility
from staffroom.core import times
from staffroom.core.email import email_is_suppressed, email_render
from staffroom.core.urls import absolute_url
from staffroom.notifications import kinds, services
from staffroom.notifications.kinds import DAILY, WEEKLY
from staffroom.notifications.models import DigestSchedule, Notification, Preference

logger = logging.getLogger(__name__)

# The kind whose frequency, per community, says which digest carries its news.
DIGEST = "digest"
# What each digest covers when there was no digest before it.
PERIOD = {DAILY: dt.timedelta(days=1), WEEKLY: dt.timedelta(days=7)}
# The daily digest goes once a day of the reader's own calendar (``_sent_from``); the
# weekly one never again within this long. Either way the hour that comes twice when
# daylight saving time ends, or a sweep catching up an hour late, sends nothing more.
WEEKLY_GAP = dt.timedelta(days=6)
DEFAULT_HOUR = DigestSchedule._meta.get_field("hour").default
DEFAULT_WEEKDAY = DigestSchedule._meta.get_field("weekday").default
# People per batch task: one task claims, builds and queues their digests.
BATCH = 100
NOTIFICATIONS_MAX = 20


@dataclass(frozen=True)
class DigestItem:
    """One line of a section: ``title`` (plain text, as written), ``url`` a path on this
    site, the ``community`` it is in, the moment ``at`` it happened or happens (shown in
    the reader's time zone) and a ``detail`` line: text, or a function giving it, which
    the email calls as it is rendered, so in the reader's language."""

    title: str
    url: str
    community: str
    at: dt.datetime | None = None
    detail: str | Callable[[], str] = ""


@dataclass(frozen=True)
class DigestReader:
    """One person a batch builds a digest for: the ``communities`` whose news it holds
    and when their last digest went (``since``)."""

    user: User
    communities: list[Community]
    since: dt.datetime


@dataclass(frozen=True)
class Section:
    key: str
    label: object  # a lazy translation
    order: int
    build: Callable[[list[DigestReader], dt.datetime], dict[int, list[DigestItem]]]
    # Whether its items alone make a digest worth sending: questions still waiting and
    # sessions coming are in every digest while they last, so they are not news.
    news: bool


_SECTIONS: dict[str, Section] = {}


def digest_section_register(key: str, *, label, order: int, build, news: bool = True) -> None:
    """Add a section to every digest. ``build(readers, until)`` gets a batch of
    ``DigestReader``s and returns ``{user id: items}``: for each reader, a few items
    (newest or soonest first) of their ``communities`` in the span ``since``..``until``,
    only those they may read, in a fixed number of queries however many readers and
    items. Registering ``key`` again changes nothing."""
    _SECTIONS.setdefault(key, Section(key, label, order, build, news))


def digest_sections() -> list[Section]:
    return sorted(_SECTIONS.values(), key=lambda section: (section.order, section.key))


def readers_holding(readers: list[DigestReader], capability: str) -> set[tuple[int, int]]:
    """The ``(user id, community id)`` pairs, among each reader's communities, where
    the reader holds ``capability`` through an active membership: what a section may
    show them. One query for the batch."""
    wanted = {
        (reader.user.pk, community.pk) for reader in readers for community in reader.communities
    }
    held = Membership.objects.filter(
        user_id__in={user for user, _community in wanted},
        community_id__in={community for _user, community in wanted},
        status=Membership.Status.ACTIVE,
        role__in=permissions.membership_roles_granting(capability),
    )
    return wanted & set(held.values_list("user_id", "community_id"))


def top_per_community(rows: QuerySet, order_by, count: int) -> QuerySet:
    """The first ``count`` of ``rows`` in each community by ``order_by``: enough for any
    reader whose span starts later (the newest) or ends sooner (the soonest)."""
    rank = Window(RowNumber(), partition_by=F("community_id"), order_by=order_by)
    return rows.annotate(digest_rank=rank).filter(digest_rank__lte=count)


@dataclass
class Digest:
    user: User
    frequency: str
    since: dt.datetime
    until: dt.datetime
    notifications: list[Notification] = field(default_factory=list)
    more_notifications: bool = False
    sections: list[tuple[Section, list[DigestItem]]] = field(default_factory=list)

    @property
    def has_news(self) -> bool:
        return bool(self.notifications) or any(
            items for section, items in self.sections if section.news
        )


@transaction.atomic
def digest_schedule_set(*, user: User, hour: int, weekday: int) -> DigestSchedule:
    """Send ``user``'s digests at ``hour`` (0-23) of their own time zone, the weekly
    one on ``weekday`` (0 is Monday). A digest already sent today is not sent again
    at the new hour (``_sent_from``)."""
    if hour not in range(24):
        raise services.NotificationError(_("Choose an hour of the day."), field="digest_hour")
    if weekday not in range(7):
        raise services.NotificationError(_("Choose a day of the week."), field="digest_weekday")
    schedule, _created = DigestSchedule.objects.update_or_create(
        user=user, defaults={"hour": hour, "weekday": weekday}
    )
    return schedule


# -- what goes in ------------------------------------------------------------------------


def digest_communities(users: list[User], frequency: str) -> dict[int, list[Community]]:
    """``{user id: communities}`` whose news each of ``users`` gets in the ``frequency``
    digest: their active memberships, by their choice for ``DIGEST`` there, else their
    choice for all, else the kind's default. Two queries, however many people."""
    ids = [user.pk for user in users]
    memberships = Membership.objects.filter(user_id__in=ids, status=Membership.Status.ACTIVE)
    chosen = {
        (row.user_id, row.community_id): row.frequency
        for row in Preference.objects.filter(user_id__in=ids, kind=DIGEST)
    }
    default = kinds.kind_get(DIGEST).default
    found: dict[int, list[Community]] = {pk: [] for pk in ids}
    for membership in memberships.select_related("community").order_by("community__name"):
        key = (membership.user_id, membership.community_id)
        everywhere = chosen.get((membership.user_id, None), default)
        if chosen.get(key, everywhere) == frequency:
            found[membership.user_id].append(membership.community)
    return found


def _notifications(readers: list[DigestReader], frequency: str, until) -> dict[int, list]:
    """``{user id: notifications}``: each reader's newest made for the ``frequency``
    digest in their span, from communities they may still read (as
    ``selectors.notification_list``), at most ``NOTIFICATIONS_MAX`` and one. One query."""
    since = {reader.user.pk: reader.since for reader in readers}
    member = Membership.objects.filter(
        user=OuterRef("recipient_id"),
        community=OuterRef("community_id"),
        status=Membership.Status.ACTIVE,
        role__in=permissions.membership_roles_granting(permissions.READ),
    )
    hub_role = HubRole.objects.filter(
        user=OuterRef("recipient_id"),
        hub=OuterRef("community__hub_id"),
        role__in=permissions.hub_roles_granting(permissions.READ),
    )
    readable = (
        Q(community__isnull=True)
        | Q(community__visibility=Visibility.PUBLIC)
        | Q(recipient__is_superuser=True)
        | Exists(member)
        | Exists(hub_role)
    )
    newest = Window(
        RowNumber(),
        partition_by=F("recipient_id"),
        order_by=[F("created_at").desc(), F("pk").desc()],
    )
    made = (
        Notification.objects.filter(
            readable, recipient_id__in=list(since), delivery=frequency,
            created_at__gt=min(since.values()), created_at__lte=until,
        )
        .annotate(digest_rank=newest)
        .filter(digest_rank__lte=NOTIFICATIONS_MAX + 1)
        .order_by("recipient_id", "-created_at", "-pk")
    )  # fmt: skip
    found: dict[int, list] = {pk: [] for pk in since}
    for notification in made:
        if notification.created_at > since[notification.recipient_id]:
            found[notification.recipient_id].append(notification)
    return found


def digests_build(readers: list[DigestReader], frequency: str, until: dt.datetime) -> list[Digest]:
    """The digests of ``readers`` up to ``until``: each one's notifications and every
    section's items. A fixed number of queries for the batch, however many readers and
    items."""
    if not readers:
        return []
    notifications = _notifications(readers, frequency, until)
    with_news = [reader for reader in readers if reader.communities]
    built = [(section, section.build(with_news, until) if with_news else {})
             for section in digest_sections()]  # fmt: skip
    digests = []
    for reader in readers:
        pk = reader.user.pk
        made = notifications[pk]
        digests.append(Digest(
            reader.user, frequency, reader.since, until,
            notifications=made[:NOTIFICATIONS_MAX],
            more_notifications=len(made) > NOTIFICATIONS_MAX,
            sections=[(section, items.get(pk, [])) for section, items in built],
        ))  # fmt: skip
    return digests


def digest_build(
    user: User, communities: list[Community], frequency: str, since: dt.datetime, until
) -> Digest:
    """``user``'s digest alone (``digests_build`` for one reader)."""
    return digests_build([DigestReader(user, communities, since)], frequency, until)[0]


# -- sending ------------------------------------------------------------------------------


def _language(user: User) -> str:
    return user.language or settings.LANGUAGE_CODE


@dataclass(frozen=True)
class _Line:
    """An item as one reader reads it: its moment and detail written out in their
    language and time zone, its link absolute."""

    title: str
    url: str
    community: str
    when: str
    detail: str


def _line(item: DigestItem) -> _Line:
    detail = item.detail() if callable(item.detail) else item.detail
    moment = times.when(item.at) if item.at else ""
    return _Line(item.title, absolute_url(item.url), item.community, moment, detail)


def digest_message(digest: Digest, lines: dict | None = None) -> dict:
    """``digest`` as an email to its reader (``email_send_task``'s arguments), in their
    language and time zone, with a one-click unsubscribe (RFC 8058) that turns this
    digest off. ``lines`` keeps the items written out for each language and time zone
    across a batch, where many readers share them (sections give each reader the same
    item of a thread, a session...)."""
    user = digest.user
    lines = {} if lines is None else lines
    token = services.unsubscribe_token(user, DIGEST, None, digest=digest.frequency)
    unsubscribe = absolute_url(reverse("notifications:unsubscribe", args=[token]))
    language = _language(user)
    with translation.override(language), timezone.override(ZoneInfo(user.time_zone)):
        sections = []
        for section, items in digest.sections:
            keys = [(item, language, user.time_zone) for item in items]
            for key in keys:
                if key not in lines:
                    lines[key] = _line(key[0])
            if keys:
                sections.append((section, [lines[key] for key in keys]))
        context = {
            "digest": digest,
            "user": user,
            "weekly": digest.frequency == WEEKLY,
            "notifications_url": absolute_url(reverse("notifications:notification_list")),
            "settings_url": absolute_url(reverse("notifications:preference_edit")),
            "unsubscribe_url": unsubscribe,
            "notifications": [
                (notification, absolute_url(notification.url))
                for notification in digest.notifications
            ],
            "sections": sections,
        }
        message = email_render("notifications/email/digest", context, language=language)
    headers = {
        "List-Unsubscribe": f"<{unsubscribe}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }
    return {"to": [user.email], "headers": headers, **message}


def _claim(frequency: str, user_ids: list[int], until: dt.datetime) -> dict:
    """Mark ``frequency`` sent at ``until`` for those of ``user_ids`` whose digest has
    not gone since ``_sent_from``: ``{user id: when it last went (or None)}`` of those
    marked. Inside the caller's transaction, so a second worker's claim waits for it
    (or skips the rows it holds) and then finds them sent."""
    DigestSchedule.objects.bulk_create(
        [DigestSchedule(user_id=pk) for pk in user_ids], ignore_conflicts=True
    )
    sent_at = f"{frequency}_sent_at"
    rows = DigestSchedule.objects.select_for_update(skip_locked=True, of=("self",)).filter(
        user_id__in=user_ids
    )
    claimed = {}
    for pk, last, hour, zone in rows.values_list("user_id", sent_at, "hour", "user__time_zone"):
        # The local day of the hour they chose that this sweep is for: today, unless it
        # is yesterday's last hour, caught up just after midnight.
        before = (until - dt.timedelta(hours=1)).astimezone(ZoneInfo(zone))
        day = before.date() if before.hour == hour else until.astimezone(ZoneInfo(zone)).date()
        if last is None or last < _sent_from(frequency, zone, day, until):
            claimed[pk] = last
    DigestSchedule.objects.filter(user_id__in=list(claimed)).update(**{sent_at: until})
    return claimed


def _release(frequency: str, claimed: dict, user_ids: list[int], until: dt.datetime) -> None:
    """Give back the claims (``_claim``, made at ``until``) of ``user_ids``, whose digest
    did not go: the next sweep finds them due again."""
    sent_at = f"{frequency}_sent_at"
    for previous in {claimed[pk] for pk in user_ids}:
        ids = [pk for pk in user_ids if claimed[pk] == previous]
        mine = DigestSchedule.objects.filter(user_id__in=ids, **{sent_at: until})
        mine.update(**{sent_at: previous})


def digests_send(*, frequency: str, user_ids: list[int], until: dt.datetime) -> int:
    """Build and queue the ``frequency`` digests of ``user_ids`` due at ``until``, each
    covering the span since that person's last one; those already sent (by another
    worker, or already today) are skipped, and so is everyone while email is
    suppressed. Empty digests are not sent, but their time is marked. A digest that
    cannot be written is logged and its claim given back, without holding back the
    others; then the batch fails, so the task shows it. How many were sent."""
    from staffroom.notifications.tasks import digest_emails_send_task

    if email_is_suppressed():
        return 0
    # The claim commits at once: building and writing hold no lock, and what fails in
    # them gives its claims back, so the next sweep tries again rather than losing a day.
    with transaction.atomic():
        claimed = _claim(frequency, user_ids, until)
    messages, failed = [], []
    try:
        people = list(User.objects.filter(pk__in=list(claimed), is_active=True).order_by("pk"))
        communities = digest_communities(people, frequency)
        readers = [
            DigestReader(user, communities[user.pk], claimed[user.pk] or until - PERIOD[frequency])
            for user in people
        ]
        lines: dict = {}
        for digest in digests_build(readers, frequency, until):
            if not digest.has_news:
                continue
            try:
                messages.append(digest_message(digest, lines))
            except Exception:
                logger.exception("The %s digest of user %s could not be written",
                                 frequency, digest.user.pk)  # fmt: skip
                failed.append(digest.user.pk)
        # One task for the batch: a row per email would cost more than building the digest.
        if messages:
            digest_emails_send_task.enqueue(messages=messages)
    except Exception:
        _release(frequency, claimed, list(claimed), until)
        raise
    _release(frequency, claimed, failed, until)
    if failed:
        raise RuntimeError(f"{len(failed)} of {len(messages) + len(failed)} digests failed")
    return len(messages)


def digest_emails_send(messages: list[dict]) -> int:
    """Send a batch's digests (each ``email_send_task``'s arguments) one after another:
    one that fails (a refused address) is logged and does not hold back the others;
    then the batch fails, so the task shows it. How many were sent."""
    from staffroom.core.tasks import email_send_task

    failed = 0
    for message in messages:
        try:
            email_send_task.call(**message)
        except Exception:
            logger.exception("A digest to %s could not be sent", message["to"])
            failed += 1
    if failed:
        raise RuntimeError(f"{failed} of {len(messages)} digests could not be sent")
    return len(messages)


# -- who is due ---------------------------------------------------------------------------


def _sent_from(frequency: str, zone: str, day: dt.date, now: dt.datetime) -> dt.datetime:
    """Since when a digest already sent stands for the one due on ``day`` (the local
    date, in ``zone``, of the chosen hour) at ``now``: the daily one goes once a day of
    the reader's own calendar, so moving the hour later (or the time zone west) sends
    nothing more that day, and moving it earlier (or east) skips no day; the weekly one
    goes once within ``WEEKLY_GAP``."""
    if frequency == WEEKLY:
        return now - WEEKLY_GAP
    return dt.datetime.combine(day, dt.time(), tzinfo=ZoneInfo(zone))


def _slots(zone: str, now: dt.datetime) -> set[tuple[dt.date, int]]:
    """The local (date, hour)s of ``zone`` from an hour ago until ``now``: the hour
    now, the hour before (a sweep that ran a little late still finds its people), and
    any hour daylight saving time skipped between them (whoever chose 2 am gets their
    digest at 3 am the night clocks spring forward)."""
    tz = ZoneInfo(zone)
    start = (now - dt.timedelta(hours=1)).astimezone(tz)
    end = now.astimezone(tz)
    slots = set()
    # Walk the wall clock, not UTC: across a spring-forward gap the wall clock moves two
    # hours in one.
    moment = start.replace(minute=0, second=0, microsecond=0, tzinfo=None)
    last = end.replace(minute=0, second=0, microsecond=0, tzinfo=None)
    while moment <= last:
        slots.add((moment.date(), moment.hour))
        moment += dt.timedelta(hours=1)
    return slots


def digests_due(frequency: str, now: dt.datetime) -> list[int]:
    """The ids of the people whose ``frequency`` digest is due at ``now``: their chosen
    hour (and, for the weekly one, day; ``DEFAULT_HOUR`` and ``DEFAULT_WEEKDAY`` when
    they never chose) has come in their own time zone, it has not gone since
    ``_sent_from``,
    and they may have something for it (a notification made for it since, or news of
    their communities at that frequency). Two queries."""
    zones = User.objects.filter(is_active=True).order_by().values_list("time_zone", flat=True)
    zones = zones.distinct()
    hour = Coalesce(F("digest_schedule__hour"), Value(DEFAULT_HOUR))
    weekday = Coalesce(F("digest_schedule__weekday"), Value(DEFAULT_WEEKDAY))
    people = User.objects.filter(is_active=True).annotate(digest_hour=hour, digest_day=weekday)
    sent_at = f"digest_schedule__{frequency}_sent_at"
    when = Q(pk__in=[])
    for zone in sorted(set(zones)):
        for day, local_hour in _slots(zone, now):
            slot = Q(time_zone=zone, digest_hour=local_hour)
            if frequency == WEEKLY:
                slot &= Q(digest_day=day.weekday())
            unsent = Q(**{f"{sent_at}__isnull": True}) | Q(
                **{f"{sent_at}__lt": _sent_from(frequency, zone, day, now)}
            )
            when |= slot & unsent
    # Community news comes by the ``DIGEST`` kind; everything else came as notifications,
    # each made with its ``delivery``.
    since = Coalesce(F(sent_at), Value(now - PERIOD[frequency]))
    made = Notification.objects.filter(
        recipient=OuterRef("pk"), delivery=frequency, created_at__gt=OuterRef("since")
    )
    if kinds.kind_get(DIGEST).default == frequency:
        news = Membership.objects.filter(user=OuterRef("pk"), status=Membership.Status.ACTIVE)
    else:
        news = Preference.objects.filter(user=OuterRef("pk"), kind=DIGEST, frequency=frequency)
    people = people.filter(when).annotate(since=since).filter(Exists(made) | Exists(news))
    return list(people.order_by("pk").values_list("pk", flat=True))


def digests_sweep(now: dt.datetime | None = None) -> int:
    """Queue a batch task for every ``BATCH`` people whose daily or weekly digest is
    due ``now``; nothing while email is suppressed. How many people were queued."""
    from staffroom.notifications.tasks import digests_send_task

    if email_is_suppressed():
        return 0
    now = now or timezone.now()
    queued = 0
    for frequency in (DAILY, WEEKLY):
        due = digests_due(frequency, now)
        for start in range(0, len(due), BATCH):
            batch = due[start : start + BATCH]
            digests_send_task.enqueue(frequency=frequency, user_ids=batch, until=now.isoformat())
            queued += len(batch)
    return queued
