from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DiscussionsConfig(AppConfig):
    """Threads and replies in a community: questions and answers, tags, reactions,
    bookmarks, an edit history and where each reader stopped."""

    name = "staffroom.discussions"
    label = "discussions"
    verbose_name = _("Discussions")

    def ready(self):
        # Communities and core may not import discussions (layers): discussions adds
        # its section to the community home and its kinds to search through their
        # registries.
        from staffroom.communities.home_sections import home_sections
        from staffroom.core import search
        from staffroom.discussions import mentions
        from staffroom.discussions.search import (
            REPLY,
            THREAD,
            reply_documents,
            thread_documents,
        )
        from staffroom.discussions.views import community_home_section
        from staffroom.notifications.kinds import IMMEDIATELY, kind_register

        home_sections.register(order=15, template="discussions/includes/discussions_home.html")(
            community_home_section
        )
        search.register(THREAD, label=_("Thread"), documents=thread_documents)
        search.register(REPLY, label=_("Reply"), documents=reply_documents)
        kind_register(mentions.MENTION, label=_("Mentions of me"), default=IMMEDIATELY)
        kind_register(mentions.REPLY, label=_("Replies to my posts"), default=IMMEDIATELY)
