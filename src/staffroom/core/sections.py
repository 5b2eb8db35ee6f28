"""Pages that other parts contribute sections to (DESIGN: a lower part owns a small
registry and the higher parts register with it at start-up).

A part registers ``provider(*args) -> dict | None`` with a template; the page renders,
in order, every section whose provider returns a context (``None`` hides it).
Registration happens at import or ``AppConfig.ready`` time only, so the registry is
the same in every process."""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Section:
    order: int
    template: str
    provider: Callable


class Sections:
    def __init__(self, name: str):
        self.name = name
        self._sections: list[Section] = []

    def register(self, *, order: int, template: str):
        def decorator(provider):
            self._sections.append(Section(order, template, provider))
            self._sections.sort(key=lambda section: section.order)
            return provider

        return decorator

    def render_for(self, *args) -> list[tuple[str, dict]]:
        rendered = []
        for section in self._sections:
            context = section.provider(*args)
            if context is not None:
                rendered.append((section.template, context))
        return rendered
