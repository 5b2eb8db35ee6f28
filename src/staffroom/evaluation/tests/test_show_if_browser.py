"""Conditional questions show and hide as people answer, in a real Chromium under the
site's Content-Security-Policy (``-m browser``), and the page passes axe-core.

Its test commits (a live server), so this module holds nothing else: transactional
tests run after all others, and the flush that ends them harms no one."""

from pathlib import Path

import pytest
from django.urls import reverse

from staffroom.core.tests.test_browser import Visit, _new_page, browser
from staffroom.evaluation.models import Response
from staffroom.evaluation.tests.survey_factories import (
    AGREE,
    SMALL,
    invitation_of,
    make_survey,
    make_version,
)

__all__ = ["browser"]  # a fixture

try:
    from playwright.sync_api import expect
except ImportError:  # the browser fixture skips, or fails in CI
    expect = None

# A chain (b hangs on a, c on b) and a condition on a ticked box (e on d).
CHAIN = [
    ("a", "radio", "How ready do you feel for this term?", AGREE, "", "", ""),
    ("b", "radio", "Would a mentor help?", "1, Yes | 0, No", "[a] <> '' and [a] <= 2", "", ""),
    ("c", "notes", "What should the mentor help with?", "", "[b] = '1'", "", ""),
    ("d", "checkbox", "Which tools do you use?", "1, Email | 2, Video | 3, Chat", "", "", ""),
    ("e", "text", "Which video tool?", "", "[d(2)] = '1'", "", ""),
]


def _questions(page):
    """The wrapper of each question, by variable name."""
    return {name: page.locator(f'[data-item="{name}"]') for name in "abcde"}


@pytest.mark.browser
def test_conditional_questions_follow_the_answers(
    transactional_db, live_server, world, browser, request
):
    survey = make_survey(world, version=make_version(world, rows=CHAIN, title="Mentoring"))
    invitation = invitation_of(survey.waves.get(), world.member)
    url = live_server.url + reverse("evaluation:survey_respond", args=[invitation.token])

    # The site's own policy applies here (no bypass): the script must run under it.
    context = browser.new_context(locale="en-US")
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.goto(url)
    q = _questions(page)
    expect(q["a"]).to_be_visible()
    expect(q["d"]).to_be_visible()
    for name in "bce":
        expect(q[name]).to_be_hidden()

    page.get_by_label("Strongly disagree").check()
    expect(q["b"]).to_be_visible()
    expect(q["c"]).to_be_hidden()
    page.get_by_label("Yes").check()
    expect(q["c"]).to_be_visible()
    page.get_by_label("What should the mentor help with?").fill("Planning the labs")

    page.get_by_label("Strongly agree").check()  # b goes, and c with it
    expect(q["b"]).to_be_hidden()
    expect(q["c"]).to_be_hidden()
    page.get_by_label("Disagree", exact=True).check()  # back: nothing typed was lost
    expect(q["c"]).to_be_visible()
    expect(page.get_by_label("Yes")).to_be_checked()
    expect(page.get_by_label("What should the mentor help with?")).to_have_value(
        "Planning the labs"
    )

    page.get_by_label("Video", exact=True).check()
    expect(q["e"]).to_be_visible()
    page.get_by_label("Which video tool?").fill("Jitsi")
    page.get_by_label("Video", exact=True).uncheck()
    expect(q["e"]).to_be_hidden()
    page.get_by_label("Video", exact=True).check()

    page.get_by_label("Strongly agree").check()
    expect(q["b"]).to_be_hidden()
    page.get_by_role("button", name="Submit my answers").click()
    expect(page.get_by_role("status").first).to_contain_text("Thank you")
    assert not errors, errors
    context.close()

    # b and c were answered, then hidden: the server keeps neither.
    assert Response.objects.get(wave__survey=survey).answers == {
        "a": "4", "d": ["2"], "e": "Jitsi",
    }  # fmt: skip


@pytest.mark.browser
def test_hidden_questions_take_no_focus_and_a_hidden_required_one_does_not_block(
    transactional_db, live_server, world, browser
):
    """``why_not`` is required but shows only when ``supported`` is 1: hidden, the
    keyboard never reaches it and submitting without it goes through, as the server
    asks only what shows. A questionnaire without conditions logs no error."""
    survey = make_survey(world, version=make_version(world, rows=SMALL, title="Check-in"))
    plain = make_survey(world, version=make_version(world, rows=SMALL[:2], title="Plain"))
    context = browser.new_context(locale="en-US")
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))

    def link(survey):
        token = invitation_of(survey.waves.get(), world.member).token
        return live_server.url + reverse("evaluation:survey_respond", args=[token])

    page.goto(link(plain))
    expect(page.get_by_role("button", name="Submit my answers")).to_be_visible()
    page.goto(link(survey))
    hidden = page.locator('[data-item="why_not"]')
    expect(hidden).to_be_hidden()
    page.locator('[data-item="confident"] input').first.focus()
    reached = set()
    for _ in range(40):
        page.keyboard.press("Tab")
        reached.add(page.evaluate(
            "() => document.activeElement.closest('[data-item]')?.dataset.item || ''"
        ))  # fmt: skip
    assert "why_not" not in reached and {"supported", "tools", "comment"} <= reached
    page.locator('[data-item="confident"]').get_by_label("Agree", exact=True).check()
    page.locator('[data-item="supported"]').get_by_label("Disagree", exact=True).check()
    expect(hidden).to_be_hidden()
    page.locator('[data-item="supported"]').get_by_label("Strongly disagree").check()
    expect(hidden).to_be_visible()
    page.locator('[data-item="supported"]').get_by_label("Disagree", exact=True).check()
    page.get_by_role("button", name="Submit my answers").click()
    expect(page.get_by_role("status").first).to_contain_text("Thank you")
    assert not errors, errors
    context.close()
    assert Response.objects.get(wave__survey=survey).answers == {
        "confident": "3", "supported": "2",
    }  # fmt: skip


@pytest.mark.browser
def test_the_questionnaire_with_conditions_passes_axe(
    transactional_db, live_server, world, browser, request
):
    survey = make_survey(world, version=make_version(world, rows=CHAIN, title="Mentoring"))
    invitation = invitation_of(survey.waves.get(), world.member)
    folder = Path(request.config.rootpath) / "var" / "screenshots" / "show-if"
    folder.mkdir(parents=True, exist_ok=True)
    context, page = _new_page(browser)
    visit = Visit(page, folder)
    page.goto(live_server.url + reverse("evaluation:survey_respond", args=[invitation.token]))
    visit.check("conditions-hidden")
    page.get_by_label("Strongly disagree").check()
    page.get_by_label("Yes").check()
    page.get_by_label("Video", exact=True).check()
    visit.check("conditions-shown")
    context.close()
    visit.assert_clean()
