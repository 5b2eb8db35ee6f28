"""The session feedback overview of a community: its numbers, its pages and its two
downloads, which ``staffroom analyze`` reads."""

import csv
import datetime as dt
import io
import json
import math
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.urls import reverse

from staffroom.communities.access import community_access_for
from staffroom.communities.models import HubRole
from staffroom.conftest import make_user
from staffroom.core.tests.test_page_budgets import pages_problems
from staffroom.evaluation import feedback_overview as overviews
from staffroom.evaluation.library import library_get
from staffroom.evaluation.session_feedback import feedback_submit
from staffroom.meetings import services
from staffroom.meetings.tests.factories_credit import (
    attend,
    colleague,
    past_session,
    series_with_past,
    travel,
)

pytestmark = pytest.mark.django_db

FULL = {"overall": "4", "usefulness": "5", "will_apply": "3", "pace": "2"}  # score 4
TWO_OF_THREE = {"overall": "2", "usefulness": "3", "change": "Less reading aloud."}
MIGRATED = {"usefulness": "4", "will_use": "The exit ticket.", "change": ""}  # old form's shape


def answer(session, user, answers):
    attend(session, user)
    access = community_access_for(user, session.community)
    return feedback_submit(actor=user, access=access, session=session, answers=answers)


def people(world, n, *, start=0, communities=None):
    return [colleague(world, f"Pat Person{i}", communities=communities) for i in range(start, n)]


def overview_url(community, **query):
    url = reverse("evaluation:feedback_overview", args=[community.slug])
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def rows_of(content: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(content.decode("utf-8"))))


def test_overview_numbers_of_a_known_set(world):
    """Three answers of four attendees: one full (its session_value score is 4), one
    with two of the three scale items (fewer than 75%: no score) and one in the old
    form's shape (usefulness alone: no score, its usefulness still counts)."""
    session = past_session(world, days_ago=3)
    a, b, c, d = people(world, 4)
    answer(session, a, FULL)
    answer(session, b, TWO_OF_THREE)
    answer(session, c, MIGRATED)
    attend(session, d)
    empty = past_session(world, days_ago=10, title="Nobody answered")
    overview = overviews.feedback_overview(world.public, overviews.past_session_list(world.public))
    line, quiet = overview.lines
    assert (line.session, line.attended, line.answers, line.response_rate) == (session, 4, 3, 75)
    assert line.usefulness == pytest.approx((5 + 3 + 4) / 3)
    assert line.session_value == pytest.approx(4.0)
    assert (quiet.session, quiet.attended, quiet.answers) == (empty, 0, 0)
    assert (quiet.response_rate, quiet.usefulness, quiet.session_value) == (None, None, None)


def test_response_rate_counts_an_answer_whose_account_was_deleted_once(world):
    """A deleted account takes its attendance record with it but leaves its answer
    (attributed to a former member): they attended and answered, so the rate stays
    within 100%."""
    session = past_session(world)
    gone, stays, quiet = people(world, 3)
    answer(session, gone, FULL)
    answer(session, stays, FULL)
    attend(session, quiet)
    gone.delete()
    (line,) = overviews.feedback_overview(
        world.public, overviews.past_session_list(world.public)
    ).lines
    assert (line.attended, line.answers, line.response_rate) == (3, 2, 67)
    assert line.usefulness == pytest.approx(5.0)


def test_overview_leaves_out_cancelled_and_coming_sessions_newest_first(world, monkeypatch):
    older = past_session(world, days_ago=9, title="Older")
    newer = past_session(world, days_ago=2, title="Newer")
    cancelled = past_session(world, days_ago=-1, title="Cancelled")
    services.session_cancel(
        actor=world.facilitator, access=world.access(world.facilitator), session=cancelled,
        reason="Snow day",
    )  # fmt: skip
    past_session(world, days_ago=-5, title="To come")
    travel(monkeypatch, dt.timedelta(days=2))
    assert list(overviews.past_session_list(world.public)) == [newer, older]


def test_migrated_answers_alone_give_usefulness_but_no_session_value(world):
    session = past_session(world)
    for person, usefulness in zip(people(world, 2), ("4", "2"), strict=True):
        answer(session, person, {**MIGRATED, "usefulness": usefulness})
    (line,) = overviews.feedback_overview(
        world.public, [*overviews.past_session_list(world.public)]
    ).lines
    assert line.usefulness == pytest.approx(3.0)
    assert line.session_value is None


def test_overview_page_lists_sessions_with_links_to_their_answers(client, world):
    session = past_session(world, title="Exit tickets that teach")
    answer(session, colleague(world), FULL)
    client.force_login(world.facilitator)
    response = client.get(overview_url(world.public))
    assert response.status_code == 200
    page = response.content.decode()
    results = reverse("evaluation:feedback_results", args=[world.public.slug, session.public_id])
    assert f'href="{results}"' in page and "Exit tickets that teach" in page
    assert "100%" in page and "5.00" in page and "4.00" in page
    assert reverse("evaluation:feedback_answers_csv", args=[world.public.slug]) in page


def test_hub_evaluator_reads_the_overview(client, world):
    evaluator = make_user("eva@example.org", "Eva Evaluator")
    HubRole.objects.create(hub=world.hub, user=evaluator, role=HubRole.Role.EVALUATOR)
    client.force_login(evaluator)
    assert client.get(overview_url(world.hidden)).status_code == 200
    dictionary = reverse("evaluation:feedback_dictionary_csv", args=[world.hidden.slug])
    assert client.get(dictionary).status_code == 200


def test_hub_evaluator_opens_the_answers_the_overview_links_to(client, world):
    session = past_session(world, world.hidden, title="Exit tickets that teach")
    evaluator = make_user("eva@example.org", "Eva Evaluator")
    HubRole.objects.create(hub=world.hub, user=evaluator, role=HubRole.Role.EVALUATOR)
    client.force_login(evaluator)
    results = reverse("evaluation:feedback_results", args=[world.hidden.slug, session.public_id])
    assert f'href="{results}"' in client.get(overview_url(world.hidden)).content.decode()
    assert client.get(results).status_code == 200
    # The session page's panel, where the facilitators' summary is, shows it and the
    # same link to them: one rule for who reads the answers.
    page = reverse("meetings:session_detail", args=[world.hidden.slug, session.public_id])
    assert f'href="{results}"' in client.get(page).content.decode()


def test_community_home_links_to_the_overview_for_those_who_manage_surveys(client, world):
    home = reverse("communities:community_detail", args=[world.public.slug])
    link = f'href="{overview_url(world.public)}"'
    client.force_login(world.facilitator)
    assert link in client.get(home).content.decode()
    client.force_login(world.member)
    assert link not in client.get(home).content.decode()


def test_series_filter_keeps_the_series_and_ignores_an_unknown_one(client, world):
    series, in_series = series_with_past(world, weeks_back=3)
    other = past_session(world, title="A one-off on grading")
    client.force_login(world.facilitator)
    filtered = client.get(overview_url(world.public, series=series.public_id))
    assert sorted(filtered.context["page"], key=lambda s: s.starts_at) == in_series
    for bad in ("no-such-series", "%00", "1'"):
        response = client.get(overview_url(world.public, series=bad))
        assert response.status_code == 200
        assert other in list(response.context["page"])


def test_page_past_the_end_gives_the_last_page(client, world):
    for days in range(1, overviews.PER_PAGE + 3):
        past_session(world, days_ago=days, title=f"Session {days}")
    client.force_login(world.facilitator)
    response = client.get(overview_url(world.public, page=9999))
    assert response.status_code == 200
    assert response.context["page"].number == 2
    assert len(response.context["overview"].lines) == 2


def _answered_sessions(world, count):
    people_ = people(world, 2)
    for days in range(1, count + 1):
        session = past_session(world, days_ago=days, title=f"Session {days}")
        answer(session, people_[0], FULL)
        answer(session, people_[1], MIGRATED)


def test_overview_queries_do_not_grow_with_sessions(client, world, django_assert_max_num_queries):
    client.force_login(world.facilitator)
    _answered_sessions(world, 2)
    with django_assert_max_num_queries(10) as small:
        assert client.get(overview_url(world.public)).status_code == 200
    past_sessions = [past_session(world, days_ago=40 + d) for d in range(20)]
    for session in past_sessions:
        answer(session, colleague(world, f"Late Comer{session.pk}"), FULL)
    with django_assert_max_num_queries(10) as large:
        response = client.get(overview_url(world.public))
    assert len(response.context["overview"].lines) == overviews.PER_PAGE
    assert len(large.captured_queries) == len(small.captured_queries)
    download = reverse("evaluation:feedback_answers_csv", args=[world.public.slug])
    with django_assert_max_num_queries(8):
        assert len(rows_of(client.get(download).content)) == 1 + 2 * 2 + 20


def test_answers_csv_downloads_one_row_per_answer_with_pseudonyms(client, world):
    both = [world.public, world.private]
    pat = colleague(world, "Pat Both", communities=both)
    first = past_session(world, days_ago=9, title="=HYPERLINK(evil)")
    second = past_session(world, days_ago=2, title="Second")
    elsewhere = past_session(world, world.private, days_ago=4)
    answer(first, pat, {**FULL, "change": "=SUM(A1:A9)", "most_useful": "+1 idea"})
    answer(second, pat, MIGRATED)
    answer(elsewhere, pat, FULL)
    client.force_login(world.facilitator)
    url = reverse("evaluation:feedback_answers_csv", args=[world.public.slug])
    response = client.get(url)
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == (
        'attachment; filename="open-science-session-feedback-answers.csv"'
    )
    header, *rows = rows_of(response.content)
    fields = [f.name for f in overviews.feedback_dictionary().fields]
    assert header == ["record_id", "wave", "session_title", *fields[1:]]
    assert [row[2] for row in rows] == ["'=HYPERLINK(evil)", "Second"]
    one, two = (dict(zip(header, row, strict=True)) for row in rows)
    assert one["record_id"] == two["record_id"]
    assert pat.public_id not in response.content.decode() and "Pat" not in one["record_id"]
    assert one["wave"] < two["wave"] and one["wave"] == overviews.wave_names([first]).popitem()[0]
    assert (one["change"], one["most_useful"], one["usefulness"]) == (
        "'=SUM(A1:A9)",
        "'+1 idea",
        "5",
    )
    assert (two["overall"], two["will_use"]) == ("", "The exit ticket.")
    other = rows_of(overviews.community_answers_csv(world.private))[1]
    assert other[0] != one["record_id"]


def test_waves_are_each_session_local_start_and_stay_apart_at_the_same_minute(world):
    start = dt.datetime(2026, 3, 3, 16, 0, tzinfo=ZoneInfo("America/Chicago"))
    a = past_session(world, starts_at=start, title="A")
    b = past_session(world, starts_at=start, title="B")
    assert list(overviews.wave_names([b, a])) == ["2026-03-03T16:00", "2026-03-03T16:00_2"]


def test_dictionary_csv_is_the_library_form_in_english(client, world):
    client.force_login(world.hub_admin)
    url = reverse("evaluation:feedback_dictionary_csv", args=[world.public.slug])
    response = client.get(url, HTTP_ACCEPT_LANGUAGE="es")
    assert response["Content-Disposition"].endswith('session-feedback-dictionary.csv"')
    text = response.content.decode("utf-8")
    assert text.startswith("Variable / Field Name,")
    assert "How useful was this session for you?" in text
    assert (
        library_get("session_feedback").path.read_text(encoding="utf-8").splitlines()[2][:20]
        in text
    )


def test_analyze_reads_the_two_downloads(client, world, tmp_path):
    first = past_session(world, days_ago=9)
    second = past_session(world, days_ago=2)
    a, b, c = people(world, 3)
    answer(first, a, FULL)  # score 4
    answer(first, b, {"overall": "5", "usefulness": "5", "will_apply": "5"})  # score 5
    answer(first, c, MIGRATED)  # no score
    answer(second, a, {"overall": "3", "usefulness": "2", "will_apply": "4"})  # score 3
    client.force_login(world.facilitator)
    for name in ("answers_csv", "dictionary_csv"):
        url = reverse(f"evaluation:feedback_{name}", args=[world.public.slug])
        (tmp_path / f"{name}.csv").write_bytes(client.get(url).content)
    out = io.StringIO()
    call_command(
        "analyze", str(tmp_path / "dictionary_csv.csv"), str(tmp_path / "answers_csv.csv"),
        "--json", stdout=out,
    )  # fmt: skip
    result = json.loads(out.getvalue())
    waves = list(overviews.wave_names([first, second]))
    assert result["waves"] == waves
    assert result["respondents"] == {waves[0]: 3, waves[1]: 1}
    scale = result["scales"]["session_value"]
    assert scale["n"] == {waves[0]: 2, waves[1]: 1}
    assert scale["mean"][waves[0]] == pytest.approx(4.5)
    assert scale["mean"][waves[1]] == pytest.approx(3.0)
    assert result["items"]["usefulness"][waves[0]]["mean"] == pytest.approx(14 / 3)
    lines = overviews.feedback_overview(world.public, overviews.past_session_list(world.public))
    page = {line.wave: line for line in lines.lines}
    assert page[waves[0]].session_value == pytest.approx(scale["mean"][waves[0]])
    assert math.isclose(page[waves[1]].usefulness, 2.0)


def answered_community(world):
    """A few past sessions of the public community, answered in every shape."""
    a, b, c = people(world, 3)
    for days, title in ((2, "Exit tickets that teach"), (9, "Restorative circles"), (16, "Quiet")):
        session = past_session(world, days_ago=days, title=title)
        if title != "Quiet":
            answer(session, a, FULL)
            answer(session, b, TWO_OF_THREE)
            answer(session, c, MIGRATED)


def pages(world) -> list[tuple[str, object, str]]:
    return [("session feedback overview", world.facilitator, overview_url(world.public))]


def test_the_overview_fits_the_budget_and_the_csp(client, world):
    answered_community(world)
    problems = pages_problems(client, pages(world))
    assert not problems, "\n".join(problems)


def test_answer_of_a_deleted_account_keeps_an_id_of_its_own(world):
    session = past_session(world)
    gone, stays = people(world, 2)
    answer(session, gone, FULL)
    answer(session, stays, FULL)
    gone.delete()  # accounts has no deletion service yet; the foreign key empties itself
    _header, *rows = rows_of(overviews.community_answers_csv(world.public))
    ids = sorted(row[0] for row in rows)
    assert len(set(ids)) == 2
    assert ids[1].startswith("u") and ids[0] == overviews.record_id(
        world.public, stays.public_id, 0
    )
