from django.contrib import admin

from staffroom.communities.models import (
    Community,
    Hub,
    HubRole,
    Invitation,
    Membership,
    MembershipLog,
)


class HubRoleInline(admin.TabularInline):
    model = HubRole
    autocomplete_fields = ["user"]
    extra = 1


@admin.register(Hub)
class HubAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    exclude = ["description_html"]
    inlines = [HubRoleInline]


@admin.register(Community)
class CommunityAdmin(admin.ModelAdmin):
    list_display = ["name", "hub", "visibility", "join_policy", "created_at"]
    list_filter = ["hub", "visibility", "join_policy"]
    search_fields = ["name", "slug"]
    # Descriptions are rendered by the services; edit them on the community's settings page.
    readonly_fields = ["description", "created_at"]
    exclude = ["description_html"]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    """Read-only: membership changes go through the facilitators' pages, which keep the
    log and tell the people concerned."""

    list_display = ["user", "community", "role", "status", "joined_at"]
    list_filter = ["status", "role", "community__hub", "community"]
    search_fields = ["user__email", "user__display_name", "community__name"]
    list_select_related = ["user", "community"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(MembershipLog)
class MembershipLogAdmin(admin.ModelAdmin):
    list_display = ["at", "actor", "action", "membership", "reason"]
    list_filter = ["action"]
    list_select_related = ["actor", "membership__user", "membership__community"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ["email", "community", "role", "created_at", "expires_at", "accepted_at"]
    list_filter = ["community"]
    search_fields = ["email"]
    exclude = ["token"]
    list_select_related = ["community"]

    def has_add_permission(self, request):
        return False
