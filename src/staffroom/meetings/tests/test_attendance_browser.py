"""The attendance pages in a real Chromium: no serious or critical axe-core finding, a
screenshot of each (``-m browser``), and a report uploaded through the form.

Its test commits (a live server), so this module holds nothing else: transactional
tests run after all others, and the flush that ends them harms no one."""

import re
from pathlib import Path

import pytest

from staffroom.conftest import PASSWORD
from staffroom.core.tests.test_browser import Visit, _new_page, _sign_in, browser
from staffroom.meetings.models import Attendance
from staffroom.meetings.tests.factories_attendance import DATA
from staffroom.meetings.tests.test_attendance_pages import fill, pages

__all__ = ["browser"]  # a fixture


@pytest.mark.browser
def test_attendance_pages_pass_axe_in_chromium(
    transactional_db, live_server, world, browser, request
):
    made = fill(world)
    folder = Path(request.config.rootpath) / "var" / "screenshots" / "attendance-pages"
    folder.mkdir(parents=True, exist_ok=True)
    context, page = _new_page(browser)
    visit = Visit(page, folder)
    signed_in = None
    order = {None: 0, world.member: 1, world.facilitator: 2}
    for name, viewer, url in sorted(pages(world, made), key=lambda page: order[page[1]]):
        if viewer != signed_in:
            if signed_in is not None:
                page.get_by_role("button", name="Sign out").click()
            page.goto(live_server.url + "/")
            _sign_in(page, visit, viewer.email, PASSWORD)
            signed_in = viewer
        page.goto(live_server.url + url)
        visit.check(re.sub(r"\W+", "-", name))
        if name == "import":
            # A report with two rows that cannot be read, then "import the good rows".
            page.set_input_files("#id_file", DATA / "zoom_bad_times.csv")
            page.get_by_role("button", name="Import", exact=True).click()
            visit.check("import-bad-rows")
            # That page answers 400 (a form with errors) on purpose.
            visit.errors = [e for e in visit.errors if not e.startswith("400 for")]
            page.get_by_role("button", name=re.compile("Import the 2 rows")).click()
            visit.check("import-good-rows-done")
    context.close()
    visit.assert_clean()
    assert Attendance.objects.filter(session=made["past"], user=world.facilitator).exists()
