"""Reads about notifications, each already limited to the person who asks."""

from django.db.models import Exists, OuterRef, Q, QuerySet

from staffroom.communities.models import Community, Membership
from staffroom.communities.selectors import community_readable
from staffroom.notifications import kinds
from staffroom.notifications.models import DigestSchedule, Notification, Preference


def _readable(user) -> QuerySet[Notification]:
    """``user``'s notifications from communities they may still read: one they left, or
    that became private, no longer shows its threads' titles to them."""
    still = Q(community__isnull=True) | Q(community__in=community_readable(user).values("pk"))
    return Notification.objects.filter(still, recipient=user)


def notification_list(user) -> QuerySet[Notification]:
    """``user``'s notifications, newest first, with who caused each."""
    return _readable(user).select_related("actor")


def unread_list(user) -> QuerySet[Notification]:
    """``user``'s unread notifications (the header counts them)."""
    return _readable(user).filter(read_at__isnull=True)


def unread_count(user) -> int:
    return unread_list(user).count()


def frequency_get(user, kind: str, community_id: int | None) -> str:
    """How ``user`` wants ``kind`` emailed from ``community_id``: their choice for that
    community, else their choice for all, else the kind's default."""
    scope = Q(community__isnull=True)
    if community_id is not None:
        scope |= Q(community_id=community_id)
    chosen = dict(
        Preference.objects.filter(scope, user=user, kind=kind).values_list(
            "community_id", "frequency"
        )
    )
    for key in (community_id, None):
        if key in chosen:
            return chosen[key]
    registered = kinds.kind_get(kind)
    return registered.default if registered else kinds.WEEKLY


def frequencies_get(user_ids, kind: str, community_id: int | None) -> dict[int, str]:
    """``frequency_get`` for many people at once, in one query: ``{user id: frequency}``."""
    scope = Q(community__isnull=True)
    if community_id is not None:
        scope |= Q(community_id=community_id)
    registered = kinds.kind_get(kind)
    frequencies = {pk: registered.default if registered else kinds.WEEKLY for pk in user_ids}
    rows = Preference.objects.filter(scope, user_id__in=list(frequencies), kind=kind)
    # A community's own choice wins over the default: apply the defaults first.
    for row in sorted(rows, key=lambda row: row.community_id is not None):
        frequencies[row.user_id] = row.frequency
    return frequencies


def preferences_get(user, community_id: int | None) -> dict[str, str]:
    """``{kind: frequency}`` for every registered kind, as it applies to
    ``community_id`` (``None``: the default for all communities)."""
    scope = Q(community__isnull=True)
    if community_id is not None:
        scope |= Q(community_id=community_id)
    rows = Preference.objects.filter(scope, user=user)
    chosen: dict[str, str] = {}
    # A community's own choice wins over the default: read the defaults first.
    for row in sorted(rows, key=lambda row: row.community_id is not None):
        chosen[row.kind] = row.frequency
    return {kind.key: chosen.get(kind.key, kind.default) for kind in kinds.kinds()}


def preferences_own(user, community_id: int) -> dict[str, str]:
    """``{kind: frequency}`` for the kinds ``user`` chose for that community itself (the
    others follow their choice for all communities)."""
    rows = Preference.objects.filter(user=user, community_id=community_id)
    return dict(rows.values_list("kind", "frequency"))


def preference_community_list(user) -> QuerySet[Community]:
    """The communities ``user`` may choose settings for: those they are an active
    member of, and any they already chose for (say a public one they unsubscribed
    from without joining), so that choice can be seen and undone."""
    member = Membership.objects.filter(
        community=OuterRef("pk"), user=user, status=Membership.Status.ACTIVE
    )
    chosen = Preference.objects.filter(community=OuterRef("pk"), user=user)
    return Community.objects.filter(Exists(member) | Exists(chosen)).order_by("name")


def digest_schedule_get(user) -> DigestSchedule:
    """When ``user``'s digests go out: their row, or (unsaved) the defaults."""
    return DigestSchedule.objects.filter(user=user).first() or DigestSchedule(user=user)
