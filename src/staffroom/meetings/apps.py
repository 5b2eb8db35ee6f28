from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeetingsConfig(AppConfig):
    """Series and sessions (the UI word is "session"): scheduling, presenters,
    registration, reminders, calendars, attendance and professional-development hours."""

    name = "staffroom.meetings"
    label = "meetings"
    verbose_name = _("Sessions")

    def ready(self):
        # Communities may not import meetings (layers): meetings adds its section to
        # the community home through the registry communities owns.
        from staffroom.communities.home_sections import home_sections
        from staffroom.core import search
        from staffroom.core.navigation import nav_link_register
        from staffroom.meetings import digest
        from staffroom.meetings.search import KIND, session_documents
        from staffroom.meetings.views.schedule import community_home_section
        from staffroom.notifications.digests import digest_section_register

        home_sections.register(order=10, template="meetings/includes/schedule_home.html")(
            community_home_section
        )
        nav_link_register(order=10, label=_("My sessions"), url_name="meetings:my_sessions")
        search.register(KIND, label=_("Session"), documents=session_documents)
        digest_section_register(
            "meetings.coming", label=_("Sessions coming up"), order=30,
            build=digest.sessions_coming, news=False,
        )  # fmt: skip
