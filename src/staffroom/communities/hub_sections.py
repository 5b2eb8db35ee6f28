"""Sections other parts add to a hub's page (the evaluators' instruments...):
``@hub_sections.register(order=N, template=...)`` on a
``provider(request, hub_access) -> dict | None``, from the part's ``AppConfig.ready``."""

from staffroom.core.sections import Sections

hub_sections = Sections("hub page")
