from django.contrib import admin

from staffroom.discussions.models import Reply, Thread


class ReplyInline(admin.TabularInline):
    model = Reply
    fk_name = "thread"
    extra = 0
    fields = ["author", "body", "created_at"]
    readonly_fields = ["author", "created_at"]
    show_change_link = True


@admin.register(Thread)
class ThreadAdmin(admin.ModelAdmin):
    list_display = ["title", "community", "author", "kind", "pinned", "locked", "closed",
                    "reply_count", "last_activity_at"]  # fmt: skip
    list_filter = ["kind", "pinned", "locked", "closed", "community"]
    search_fields = ["title", "author__email", "public_id"]
    raw_id_fields = ["community", "author", "answer"]
    readonly_fields = ["public_id", "reply_count", "created_at", "last_activity_at", "edited_at"]
    inlines = [ReplyInline]


@admin.register(Reply)
class ReplyAdmin(admin.ModelAdmin):
    list_display = ["thread", "author", "created_at"]
    search_fields = ["body", "author__email", "public_id"]
    raw_id_fields = ["thread", "author", "quoting"]
    readonly_fields = ["public_id", "created_at", "edited_at"]
