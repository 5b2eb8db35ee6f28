"""Fetching communities and hubs for a viewer, and the view decorators built on it.

A community the viewer may not see does not exist for them (404). A community they
can read but an action they may not take is a 403 (DESIGN rule 1).
"""

from dataclasses import dataclass, field
from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404

from staffroom.accounts.models import User
from staffroom.communities import permissions
from staffroom.communities.models import Community, Hub, HubRole, Membership


@dataclass(frozen=True)
class CommunityAccess:
    """A viewer's standing in one community, resolved once per request."""

    community: Community
    user: object
    membership: Membership | None
    roles: frozenset[str]
    capabilities: frozenset[str]
    can: dict[str, bool] = field(init=False)

    def __post_init__(self):
        # ``can`` lets templates ask ``{% if access.can.invite %}``.
        object.__setattr__(self, "can", {cap: True for cap in self.capabilities})

    def has(self, capability: str) -> bool:
        return capability in self.capabilities

    def has_any(self, need: str | tuple[str, ...]) -> bool:
        """Whether the viewer holds ``need`` (or, given a tuple, any one of them)."""
        return any(self.has(capability) for capability in _needs(need))

    @property
    def is_member(self) -> bool:
        return bool(self.membership and self.membership.is_active)


def community_access_for(user, community: Community) -> CommunityAccess:
    signed_in = user.is_authenticated
    membership = None
    hub_roles: list[str] = []
    if signed_in:
        membership = Membership.objects.filter(community=community, user=user).first()
        hub_roles = list(
            HubRole.objects.filter(hub_id=community.hub_id, user=user).values_list(
                "role", flat=True
            )
        )
    roles = permissions.roles_for(
        community, signed_in=signed_in, membership=membership, hub_roles=hub_roles
    )
    superuser = signed_in and user.is_superuser
    return CommunityAccess(
        community=community,
        user=user,
        membership=membership,
        roles=roles,
        capabilities=permissions.capabilities_for(roles, superuser=superuser),
    )


def _needs(need: str | tuple[str, ...]) -> tuple[str, ...]:
    return (need,) if isinstance(need, str) else need


def check_capability(access: CommunityAccess, need: str | tuple[str, ...]) -> None:
    """404 when the viewer may not see the community or read what ``need`` guards;
    403 when they can read the community but may not do ``need`` (any one of them,
    when ``need`` is a tuple)."""
    if not access.has(permissions.SEE):
        raise Http404
    if not access.has_any(need):
        if access.has(permissions.READ):
            raise PermissionDenied
        raise Http404


def _community_by_slug(slug: str) -> Community:
    community = Community.objects.select_related("hub").filter(slug=slug).first()
    if community is None:
        raise Http404
    return community


def access_community(user, slug: str, *, need: str = permissions.SEE) -> CommunityAccess:
    access = community_access_for(user, _community_by_slug(slug))
    check_capability(access, need)
    return access


@dataclass(frozen=True)
class HubAccess:
    hub: Hub
    capabilities: frozenset[str]

    @property
    def can(self) -> dict[str, bool]:
        return {cap: True for cap in self.capabilities}

    def has(self, capability: str) -> bool:
        return capability in self.capabilities


def access_hub(user, slug: str, *, need: str | None = None) -> HubAccess:
    """Every hub page is public (it lists only what the viewer may see); ``need``
    names a hub capability such as ``create_community`` (403 without it)."""
    hub = Hub.objects.filter(slug=slug).first()
    if hub is None:
        raise Http404
    hub_roles = (
        HubRole.objects.filter(hub=hub, user=user).values_list("role", flat=True)
        if user.is_authenticated
        else []
    )
    access = HubAccess(
        hub=hub,
        capabilities=permissions.hub_capabilities_for(
            hub_roles, superuser=user.is_authenticated and user.is_superuser
        ),
    )
    if need and not access.has(need):
        raise PermissionDenied
    return access


def community_view(need: str | tuple[str, ...] = permissions.SEE):
    """Resolve ``slug`` to a ``CommunityAccess`` once and pass it to the view.

    An anonymous visitor who lacks ``need`` in a community they can see is sent to
    sign in first, since signing in may be all they are missing."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, slug, *args, **kwargs):
            access = community_access_for(request.user, _community_by_slug(slug))
            if (
                not request.user.is_authenticated
                and access.has(permissions.SEE)
                and not access.has_any(need)
            ):
                return redirect_to_login(request.get_full_path())
            check_capability(access, need)
            request.community_access = access
            return view(request, access, *args, **kwargs)

        return wrapped

    return decorator


def access_person(viewer, public_id: str) -> tuple[User, str]:
    """The person behind ``public_id`` and how much of them ``viewer`` may see:
    ``"full"`` for themselves and people who share a community with them (and site
    admins), ``"name"`` for any other signed-in person."""
    if not viewer.is_authenticated:
        raise Http404
    person = (
        User.objects.select_related("profile", "profile__school")
        .filter(public_id=public_id, is_active=True)
        .first()
    )
    if person is None:
        raise Http404
    if person == viewer or viewer.is_superuser or _shares_community(viewer, person):
        return person, "full"
    return person, "name"


def _shares_community(viewer, person) -> bool:
    mine = Membership.objects.filter(user=viewer, status=Membership.Status.ACTIVE)
    return Membership.objects.filter(
        user=person,
        status=Membership.Status.ACTIVE,
        community_id__in=mine.values("community_id"),
    ).exists()
