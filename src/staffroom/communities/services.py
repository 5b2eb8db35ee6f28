"""Every write about hubs, communities, memberships and invitations.

Each service takes the acting user, checks the capability it needs through the
viewer's ``CommunityAccess``, runs in one transaction, keeps a ``MembershipLog`` for
significant changes, and queues email only once the transaction commits.
"""

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from staffroom.communities import permissions
from staffroom.communities.access import CommunityAccess, HubAccess
from staffroom.communities.models import (
    INVITATION_DAYS,
    Community,
    HubRole,
    Invitation,
    JoinPolicy,
    Membership,
    MembershipLog,
    Visibility,
)
from staffroom.core.email import email_enqueue, email_render
from staffroom.core.errors import DomainError
from staffroom.core.markdown import render_markdown
from staffroom.core.urls import absolute_url


class MembershipError(DomainError):
    pass


class InvitationError(DomainError):
    pass


def _require(access: CommunityAccess, capability: str) -> None:
    if not access.has(capability):
        raise MembershipError(_("You are not allowed to do that in this community."))


def _check_role(role: str) -> None:
    # The forms offer only these, but a service is where the invariant is kept.
    if role not in Membership.Role.values:
        raise MembershipError(_("Choose a role."), field="role")


def _log(membership: Membership, actor, action: str, reason: str = "") -> None:
    MembershipLog.objects.create(membership=membership, actor=actor, action=action, reason=reason)


def _notify(user, template: str, context: dict) -> None:
    message = email_render(template, {"user": user, **context}, language=user.language or None)
    email_enqueue(to=[user.email], **message)


def _community_url(community: Community) -> str:
    return absolute_url(reverse("communities:community_detail", args=[community.slug]))


def _check_visibility_and_policy(visibility: str, join_policy: str) -> None:
    if visibility == Visibility.HIDDEN and join_policy != JoinPolicy.INVITATION:
        raise DomainError(
            _("A hidden community can only be joined by invitation."), field="join_policy"
        )


@transaction.atomic
def community_create(
    *,
    actor,
    hub_access: HubAccess,
    name: str,
    slug: str,
    tagline: str,
    description: str,
    visibility: str,
    join_policy: str,
) -> Community:
    """Create a community in a hub; the hub admin who creates it is its first facilitator."""
    if not hub_access.has(permissions.CREATE_COMMUNITY):
        raise DomainError(_("You are not allowed to create communities in this hub."))
    _check_visibility_and_policy(visibility, join_policy)
    if Community.objects.filter(slug=slug).exists():
        raise DomainError(_("Another community already uses this web address."), field="slug")
    community = Community.objects.create(
        hub=hub_access.hub,
        name=name.strip(),
        slug=slug,
        tagline=tagline.strip(),
        description=description,
        description_html=render_markdown(description),
        visibility=visibility,
        join_policy=join_policy,
    )
    membership = Membership.objects.create(
        community=community,
        user=actor,
        role=Membership.Role.FACILITATOR,
        status=Membership.Status.ACTIVE,
        joined_at=timezone.now(),
    )
    _log(membership, actor, "created")
    return community


@transaction.atomic
def community_update(
    *,
    actor,
    access: CommunityAccess,
    name: str,
    tagline: str,
    description: str,
    visibility: str,
    join_policy: str,
) -> Community:
    _require(access, permissions.EDIT_COMMUNITY)
    _check_visibility_and_policy(visibility, join_policy)
    community = access.community
    community.name = name.strip()
    community.tagline = tagline.strip()
    community.description = description
    community.description_html = render_markdown(description)
    community.visibility = visibility
    community.join_policy = join_policy
    community.save()
    return community


def _membership_for_update(community: Community, user) -> Membership | None:
    return Membership.objects.select_for_update().filter(community=community, user=user).first()


@transaction.atomic
def membership_join(*, actor, access: CommunityAccess) -> Membership:
    """Join an open community at once."""
    membership = _membership_for_update(access.community, actor)
    if membership and membership.is_active:
        raise MembershipError(_("You are already a member of this community."))
    _require(access, permissions.JOIN)
    membership = membership or Membership(community=access.community, user=actor)
    membership.status = Membership.Status.ACTIVE
    membership.role = Membership.Role.MEMBER
    membership.joined_at = timezone.now()
    membership.save()
    _log(membership, actor, "joined")
    return membership


@transaction.atomic
def membership_request(*, actor, access: CommunityAccess, message: str = "") -> Membership:
    """Ask the facilitators to be let in; they are told by email."""
    membership = _membership_for_update(access.community, actor)
    if membership and membership.status == Membership.Status.REQUESTED:
        raise MembershipError(
            _("You have already asked to join. The facilitators will answer soon.")
        )
    if membership and membership.is_active:
        raise MembershipError(_("You are already a member of this community."))
    _require(access, permissions.REQUEST_TO_JOIN)
    membership = membership or Membership(community=access.community, user=actor)
    membership.status = Membership.Status.REQUESTED
    membership.role = Membership.Role.MEMBER
    membership.request_message = message.strip()
    membership.requested_at = timezone.now()
    membership.save()
    _log(membership, actor, "requested", message.strip())
    manage_url = absolute_url(reverse("communities:member_manage", args=[access.community.slug]))
    for facilitator in _facilitators(access.community):
        _notify(
            facilitator,
            "communities/email/join_requested",
            {"requester": actor, "community": access.community, "manage_url": manage_url,
             "request_message": membership.request_message},
        )  # fmt: skip
    return membership


@transaction.atomic
def membership_withdraw(*, actor, access: CommunityAccess) -> Membership:
    membership = _membership_for_update(access.community, actor)
    if not membership or membership.status != Membership.Status.REQUESTED:
        raise MembershipError(_("There is no open request to withdraw."))
    membership.status = Membership.Status.WITHDRAWN
    membership.save(update_fields=["status", "updated_at"])
    _log(membership, actor, "withdrew")
    return membership


def _pending_request(access: CommunityAccess, member_public_id: str) -> Membership:
    membership = (
        Membership.objects.select_for_update()
        .select_related("user")
        .filter(community=access.community, user__public_id=member_public_id)
        .first()
    )
    if membership is None or membership.status != Membership.Status.REQUESTED:
        raise MembershipError(
            _("This request is no longer open: it was withdrawn or already answered.")
        )
    return membership


@transaction.atomic
def membership_approve(*, actor, access: CommunityAccess, member_public_id: str) -> Membership:
    _require(access, permissions.MANAGE_MEMBERS)
    membership = _pending_request(access, member_public_id)
    membership.status = Membership.Status.ACTIVE
    membership.joined_at = timezone.now()
    membership.save(update_fields=["status", "joined_at", "updated_at"])
    _log(membership, actor, "approved")
    _notify(
        membership.user,
        "communities/email/request_approved",
        {"community": access.community, "community_url": _community_url(access.community)},
    )
    return membership


@transaction.atomic
def membership_decline(
    *, actor, access: CommunityAccess, member_public_id: str, reason: str = ""
) -> Membership:
    _require(access, permissions.MANAGE_MEMBERS)
    membership = _pending_request(access, member_public_id)
    membership.status = Membership.Status.DECLINED
    membership.save(update_fields=["status", "updated_at"])
    _log(membership, actor, "declined", reason.strip())
    _notify(
        membership.user,
        "communities/email/request_declined",
        {"community": access.community, "reason": reason.strip()},
    )
    return membership


def _active_member(access: CommunityAccess, member_public_id: str) -> Membership:
    membership = (
        Membership.objects.select_for_update()
        .select_related("user")
        .filter(
            community=access.community,
            user__public_id=member_public_id,
            status=Membership.Status.ACTIVE,
        )
        .first()
    )
    if membership is None:
        raise MembershipError(_("This person is not a member of the community."))
    return membership


def _refuse_if_last_facilitator(membership: Membership, message: str) -> None:
    if not permissions.is_leader_role(membership.role):
        return
    others = (
        Membership.objects.select_for_update()
        .filter(
            community_id=membership.community_id,
            role=Membership.Role.FACILITATOR,
            status=Membership.Status.ACTIVE,
        )
        .exclude(pk=membership.pk)
    )
    if not others.exists():
        raise MembershipError(message)


@transaction.atomic
def membership_set_role(
    *, actor, access: CommunityAccess, member_public_id: str, role: str
) -> Membership:
    _require(access, permissions.MANAGE_MEMBERS)
    _check_role(role)
    membership = _active_member(access, member_public_id)
    if membership.role == role:
        return membership
    if not permissions.is_leader_role(role):
        _refuse_if_last_facilitator(
            membership,
            _("A community needs at least one facilitator. Make someone else one first."),
        )
    membership.role = role
    membership.save(update_fields=["role", "updated_at"])
    _log(membership, actor, f"role_{role}")
    return membership


@transaction.atomic
def membership_remove(
    *, actor, access: CommunityAccess, member_public_id: str, reason: str = ""
) -> Membership:
    _require(access, permissions.MANAGE_MEMBERS)
    membership = _active_member(access, member_public_id)
    _refuse_if_last_facilitator(
        membership,
        _("You cannot remove the last facilitator. Make someone else a facilitator first."),
    )
    membership.status = Membership.Status.REMOVED
    membership.save(update_fields=["status", "updated_at"])
    _log(membership, actor, "removed", reason.strip())
    return membership


@transaction.atomic
def membership_leave(*, actor, access: CommunityAccess) -> Membership:
    membership = _membership_for_update(access.community, actor)
    if membership is None or not membership.is_active:
        raise MembershipError(_("You are not a member of this community."))
    _refuse_if_last_facilitator(
        membership,
        _("You are the last facilitator. Make someone else a facilitator before you leave."),
    )
    membership.status = Membership.Status.LEFT
    membership.save(update_fields=["status", "updated_at"])
    _log(membership, actor, "left")
    return membership


def _facilitators(community: Community):
    return [
        m.user
        for m in community.memberships.filter(
            role=Membership.Role.FACILITATOR, status=Membership.Status.ACTIVE
        ).select_related("user")
    ]


@transaction.atomic
def invitation_create(
    *, actor, access: CommunityAccess, email: str, role: str, message: str = ""
) -> Invitation:
    """Invite an address; an earlier open invitation to it is replaced by this one."""
    _require(access, permissions.INVITE)
    _check_role(role)
    email = email.strip().lower()
    if access.community.memberships.filter(
        user__email__iexact=email, status=Membership.Status.ACTIVE
    ).exists():
        raise InvitationError(_("This person is already a member."), field="email")
    now = timezone.now()
    access.community.invitations.filter(
        email__iexact=email, accepted_at__isnull=True, revoked_at__isnull=True
    ).update(revoked_at=now)
    invitation = Invitation.objects.create(
        community=access.community, email=email, role=role, message=message.strip(),
        invited_by=actor,
    )  # fmt: skip
    context = {
        "invitation": invitation,
        "community": access.community,
        "inviter": actor,
        "days": INVITATION_DAYS,
        "accept_url": absolute_url(
            reverse("communities:invitation_accept", args=[invitation.token])
        ),
    }
    message_parts = email_render("communities/email/invitation", context)
    email_enqueue(to=[email], **message_parts)
    return invitation


@transaction.atomic
def invitation_revoke(*, actor, access: CommunityAccess, invitation_public_id: str) -> None:
    _require(access, permissions.INVITE)
    updated = access.community.invitations.filter(
        public_id=invitation_public_id, accepted_at__isnull=True, revoked_at__isnull=True
    ).update(revoked_at=timezone.now())
    if not updated:
        raise InvitationError(_("This invitation was already used or withdrawn."))


def invitation_problem(invitation: Invitation | None) -> str | None:
    """Why an invitation link cannot be used, in words for the person holding it."""
    if invitation is None:
        return _("This invitation link is not valid. Check that you copied all of it.")
    if invitation.revoked_at:
        return _("This invitation was withdrawn. Ask the facilitator for a new one.")
    if invitation.accepted_at:
        return _("This invitation has already been used.")
    if invitation.expires_at <= timezone.now():
        return _("This invitation has expired. Ask the facilitator for a new one.")
    return None


@transaction.atomic
def invitation_accept(*, actor, token: str) -> Membership:
    """Use an invitation: the holder becomes an active member with the invited role."""
    invitation = (
        Invitation.objects.select_for_update().select_related("community").filter(token=token)
    ).first()
    problem = invitation_problem(invitation)
    if problem:
        raise InvitationError(problem)
    community = invitation.community
    membership = _membership_for_update(community, actor) or Membership(
        community=community, user=actor
    )
    if not membership.is_active or permissions.is_leader_role(invitation.role):
        membership.role = invitation.role
    membership.status = Membership.Status.ACTIVE
    membership.joined_at = membership.joined_at or timezone.now()
    membership.save()
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = actor
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    _log(membership, actor, "accepted_invitation")
    return membership


@transaction.atomic
def hub_role_grant(*, hub, user, role: str) -> HubRole:
    """Give someone a staff role in a hub (used by the demo and the admin)."""
    hub_role, _created = HubRole.objects.get_or_create(hub=hub, user=user, role=role)
    return hub_role
