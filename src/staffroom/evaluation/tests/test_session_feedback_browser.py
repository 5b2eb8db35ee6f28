"""The pages of the form after a session in a real Chromium: no serious or critical
axe-core finding, and a screenshot of each (``-m browser``); and the form refusing a
missing answer, with everything typed still there.

Its tests commit (a live server), so this module holds nothing else: transactional
tests run after all others, and the flush that ends them harms no one."""

from pathlib import Path

import pytest
from django.urls import reverse

from staffroom.conftest import PASSWORD
from staffroom.core.tests.test_browser import Visit, _new_page, _sign_in, browser, check_pages
from staffroom.evaluation.models import SessionFeedback
from staffroom.evaluation.tests.test_session_feedback_pages import fill, pages
from staffroom.meetings.tests.factories_credit import attend, past_session

__all__ = ["browser"]  # a fixture


@pytest.mark.browser
def test_session_feedback_pages_pass_axe_in_chromium(
    transactional_db, live_server, world, browser, request
):
    made = fill(world)
    folder = Path(request.config.rootpath) / "var" / "screenshots" / "session-feedback"
    order = {world.member: 0, world.facilitator: 1}
    check_pages(browser, live_server.url, folder, pages(world, made), order).assert_clean()


@pytest.mark.browser
def test_session_feedback_form_keeps_what_was_typed_when_an_answer_is_missing(
    transactional_db, live_server, world, browser, request
):
    session = past_session(world, title="Restorative circles")
    attend(session, world.member)
    folder = Path(request.config.rootpath) / "var" / "screenshots" / "session-feedback-form"
    folder.mkdir(parents=True, exist_ok=True)
    context, page = _new_page(browser)
    visit = Visit(page, folder)
    page.goto(live_server.url + "/")
    _sign_in(page, visit, world.member.email, PASSWORD)
    page.goto(live_server.url + reverse(
        "evaluation:feedback_form", args=[world.public.slug, session.public_id]
    ))  # fmt: skip
    page.get_by_label("Fair").check()
    page.get_by_label("What fell short for you today?").fill("The case ran long")
    page.get_by_label("What will you use from this session?").fill("Exit tickets")
    page.get_by_role("button", name="Send my feedback").click()
    visit.check("form-refused")
    # That page answers 400 (a form with errors) on purpose.
    visit.errors = [e for e in visit.errors if not e.startswith("400 for")]
    assert page.get_by_role("alert").first.is_visible()
    assert page.get_by_label("Fair").is_checked()
    assert page.get_by_label("What fell short for you today?").input_value() == "The case ran long"
    assert page.get_by_label("What will you use from this session?").input_value() == "Exit tickets"
    page.get_by_label("Very useful").check()
    page.get_by_role("button", name="Send my feedback").click()
    page.get_by_text("Thank you for your feedback.").wait_for()
    visit.check("session-thanked")
    context.close()
    visit.assert_clean()
    assert SessionFeedback.objects.get().answers == {
        "overall": "2", "overall_why": "The case ran long", "usefulness": "4",
        "will_use": "Exit tickets",
    }  # fmt: skip
