"""The session feedback overview in a real Chromium: no serious or critical axe-core
finding, and a screenshot (``-m browser``).

Its test commits (a live server), so this module holds nothing else."""

from pathlib import Path

import pytest

from staffroom.core.tests.test_browser import browser, check_pages
from staffroom.evaluation.tests.test_feedback_overview import answered_community, pages

__all__ = ["browser"]  # a fixture


@pytest.mark.browser
def test_feedback_overview_passes_axe_in_chromium(
    transactional_db, live_server, world, browser, request
):
    answered_community(world)
    folder = Path(request.config.rootpath) / "var" / "screenshots" / "feedback-overview"
    order = {world.facilitator: 0}
    check_pages(browser, live_server.url, folder, pages(world), order).assert_clean()
