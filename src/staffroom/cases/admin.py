from django.contrib import admin

from staffroom.cases.models import Case, CaseAttachment, CaseClearance


class CaseAttachmentInline(admin.TabularInline):
    model = CaseAttachment
    extra = 0
    fields = ["name", "kind", "size", "confirmed_clean"]
    readonly_fields = ["name", "kind", "size"]


class CaseClearanceInline(admin.TabularInline):
    model = CaseClearance
    extra = 0
    fields = ["field", "text", "category", "reason", "decided_by"]
    readonly_fields = ["field", "text", "category", "decided_by"]


@admin.register(Case)
class CaseAdmin(admin.ModelAdmin):
    list_display = ["title", "community", "presenter", "state", "updated_at"]
    list_filter = ["state", "community"]
    search_fields = ["title", "presenter__email", "public_id"]
    raw_id_fields = ["community", "presenter", "decided_by"]
    readonly_fields = ["public_id", "submitted_at", "decided_at"]
    inlines = [CaseAttachmentInline, CaseClearanceInline]
