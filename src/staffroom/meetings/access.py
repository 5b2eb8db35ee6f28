"""Fetching sessions and series for a viewer, built on the communities' access
mechanism: a session is community content, so seeing it needs ``read``; registering
and checking in need ``participate``; scheduling and attendance need ``schedule``."""

from django.http import Http404

from staffroom.communities import permissions
from staffroom.communities.access import CommunityAccess, check_capability
from staffroom.meetings.models import Series, Session


def access_session(
    access: CommunityAccess, public_id: str, *, need: str | tuple[str, ...] = permissions.READ
) -> Session:
    """The session ``public_id`` of the community ``access`` was resolved for; 404 if it
    is not there or the viewer may not read the community, 403 without ``need``."""
    check_capability(access, permissions.READ)
    session = (
        Session.objects.select_related("series", "presenter", "focus_area")
        .filter(community=access.community, public_id=public_id)
        .first()
    )
    if session is None:
        raise Http404
    check_capability(access, need)
    return session


def access_series(
    access: CommunityAccess, public_id: str, *, need: str | tuple[str, ...] = permissions.READ
) -> Series:
    check_capability(access, permissions.READ)
    series = Series.objects.filter(community=access.community, public_id=public_id).first()
    if series is None:
        raise Http404
    check_capability(access, need)
    return series
