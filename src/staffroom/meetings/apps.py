from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeetingsConfig(AppConfig):
    """Series and sessions (the UI word is "session"): scheduling, presenters,
    registration, reminders, calendars, attendance and professional-development hours."""

    name = "staffroom.meetings"
    label = "meetings"
    verbose_name = _("Sessions")
