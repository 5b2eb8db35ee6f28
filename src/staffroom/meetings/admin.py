"""The Django admin for sessions. Hub admins define their focus areas here; series and
sessions are read-mostly, because their writes (generation, moving, cancelling) go
through the schedule's pages, which keep calendars and registered people up to date."""

from django.contrib import admin

from staffroom.meetings.models import FocusArea, Series, Session

# -- schedule area ----------------------------------------------------------------------


@admin.register(FocusArea)
class FocusAreaAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "hub"]
    list_filter = ["hub"]
    search_fields = ["code", "name"]
    list_select_related = ["hub"]


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Series)
class SeriesAdmin(ReadOnlyAdmin):
    list_display = ["title", "community", "rrule", "time_zone", "start_time", "first_date"]
    list_filter = ["community__hub", "time_zone"]
    search_fields = ["title", "community__name"]
    list_select_related = ["community"]
    exclude = ["description_html"]


@admin.register(Session)
class SessionAdmin(ReadOnlyAdmin):
    list_display = ["title", "community", "starts_at", "status", "series", "detached"]
    list_filter = ["status", "community__hub", "detached"]
    search_fields = ["title", "community__name", "public_id"]
    list_select_related = ["community", "series"]
    date_hierarchy = "starts_at"
    exclude = ["description_html", "notes_html"]
