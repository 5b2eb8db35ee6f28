from django.contrib import admin

from staffroom.notifications.models import DigestSchedule, InboundMessage, Notification, Preference


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ["text", "recipient", "kind", "created_at", "read_at"]
    list_filter = ["kind"]
    search_fields = ["recipient__email", "public_id"]
    raw_id_fields = ["recipient", "actor", "community"]


@admin.register(Preference)
class PreferenceAdmin(admin.ModelAdmin):
    list_display = ["user", "community", "kind", "frequency"]
    raw_id_fields = ["user", "community"]


@admin.register(DigestSchedule)
class DigestScheduleAdmin(admin.ModelAdmin):
    """When each person's digests go out and last went (for answering "where is my
    digest?"); people choose the hour and day in their email settings."""

    list_display = ["user", "hour", "weekday", "daily_sent_at", "weekly_sent_at"]
    search_fields = ["user__email"]
    raw_id_fields = ["user"]


@admin.register(InboundMessage)
class InboundMessageAdmin(admin.ModelAdmin):
    """The mail that came to reply addresses and why any was refused: a record, not
    something to edit."""

    list_display = ["received_at", "sender", "outcome", "reason"]
    list_filter = ["outcome"]
    search_fields = ["sender", "message_id"]
    raw_id_fields = ["address"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
