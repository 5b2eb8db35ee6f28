"""Times of day in the reader's language: "2:30 PM" in English, "14:30" in Spanish,
through ``core.times``, its template tags and Django's own ``|time``, and no template
writing a clock of its own."""

import datetime as dt
import re
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.template import engines
from django.utils import timezone, translation

from staffroom.core import times

START = dt.datetime(2026, 12, 3, 20, 30, tzinfo=dt.UTC)  # 2:30 PM in Chicago
END = START + dt.timedelta(hours=1)
CHICAGO = ZoneInfo("America/Chicago")


@pytest.mark.parametrize(
    "language, expected",
    [("en", "Thu 3 Dec 2026, 2:30 PM CST"), ("es", "jue 3 Dic 2026, 14:30 CST")],
)
def test_when_writes_the_time_as_the_language_does(language, expected):
    with translation.override(language), timezone.override(CHICAGO):
        assert times.when(START) == expected


def test_when_shows_the_active_time_zone():
    with translation.override("es"), timezone.override(ZoneInfo("Europe/Madrid")):
        assert times.when(START, "j M") == "3 Dic, 21:30 CET"


@pytest.mark.parametrize(
    "language, expected",
    [
        ("en", "Thursday 3 December 2026, 2:30 PM–3:30 PM CST"),
        ("es", "jueves 3 diciembre 2026, 14:30–15:30 CST"),
    ],
)
def test_when_span_writes_both_times_as_the_language_does(language, expected):
    with translation.override(language), timezone.override(CHICAGO):
        assert times.when_span(START, END) == expected


@pytest.mark.parametrize(
    "language, expected",
    [
        ("en", "2:30 PM|Thu 3 Dec, 2:30 PM CST|3 December 2026, 2:30 PM–3:30 PM CST|"),
        ("es", "14:30|jue 3 Dic, 14:30 CST|3 diciembre 2026, 14:30–15:30 CST|"),
    ],
)
def test_template_tags_and_django_time_follow_the_language(language, expected):
    template = engines["django"].from_string(
        '{% load times %}{{ start|time }}|{{ start|when:"D j M" }}|'
        '{% when_span start end "j F Y" %}|{{ missing|when }}'
    )
    with translation.override(language), timezone.override(CHICAGO):
        assert template.render({"start": START, "end": END, "missing": None}) == expected


# The site's own templates and the parts whose templates use |time, |when and
# {% when_span %}; a part joins the list once its templates do.
CONVERTED = ("templates", "core/templates", "accounts/templates", "communities/templates",
             "meetings/templates", "cases/templates", "evaluation/templates",
             "discussions/templates")  # fmt: skip


def test_no_template_hard_codes_a_clock():
    src = Path(__file__).resolve().parents[2]
    found = [
        f"{path.relative_to(src)}:{number}"
        for folder in CONVERTED
        for path in sorted((src / folder).glob("**/*"))
        if path.suffix in {".html", ".txt"}
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if re.search(r"[gGhH]:i|\|time:", line)
    ]
    assert not found, "use |time, |when or {% when_span %}: " + ", ".join(found)
