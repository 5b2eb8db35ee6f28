"""Recurrence rules read in the series' time zone, across daylight saving, and every
bad rule the issue lists."""

import datetime as dt

import pytest

from staffroom.meetings.recurrence import (
    MAX_OCCURRENCES,
    WEEKDAYS,
    Kind,
    RecurrenceError,
    Rule,
    rule_build,
    rule_kind,
    rule_normalise,
)

UTC = dt.UTC


def chicago_weekly(first: dt.date, **overrides) -> Rule:
    fields = dict(
        rrule="FREQ=WEEKLY;BYDAY=" + WEEKDAYS[first.weekday()],
        time_zone="America/Chicago",
        start_time=dt.time(16, 0),
        duration_minutes=60,
        first_date=first,
        last_date=None,
    )
    fields.update(overrides)
    return Rule(**fields)


def test_rule_weekly_keeps_four_pm_local_across_the_march_change():
    # 2026: daylight saving starts Sunday 8 March in the US.
    rule = chicago_weekly(dt.date(2026, 2, 24))  # a Tuesday
    found = rule.occurrences(until=dt.date(2026, 3, 17))
    assert [o.date for o in found] == [
        dt.date(2026, 2, 24), dt.date(2026, 3, 3), dt.date(2026, 3, 10), dt.date(2026, 3, 17),
    ]  # fmt: skip
    # 4 pm CST is 22:00 UTC; 4 pm CDT is 21:00 UTC.
    assert [o.starts_at.hour for o in found] == [22, 22, 21, 21]
    assert all(o.starts_at.tzinfo is UTC for o in found)
    assert found[2].ends_at - found[2].starts_at == dt.timedelta(minutes=60)


def test_rule_weekly_keeps_four_pm_local_across_the_november_change():
    # 2026: daylight saving ends Sunday 1 November.
    rule = chicago_weekly(dt.date(2026, 10, 20))
    found = rule.occurrences(until=dt.date(2026, 11, 10))
    assert [o.starts_at for o in found] == [
        dt.datetime(2026, 10, 20, 21, 0, tzinfo=UTC),
        dt.datetime(2026, 10, 27, 21, 0, tzinfo=UTC),
        dt.datetime(2026, 11, 3, 22, 0, tzinfo=UTC),
        dt.datetime(2026, 11, 10, 22, 0, tzinfo=UTC),
    ]


def test_rule_in_another_zone_changes_on_its_own_dates():
    # Europe changes on 29 March 2026, three weeks after the US.
    rule = chicago_weekly(dt.date(2026, 3, 17), time_zone="Europe/Madrid")
    hours = [o.starts_at.hour for o in rule.occurrences(until=dt.date(2026, 4, 7))]
    assert hours == [15, 15, 14, 14]  # 16:00 CET = 15 UTC, 16:00 CEST = 14 UTC


def test_rule_build_gives_each_kind():
    tuesday = dt.date(2026, 9, 8)  # the 2nd Tuesday of September
    assert rule_build(Kind.WEEKLY, first_date=tuesday) == "FREQ=WEEKLY;BYDAY=TU"
    assert rule_build(Kind.BIWEEKLY, first_date=tuesday) == "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU"
    assert rule_build(Kind.MONTHLY, first_date=tuesday) == "FREQ=MONTHLY;BYDAY=2TU"
    assert rule_build(Kind.CUSTOM, first_date=tuesday, custom=" rrule:freq=daily ") == (
        "FREQ=DAILY"
    )


def test_rule_build_monthly_on_a_fifth_weekday_means_the_last():
    assert rule_build(Kind.MONTHLY, first_date=dt.date(2026, 9, 29)) == "FREQ=MONTHLY;BYDAY=-1TU"


def test_rule_kind_reads_a_stored_rule_back():
    tuesday = dt.date(2026, 9, 8)
    for kind in (Kind.WEEKLY, Kind.BIWEEKLY, Kind.MONTHLY):
        assert rule_kind(rule_build(kind, first_date=tuesday), tuesday) == kind
    assert rule_kind("FREQ=WEEKLY;INTERVAL=3;BYDAY=WE", tuesday) == Kind.CUSTOM


def test_rule_monthly_second_tuesday():
    rule = chicago_weekly(dt.date(2026, 9, 8), rrule="FREQ=MONTHLY;BYDAY=2TU")
    dates = [o.date for o in rule.occurrences(until=dt.date(2026, 12, 31))]
    assert dates == [
        dt.date(2026, 9, 8), dt.date(2026, 10, 13), dt.date(2026, 11, 10), dt.date(2026, 12, 8)
    ]  # fmt: skip


def test_rule_every_other_week():
    rule = chicago_weekly(dt.date(2026, 9, 8), rrule="FREQ=WEEKLY;INTERVAL=2;BYDAY=TU")
    dates = [o.date for o in rule.occurrences(until=dt.date(2026, 10, 10))]
    assert dates == [dt.date(2026, 9, 8), dt.date(2026, 9, 22), dt.date(2026, 10, 6)]


def test_rule_stops_at_the_last_date_and_at_until():
    rule = chicago_weekly(dt.date(2026, 9, 8), last_date=dt.date(2026, 9, 22))
    assert len(rule.occurrences(until=dt.date(2027, 1, 1))) == 3
    # UNTIL in UTC (as RFC 5545 writes it with a zoned DTSTART) and as a date.
    for until in ("UNTIL=20260922T210000Z", "UNTIL=20260922"):
        rule = chicago_weekly(dt.date(2026, 9, 8), rrule=f"FREQ=WEEKLY;BYDAY=TU;{until}")
        assert rule.occurrences(until=dt.date(2027, 1, 1))[-1].date == dt.date(2026, 9, 22)


def test_rule_count_limits_the_dates():
    rule = chicago_weekly(dt.date(2026, 9, 8), rrule="FREQ=WEEKLY;COUNT=4")
    assert len(rule.occurrences(until=dt.date(2027, 1, 1))) == 4


def test_rule_occurrences_since_skips_earlier_dates():
    rule = chicago_weekly(dt.date(2026, 9, 8))
    found = rule.occurrences(since=dt.date(2026, 9, 20), until=dt.date(2026, 9, 30))
    assert [o.date for o in found] == [dt.date(2026, 9, 22), dt.date(2026, 9, 29)]


def test_rule_normalise_strips_prefix_and_spaces():
    assert rule_normalise(" RRULE:freq=weekly; byday=tu ") == "FREQ=WEEKLY;BYDAY=TU"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "Enter a recurrence rule"),
        ("every tuesday", "needs FREQ"),
        ("FREQ=SOMETIMES", "not a recurrence rule we can read"),
        ("FREQ=WEEKLY;BYDAY=XX", "not a recurrence rule we can read"),
        ("FREQ=WEEKLY;INTERVAL=zero", "not a recurrence rule we can read"),
        ("FREQ=HOURLY", "at most once a day"),
        ("FREQ=DAILY;BYHOUR=9,15", "at most once a day"),
        ("DTSTART:20260101T100000\nRRULE:FREQ=DAILY", "without DTSTART"),
        ("FREQ=WEEKLY;UNTIL=2026-13-45", "UNTIL"),
    ],
)
def test_rule_validate_refuses_an_invalid_rule(text, message):
    rule = chicago_weekly(dt.date(2026, 9, 8), rrule=text)
    with pytest.raises(RecurrenceError, match=message) as caught:
        rule.validate(since=dt.date(2026, 9, 8), until=dt.date(2026, 12, 31))
    assert caught.value.field == "rrule"


def test_rule_validate_refuses_a_rule_with_no_dates():
    # 30 February never comes.
    rule = chicago_weekly(dt.date(2026, 9, 8), rrule="FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30")
    with pytest.raises(RecurrenceError, match="gives no dates") as caught:
        rule.validate(since=dt.date(2026, 9, 8), until=dt.date(2026, 12, 31))
    assert caught.value.field == "rrule"


def test_rule_validate_refuses_a_rule_whose_dates_end_before_the_first_date():
    rule = chicago_weekly(
        dt.date(2026, 9, 8), rrule="FREQ=WEEKLY;UNTIL=20260101", last_date=dt.date(2026, 12, 1)
    )
    with pytest.raises(RecurrenceError, match="gives no dates"):
        rule.validate(since=dt.date(2026, 9, 8), until=dt.date(2026, 12, 31))


def test_rule_validate_refuses_more_than_500_dates_in_the_horizon():
    # Daily since two years ago: generating would create over 700 sessions at once.
    rule = chicago_weekly(dt.date(2024, 9, 1), rrule="FREQ=DAILY")
    with pytest.raises(RecurrenceError, match=f"more than {MAX_OCCURRENCES}") as caught:
        rule.validate(since=dt.date(2024, 9, 1), until=dt.date(2026, 12, 31))
    assert caught.value.field == "rrule"


def test_rule_validate_accepts_exactly_500_dates():
    rule = chicago_weekly(dt.date(2026, 1, 1), rrule="FREQ=DAILY;COUNT=500")
    rule.validate(since=dt.date(2026, 1, 1), until=dt.date(2028, 1, 1))
    assert len(rule.occurrences(until=dt.date(2028, 1, 1))) == 500


def test_rule_validate_refuses_a_last_date_before_the_first():
    rule = chicago_weekly(dt.date(2026, 9, 8), last_date=dt.date(2026, 9, 1))
    with pytest.raises(RecurrenceError, match="on or after the first date") as caught:
        rule.validate(since=dt.date(2026, 9, 8), until=dt.date(2026, 12, 31))
    assert caught.value.field == "last_date"
