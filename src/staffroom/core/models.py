"""Core's models: the search index (DESIGN: search is a layer-0 registry) and the
lock rows of the periodic tasks."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SearchEntry(models.Model):
    """One searchable piece of content that a higher part registered with
    ``staffroom.core.search``. It is a copy, rebuilt from the owning part at any time
    (``staffroom search_rebuild``); the owner's row is the truth.

    Guarantees: one entry per (kind, object_id); ``folded_*`` are ``fold()`` of the
    matching text, with exactly the same length, so a position in the folded text is a
    position in the original (snippets rely on it). The full-text index over the folded
    columns (FTS5 table on SQLite, GIN index on PostgreSQL) lives in migration 0002."""

    kind = models.CharField(_("kind"), max_length=64)
    object_id = models.CharField(_("object id"), max_length=64)
    # The community the entry belongs to: core may not point at communities, so it is
    # a plain integer that search filters on (the caller's readable communities).
    scope_id = models.BigIntegerField(_("community"))
    title = models.CharField(_("title"), max_length=300)
    body = models.TextField(_("body"), blank=True)
    tags = models.CharField(_("tags"), max_length=500, blank=True)  # space-separated
    author_id = models.BigIntegerField(_("author"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"))
    url = models.CharField(_("URL"), max_length=500)
    folded_title = models.CharField(max_length=300, editable=False)
    folded_body = models.TextField(blank=True, editable=False)
    folded_tags = models.CharField(max_length=500, blank=True, editable=False)

    class Meta:
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")
        constraints = [
            models.UniqueConstraint(fields=["kind", "object_id"], name="core_searchentry_unique")
        ]

    def __str__(self):
        return f"{self.kind}:{self.object_id}"


class PeriodicTask(models.Model):
    """One row per task declared with ``core.periodic.periodic``: the row that workers
    lock before they ask "is a run of it waiting?" and queue one if not, so that check
    and queueing are one step for every worker at once (``core.periodic``). It holds no
    schedule of its own: the queue is the schedule."""

    path = models.CharField(_("task path"), max_length=255, unique=True)

    class Meta:
        verbose_name = _("periodic task")
        verbose_name_plural = _("periodic tasks")

    def __str__(self):
        return self.path
