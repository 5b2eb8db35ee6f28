"""The credit area's pages (presenters, PD hours, feedback) in a real Chromium: no
serious or critical axe-core finding, and a screenshot of each (``-m browser``).

Its test commits (a live server), so this module holds nothing else: transactional
tests run after all others, and the flush that ends them harms no one."""

import re
from pathlib import Path

import pytest

from staffroom.conftest import PASSWORD
from staffroom.core.tests.test_browser import Visit, _new_page, _sign_in, browser
from staffroom.meetings.tests.test_credit_pages import fill, pages

__all__ = ["browser"]  # a fixture


@pytest.mark.browser
def test_credit_pages_pass_axe_in_chromium(transactional_db, live_server, world, browser, request):
    made = fill(world)
    folder = Path(request.config.rootpath) / "var" / "screenshots" / "credit-pages"
    folder.mkdir(parents=True, exist_ok=True)
    context, page = _new_page(browser)
    visit = Visit(page, folder)
    signed_in = None
    order = {world.member: 0, world.facilitator: 1, None: 2}  # sign in twice, not six times
    for name, viewer, url in sorted(pages(world, made), key=lambda page: order[page[1]]):
        if viewer != signed_in:
            if signed_in is not None:
                page.get_by_role("button", name="Sign out").click()
            if viewer is not None:
                page.goto(live_server.url + "/")
                _sign_in(page, visit, viewer.email, PASSWORD)
            signed_in = viewer
        page.goto(live_server.url + url)
        visit.check(re.sub(r"\W+", "-", name))
    context.close()
    visit.assert_clean()
