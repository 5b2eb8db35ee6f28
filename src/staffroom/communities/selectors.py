"""Reads shared by views: lists already filtered for the viewer, with their joins done."""

from django.db.models import (
    BooleanField,
    Count,
    Exists,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce
from django.utils import timezone

from staffroom.accounts.models import GradeBand, Subject, User
from staffroom.communities import permissions
from staffroom.communities.models import (
    Community,
    Hub,
    HubRole,
    Invitation,
    Membership,
    MembershipLog,
    Visibility,
)

ACTIVE = Membership.Status.ACTIVE


def _people_prefetched(users: QuerySet) -> QuerySet:
    return users.select_related("profile", "profile__school").prefetch_related(
        Prefetch("profile__subjects", queryset=Subject.objects.all()),
        Prefetch("profile__grade_bands", queryset=GradeBand.objects.all()),
    )


def community_list_for(user, *, query: str = "", hub: Hub | None = None) -> QuerySet:
    """Communities the viewer can see: public and private ones, plus any hidden one they
    belong to (or, as hub staff or site admin, run). Annotated with member counts and
    the viewer's membership status."""
    communities = Community.objects.select_related("hub")
    if hub is not None:
        communities = communities.filter(hub=hub)
    if not (user.is_authenticated and user.is_superuser):
        visible = ~Q(visibility=Visibility.HIDDEN)
        if user.is_authenticated:
            # Subqueries, not joins: a join on memberships here would also limit the
            # rows ``member_count`` counts below (to the viewer's own membership).
            visible |= Exists(
                Membership.objects.filter(community=OuterRef("pk"), user=user, status=ACTIVE)
            )
            hub_roles = permissions.hub_roles_granting(permissions.SEE)
            visible |= Exists(
                HubRole.objects.filter(hub=OuterRef("hub_id"), user=user, role__in=hub_roles)
            )
        communities = communities.filter(visible)
    if query:
        communities = communities.filter(
            Q(name__icontains=query) | Q(tagline__icontains=query) | Q(description__icontains=query)
        )
    member_count = Count("memberships", filter=Q(memberships__status=ACTIVE), distinct=True)
    communities = communities.annotate(member_count=member_count).distinct()
    if user.is_authenticated:
        mine = Membership.objects.filter(community=OuterRef("pk"), user=user)
        communities = communities.annotate(
            my_status=mine.values("status")[:1], my_role=mine.values("role")[:1]
        )
    return communities.order_by("name")


def community_readable_ids(user) -> list[int]:
    """The ids of the communities whose content ``user`` may read (the READ capability
    of ``permissions``): public ones, those they are an active member of, those of a hub
    where they hold a role; every one for a site admin. What search is scoped to."""
    return list(community_readable(user).values_list("pk", flat=True))


def community_readable(user) -> QuerySet:
    """The communities ``user`` may read (see ``community_readable_ids``), as a query
    other reads can use as a subquery."""
    communities = Community.objects.all()
    if not (user.is_authenticated and user.is_superuser):
        readable = Q(visibility=Visibility.PUBLIC)
        if user.is_authenticated:
            readable |= Exists(
                Membership.objects.filter(community=OuterRef("pk"), user=user, status=ACTIVE)
            )
            hub_roles = permissions.hub_roles_granting(permissions.READ)
            readable |= Exists(
                HubRole.objects.filter(hub=OuterRef("hub_id"), user=user, role__in=hub_roles)
            )
        communities = communities.filter(readable)
    return communities


def community_filter_list(user, readable: list[int]) -> list[Community]:
    """Of the ``readable`` communities (``community_readable_ids``), the ones a filter
    offers the viewer, by name: those their own standing lets them read (an active
    membership or a role in the hub; every one for a site admin), not those every
    visitor reads. A visitor, who has no standing anywhere, is offered them all."""
    communities = Community.objects.filter(pk__in=readable)
    if user.is_authenticated and not user.is_superuser:
        member_roles = permissions.membership_roles_granting(permissions.READ)
        hub_roles = permissions.hub_roles_granting(permissions.READ)
        communities = communities.filter(
            Exists(
                Membership.objects.filter(
                    community=OuterRef("pk"), user=user, status=ACTIVE, role__in=member_roles
                )
            )
            | Exists(HubRole.objects.filter(hub=OuterRef("hub_id"), user=user, role__in=hub_roles))
        )
    return list(communities.order_by("name"))


def community_member_list(community: Community, *, filters: dict | None = None) -> QuerySet:
    """Active members of a community as users, facilitators first."""
    is_facilitator = Exists(
        Membership.objects.filter(
            community=community,
            user=OuterRef("pk"),
            status=ACTIVE,
            role=Membership.Role.FACILITATOR,
        )
    )
    users = User.objects.filter(memberships__community=community, memberships__status=ACTIVE)
    users = _apply_people_filters(users, filters or {})
    return (
        _people_prefetched(users)
        .annotate(is_facilitator=is_facilitator)
        .order_by("-is_facilitator", "display_name", "pk")
    )


def community_newest_members(community: Community, limit: int = 6) -> list[Membership]:
    return list(
        community.memberships.filter(status=ACTIVE)
        .select_related("user", "user__profile", "user__profile__school")
        .order_by("-joined_at")[:limit]
    )


def community_facilitators(community: Community) -> list[Membership]:
    return list(
        community.memberships.filter(status=ACTIVE, role=Membership.Role.FACILITATOR)
        .select_related("user", "user__profile", "user__profile__school")
        .order_by("user__display_name")
    )


def community_counts(community: Community) -> dict:
    return community.memberships.aggregate(
        members=Count("pk", filter=Q(status=ACTIVE)),
        facilitators=Count("pk", filter=Q(status=ACTIVE, role=Membership.Role.FACILITATOR)),
        requests=Count("pk", filter=Q(status=Membership.Status.REQUESTED)),
    )


def join_request_list(community: Community) -> QuerySet:
    return (
        community.memberships.filter(status=Membership.Status.REQUESTED)
        .select_related("user", "user__profile", "user__profile__school")
        .order_by("requested_at")
    )


def member_management_list(community: Community, *, query: str = "") -> QuerySet:
    members = community.memberships.filter(status=ACTIVE).select_related(
        "user", "user__profile", "user__profile__school"
    )
    if query:
        members = members.filter(
            Q(user__display_name__icontains=query) | Q(user__email__icontains=query)
        )
    return members.order_by("-role", "user__display_name")


def open_invitation_list(community: Community) -> QuerySet:
    return (
        community.invitations.filter(
            accepted_at__isnull=True, revoked_at__isnull=True, expires_at__gt=timezone.now()
        )
        .select_related("invited_by")
        .order_by("-created_at")
    )


def invitation_get(token: str) -> Invitation | None:
    return (
        Invitation.objects.select_related("community", "community__hub", "invited_by")
        .filter(token=token)
        .first()
    )


def _apply_people_filters(users: QuerySet, filters: dict) -> QuerySet:
    if filters.get("q"):
        users = users.filter(display_name__icontains=filters["q"])
    if filters.get("role"):
        users = users.filter(profile__role=filters["role"])
    if filters.get("subject"):
        users = users.filter(profile__subjects=filters["subject"])
    if filters.get("grade_band"):
        users = users.filter(profile__grade_bands=filters["grade_band"])
    if filters.get("locale"):
        users = users.filter(profile__school__locale=filters["locale"])
    if filters.get("state"):
        users = users.filter(profile__school__state=filters["state"])
    return users


def _my_community_ids(viewer) -> QuerySet:
    return Membership.objects.filter(user=viewer, status=ACTIVE).values("community_id")


def directory_list(viewer, *, filters: dict) -> QuerySet:
    """People who share an active community with the viewer (the viewer excluded)."""
    communities = _my_community_ids(viewer)
    if filters.get("community"):
        communities = communities.filter(community=filters["community"])
    users = User.objects.filter(
        is_active=True,
        memberships__community__in=communities,
        memberships__status=ACTIVE,
    ).exclude(pk=viewer.pk)
    users = _apply_people_filters(users, filters).distinct()
    return _people_prefetched(users).order_by("display_name", "pk")


def peer_list(viewer) -> QuerySet:
    """ "People who teach what I teach": colleagues in my communities who share my subjects
    or grade bands, most in common first, and people outside my school before those in it."""
    profile = viewer.profile
    my_subjects = list(profile.subjects.values_list("pk", flat=True))
    my_bands = list(profile.grade_bands.values_list("pk", flat=True))
    ids = (
        User.objects.filter(
            is_active=True,
            memberships__community__in=_my_community_ids(viewer),
            memberships__status=ACTIVE,
        )
        .exclude(pk=viewer.pk)
        .values("pk")
    )
    shared_subjects = Subject.objects.filter(
        pk__in=my_subjects, profile__user=OuterRef("pk")
    ).values("profile__user")
    shared_bands = GradeBand.objects.filter(pk__in=my_bands, profile__user=OuterRef("pk")).values(
        "profile__user"
    )
    users = User.objects.filter(pk__in=ids).annotate(
        shared_subjects=_count_subquery(shared_subjects),
        shared_grade_bands=_count_subquery(shared_bands),
    )
    users = users.annotate(
        same_school=Exists(
            User.objects.filter(pk=OuterRef("pk"), profile__school_id=profile.school_id)
        )
        if profile.school_id
        else _false()
    ).filter(Q(shared_subjects__gt=0) | Q(shared_grade_bands__gt=0))
    return _people_prefetched(users).order_by(
        "same_school", "-shared_subjects", "-shared_grade_bands", "display_name", "pk"
    )


def _count_subquery(queryset: QuerySet):
    counted = queryset.annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


def _false():
    return Value(False, output_field=BooleanField())


def membership_log_list(community: Community) -> QuerySet:
    return (
        MembershipLog.objects.filter(membership__community=community)
        .select_related("actor", "membership__user")
        .order_by("-at")
    )


def shared_community_list(viewer, other) -> list[Community]:
    return list(
        Community.objects.filter(
            pk__in=_my_community_ids(viewer),
            memberships__user=other,
            memberships__status=ACTIVE,
        ).order_by("name")[:20]
    )
