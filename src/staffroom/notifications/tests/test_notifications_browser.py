"""The notification pages in a real Chromium: no serious or critical axe-core finding,
and a screenshot of each (``-m browser``).

Its test commits (a live server), so this module holds nothing else: transactional
tests run after all others, and the flush that ends them harms no one."""

from pathlib import Path

import pytest
from django.urls import reverse

from staffroom.core.tests.test_browser import browser, check_pages
from staffroom.notifications import services

__all__ = ["browser"]  # a fixture


@pytest.mark.browser
def test_notification_pages_pass_axe_in_chromium(
    transactional_db, live_server, world, browser, request
):
    for text in ("Fran Facilitator mentioned you in “Labs”.", "Fran replied to your thread."):
        services.notify(recipient=world.member, kind="mention", actor=world.facilitator,
                        community=world.public, text=text, url="/")  # fmt: skip
    token = services.unsubscribe_token(world.member, "mention", world.public)
    digest = services.unsubscribe_token(world.member, "digest", None, digest="weekly")
    pages = [
        ("notifications", world.member, reverse("notifications:notification_list")),
        ("email settings", world.member, reverse("notifications:preference_edit")),
        ("unsubscribe", None, reverse("notifications:unsubscribe", args=[token])),
        ("digest unsubscribe", None, reverse("notifications:unsubscribe", args=[digest])),
    ]
    folder = Path(request.config.rootpath) / "var" / "screenshots" / "notification-pages"
    order = {None: 0, world.member: 1}
    check_pages(browser, live_server.url, folder, pages, order).assert_clean()
