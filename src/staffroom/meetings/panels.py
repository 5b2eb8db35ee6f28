"""The session page is assembled from panels, one per area (registration, attendance,
presenters, feedback...), so each area keeps its own template and reads.

An area registers ``provider(request, access, session) -> dict | None`` with a
template; the session page renders, in order, every panel whose provider returns a
context (``None`` hides it)."""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Panel:
    order: int
    template: str
    provider: Callable


_PANELS: list[Panel] = []


def register(*, order: int, template: str):
    def decorator(provider):
        _PANELS.append(Panel(order, template, provider))
        _PANELS.sort(key=lambda panel: panel.order)
        return provider

    return decorator


def panels_for(request, access, session) -> list[tuple[str, dict]]:
    rendered = []
    for panel in _PANELS:
        context = panel.provider(request, access, session)
        if context is not None:
            rendered.append((panel.template, context))
    return rendered
