"""The credit area's pages (presenters, PD hours) in a real Chromium: no
serious or critical axe-core finding, and a screenshot of each (``-m browser``).

Its test commits (a live server), so this module holds nothing else: transactional
tests run after all others, and the flush that ends them harms no one."""

from pathlib import Path

import pytest

from staffroom.core.tests.test_browser import browser, check_pages
from staffroom.meetings.tests.test_credit_pages import fill, pages

__all__ = ["browser"]  # a fixture


@pytest.mark.browser
def test_credit_pages_pass_axe_in_chromium(transactional_db, live_server, world, browser, request):
    made = fill(world)
    folder = Path(request.config.rootpath) / "var" / "screenshots" / "credit-pages"
    order = {world.member: 0, world.facilitator: 1, None: 2}  # sign in twice, not six times
    check_pages(browser, live_server.url, folder, pages(world, made), order).assert_clean()
