from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EvaluationConfig(AppConfig):
    """Instruments, surveys and their analysis (statistics that match R's), and brief
    polls in a community or during a session."""

    name = "staffroom.evaluation"
    label = "evaluation"
    verbose_name = _("Evaluation")

    def ready(self):
        # Communities and meetings may not import evaluation (layers): polls add their
        # section and panel through the registries those parts own.
        from staffroom.communities.home_sections import home_sections
        from staffroom.evaluation import sections
        from staffroom.meetings import panels

        home_sections.register(order=30, template="evaluation/includes/polls_home.html")(
            sections.community_home_section
        )
        panels.register(order=50, template="evaluation/includes/polls_session_panel.html")(
            sections.session_panel
        )
        from staffroom.communities.hub_sections import hub_sections

        hub_sections.register(order=20, template="evaluation/includes/instruments_hub.html")(
            sections.hub_instruments_section
        )
        from staffroom.core.navigation import nav_link_register
        from staffroom.evaluation import survey_views

        nav_link_register(order=15, label=_("My surveys"), url_name="evaluation:my_surveys")
        home_sections.register(order=35, template="evaluation/surveys/home_section.html")(
            survey_views.community_surveys_section
        )
        hub_sections.register(order=25, template="evaluation/surveys/hub_section.html")(
            survey_views.hub_surveys_section
        )
        # The form after a session: meetings emails it through its follow-ups and
        # shows it on the session page through its panels.
        from staffroom.evaluation import session_feedback
        from staffroom.meetings import followups

        followups.register(session_feedback.feedback_request)
        panels.register(order=40, template="evaluation/feedback/panel.html")(
            session_feedback.feedback_panel
        )
