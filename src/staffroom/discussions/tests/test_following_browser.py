"""The following pages in a real Chromium: no serious or critical axe-core finding,
and a screenshot of each (``-m browser``).

Its test commits (a live server), so this module holds nothing else."""

from pathlib import Path

import pytest

from staffroom.core.tests.test_browser import browser, check_pages
from staffroom.discussions.tests.test_following import following_fill, following_pages

__all__ = ["browser"]  # a fixture


@pytest.mark.browser
def test_following_pages_pass_axe_in_chromium(
    transactional_db, live_server, world, browser, request
):
    made = following_fill(world)
    folder = Path(request.config.rootpath) / "var" / "screenshots" / "following-pages"
    order = {None: 0, world.member: 1, world.outsider: 2}
    pages = following_pages(world, made)
    check_pages(browser, live_server.url, folder, pages, order).assert_clean()
