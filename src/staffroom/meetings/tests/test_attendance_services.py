"""Attendance services: check-in and its window, a guest's check-in, "joined by phone",
reflections on the recording, the roll call, confirmations and the review of report
rows; every change by hand is in the log."""

import pytest

from staffroom.meetings import attendance
from staffroom.meetings.models import Attendance, AttendanceChange, ImportedRow
from staffroom.meetings.tests.factories_attendance import (
    add_member,
    cancelled,
    guest_registration,
    import_report,
    live_session,
    move,
    past_series_session,
    past_session,
    register,
    sample,
    session_at,
)

REFLECTION = (
    "The two-minute check-in at the door fits my first period. I will try it with my "
    "sixth graders this week and note who asks for a second check-in."
)


def _check_in(world, session, user=None):
    user = user or world.member
    return attendance.attendance_check_in(
        actor=user, access=world.access(user, session.community), session=session
    )


def _facilitator(world, session):
    access = world.access(world.facilitator, session.community)
    return {"actor": world.facilitator, "access": access, "session": session}


# -- check-in ----------------------------------------------------------------------------------


def test_check_in_records_the_sessions_full_minutes(world):
    session = live_session(world, duration=90)
    record = _check_in(world, session)
    assert (record.mode, record.source, record.minutes, record.confirmed) == (
        "live",
        "check_in",
        90,
        True,
    )


def test_check_in_opens_15_minutes_before_the_start(world):
    assert _check_in(world, session_at(world, minutes_from_now=14)).source == "check_in"
    early = session_at(world, minutes_from_now=16)
    with pytest.raises(attendance.AttendanceError, match="Check-in opens 15 minutes before"):
        _check_in(world, early)
    assert not Attendance.objects.filter(session=early).exists()


def test_check_in_after_the_end_is_refused_with_a_clear_message(world):
    ended = session_at(world, minutes_from_now=-61, duration=60)
    with pytest.raises(attendance.AttendanceError, match="Check-in closed when the session ended"):
        _check_in(world, ended)


def test_check_in_to_a_cancelled_session_is_refused(world):
    session = cancelled(world, live_session(world))
    with pytest.raises(attendance.AttendanceError, match="cancelled"):
        _check_in(world, session)


def test_check_in_twice_is_refused_and_keeps_one_record(world):
    session = live_session(world)
    _check_in(world, session)
    with pytest.raises(attendance.AttendanceError, match="already checked in"):
        _check_in(world, session)
    assert Attendance.objects.filter(session=session).count() == 1


def test_check_in_after_an_import_keeps_the_reports_minutes(world):
    session = live_session(world)
    import_report(world, session, sample("zoom_participants.csv"))
    with pytest.raises(attendance.AttendanceError, match="already recorded"):
        _check_in(world, session)
    assert Attendance.objects.get(session=session, user=world.member).minutes == 53


def test_check_in_links_the_members_registration(world):
    session = session_at(world, minutes_from_now=60 * 24)
    mine = register(world, session, world.member)
    session = move(world, session, minutes_from_now=-5)
    assert _check_in(world, session).registration == mine


def test_check_in_is_refused_to_someone_who_cannot_take_part(world):
    session = live_session(world)
    with pytest.raises(attendance.AttendanceError, match="not allowed"):
        _check_in(world, session, world.hub_admin)


def test_check_in_guest_records_the_guest_by_their_registration(world):
    guest = guest_registration(world)
    record = attendance.check_in_guest(guest)
    assert (record.user, record.guest_name, record.guest_email, record.registration) == (
        None,
        "Pat Paraprofessional",
        "pat.para@example.org",
        guest,
    )
    assert record.minutes == guest.session.duration_minutes
    with pytest.raises(attendance.AttendanceError, match="already checked in"):
        attendance.check_in_guest(guest)


def test_check_in_guest_outside_the_window_is_refused(world):
    guest = guest_registration(world, minutes_from_now=60)
    with pytest.raises(attendance.AttendanceError, match="Check-in opens"):
        attendance.check_in_guest(guest)


def test_check_in_url_is_the_registrations_token_link(world):
    guest = guest_registration(world)
    url = attendance.check_in_url(guest)
    assert url.startswith("http") and url.endswith(f"/sessions/check-in/{guest.token}/")


def test_check_in_registration_checks_in_a_member_without_signing_in(world):
    session = session_at(world, minutes_from_now=60 * 24)
    mine = register(world, session, world.member)
    move(world, session, minutes_from_now=-5)
    mine.refresh_from_db()
    assert attendance.check_in_registration(mine).user == world.member


# -- joined by phone ------------------------------------------------------------------------


def _phone(world, session, user=None):
    user = user or world.member
    return attendance.attendance_report_phone(
        actor=user, access=world.access(user, session.community), session=session
    )


def test_phone_report_waits_for_a_facilitator_to_confirm_it(world):
    session = past_session(world, days_ago=3)
    record = _phone(world, session)
    assert (record.mode, record.source, record.confirmed, record.minutes) == (
        "phone",
        "self_report",
        False,
        60,
    )
    confirmed = attendance.attendance_confirm(**_facilitator(world, session), user=world.member)
    assert confirmed.confirmed is True
    summaries = list(AttendanceChange.objects.values_list("actor__display_name", "summary"))
    assert summaries[0] == ("Fran Facilitator", "Confirmed (was 60 min, by phone, not confirmed)")
    assert summaries[1][0] == "Mo Member" and "Reported joining by phone" in summaries[1][1]


def test_phone_report_is_refused_before_the_end_and_after_14_days(world):
    with pytest.raises(attendance.AttendanceError, match="once the session has ended"):
        _phone(world, live_session(world))
    with pytest.raises(attendance.AttendanceError, match="within 14 days"):
        _phone(world, past_session(world, days_ago=15))
    assert _phone(world, past_session(world, days_ago=13)).mode == "phone"


def test_phone_report_is_refused_when_attendance_is_already_recorded(world):
    session = past_session(world)
    import_report(world, session, sample("zoom_participants.csv"))
    with pytest.raises(attendance.AttendanceError, match="already recorded"):
        _phone(world, session)
    other = past_session(world)
    _phone(world, other)
    with pytest.raises(attendance.AttendanceError, match="already reported joining by phone"):
        _phone(world, other)


def test_confirm_without_a_phone_report_is_refused(world):
    session = past_session(world)
    with pytest.raises(attendance.AttendanceError, match="no report of joining by phone"):
        attendance.attendance_confirm(**_facilitator(world, session), user=world.member)


# -- reflections on the recording (asynchronous attendance) ----------------------------------------


def _reflect(world, session, text=REFLECTION):
    return attendance.attendance_reflect(
        actor=world.member, access=world.access(world.member, session.community),
        session=session, reflection=text,
    )  # fmt: skip


def test_reflection_counts_as_asynchronous_attendance_where_the_series_allows_it(world):
    session = past_series_session(world, async_counts=True)
    record = _reflect(world, session)
    assert (record.mode, record.source, record.minutes, record.confirmed) == (
        "async",
        "self_report",
        60,
        True,
    )
    assert record.reflection == REFLECTION
    again = _reflect(world, session, REFLECTION + " Update: it worked.")
    assert again.pk == record.pk and again.reflection.endswith("it worked.")


def test_reflection_under_100_characters_is_refused_beside_the_field(world):
    session = past_series_session(world, async_counts=True)
    with pytest.raises(attendance.AttendanceError) as refused:
        _reflect(world, session, "Great session, thanks!")
    assert refused.value.field == "reflection" and "you wrote 22" in refused.value.message


def test_reflection_is_refused_where_it_does_not_count(world):
    with pytest.raises(attendance.AttendanceError, match="does not count"):
        _reflect(world, past_series_session(world, async_counts=False))
    with pytest.raises(attendance.AttendanceError, match="not available yet"):
        _reflect(world, past_series_session(world, async_counts=True, recording=False))
    with pytest.raises(attendance.AttendanceError, match="within 14 days"):
        _reflect(world, past_series_session(world, async_counts=True, days_ago=16))


def test_reflection_is_refused_to_someone_who_attended_live(world):
    session = past_series_session(world, async_counts=True)
    import_report(world, session, sample("zoom_participants.csv"))
    with pytest.raises(attendance.AttendanceError, match="already recorded"):
        _reflect(world, session)


# -- roll call -----------------------------------------------------------------------------------


def test_roll_call_marks_present_with_the_full_minutes_by_default(world):
    session = past_session(world)
    changes = attendance.attendance_roll_call(
        **_facilitator(world, session), marks=[attendance.Mark(world.member, True)]
    )
    record = Attendance.objects.get(session=session, user=world.member)
    assert (record.source, record.minutes) == ("roll_call", 60)
    assert [change.summary for change in changes] == ["Marked present at roll call, 60 min"]
    assert changes[0].actor == world.facilitator and changes[0].user == world.member


def test_roll_call_correction_needs_a_reason_and_keeps_it(world):
    session = past_session(world)
    _phone(world, session)
    with pytest.raises(attendance.AttendanceError) as refused:
        attendance.attendance_roll_call(
            **_facilitator(world, session), marks=[attendance.Mark(world.member, True, 35)]
        )
    assert refused.value.field == "reason"
    changes = attendance.attendance_roll_call(
        **_facilitator(world, session), marks=[attendance.Mark(world.member, True, 35)],
        reason="Dropped off the call at 4:35, said so in the chat.",
    )  # fmt: skip
    assert changes[0].summary == "Minutes set to 35 (was 60 min, by phone, not confirmed)"
    assert changes[0].reason == "Dropped off the call at 4:35, said so in the chat."
    assert Attendance.objects.get(session=session, user=world.member).minutes == 35


def test_roll_call_absent_deletes_the_record_and_the_log_outlives_it(world):
    session = past_session(world)
    import_report(world, session, sample("zoom_participants.csv"))
    attendance.attendance_roll_call(
        **_facilitator(world, session), marks=[attendance.Mark(world.member, False)],
        reason="Left their laptop in the meeting; was teaching.",
    )  # fmt: skip
    assert not Attendance.objects.filter(session=session, user=world.member).exists()
    change = AttendanceChange.objects.get(session=session, user=world.member)
    assert change.summary == "Marked absent (was 53 min, live)" and change.attendance is None


def test_roll_call_leaves_unchanged_lines_alone(world):
    session = past_session(world)
    marks = [attendance.Mark(world.member, True, 40), attendance.Mark(world.facilitator, False)]
    attendance.attendance_roll_call(**_facilitator(world, session), marks=marks)
    again = attendance.attendance_roll_call(**_facilitator(world, session), marks=marks)
    assert again == [] and AttendanceChange.objects.count() == 1


def test_roll_call_refuses_minutes_beyond_the_session_and_people_not_in_it(world):
    session = past_session(world)
    with pytest.raises(attendance.AttendanceError, match="from 1 to 60 minutes"):
        attendance.attendance_roll_call(
            **_facilitator(world, session), marks=[attendance.Mark(world.member, True, 75)]
        )
    with pytest.raises(attendance.AttendanceError, match="not a member"):
        attendance.attendance_roll_call(
            **_facilitator(world, session), marks=[attendance.Mark(world.outsider, True)]
        )


def test_roll_call_opens_15_minutes_before_the_start_and_only_for_those_who_run_it(world):
    later = session_at(world, minutes_from_now=120)
    with pytest.raises(attendance.AttendanceError, match="Roll call opens"):
        attendance.attendance_roll_call(
            **_facilitator(world, later), marks=[attendance.Mark(world.member, True)]
        )
    session = past_session(world)
    with pytest.raises(attendance.AttendanceError, match="not allowed"):
        attendance.attendance_roll_call(
            actor=world.member, access=world.access(world.member), session=session, marks=[]
        )


def test_roll_call_people_are_members_registered_people_and_anyone_recorded(world):
    session = session_at(world, minutes_from_now=60 * 24, community=world.private)
    register(world, session, world.member)
    people = list(attendance.roll_call_people(session))
    assert people[0] == world.member  # registered first
    assert set(people) == {world.member, world.facilitator}
    assert list(attendance.roll_call_people(session, query="fran")) == [world.facilitator]


# -- the review screen ------------------------------------------------------------------------


def _row(session, name):
    return ImportedRow.objects.get(source__session=session, name=name)


def test_review_links_a_row_to_a_member_and_logs_it(world):
    session = past_session(world)
    import_report(world, session, sample("zoom_participants.csv"))
    row = _row(session, "Dial-in +1 555 0134")
    dana = add_member(world, "Dana Whitfield", "dana@example.org")
    attendance.imported_row_link(
        **_facilitator(world, session), row=row, user=dana, reason="Dana called in from her car."
    )
    record = Attendance.objects.get(session=session, user=dana)
    assert (record.source, record.minutes) == ("import", 30)
    row.refresh_from_db()
    assert (row.state, row.user) == ("linked", dana)
    change = AttendanceChange.objects.get(user=dana)
    assert change.summary == "Linked “Dial-in +1 555 0134” of the Zoom report: 30 min"
    assert change.reason == "Dana called in from her car."
    with pytest.raises(attendance.AttendanceError, match="already dealt with"):
        attendance.imported_row_link(**_facilitator(world, session), row=row, user=dana)


def test_review_records_a_guest_without_an_email(world):
    session = past_session(world)
    import_report(world, session, sample("zoom_participants.csv"))
    for name in ("Dial-in +1 555 0134", "Fran's iPad"):  # two guests, neither has an email
        attendance.imported_row_guest(**_facilitator(world, session), row=_row(session, name))
    guests = Attendance.objects.filter(session=session, user__isnull=True).order_by("guest_name")
    assert [(g.guest_name, g.guest_email, g.minutes) for g in guests] == [
        ("Dial-in +1 555 0134", "", 30), ("Fran's iPad", "", 1)
    ]  # fmt: skip


def test_review_ignores_a_row_without_touching_attendance(world):
    session = past_session(world)
    import_report(world, session, sample("zoom_participants.csv"))
    before = Attendance.objects.count()
    attendance.imported_row_ignore(**_facilitator(world, session), row=_row(session, "Fran's iPad"))
    assert _row(session, "Fran's iPad").state == "ignored"
    assert Attendance.objects.count() == before


def test_member_for_link_finds_members_only(world):
    session = past_session(world)
    assert attendance.member_for_link(session, email="MEMBER@example.org") == world.member
    with pytest.raises(attendance.AttendanceError, match="No member"):
        attendance.member_for_link(session, email="out@example.org")
    with pytest.raises(attendance.AttendanceError, match="Choose the member"):
        attendance.member_for_link(session)
