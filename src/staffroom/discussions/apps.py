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
        from staffroom.core.navigation import nav_link_register
        from staffroom.discussions import (
            conversation_selectors,
            conversations,
            digest,
            inbound,
            mentions,
        )
        from staffroom.discussions.search import (
            REPLY,
            THREAD,
            reply_documents,
            thread_documents,
        )
        from staffroom.discussions.views import community_home_section
        from staffroom.notifications.digests import digest_section_register
        from staffroom.notifications.inbound import inbound_route_register
        from staffroom.notifications.kinds import IMMEDIATELY, WEEKLY, kind_register

        home_sections.register(order=15, template="discussions/includes/discussions_home.html")(
            community_home_section
        )
        search.register(THREAD, label=_("Thread"), documents=thread_documents)
        search.register(REPLY, label=_("Reply"), documents=reply_documents)
        kind_register(mentions.MENTION, label=_("Mentions of me"), default=IMMEDIATELY)
        kind_register(mentions.REPLY, label=_("Replies to my posts"), default=IMMEDIATELY)
        # Watching a thread is asked for one thread at a time: its replies come at once.
        # A followed tag can bring many threads: like the rest, they wait for the weekly
        # digest unless the person chooses otherwise.
        kind_register(mentions.WATCHED, label=_("Replies in threads I watch"), default=IMMEDIATELY)
        kind_register(
            mentions.FOLLOWED_TAG, label=_("New threads with tags I follow"), default=WEEKLY
        )
        nav_link_register(
            order=25, label=_("Since my last visit"), url_name="discussions:since_list"
        )
        kind_register(conversations.MESSAGE, label=_("Direct messages"), default=IMMEDIATELY)
        digest_section_register(
            "discussions.new", label=_("New threads"), order=10, build=digest.new_threads
        )
        digest_section_register(
            "discussions.waiting", label=_("Questions still waiting for an answer"), order=20,
            build=digest.waiting_questions, news=False,
        )  # fmt: skip
        inbound_route_register(
            inbound.THREAD, inbound.thread_reply_by_email,
            hint=_("Reply to this email to answer in the thread."),
        )  # fmt: skip
        inbound_route_register(
            inbound.CONVERSATION, inbound.conversation_reply_by_email,
            hint=_("Reply to this email to answer in the conversation."),
        )  # fmt: skip
        nav_link_register(
            order=28, label=_("Messages"), url_name="discussions:conversation_list",
            count=conversation_selectors.unread_list,
        )  # fmt: skip
