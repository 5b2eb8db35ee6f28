"""``show_if.js``, the script that hides a conditional question while its condition is
false: the questionnaire links it and marks its questions for it, within the page
budgets, and (``-m browser``) it decides as the server does: each row of a table of
REDCap conditions and answers is judged by Python's ``show_if_met`` and by the real
static file in Chromium, and the two must agree."""

from html import escape
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.templatetags.static import static
from django.urls import reverse

from staffroom.core.tests.test_browser import browser
from staffroom.core.tests.test_page_budgets import (
    JS_BUDGET,
    KB,
    gzip_size,
    page_assets,
    page_problems,
    static_path,
)
from staffroom.evaluation.surveys import show_if_met
from staffroom.evaluation.tests.survey_factories import (
    SMALL,
    invitation_of,
    make_survey,
    make_version,
)

__all__ = ["browser"]  # a fixture

# (logic, answers as AnswerForm.answers() gives them: codes and text as str, numbers as
# int, ticked boxes as a list)
CASES = [
    ("[overall] <> '' and [overall] <= 2", {"overall": "1"}),
    ("[overall] <> '' and [overall] <= 2", {"overall": "4"}),
    ("[overall] <> '' and [overall] <= 2", {}),
    ("[role] = '2'", {"role": "2"}),
    ("[role] = '2'", {"role": "02"}),  # numbers compare as numbers
    ("[role] = '2'", {"role": "x"}),
    ("[topics(3)] = '1'", {"topics": ["1", "3"]}),
    ("[topics(3)] = '1'", {"topics": ["1"]}),
    ("[topics(3)] = '1'", {"topics": "3"}),  # a choice is not a ticked box
    ("[topics( 3 )] = '0'", {}),
    ("[name] = 'abc'", {"name": "abc"}),
    ("[name] = 'ABC'", {"name": "abc"}),  # text compares exactly
    ("[name] > 'b'", {"name": "c"}),  # < and its kin need numbers
    ("[level] < 10", {"level": "9.5"}),
    ("[level] < 10", {"level": "10"}),
    ("[level] < 10", {}),  # an empty value is neither less nor more
    ("[level] = ''", {}),
    ("[level] <> ''", {}),
    ("[level] != 3", {"level": 4}),
    ("[level] >= 2.5", {"level": "2.5"}),
    ("[level] = 100", {"level": "1e2"}),
    ("[level] = 1000", {"level": "1_000"}),
    ("[level] = 'nan'", {"level": "nan"}),  # nan equals nothing, itself included
    ("[a] = 1 or [b] = 1 and [c] = 1", {"a": "1", "b": "0"}),  # and binds tighter
    ("[a] = 1 or [b] = 1 and [c] = 1", {"a": "0", "b": "1", "c": "0"}),
    ("([a] = 1 or [b] = 1) and [c] = 1", {"a": "1", "c": "0"}),
    ("[a] = 1 && [b] = 2 || [c] = 3", {"a": "1", "b": "2"}),
    ("[a] = 1 AND [b] = 2", {"a": "1", "b": "3"}),
    ("((([a] = 1)))", {"a": "1.0"}),
    ("([a] = 1) = 'True'", {"a": "1"}),
    ("[a] + [b] > 5", {"a": "3", "b": 4}),
    ("[a] + [b] > 5", {"a": "3"}),  # arithmetic on an empty value is empty
    ("[a] + 1 + 2 = 3", {}),  # ... and what follows it goes unread: shown
    ("-[a] < 0", {"a": "2"}),
    ("-[a] < 0", {"a": "x"}),
    ("[a] / 0 = 0", {"a": "5"}),
    ("[a] * 2 - 1 = 5", {"a": "3"}),
    ("[n]", {"n": 0}),  # a number 0 is false, the text "0" true
    ("[n]", {"n": "0"}),
    ("[a:value] = 1", {"a": "1"}),
    ("datediff([d], 'today', 'd') > 3", {}),  # REDCap's functions: shown
    ("[a] = 1 and sum([b], 1) > 0", {"a": "2"}),
    ("[a] ^ 2 > 3", {"a": "1"}),
    ("[event_1][a] = 1", {"a": "2"}),
    ("true", {}),
    ("[a] =", {"a": "1"}),  # unparseable: shown
    ("[a] = 'x", {"a": "1"}),
    ("[a] = 1 )", {"a": "2"}),
    ("[a = 1", {"a": "2"}),
    ("   ", {}),
]


def _answer_inputs(name: str, value) -> str:
    """Inputs holding ``value`` as the questionnaire would: ticked boxes for a list, a
    number field for a number, a text field otherwise."""
    if isinstance(value, list):
        return "".join(
            f'<input type="checkbox" name="a-{name}" value="{escape(code)}" checked>'
            for code in value
        )
    kind = "number" if isinstance(value, int) else "text"
    return f'<input type="{kind}" name="a-{name}" value="{escape(str(value))}">'


def _form(logic: str, answers: dict) -> str:
    earlier = "".join(
        f'<div data-item="{name}">{_answer_inputs(name, value)}</div>'
        for name, value in answers.items()
    )
    return f'<form>{earlier}<div data-item="target" data-show-if="{escape(logic)}">?</div></form>'


@pytest.mark.browser
def test_the_script_shows_a_question_exactly_when_the_server_does(browser):
    page = browser.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.set_content("".join(_form(logic, answers) for logic, answers in CASES))
    page.add_script_tag(path=Path(finders.find("evaluation/show_if.js")))
    in_browser = page.eval_on_selector_all(
        "[data-show-if]", "targets => targets.map(target => !target.hidden)"
    )
    expected = [show_if_met(logic, answers) for logic, answers in CASES]
    differ = [
        f"{logic!r} with {answers}: server {server}, browser {shown}"
        for (logic, answers), server, shown in zip(CASES, expected, in_browser, strict=True)
        if server != shown
    ]
    assert not differ, "\n".join(differ)
    assert not errors
    # The table exercises both answers: a test of one side only would pass either way.
    assert 15 < expected.count(True) < len(CASES) - 15


def test_the_questionnaire_marks_conditional_questions_and_links_the_script(client, world):
    survey = make_survey(world, version=make_version(world, rows=SMALL))
    token = invitation_of(survey.waves.get(), world.member).token
    response = client.get(reverse("evaluation:survey_respond", args=[token]))
    html = response.content.decode()
    # Every question, in order: the script reads earlier answers as the server does.
    places = [html.index(f'data-item="{name}"') for name, *_rest in SMALL]
    assert places == sorted(places)
    assert html.count("data-show-if=") == 1
    assert 'data-item="why_not" data-show-if="[supported] = &#x27;1&#x27;"' in html
    # Without JavaScript the question shows, with its condition in words, as before.
    assert "Answer only if:" in html
    assert not page_problems("questionnaire", response)
    scripts = page_assets(html).scripts
    assert {"src": static("evaluation/show_if.js"), "defer": True, "type": ""} in scripts
    js = sum(gzip_size(static_path(script["src"]).read_bytes()) for script in scripts)
    assert js <= JS_BUDGET
    # DESIGN rule 5 allows "at most a few KB of our own JS".
    assert gzip_size(static_path(static("evaluation/show_if.js")).read_bytes()) <= 3 * KB
