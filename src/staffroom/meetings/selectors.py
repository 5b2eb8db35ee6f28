"""Reads of the schedule that pages share: querysets already limited to what the
viewer may see, with the joins their templates need, so no page runs a query per row."""

from django.db.models import OuterRef, QuerySet, Subquery
from django.utils import timezone

from staffroom.accounts.models import User
from staffroom.communities.models import Community, Membership
from staffroom.meetings.models import FocusArea, Material, Registration, Series, Session

_SESSION_JOINS = ("community", "series", "presenter", "focus_area")


def session_list(community: Community, *, when: str = "upcoming") -> QuerySet[Session]:
    """A community's sessions: ``upcoming`` (not yet ended, soonest first) or ``past``
    (most recent first), cancelled ones included (pages mark them)."""
    sessions = Session.objects.filter(community=community).select_related(*_SESSION_JOINS)
    now = timezone.now()
    if when == "past":
        return sessions.filter(ends_at__lt=now).order_by("-starts_at", "pk")
    return sessions.filter(ends_at__gte=now).order_by("starts_at", "pk")


def series_list(community: Community) -> QuerySet[Series]:
    return Series.objects.filter(community=community).order_by("title", "pk")


def series_session_list(series: Series) -> QuerySet[Session]:
    """A series' sessions in date order (newest last), for its page."""
    return series.sessions.select_related(*_SESSION_JOINS).order_by("starts_at", "pk")


def material_list(session: Session) -> QuerySet[Material]:
    return session.materials.order_by("created_at", "pk")


def focus_area_list(community: Community) -> QuerySet[FocusArea]:
    return FocusArea.objects.filter(hub_id=community.hub_id).order_by("code")


def presenter_candidates(community: Community):
    """Who may be named presenter of a session: the community's active members."""
    return User.objects.filter(
        memberships__community=community,
        memberships__status=Membership.Status.ACTIVE,
        is_active=True,
    ).order_by("display_name", "pk")


def my_session_list(user) -> QuerySet[Session]:
    """Sessions still to come in every community ``user`` is an active member of,
    across hubs, soonest first; each carries ``my_registration`` (the status of the
    user's registration, or None)."""
    communities = Membership.objects.filter(user=user, status=Membership.Status.ACTIVE).values(
        "community_id"
    )
    registration = Registration.objects.filter(session=OuterRef("pk"), user=user).values("status")[
        :1
    ]
    return (
        Session.objects.filter(community_id__in=communities, ends_at__gte=timezone.now())
        .select_related("community__hub", *_SESSION_JOINS)
        .annotate(my_registration=Subquery(registration))
        .order_by("starts_at", "pk")
    )


def upcoming_sessions(community: Community, *, limit: int = 5) -> list[Session]:
    """The next few sessions of a community, for its home page."""
    return list(session_list(community)[:limit])
