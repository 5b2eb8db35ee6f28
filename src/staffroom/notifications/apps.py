from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    """What people are told about: the in-app list, email as each person chooses, and
    one-click unsubscribe. The parts above call ``services.notify`` and register their
    kinds; this part never imports them."""

    name = "staffroom.notifications"
    label = "notifications"
    verbose_name = _("Notifications")

    def ready(self):
        from staffroom.core.navigation import nav_link_register
        from staffroom.notifications.digests import DIGEST
        from staffroom.notifications.kinds import DAILY, OFF, WEEKLY, kind_register
        from staffroom.notifications.selectors import unread_list

        kind_register(
            DIGEST,
            label=_("What is new in my communities: threads, questions, sessions, cases"),
            default=WEEKLY,
            frequencies=(DAILY, WEEKLY, OFF),
        )

        nav_link_register(
            order=30,
            label=_("Notifications"),
            url_name="notifications:notification_list",
            count=unread_list,
        )
