"""The survey analysis pages in a real Chromium: no serious or critical axe-core
finding (tables, inline SVG charts), and a screenshot of each (``-m browser``).

Its test commits (a live server), so this module holds nothing else."""

from pathlib import Path

import pytest
from django.urls import reverse

from staffroom.core.tests.test_browser import browser, check_pages
from staffroom.evaluation.tests.test_survey_analysis import (
    fill,
    fill_three_waves,
    pages,
    six_then_three,
)

__all__ = ["browser"]  # a fixture


@pytest.mark.browser
def test_survey_analysis_pages_pass_axe_in_chromium(
    transactional_db, live_server, world, browser, request
):
    survey, _crowd = fill(world)
    three = reverse("evaluation:survey_analysis", args=[fill_three_waves(world).public_id])
    few = reverse("evaluation:survey_analysis", args=[six_then_three(world).public_id])
    made = [
        *pages(world, survey),
        ("survey analysis, three waves", world.facilitator, three),
        ("survey analysis, anonymous with few after", world.facilitator, few),
    ]
    folder = Path(request.config.rootpath) / "var" / "screenshots" / "survey-analysis"
    order = {world.facilitator: 0, world.hub_admin: 1}
    check_pages(browser, live_server.url, folder, made, order).assert_clean()
