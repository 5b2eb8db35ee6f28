from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CasesConfig(AppConfig):
    """Case presentations: the de-identification guard, recommendations, follow-up."""

    name = "staffroom.cases"
    label = "cases"
    verbose_name = _("Cases")

    def ready(self):
        # Lower parts may not import cases (layers): cases registers with the registries
        # they own: the community home's sections, the session page's panels (on import
        # of ``scheduling``), what holds a case slot, and search.
        from staffroom.cases import digest, scheduling
        from staffroom.cases.search import KIND, case_documents, case_scopes
        from staffroom.cases.views import community_home_section
        from staffroom.communities.home_sections import home_sections
        from staffroom.core import search
        from staffroom.meetings import presenters
        from staffroom.notifications.digests import digest_section_register

        presenters.case_slot_holder_register(scheduling.scheduled_case_title)
        home_sections.register(order=20, template="cases/includes/cases_home.html")(
            community_home_section
        )
        search.register(KIND, label=_("Case"), documents=case_documents, scopes=case_scopes)
        digest_section_register(
            "cases.decided", label=_("Cases accepted or scheduled"), order=40,
            build=digest.cases_decided,
        )  # fmt: skip
