"""The schedule's, registration's and calendar's pages in a real Chromium: no serious or
critical axe-core finding, a screenshot of each, and none scrolls sideways on a phone
(``-m browser``).

Its test commits (a live server), so this module holds nothing else: transactional
tests run after all others, and the flush that ends them harms no one."""

import re
from pathlib import Path

import pytest

from staffroom.conftest import PASSWORD
from staffroom.core.tests.test_browser import PHONE, Visit, _new_page, _sign_in, browser
from staffroom.meetings.tests.test_schedule_pages import fill, pages

__all__ = ["browser"]  # a fixture
DESKTOP = {"width": 1280, "height": 720}  # Playwright's default


@pytest.mark.browser
def test_schedule_pages_pass_axe_and_fit_a_phone_in_chromium(
    transactional_db, live_server, world, browser, request
):
    made = fill(world)
    folder = Path(request.config.rootpath) / "var" / "screenshots" / "schedule-pages"
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.png"):
        old.unlink()
    context, page = _new_page(browser)
    visit = Visit(page, folder)
    signed_in = None
    too_wide = []
    who = {None: "visitor", world.member: "member", world.facilitator: "facilitator"}
    order = list(who)  # sign in twice
    for name, viewer, url in sorted(pages(world, made), key=lambda page: order.index(page[1])):
        if viewer != signed_in:
            if signed_in is not None:
                page.get_by_role("button", name="Sign out").click()
            page.goto(live_server.url + "/")
            _sign_in(page, visit, viewer.email, PASSWORD)
            signed_in = viewer
        page.goto(live_server.url + url)
        visit.check(re.sub(r"\W+", "-", f"{name} {who[viewer]}"))
        page.set_viewport_size(PHONE)
        width = page.evaluate("() => [document.scrollingElement.scrollWidth, innerWidth]")
        if width[0] > width[1]:
            too_wide.append(f"{name} ({who[viewer]}): {width[0]}px wide in {width[1]}px")
        page.set_viewport_size(DESKTOP)
    context.close()
    visit.assert_clean()
    assert not too_wide, "pages scroll sideways on a phone:\n" + "\n".join(too_wide)
