from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommunitiesConfig(AppConfig):
    name = "staffroom.communities"
    label = "communities"
    verbose_name = _("Communities")

    def ready(self):
        from staffroom.core.navigation import nav_link_register

        nav_link_register(
            order=20, label=_("Search"), url_name="communities:search", signed_in=False
        )
