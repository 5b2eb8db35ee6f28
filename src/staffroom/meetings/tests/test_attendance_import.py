"""Reading Zoom, Meet and Teams attendance reports, matching their people to members,
and merging them into attendance. The reports are real CSV files in ``data/``, in each
platform's layout and encoding."""

import datetime as dt

import pytest
from allauth.account.models import EmailAddress

from staffroom.meetings import attendance_import as ai
from staffroom.meetings.models import Attendance, AttendanceImport, ImportedRow
from staffroom.meetings.tests.factories_attendance import (
    add_member,
    cancelled,
    import_report,
    live_session,
    past_session,
    sample,
    zoom_csv,
)

# -- reading ------------------------------------------------------------------------------


def _people(name: str) -> dict[str, float]:
    report = ai.report_read(sample(name), name)
    return {person.name: person.seconds / 60 for person in report.people()}


def test_report_read_detects_zoom_under_its_meeting_summary():
    report = ai.report_read(sample("zoom_participants.csv"), "zoom_participants.csv")
    assert report.platform == "zoom"
    assert not report.problems
    assert len(report.rows) == 8
    # Row numbers are the spreadsheet's: the header is row 4.
    assert [row.number for row in report.rows][:2] == [5, 6]


def test_report_read_merges_one_persons_overlapping_rows_counting_the_overlap_once():
    # Mo Member: 4:02 to 4:31 and 4:29 to 4:55, two minutes a plain sum counts twice.
    assert _people("zoom_participants.csv")["Mo Member"] == 53


def test_report_read_detects_google_meet_and_its_durations():
    people = _people("meet_attendance.csv")
    assert people == {
        "Fran Facilitator": 66, "Mo Member": 51, "José Núñez": 40,
        "María García López": 45, "+1 555-0134": 30,
    }  # fmt: skip


def test_report_read_detects_teams_in_utf16_with_tabs_and_uses_its_in_meeting_duration():
    raw = sample("teams_attendance.csv")
    assert raw.startswith(b"\xff\xfe")  # as Teams writes it
    report = ai.report_read(raw, "teams_attendance.csv")
    assert report.platform == "teams"
    people = {person.name: person for person in report.people()}
    # The participants table, not also the activities below it (that would count twice).
    assert set(people) == {"Fran Facilitator", "Member, Mo", "Jose Nunez (External)", "+15550134"}
    assert people["Member, Mo"].seconds == 51 * 60  # in the meeting, gaps left out
    assert people["Fran Facilitator"].seconds == 66 * 60 + 20


def test_report_read_reads_the_older_teams_list_with_day_first_dates():
    people = _people("teams_attendance_legacy.csv")
    assert people["Mo Member"] == 53  # two overlapping joins, merged
    assert people["NÚÑEZ José"] == 40


def test_report_read_handles_a_utf8_bom():
    raw = sample("zoom_bom.csv")
    assert raw.startswith(b"\xef\xbb\xbf")
    report = ai.report_read(raw, "zoom_bom.csv")
    assert report.platform == "zoom" and report.rows[0].name == "Mo Member"


def test_report_read_handles_a_file_resaved_by_excel_in_windows_1252():
    raw = sample("zoom_excel_cp1252.csv")
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    people = _people("zoom_excel_cp1252.csv")
    assert people["José Núñez"] == 40  # accents intact, Excel's "1/14/2025 16:10" read
    assert people["Zoë Ångström"] == 20


def test_report_read_handles_semicolons_as_european_excel_writes_them():
    raw = sample("zoom_bom.csv").decode("utf-8-sig").replace(",", ";").encode("utf-8-sig")
    report = ai.report_read(raw, "zoom.csv")
    assert report.platform == "zoom" and len(report.rows) == 2


def test_report_read_handles_utf16_without_a_bom():
    raw = sample("teams_attendance.csv").decode("utf-16").encode("utf-16-le")
    assert ai.report_read(raw, "teams.csv").platform == "teams"


def test_report_read_refuses_wrong_columns_naming_the_columns_each_platform_needs():
    with pytest.raises(ai.ReportError) as refused:
        ai.report_read(sample("wrong_columns.csv"), "wrong_columns.csv")
    message = refused.value.message
    for expected in ("Zoom", "“Name (Original Name)”", "“Duration (Minutes)”", "Google Meet",
                     "“First name”", "Microsoft Teams", "“Full Name”", "“Join Time”"):  # fmt: skip
        assert expected in message
    assert "Timestamp,Email Address" in message  # what the file has instead


def test_report_read_refuses_an_empty_file():
    with pytest.raises(ai.ReportError, match=r"The file is empty\."):
        ai.report_read(sample("empty.csv"), "empty.csv")
    with pytest.raises(ai.ReportError, match=r"The file is empty\."):
        ai.report_read(b"\xef\xbb\xbf\r\n\r\n", "blank.csv")


def test_report_read_refuses_a_header_without_participants():
    header_only = sample("zoom_bom.csv").split(b"\r\n")[0] + b"\r\n"
    with pytest.raises(ai.ReportError, match="no participants"):
        ai.report_read(header_only, "zoom.csv")


def test_report_read_refuses_an_excel_workbook():
    with pytest.raises(ai.ReportError, match="Excel workbook"):
        ai.report_read(b"PK\x03\x04" + b"\x00" * 100, "report.xlsx")


def test_report_read_path_refuses_a_50_mb_file_without_reading_it(tmp_path, monkeypatch):
    big = tmp_path / "huge.csv"
    with big.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: 50 MB that cost nothing to make
    opened = []
    monkeypatch.setattr(type(big), "open", lambda *a, **k: opened.append(a) or None)
    with pytest.raises(ai.ReportError, match="larger than 10 MB"):
        ai.report_read_path(big)
    assert not opened


def test_report_read_upload_refuses_over_10_mb_before_reading():
    class Upload:
        name, size = "big.csv", 50 * 1024 * 1024

        def read(self, *args):
            raise AssertionError("read a file it should have refused")

    with pytest.raises(ai.ReportError, match="larger than 10 MB"):
        ai.report_read_upload(Upload())


def test_report_read_reports_rows_whose_times_do_not_parse_by_row_number():
    report = ai.report_read(sample("zoom_bad_times.csv"), "zoom_bad_times.csv")
    assert [(p.row, p.message) for p in report.problems] == [
        (3, "The join time “soon” is not a date and time."),
        (5, "The leave time “14/01/2025 25:99” is not a date and time."),
    ]
    assert [row.number for row in report.rows] == [2, 4]  # the others stay usable


def test_report_read_refuses_a_leave_before_the_join():
    report = ai.report_read(zoom_csv([
        ("Mo Member", "member@example.org", "01/14/2025 04:55:00 PM", "01/14/2025 04:02:00 PM"),
        ("Fran Facilitator", "fac@example.org", "01/14/2025 04:00:00 PM", "01/14/2025 05:00:00 PM"),
    ]), "zoom.csv")  # fmt: skip
    assert [(p.row, p.message) for p in report.problems] == [
        (2, "The leave time is before the join time.")
    ]


@pytest.mark.parametrize(
    ("text", "seconds"),
    [("62", 62 * 60), ("1h 2m 3s", 3723), ("51m", 3060), ("30m 0s", 1800), ("1 hr 6 min", 3960),
     ("45 sec", 45), ("1:02:03", 3723), ("0:29:00", 1740), ("", None), ("soon", None),
     ("12 parsecs", None)],
)  # fmt: skip
def test_read_duration_reads_each_platforms_way_of_writing_it(text, seconds):
    assert ai.read_duration(text) == seconds


def test_time_reader_reads_each_platforms_times():
    reader = ai.TimeReader()
    expected = dt.datetime(2025, 1, 14, 16, 2)
    for text in (
        "01/14/2025 04:02:00 PM", "1/14/2025 16:02", "1/14/25, 4:02:00 PM",
        "2025-01-14 16:02:00", "01/14/2025 04:02:00 p.m.", "1/14/2025 4:02 PM CST",
    ):  # fmt: skip
        assert reader.read(text) == expected, text
    assert ai.choose_time_reader(["15/11/22, 09:30:47"]).read("03/11/22, 09:30:47") == (
        dt.datetime(2022, 11, 3, 9, 30, 47)
    )


@pytest.mark.parametrize(
    ("one", "other"),
    [("García López, María", "María García López"), ("MARÍA  GARCÍA LÓPEZ", "Maria Garcia Lopez"),
     ("  josé   núñez ", "Jose Nunez")],
)  # fmt: skip
def test_name_key_ignores_accents_case_spaces_and_last_first_order(one, other):
    assert ai.name_key(one) == ai.name_key(other)


def test_report_survives_the_session_store_round_trip():
    report = ai.report_read(sample("zoom_bad_times.csv"), "zoom_bad_times.csv")
    again = ai.Report.from_json(report.to_json())
    assert again.rows == report.rows and again.problems == report.problems
    assert again.sha256 == report.sha256


# -- matching and merging ---------------------------------------------------------------------


@pytest.fixture
def cast(world):
    """Members of the public community as the sample reports name them."""
    return {
        "jose": add_member(world, "José Núñez", "jose.nunez@example.org"),
        "maria": add_member(world, "María García López", "maria.gl@example.org"),
    }


def _records(session) -> dict[str, tuple]:
    return {
        record.name: (record.mode, record.source, record.minutes)
        for record in Attendance.objects.filter(session=session).select_related("user")
    }


def test_import_matches_by_email_then_by_name_and_queues_the_rest_for_review(world, cast):
    session = past_session(world)
    result = import_report(world, session, sample("zoom_participants.csv"), "zoom.csv")
    by_name = {o.person.name: o for o in result.outcomes}
    assert by_name["Mo Member"].how == "email"
    assert by_name["Jose (José Núñez)"].how == "name"  # Zoom's "current (original)"
    assert by_name["García López, María"].how == "name"  # "Last, First", no email
    assert _records(session) == {
        "Fran Facilitator": ("live", "import", 60),  # 66 min, capped at the session's 60
        "Mo Member": ("live", "import", 53),
        "José Núñez": ("live", "import", 40),
        "María García López": ("live", "import", 45),
    }
    review = ImportedRow.objects.filter(state="unmatched").values_list("name", flat=True)
    assert sorted(review) == ["Dial-in +1 555 0134", "Fran's iPad", "Pat Paraprofessional"]
    assert result.source.platform == "zoom" and result.source.uploaded_by == world.facilitator


def test_import_matches_a_members_other_verified_email(world):
    dana = add_member(world, "Dana Whitfield", "dana@home.example")
    EmailAddress.objects.create(user=dana, email="dwhitfield@district.example", verified=True)
    session = past_session(world)
    csv = zoom_csv([("D. W.", "dwhitfield@district.example", "01/14/2025 04:00:00 PM",
                     "01/14/2025 04:30:00 PM")])  # fmt: skip
    import_report(world, session, csv)
    assert _records(session) == {"Dana Whitfield": ("live", "import", 30)}


def test_import_matches_teams_surname_first_names_without_a_comma(world, cast):
    session = past_session(world)
    import_report(world, session, sample("teams_attendance_legacy.csv"), "teams.csv")
    assert _records(session)["José Núñez"] == ("live", "import", 40)


def test_import_sends_an_ambiguous_name_to_review(world):
    add_member(world, "Sam Rivera", "sam.r@example.org")
    add_member(world, "Sam Rivera", "sam.rivera@other.example")
    session = past_session(world)
    import_report(world, session, zoom_csv([("Sam Rivera", "", "01/14/2025 04:00:00 PM",
                                             "01/14/2025 04:30:00 PM")]))  # fmt: skip
    assert not Attendance.objects.filter(session=session).exists()
    assert ImportedRow.objects.get().state == "unmatched"


def test_import_does_not_match_people_outside_the_community(world):
    session = past_session(world, world.private)
    import_report(world, session, zoom_csv([("Otto Outsider", "out@example.org",
                  "01/14/2025 04:00:00 PM", "01/14/2025 04:30:00 PM")]))  # fmt: skip
    assert not Attendance.objects.filter(session=session).exists()


def test_import_replaces_a_check_in_with_the_reports_minutes(world):
    session = live_session(world)
    from staffroom.meetings import attendance

    attendance.attendance_check_in(
        actor=world.member, access=world.access(world.member), session=session
    )
    assert _records(session)["Mo Member"] == ("live", "check_in", 60)
    import_report(world, session, sample("zoom_participants.csv"))
    assert _records(session)["Mo Member"] == ("live", "import", 53)
    assert Attendance.objects.filter(session=session, user=world.member).count() == 1


def test_import_keeps_what_the_facilitator_set_at_roll_call(world):
    from staffroom.meetings import attendance

    session = past_session(world)
    attendance.attendance_roll_call(
        actor=world.facilitator, access=world.access(world.facilitator), session=session,
        marks=[attendance.Mark(world.member, True, 20)],
    )  # fmt: skip
    result = import_report(world, session, sample("zoom_participants.csv"))
    assert _records(session)["Mo Member"] == ("live", "roll_call", 20)
    kept = next(o for o in result.outcomes if o.person.name == "Mo Member")
    assert kept.action == ai.Action.KEEP and "kept the facilitator's record" in kept.message


def test_import_of_a_second_report_keeps_the_larger_minutes_never_the_sum(world):
    session = past_session(world)
    first = zoom_csv([("Mo Member", "member@example.org", "01/14/2025 04:00:00 PM",
                       "01/14/2025 04:20:00 PM")])  # fmt: skip
    second = zoom_csv([("Mo Member", "member@example.org", "01/14/2025 04:00:00 PM",
                        "01/14/2025 04:35:00 PM")])  # fmt: skip
    import_report(world, session, first, "part-1.csv")
    import_report(world, session, second, "part-2.csv")
    import_report(world, session, sample("meet_attendance.csv"), "meet.csv")  # 51 min
    assert _records(session)["Mo Member"] == ("live", "import", 51)


def test_import_matches_a_registered_guest_by_email(world):
    from staffroom.meetings.tests.factories_attendance import guest_registration

    guest = guest_registration(world, minutes_from_now=-90)
    import_report(world, guest.session, sample("zoom_participants.csv"))
    record = Attendance.objects.get(session=guest.session, user__isnull=True)
    assert (record.guest_name, record.minutes, record.registration) == (
        "Pat Paraprofessional",
        55,
        guest,
    )
    assert ImportedRow.objects.get(email="pat.para@example.org").state == "guest"


def test_import_of_the_same_file_again_changes_nothing(world, cast):
    session = past_session(world)
    import_report(world, session, sample("zoom_participants.csv"), "zoom.csv")
    before = _records(session), ImportedRow.objects.count()
    with pytest.raises(ai.ReportError, match="already imported on"):
        import_report(world, session, sample("zoom_participants.csv"), "renamed.csv")
    assert (_records(session), ImportedRow.objects.count()) == before
    assert AttendanceImport.objects.count() == 1


def test_import_refuses_bad_rows_unless_told_to_import_the_good_ones(world):
    session = past_session(world)
    with pytest.raises(ai.RowProblems, match="2 rows cannot be read"):
        import_report(world, session, sample("zoom_bad_times.csv"))
    assert not Attendance.objects.filter(session=session).exists()
    result = import_report(world, session, sample("zoom_bad_times.csv"), good_rows=True)
    assert _records(session) == {"Fran Facilitator": ("live", "import", 60)}
    assert len(result.problems) == 2


def test_import_dry_run_plans_and_writes_nothing(world):
    session = past_session(world)
    result = import_report(world, session, sample("zoom_participants.csv"), dry_run=True)
    assert result.dry_run and result.count(ai.Action.CREATE) == 2
    assert not Attendance.objects.exists() and not AttendanceImport.objects.exists()


def test_import_refuses_a_session_to_come_or_cancelled(world):
    from staffroom.meetings.tests.factories import make_session

    with pytest.raises(ai.ReportError, match="has not taken place"):
        import_report(world, make_session(world), sample("zoom_participants.csv"))
    with pytest.raises(ai.ReportError, match="cancelled"):
        import_report(world, cancelled(world, make_session(world)), sample("zoom_participants.csv"))


def test_import_refuses_someone_who_does_not_run_the_community(world):
    session = past_session(world)
    report = ai.report_read(sample("zoom_participants.csv"), "zoom.csv")
    with pytest.raises(ai.ReportError, match="not allowed"):
        ai.attendance_import(
            actor=world.member, access=world.access(world.member), session=session, report=report
        )
