"""iCalendar (RFC 5545) for sessions: the subscribable feeds (a community's, a
person's), the one-session download, and the invitations attached to email
(RFC 5546 METHOD:REQUEST / METHOD:CANCEL).

Every session is one VEVENT whose UID never changes (``session-<public_id>@staffroom``)
and whose SEQUENCE is the session's, so a calendar that already holds it updates it in
place when it moves or is cancelled. Times are written in the session's own time zone
(DTSTART;TZID=...), with a VTIMEZONE for every zone used. The join link goes only to
readers allowed to see it (``join_link_visible``).

Feeds read a fixed number of queries whatever their size: the sessions come in one
query with their series and community (``feed_sessions_*``); building the file reads
nothing more.
"""

import datetime as dt
import re
from collections.abc import Callable, Iterable
from email.utils import parseaddr
from functools import lru_cache
from zoneinfo import ZoneInfo

import icalendar
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.db import transaction
from django.db.models import Q, QuerySet
from django.http import Http404
from django.urls import reverse
from django.utils import timezone

from staffroom.communities import permissions
from staffroom.communities.access import CommunityAccess, community_access_for
from staffroom.communities.models import Membership, Visibility
from staffroom.core.urls import absolute_url
from staffroom.meetings.models import CalendarToken, Registration, Session

PRODID = "-//Staffroom//Sessions//EN"
# How far back a feed reaches: calendars keep what they already have, and a
# member of many long-running series would otherwise download years of history.
FEED_HISTORY = dt.timedelta(days=366)


def session_uid(session: Session) -> str:
    return f"session-{session.public_id}@staffroom"


def session_page_url(session: Session) -> str:
    return absolute_url(
        reverse("meetings:session_detail", args=[session.community.slug, session.public_id])
    )


def _session_page_urls() -> Callable[[Session], str]:
    """``session_page_url`` for many sessions: one ``reverse`` with placeholders,
    filled in for each (reversing thousands of times took half a feed's time)."""
    pattern = absolute_url(reverse("meetings:session_detail", args=["SLUGMARK", "PUBLICIDMARK"]))

    def url(session: Session) -> str:
        return pattern.replace("/SLUGMARK/", f"/{session.community.slug}/", 1).replace(
            "/PUBLICIDMARK/", f"/{session.public_id}/", 1
        )

    return url


def join_link_visible(access: CommunityAccess) -> bool:
    """Members see a session's join link and dial-in; so do those who run the
    community. A visitor of a public community sees neither."""
    return access.has_any((permissions.PARTICIPATE, permissions.SCHEDULE))


def community_feed_open(community) -> bool:
    """Whether a community's feed answers a calendar app, which never signs in: only
    when a signed-out visitor may read the community (a public one). Runs no query."""
    return community_access_for(AnonymousUser(), community).has(permissions.READ)


# -- the sessions a feed holds (one query each) -----------------------------------------


def _feed_window(sessions: QuerySet) -> QuerySet:
    return sessions.filter(starts_at__gte=timezone.now() - FEED_HISTORY).select_related(
        "series", "community"
    )


def feed_sessions_community(community) -> QuerySet:
    return _feed_window(Session.objects.filter(community=community))


def feed_sessions_person(user) -> QuerySet:
    """Every session of every community ``user`` belongs to, and the sessions they
    registered for in public communities they do not belong to (any more). All of them
    are ones whose join link the person may see."""
    communities = Membership.objects.filter(user=user, status=Membership.Status.ACTIVE).values(
        "community_id"
    )
    registered = Registration.objects.filter(
        user=user,
        status=Registration.Status.REGISTERED,
        session__community__visibility=Visibility.PUBLIC,
    ).values("session_id")
    return _feed_window(
        Session.objects.filter(Q(community_id__in=communities) | Q(pk__in=registered))
    )


def calendar_token_for(user) -> CalendarToken:
    """The person's calendar token, made the first time they ask for it."""
    token, _created = CalendarToken.objects.get_or_create(user=user)
    return token


@transaction.atomic
def calendar_token_revoke(*, actor) -> CalendarToken:
    """Replace ``actor``'s calendar token: the old feed URL answers 404 from now on."""
    token, created = CalendarToken.objects.select_for_update().get_or_create(user=actor)
    if not created:
        token.token = CalendarToken._meta.get_field("token").get_default()
        token.created_at = timezone.now()
        token.save(update_fields=["token", "created_at"])
    return token


def access_calendar_token(token: str):
    """The owner of a personal feed's token (an active account); 404 otherwise."""
    found = CalendarToken.objects.select_related("user").filter(token=token).first()
    if found is None or not found.user.is_active:
        raise Http404
    return found.user


# -- writing RFC 5545 -----------------------------------------------------------------------
#
# The feeds are written line by line rather than through icalendar's object model,
# which takes about a millisecond per event: a member of 30 weekly series would wait
# seconds. icalendar still makes the VTIMEZONEs (from zoneinfo), and the tests parse
# everything written here back with it.

CRLF = "\r\n"
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def _text(value: str) -> str:
    """A TEXT value: backslash, semicolon, comma and newlines escaped; other control
    characters (which TEXT may not hold) dropped."""
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    value = _CONTROL.sub("", value)
    return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _param(value: str) -> str:
    """A quoted parameter value (which may not hold a double quote)."""
    return '"' + _CONTROL.sub("", value.replace('"', "'").replace("\n", " ")) + '"'


def _fold(line: str) -> str:
    """Lines of at most 75 octets, continued on lines starting with a space, never
    cutting a UTF-8 character in two."""
    data = line.encode()
    if len(data) <= 75:
        return line + CRLF
    parts, start, limit = [], 0, 75
    while start < len(data):
        end = min(start + limit, len(data))
        while end < len(data) and data[end] & 0xC0 == 0x80:
            end -= 1
        parts.append(data[start:end].decode())
        start, limit = end, 74
    return (CRLF + " ").join(parts) + CRLF


def _utc(value: dt.datetime) -> str:
    return value.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")


def _local(value: dt.datetime, zone: ZoneInfo) -> str:
    return value.astimezone(zone).strftime("%Y%m%dT%H%M%S")


@lru_cache(maxsize=128)
def _vtimezone(zone: str, first_year: int, last_year: int) -> str:
    """The VTIMEZONE of ``zone`` for the years given (icalendar builds it from the
    zoneinfo database). Cached: it depends on nothing else."""
    component = icalendar.Timezone.from_tzinfo(
        ZoneInfo(zone), first_date=dt.date(first_year, 1, 1), last_date=dt.date(last_year, 1, 1)
    )
    return component.to_ical().decode()


def _description(session: Session, *, join_link: bool, page_url: str) -> str:
    lines = [session.community.name]
    if session.series_id:
        lines[0] += f" · {session.series.title}"
    if session.status == Session.Status.CANCELLED and session.cancel_reason:
        lines.append(session.cancel_reason)
    if session.description:
        lines += ["", session.description]
    if join_link and session.join_url:
        lines += ["", session.join_url]
    dial_in = session.dial_in or (session.series.dial_in if session.series_id else "")
    if join_link and dial_in:
        lines += ["", dial_in]
    lines += ["", page_url]
    return "\n".join(lines)


def _event_lines(
    session: Session, *, join_link: bool, attendee: tuple[str, str] | None, page_url: str
) -> list[str]:
    """One session as a VEVENT. ``attendee`` (name, email) makes it an invitation
    (RFC 5546 needs an ORGANIZER and the ATTENDEE it is addressed to)."""
    zone = ZoneInfo(session.time_zone)
    tzid = _param(session.time_zone)
    cancelled = session.status == Session.Status.CANCELLED
    lines = [
        "BEGIN:VEVENT",
        f"UID:{session_uid(session)}",
        f"DTSTAMP:{_utc(session.updated_at)}",
        f"CREATED:{_utc(session.created_at)}",
        f"LAST-MODIFIED:{_utc(session.updated_at)}",
        f"SEQUENCE:{session.sequence}",
        f"DTSTART;TZID={tzid}:{_local(session.starts_at, zone)}",
        f"DTEND;TZID={tzid}:{_local(session.ends_at, zone)}",
        f"SUMMARY:{_text(session.title)}",
        "DESCRIPTION:" + _text(_description(session, join_link=join_link, page_url=page_url)),
        "STATUS:" + ("CANCELLED" if cancelled else "CONFIRMED"),
        "TRANSP:" + ("TRANSPARENT" if cancelled else "OPAQUE"),
    ]
    if join_link and session.join_url:
        lines += [f"URL:{session.join_url}", f"LOCATION:{_text(session.join_url)}"]
    else:
        lines.append(f"URL:{page_url}")
    if attendee is not None:
        name, email = attendee
        _sender, address = parseaddr(settings.DEFAULT_FROM_EMAIL)
        lines += [
            f"ORGANIZER;CN={_param(session.community.name)}:mailto:{address}",
            f"ATTENDEE;CN={_param(name)};ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;"
            f"RSVP=FALSE:mailto:{email}",
        ]
    lines.append("END:VEVENT")
    return lines


def _calendar(
    sessions: Iterable[Session],
    *,
    join_link: Callable[[Session], bool],
    name: str = "",
    method: str = "",
    attendee: tuple[str, str] | None = None,
) -> bytes:
    head = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN"]
    if method:
        head.append(f"METHOD:{method}")
    if name:
        head += [
            f"NAME:{_text(name)}",
            f"X-WR-CALNAME:{_text(name)}",
            "REFRESH-INTERVAL;VALUE=DURATION:PT1H",
            "X-PUBLISHED-TTL:PT1H",
        ]
    body: list[str] = []
    years: dict[str, tuple[int, int]] = {}
    page_url = _session_page_urls()
    for session in sessions:
        body += _event_lines(
            session, join_link=join_link(session), attendee=attendee, page_url=page_url(session)
        )
        first, last = years.get(session.time_zone, (session.starts_at.year, 0))
        years[session.time_zone] = (
            min(first, session.starts_at.year),
            max(last, session.ends_at.year),
        )
    # A VTIMEZONE for every zone used, from a year before its first event to a year
    # after its last (rather than the library's default, 1970 to 2038).
    zones = [_vtimezone(zone, first - 1, last + 2) for zone, (first, last) in sorted(years.items())]
    lines = [_fold(line) for line in head]
    lines += zones
    lines += [_fold(line) for line in body]
    lines.append("END:VCALENDAR" + CRLF)
    return "".join(lines).encode()


def feed_calendar(sessions: Iterable[Session], *, name: str, join_links: bool) -> bytes:
    """A subscribable feed (no METHOD: it is a published calendar, not a message)."""
    return _calendar(sessions, join_link=lambda session: join_links, name=name)


def session_download(session: Session, *, join_link: bool) -> bytes:
    """One session, to add to a calendar by hand."""
    return _calendar([session], join_link=lambda _s: join_link, method="PUBLISH")


def session_invitation(session: Session, *, name: str, email: str) -> bytes:
    """The invitation attached to a registered person's email: METHOD:REQUEST while
    the session stands, METHOD:CANCEL (and STATUS:CANCELLED) once it is cancelled.
    The person is registered, so they get the join link."""
    return _calendar(
        [session],
        join_link=lambda _s: True,
        method=invitation_method(session),
        attendee=(name, email),
    )


def invitation_method(session: Session) -> str:
    return "CANCEL" if session.status == Session.Status.CANCELLED else "REQUEST"
