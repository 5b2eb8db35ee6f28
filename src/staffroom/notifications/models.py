"""What a person is told about (``Notification``) and how they want to hear of each
kind, per community or for all of them (``Preference``); when their digests go out
(``DigestSchedule``); the reply addresses their emails carry (``ReplyAddress``) and the
mail that came back to them (``InboundMessage``)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from staffroom.accounts.models import new_public_id
from staffroom.notifications.kinds import DAILY, IMMEDIATELY, OFF, WEEKLY

TEXT_MAX = 300


class Frequency(models.TextChoices):
    IMMEDIATELY = IMMEDIATELY, _("Email me immediately")
    DAILY = DAILY, _("In a daily digest")
    WEEKLY = WEEKLY, _("In a weekly digest")
    OFF = OFF, _("No email")


class Notification(models.Model):
    """One thing ``recipient`` is told about: ``text`` is plain text stored as written
    (never HTML), ``url`` a path on this site. Unread while ``read_at`` is empty."""

    public_id = models.CharField(max_length=16, unique=True, default=new_public_id, editable=False)
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    community = models.ForeignKey(
        "communities.Community", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    kind = models.CharField(max_length=32)
    text = models.CharField(max_length=TEXT_MAX)
    url = models.CharField(max_length=500)
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)
    # How it was to be emailed when it was made: a digest gathers the daily or weekly
    # ones made since the last digest, whatever the person chose since.
    delivery = models.CharField(max_length=16, choices=Frequency.choices, default=OFF)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["recipient", "-created_at"]),
            models.Index(
                fields=["recipient", "delivery", "created_at"], name="notification_digest"
            ),
            models.Index(
                fields=["recipient"], condition=Q(read_at__isnull=True), name="notification_unread"
            ),
        ]

    def __str__(self):
        return self.text


class Preference(models.Model):
    """How ``user`` wants ``kind`` emailed: for one community, or (no community) the
    default for all of theirs. A community's own choice wins over the default."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_preferences"
    )
    community = models.ForeignKey(
        "communities.Community", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    kind = models.CharField(max_length=32)
    frequency = models.CharField(max_length=16, choices=Frequency.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "community", "kind"],
                condition=Q(community__isnull=False),
                name="preference_one_per_community",
            ),
            models.UniqueConstraint(
                fields=["user", "kind"],
                condition=Q(community__isnull=True),
                name="preference_one_default",
            ),
        ]

    def __str__(self):
        return f"{self.user} {self.kind}: {self.frequency}"


class DigestSchedule(models.Model):
    """When ``user``'s digests go out, in their own time zone: the daily one every day at
    ``hour``, the weekly one on ``weekday`` (0 is Monday) at the same hour; and when each
    last went, so a digest holds what came since and is never sent twice."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="digest_schedule"
    )
    hour = models.PositiveSmallIntegerField(_("hour"), default=7)
    weekday = models.PositiveSmallIntegerField(_("day of the week"), default=0)
    daily_sent_at = models.DateTimeField(null=True, blank=True)
    weekly_sent_at = models.DateTimeField(null=True, blank=True)

    def __str__(self):
        return f"{self.user}: {self.hour}h"


class ReplyAddress(models.Model):
    """The address one person's emails about one thing carry in Reply-To
    (``reply+<key>@``): mail sent to it is read as that person's reply to that thing,
    routed by ``route`` to the part that owns it (``target`` is its public id)."""

    key = models.CharField(max_length=32, unique=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    route = models.CharField(max_length=32)
    target = models.CharField(max_length=32)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "route", "target"], name="replyaddress_once")
        ]

    def __str__(self):
        return self.key


class InboundMessage(models.Model):
    """One email received for a reply address, and what became of it: a message
    delivered twice (by its Message-ID) is answered as the first time, not posted
    again."""

    class Outcome(models.TextChoices):
        ACCEPTED = "accepted", _("Accepted")
        REFUSED = "refused", _("Refused")

    message_id = models.CharField(max_length=255, unique=True)
    address = models.ForeignKey(
        ReplyAddress, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    sender = models.CharField(max_length=254, blank=True)
    outcome = models.CharField(max_length=8, choices=Outcome.choices)
    reason = models.CharField(max_length=300, blank=True)
    received_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-received_at", "-pk"]

    def __str__(self):
        return f"{self.message_id}: {self.outcome}"
