from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CasesConfig(AppConfig):
    """Case presentations: the de-identification guard, recommendations, follow-up."""

    name = "staffroom.cases"
    label = "cases"
    verbose_name = _("Cases")

    def ready(self):
        # Communities may not import cases (layers): cases adds its section to the
        # community home through the registry communities owns.
        # The session page's "Cases in this session" panel registers on import.
        from staffroom.cases import scheduling  # noqa: F401
        from staffroom.cases.search import KIND, case_documents, case_scopes
        from staffroom.cases.views import community_home_section
        from staffroom.communities.home_sections import home_sections
        from staffroom.core import search

        home_sections.register(order=20, template="cases/includes/cases_home.html")(
            community_home_section
        )
        search.register(KIND, label=_("Case"), documents=case_documents, scopes=case_scopes)
