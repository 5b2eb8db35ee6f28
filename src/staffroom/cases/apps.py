from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CasesConfig(AppConfig):
    """Case presentations: the de-identification guard, recommendations, follow-up."""

    name = "staffroom.cases"
    label = "cases"
    verbose_name = _("Cases")
