"""Who may do what: the only place in Staffroom that compares roles (DESIGN rule 1).

A viewer holds *roles* relative to a community (``roles_for``); each role grants
named *capabilities* (``ROLE_CAPABILITIES``). Everything else asks for a capability.
"""

from collections.abc import Iterable

from staffroom.communities.models import (
    Community,
    HubRole,
    JoinPolicy,
    Membership,
    Visibility,
)

# Capabilities in a community.
SEE = "see"  # know it exists: its name, description and facilitators
READ = "read"  # read what is in it: sessions, threads, resources
JOIN = "join"  # join at once
REQUEST_TO_JOIN = "request_to_join"
WITHDRAW_REQUEST = "withdraw_request"
VIEW_MEMBERS = "view_members"  # the member directory
PARTICIPATE = "participate"  # post, register, present
LEAVE = "leave"
INVITE = "invite"
MANAGE_MEMBERS = "manage_members"  # approve, decline, change roles, remove
MODERATE = "moderate"
SCHEDULE = "schedule"
EDIT_COMMUNITY = "edit_community"
REVIEW_CASES = "review_cases"  # the case queue: accept or return submitted cases
MANAGE_SURVEYS = "manage_surveys"  # deploy surveys to the community, follow response rates

# Capabilities in a hub.
CREATE_COMMUNITY = "create_community"
VIEW_HUB_REPORTS = "view_hub_reports"
EVALUATE = "evaluate"
BUILD_INSTRUMENTS = "build_instruments"  # the hub's questionnaires: build, version, import
# Hub-wide surveys, and every survey of the hub's communities.
MANAGE_HUB_SURVEYS = "manage_hub_surveys"

_MEMBER = {SEE, READ, VIEW_MEMBERS, PARTICIPATE, LEAVE}
_RUNS_COMMUNITY = {
    INVITE, MANAGE_MEMBERS, MODERATE, SCHEDULE, EDIT_COMMUNITY, REVIEW_CASES, MANAGE_SURVEYS,
}  # fmt: skip

ROLE_CAPABILITIES: dict[str, frozenset[str]] = {
    # Anyone, signed in or not, looking at a public or a private (listed) community.
    "visitor_of_public": frozenset({SEE, READ}),
    "visitor_of_private": frozenset({SEE}),
    # A signed-in person who is not a member, by the community's join policy.
    "newcomer_open": frozenset({JOIN}),
    "newcomer_request": frozenset({REQUEST_TO_JOIN}),
    "requester": frozenset({SEE, WITHDRAW_REQUEST}),
    "member": frozenset(_MEMBER),
    "facilitator": frozenset(_MEMBER | _RUNS_COMMUNITY),
    "hub_admin": frozenset({SEE, READ, VIEW_MEMBERS} | _RUNS_COMMUNITY),
    "hub_evaluator": frozenset({SEE, READ, VIEW_MEMBERS, MANAGE_SURVEYS}),
}

HUB_ROLE_CAPABILITIES: dict[str, frozenset[str]] = {
    HubRole.Role.ADMIN: frozenset(
        {CREATE_COMMUNITY, VIEW_HUB_REPORTS, BUILD_INSTRUMENTS, MANAGE_HUB_SURVEYS}
    ),
    HubRole.Role.EVALUATOR: frozenset(
        {VIEW_HUB_REPORTS, EVALUATE, BUILD_INSTRUMENTS, MANAGE_HUB_SURVEYS}
    ),
}

# The role in a community that an active membership, or a role in its hub, gives.
_MEMBERSHIP_ROLES = {Membership.Role.MEMBER: "member", Membership.Role.FACILITATOR: "facilitator"}
_HUB_ROLES = {HubRole.Role.ADMIN: "hub_admin", HubRole.Role.EVALUATOR: "hub_evaluator"}

ALL_CAPABILITIES = frozenset().union(*ROLE_CAPABILITIES.values())
ALL_HUB_CAPABILITIES = frozenset().union(*HUB_ROLE_CAPABILITIES.values())


def roles_for(
    community: Community,
    *,
    signed_in: bool,
    membership: Membership | None,
    hub_roles: Iterable[str],
) -> frozenset[str]:
    """The roles a viewer holds in ``community``."""
    roles = set()
    if community.visibility == Visibility.PUBLIC:
        roles.add("visitor_of_public")
    elif community.visibility == Visibility.PRIVATE:
        roles.add("visitor_of_private")
    status = membership.status if membership else None
    if status == Membership.Status.ACTIVE:
        roles.add(_MEMBERSHIP_ROLES[membership.role])
    elif status == Membership.Status.REQUESTED:
        roles.add("requester")
    elif signed_in and status != Membership.Status.REMOVED and community.visibility != "hidden":
        if community.join_policy == JoinPolicy.OPEN:
            roles.add("newcomer_open")
        elif community.join_policy == JoinPolicy.REQUEST:
            roles.add("newcomer_request")
    roles.update(_HUB_ROLES[role] for role in hub_roles)
    return frozenset(roles)


def membership_roles_granting(capability: str) -> frozenset[str]:
    """The ``Membership.Role`` values whose active holders have ``capability`` in the
    community, for selectors that filter on it in the database."""
    return frozenset(
        role for role, held in _MEMBERSHIP_ROLES.items() if capability in ROLE_CAPABILITIES[held]
    )


def hub_roles_granting(capability: str) -> frozenset[str]:
    """The ``HubRole.Role`` values whose holders have ``capability`` in every community
    of the hub, for selectors that filter on it in the database."""
    return frozenset(
        role for role, held in _HUB_ROLES.items() if capability in ROLE_CAPABILITIES[held]
    )


def capabilities_for(roles: Iterable[str], *, superuser: bool = False) -> frozenset[str]:
    capabilities = frozenset().union(*(ROLE_CAPABILITIES[role] for role in roles))
    if superuser:
        # A site admin may run every community; joining and taking part stay with
        # the roles they actually hold.
        capabilities |= ALL_CAPABILITIES - {
            JOIN,
            REQUEST_TO_JOIN,
            WITHDRAW_REQUEST,
            LEAVE,
            PARTICIPATE,
        }
    return capabilities


def hub_capabilities_for(hub_roles: Iterable[str], *, superuser: bool = False) -> frozenset[str]:
    capabilities = frozenset().union(*(HUB_ROLE_CAPABILITIES[role] for role in hub_roles))
    return ALL_HUB_CAPABILITIES if superuser else capabilities


def is_leader_role(role: str) -> bool:
    """Whether a membership role runs the community (counts toward "the last facilitator")."""
    return role == Membership.Role.FACILITATOR
