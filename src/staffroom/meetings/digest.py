"""What meetings add to the daily and weekly digests (``notifications.digests``): the
sessions coming in each reader's communities, shown only where they may read."""

import datetime as dt

from django.db.models import F
from django.urls import reverse

from staffroom.communities import permissions
from staffroom.meetings.models import Session
from staffroom.notifications.digests import (
    DigestItem,
    DigestReader,
    readers_holding,
    top_per_community,
)

SESSIONS_MAX = 5
# A daily digest looks a week ahead; one that covers a week or more (the weekly one, or
# a daily one after a long pause) looks two weeks ahead.
AHEAD = dt.timedelta(days=7)
AHEAD_LONG = dt.timedelta(days=14)
LONG_SPAN = dt.timedelta(days=6)


def _ahead(reader: DigestReader, until: dt.datetime) -> dt.timedelta:
    return AHEAD_LONG if until - reader.since >= LONG_SPAN else AHEAD


def sessions_coming(readers: list[DigestReader], until: dt.datetime) -> dict[int, list]:
    """Sessions not cancelled that start after ``until`` within ``AHEAD`` (or
    ``AHEAD_LONG``), soonest first. Two queries."""
    communities = {community.pk for reader in readers for community in reader.communities}
    sessions = Session.objects.filter(
        community_id__in=communities,
        status=Session.Status.SCHEDULED,
        starts_at__gte=until,
        starts_at__lt=until + max(_ahead(reader, until) for reader in readers),
    )
    soonest = [F("starts_at").asc(), F("id").asc()]
    sessions = top_per_community(sessions, soonest, SESSIONS_MAX)
    sessions = list(sessions.select_related("community").order_by(*soonest))
    readable = readers_holding(readers, permissions.READ)
    items = {session.pk: _item(session) for session in sessions}
    found = {}
    for reader in readers:
        pk, end = reader.user.pk, until + _ahead(reader, until)
        theirs = [
            session
            for session in sessions
            if (pk, session.community_id) in readable and session.starts_at < end
        ]
        found[pk] = [items[session.pk] for session in theirs[:SESSIONS_MAX]]
    return found


def _item(session: Session) -> DigestItem:
    return DigestItem(
        title=session.title,
        url=reverse("meetings:session_detail", args=[session.community.slug, session.public_id]),
        community=session.community.name,
        at=session.starts_at,
    )
