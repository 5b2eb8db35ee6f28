"""What polls add to other parts' pages, registered in ``apps.py``: a section on the
community home listing its open polls, and a panel on the page of a session that
has polls."""

from staffroom.communities import permissions
from staffroom.communities.access import CommunityAccess
from staffroom.evaluation import selectors
from staffroom.meetings.models import Session

SESSION_PANEL_LIMIT = 10


def community_home_section(request, access: CommunityAccess) -> dict | None:
    """The open polls (a few, newest first); hidden when there are none, except for
    the facilitators, who get the link to start one."""
    if not access.has(permissions.READ):
        return None
    polls = selectors.open_poll_list(access.community)
    if not polls and not access.has(permissions.SCHEDULE):
        return None
    return {"access": access, "community": access.community, "polls": polls}


def session_panel(request, access: CommunityAccess, session: Session) -> dict | None:
    """The first polls tied to this session, open ones first, and the link to the page
    of all of them; for the facilitators, also when there are none yet, with the link
    to start one."""
    can_schedule = access.has(permissions.SCHEDULE)
    if session.status != Session.Status.SCHEDULED and not can_schedule:
        return None
    polls = list(selectors.poll_list(access.community, session=session)[:SESSION_PANEL_LIMIT])
    if not polls and not can_schedule:
        return None
    return {
        "access": access, "community": access.community, "session": session,
        "polls": polls, "can_schedule": can_schedule,
    }  # fmt: skip


def hub_instruments_section(request, hub_access) -> dict | None:
    """The link to the hub's instruments, for those who build them."""
    if not hub_access.has(permissions.BUILD_INSTRUMENTS):
        return None
    return {"hub": hub_access.hub}
