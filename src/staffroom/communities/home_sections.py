"""Sections other parts add to a community's home page (upcoming sessions, recent
threads...): ``@home_sections.register(order=N, template=...)`` on a
``provider(request, access) -> dict | None``, from the part's ``AppConfig.ready``."""

from staffroom.core.sections import Sections

home_sections = Sections("community home")
