"""The direct conversation pages in a real Chromium: no serious or critical axe-core
finding, and a screenshot of each (``-m browser``).

Its test commits (a live server), so this module holds nothing else."""

from pathlib import Path

import pytest

from staffroom.core.tests.test_browser import browser, check_pages
from staffroom.discussions.tests.test_conversations import fill, pages

__all__ = ["browser"]  # a fixture


@pytest.mark.browser
def test_conversation_pages_pass_axe_in_chromium(
    transactional_db, live_server, world, browser, request
):
    made = fill(world)
    folder = Path(request.config.rootpath) / "var" / "screenshots" / "conversation-pages"
    order = {world.member: 1, world.facilitator: 2}
    check_pages(browser, live_server.url, folder, pages(world, made), order).assert_clean()
