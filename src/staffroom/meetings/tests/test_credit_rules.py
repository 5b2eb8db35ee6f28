"""What attendance earns: the credit rule, school years, and the transcript's rows
and totals built from real sessions and attendance records."""

import datetime as dt

import pytest

from staffroom.meetings import credit
from staffroom.meetings.credit import ONE_OFF, CreditRules, credited_minutes
from staffroom.meetings.tests.factories import make_series
from staffroom.meetings.tests.factories_credit import attend, past_session, session_on

SERIES = CreditRules(share=75, phone_counts=True, async_counts=False)


@pytest.mark.parametrize(
    ("rules", "mode", "minutes", "confirmed", "earned"),
    [
        (SERIES, "live", 60, True, 60),
        (SERIES, "live", 45, True, 60),  # exactly 75 %: counts, for the whole length
        (SERIES, "live", 44, True, 0),  # just under: nothing
        (CreditRules(90, True, False), "live", 50, True, 0),
        (CreditRules(0, True, False), "live", 0, True, 60),
        (SERIES, "live", 60, False, 0),  # not confirmed
        (SERIES, "phone", 60, True, 60),
        (SERIES, "phone", 60, False, 0),  # phone waits for a facilitator
        (CreditRules(75, False, False), "phone", 60, True, 0),
        (SERIES, "async", 0, True, 0),
        (CreditRules(75, True, True), "async", 0, True, 60),  # the recording: whole length
        (CreditRules(75, True, True), "async", 0, False, 0),
        (ONE_OFF, "phone", 50, True, 60),
        (ONE_OFF, "async", 60, True, 0),
    ],
)
def test_credited_minutes_follows_the_rules(rules, mode, minutes, confirmed, earned):
    assert (
        credited_minutes(rules=rules, mode=mode, minutes=minutes, confirmed=confirmed, length=60)
        == earned
    )


def test_one_off_sessions_count_at_three_quarters_with_phone_and_without_async():
    assert (ONE_OFF.share, ONE_OFF.phone_counts, ONE_OFF.async_counts) == (75, True, False)


@pytest.mark.parametrize(
    ("day", "year", "label"),
    [
        (dt.date(2025, 7, 1), 2025, "2025–26"),
        (dt.date(2026, 6, 30), 2025, "2025–26"),
        (dt.date(2025, 6, 30), 2024, "2024–25"),
        (dt.date(1999, 12, 31), 1999, "1999–00"),
    ],
)
def test_school_year_runs_from_july_to_june(day, year, label):
    assert credit.school_year(day) == year
    assert credit.school_year_label(year) == label


def test_transcript_rows_use_each_sessions_series_settings(world):
    strict = make_series(
        world, title="Strict series", credit_share=90, phone_counts=False, async_counts=True,
        first_date=dt.date(2025, 9, 2), last_date=dt.date(2025, 9, 2),
    )  # fmt: skip
    in_series = strict.sessions.get()
    attend(in_series, world.member, minutes=50)  # 50 of 60 < 90 %
    one_off = past_session(world, title="One-off")
    attend(one_off, world.member, mode="phone")  # counts for a one-off
    rows = credit.credit_rows(credit.attendance_rows(world.member))
    assert [(row.title, row.length, row.credited) for row in rows] == [
        ("One-off", 60, 60),
        ("Strict series", 60, 0),
    ]


def test_transcript_rows_leave_out_cancelled_sessions(world):
    session = session_on(world, dt.date(2025, 9, 3))
    attend(session, world.member)
    type(session).objects.filter(pk=session.pk).update(status="cancelled")
    assert not credit.credit_rows(credit.attendance_rows(world.member))


def test_transcript_years_total_by_school_year(world):
    for day, minutes in [
        (dt.date(2025, 6, 20), 60),  # 2024-25
        (dt.date(2025, 7, 10), 60),  # 2025-26
        (dt.date(2025, 10, 1), 30),  # 2025-26, too short to count
        (dt.date(2026, 3, 4), 50),  # 2025-26
    ]:
        attend(session_on(world, day), world.member, minutes=minutes)
    years = credit.transcript_years(credit.credit_rows(credit.attendance_rows(world.member)))
    assert [(y.label, y.sessions, y.minutes, y.counted, y.hours) for y in years] == [
        ("2025–26", 3, 140, 2, 2.0),
        ("2024–25", 1, 60, 1, 1.0),
    ]


def test_a_sessions_day_is_its_day_where_it_was_held(world):
    # 11 pm in Chicago on June 30 is July 1 in UTC: it still belongs to 2024-25.
    session = past_session(world, starts_at=dt.datetime(2025, 7, 1, 4, 0, tzinfo=dt.UTC))
    attend(session, world.member)
    [row] = credit.credit_rows(credit.attendance_rows(world.member))
    assert row.day == dt.date(2025, 6, 30)
    assert row.school_year == 2024
