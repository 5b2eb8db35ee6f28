"""What a person is told about (``Notification``) and how they want to hear of each
kind, per community or for all of them (``Preference``)."""

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

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["recipient", "-created_at"]),
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
