"""Fetching polls for a viewer, built on the communities' access mechanism: a poll
is community content, so seeing it needs ``read``; voting needs ``participate``;
starting and closing polls need ``schedule``."""

from django.http import Http404

from staffroom.communities import permissions
from staffroom.communities.access import CommunityAccess, check_capability
from staffroom.evaluation.models import Poll


def access_poll(
    access: CommunityAccess, public_id: str, *, need: str | tuple[str, ...] = permissions.READ
) -> Poll:
    """The poll ``public_id`` of the community ``access`` was resolved for; 404 if it is
    not there or the viewer may not read the community, 403 without ``need``."""
    check_capability(access, permissions.READ)
    poll = (
        Poll.objects.select_related("session", "community")
        .filter(community=access.community, public_id=public_id)
        .first()
    )
    if poll is None:
        raise Http404
    check_capability(access, need)
    return poll
