from django.contrib import admin

from staffroom.notifications.models import Notification, Preference


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
