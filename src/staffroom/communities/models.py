"""Hubs own communities; people belong to communities through memberships."""

import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from staffroom.accounts.models import new_public_id


class Hub(models.Model):
    """An organisation that runs communities (a university ECHO hub, a state agency...)."""

    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("short name"), unique=True)
    description = models.TextField(_("description"), blank=True)
    description_html = models.TextField(editable=False, blank=True)
    # Who signs the hub's certificates of professional-development hours.
    signer_name = models.CharField(_("certificate signer"), max_length=120, blank=True)
    signer_title = models.CharField(_("signer's title"), max_length=120, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("hub")
        verbose_name_plural = _("hubs")
        ordering = ["name"]

    def __str__(self):
        return self.name


class HubRole(models.Model):
    """Staff of a hub. Which role may do what is decided in ``permissions.py`` only."""

    class Role(models.TextChoices):
        ADMIN = "admin", _("Hub admin")
        EVALUATOR = "evaluator", _("Evaluator")

    hub = models.ForeignKey(Hub, on_delete=models.CASCADE, related_name="staff")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="hub_roles"
    )
    role = models.CharField(max_length=12, choices=Role.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["hub", "user", "role"], name="hubrole_unique")
        ]

    def __str__(self):
        return f"{self.user} — {self.get_role_display()} — {self.hub}"


class Visibility(models.TextChoices):
    PUBLIC = "public", _("Public: anyone can read it")
    PRIVATE = "private", _("Private: listed, members read it")
    HIDDEN = "hidden", _("Hidden: unlisted, by invitation")


class JoinPolicy(models.TextChoices):
    OPEN = "open", _("Open: anyone signed in can join")
    REQUEST = "request", _("By request: a facilitator approves")
    INVITATION = "invitation", _("By invitation only")


class Community(models.Model):
    """A community of practice. Hidden communities must also be invitation-only:
    nobody can ask to join what they cannot find."""

    hub = models.ForeignKey(Hub, on_delete=models.PROTECT, related_name="communities")
    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("web address"), unique=True, max_length=60)
    tagline = models.CharField(_("one-line summary"), max_length=160, blank=True)
    description = models.TextField(_("description"), blank=True, max_length=20_000)
    description_html = models.TextField(editable=False, blank=True)
    visibility = models.CharField(
        _("visibility"), max_length=8, choices=Visibility.choices, default=Visibility.PUBLIC
    )
    join_policy = models.CharField(
        _("who can join"), max_length=12, choices=JoinPolicy.choices, default=JoinPolicy.OPEN
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("community")
        verbose_name_plural = _("communities")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(visibility="hidden") | models.Q(join_policy="invitation"),
                name="community_hidden_is_invitation_only",
            )
        ]

    def __str__(self):
        return self.name


class Membership(models.Model):
    """One person's standing in one community. The row is kept when they leave or are
    removed, so history (and a later return) needs no second row."""

    class Role(models.TextChoices):
        MEMBER = "member", _("Member")
        FACILITATOR = "facilitator", _("Facilitator")

    class Status(models.TextChoices):
        REQUESTED = "requested", _("Requested")
        ACTIVE = "active", _("Active")
        DECLINED = "declined", _("Declined")
        WITHDRAWN = "withdrawn", _("Withdrawn")
        LEFT = "left", _("Left")
        REMOVED = "removed", _("Removed")

    community = models.ForeignKey(Community, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(max_length=12, choices=Role.choices, default=Role.MEMBER)
    status = models.CharField(max_length=10, choices=Status.choices)
    request_message = models.CharField(_("message to the facilitators"), max_length=500, blank=True)
    requested_at = models.DateTimeField(null=True, blank=True)
    joined_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["community", "user"], name="membership_unique")
        ]
        indexes = [models.Index(fields=["community", "status", "role"])]

    def __str__(self):
        return f"{self.user} in {self.community} ({self.status})"

    @property
    def is_active(self) -> bool:
        return self.status == self.Status.ACTIVE


INVITATION_DAYS = 14


def _invitation_token() -> str:
    return secrets.token_urlsafe(24)


def _invitation_expiry():
    return timezone.now() + timezone.timedelta(days=INVITATION_DAYS)


class Invitation(models.Model):
    """A single-use link sent to an email address; it expires after ``INVITATION_DAYS``."""

    public_id = models.CharField(max_length=16, unique=True, default=new_public_id, editable=False)
    community = models.ForeignKey(Community, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField(_("email"))
    role = models.CharField(
        max_length=12, choices=Membership.Role.choices, default=Membership.Role.MEMBER
    )
    message = models.CharField(_("personal note"), max_length=500, blank=True)
    token = models.CharField(max_length=64, unique=True, default=_invitation_token)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(default=_invitation_expiry)
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.email} → {self.community}"

    @property
    def is_open(self) -> bool:
        return not self.accepted_at and not self.revoked_at and self.expires_at > timezone.now()


class MembershipLog(models.Model):
    """Who changed a membership, how, when and why: approvals, declines, role changes,
    removals. Facilitators read it; nothing edits it."""

    class Action(models.TextChoices):
        CREATED = "created", _("created the community")
        JOINED = "joined", _("joined")
        REQUESTED = "requested", _("asked to join")
        WITHDREW = "withdrew", _("withdrew the request")
        APPROVED = "approved", _("approved the request")
        DECLINED = "declined", _("declined the request")
        ROLE_MEMBER = "role_member", _("made a member")
        ROLE_FACILITATOR = "role_facilitator", _("made a facilitator")
        REMOVED = "removed", _("removed")
        LEFT = "left", _("left")
        ACCEPTED_INVITATION = "accepted_invitation", _("accepted an invitation")

    membership = models.ForeignKey(Membership, on_delete=models.CASCADE, related_name="log")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    action = models.CharField(max_length=20, choices=Action.choices)
    reason = models.CharField(max_length=500, blank=True)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-at"]

    def __str__(self):
        return f"{self.actor} {self.action} {self.membership}"
