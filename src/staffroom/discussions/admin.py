"""The admin shows discussions for support; every change goes through the services
(they keep the rendered HTML, the tags, the counts, the history and the search index in
step), so what they own is read-only here. Deleting, one or many at once, goes through
``removal`` for the same reason."""

from django.contrib import admin

from staffroom.discussions import removal
from staffroom.discussions.models import Reply, Thread


class ReplyInline(admin.TabularInline):
    model = Reply
    fk_name = "thread"
    extra = 0
    fields = ["author", "body", "created_at"]
    readonly_fields = ["author", "body", "created_at"]
    show_change_link = True
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Thread)
class ThreadAdmin(admin.ModelAdmin):
    list_display = ["title", "community", "author", "kind", "pinned", "locked", "closed",
                    "reply_count", "last_activity_at"]  # fmt: skip
    list_filter = ["kind", "pinned", "locked", "closed", "community"]
    search_fields = ["title", "author__email", "public_id"]
    raw_id_fields = ["author"]
    readonly_fields = ["public_id", "community", "kind", "title", "body", "body_html", "answer",
                       "pinned", "locked", "closed", "reply_count", "created_at",
                       "last_activity_at", "edited_at"]  # fmt: skip
    inlines = [ReplyInline]

    def has_add_permission(self, request):
        return False

    def delete_model(self, request, obj):
        removal.thread_delete(actor=request.user, thread=obj)

    def delete_queryset(self, request, queryset):
        removal.threads_delete(actor=request.user, threads=queryset)


@admin.register(Reply)
class ReplyAdmin(admin.ModelAdmin):
    list_display = ["thread", "author", "created_at"]
    search_fields = ["body", "author__email", "public_id"]
    raw_id_fields = ["author"]
    readonly_fields = ["public_id", "thread", "body", "body_html", "quoting", "created_at",
                       "edited_at"]  # fmt: skip

    def has_add_permission(self, request):
        return False

    def delete_model(self, request, obj):
        removal.reply_delete(actor=request.user, reply=obj)

    def delete_queryset(self, request, queryset):
        removal.replies_delete(actor=request.user, replies=queryset)
