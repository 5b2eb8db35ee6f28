"""Reads of cases that views share, already filtered for the viewer."""

from django.db.models import Q, QuerySet

from staffroom.cases.models import Case
from staffroom.communities.access import CommunityAccess


def case_list(access: CommunityAccess) -> QuerySet[Case]:
    """The viewer's own cases in the community (every state) and its accepted cases."""
    return (
        Case.objects.filter(community=access.community)
        .filter(Q(presenter_id=access.user.pk) | Q(state=Case.State.ACCEPTED))
        .select_related("presenter")
        .order_by("-updated_at", "-id")
    )


def case_queue(access: CommunityAccess, *, state: str) -> QuerySet[Case]:
    """The facilitators' queue: every case of the community in ``state``, oldest
    submission first (drafts are the presenter's business and not listed)."""
    return (
        Case.objects.filter(community=access.community, state=state)
        .select_related("presenter")
        .order_by("submitted_at", "id")
    )


def case_queue_counts(access: CommunityAccess) -> dict[str, int]:
    from django.db.models import Count

    rows = (
        Case.objects.filter(community=access.community)
        .exclude(state=Case.State.DRAFT)
        .values("state")
        .annotate(n=Count("id"))
    )
    return {row["state"]: row["n"] for row in rows}
