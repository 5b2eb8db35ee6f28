"""One partial, two entry points: the full page and the htmx swap share one template."""

from django.shortcuts import render


def render_page(request, template: str, context: dict, *, partial: str | None = None, **kwargs):
    """Render ``template``; when htmx asks for a swap, render only its ``partial``."""
    if partial and getattr(request, "htmx", False) and not request.htmx.boosted:
        template = f"{template}#{partial}"
    return render(request, template, context, **kwargs)
