from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EvaluationConfig(AppConfig):
    """Instruments, surveys and their analysis (statistics that match R's)."""

    name = "staffroom.evaluation"
    label = "evaluation"
    verbose_name = _("Evaluation")
