"""Attendance pages as people use them: the session page's panel, the reminder's
check-in link, the roll call, the import page with each bad file, the review screen
and the CSV exports."""

import csv
import gzip
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.files.uploadhandler import SkipFile
from django.test import RequestFactory
from django.urls import reverse

from staffroom.meetings import attendance
from staffroom.meetings.models import Attendance, AttendanceChange, AttendanceImport, ImportedRow
from staffroom.meetings.tests.factories_attendance import (
    add_member,
    guest_registration,
    import_report,
    live_session,
    past_series_session,
    past_session,
    sample,
    session_at,
    upload,
)
from staffroom.meetings.views.attendance import ReportSizeLimit


def _url(name, session, *args):
    return reverse(f"meetings:{name}", args=[session.community.slug, session.public_id, *args])


def _messages(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


# -- the session page's panel and a member's actions --------------------------------------------


def test_panel_offers_check_in_during_the_session_and_checks_in(client, world):
    session = live_session(world)
    client.force_login(world.member)
    page = client.get(_url("session_detail", session))
    assert b"I&#x27;m here" in page.content or b"I'm here" in page.content
    response = client.post(_url("attendance_check_in", session), follow=True)
    assert response.redirect_chain[-1][0] == _url("session_detail", session)
    assert "You are checked in. Welcome!" in _messages(response)
    assert b"You checked in." in response.content
    assert Attendance.objects.get(session=session, user=world.member).minutes == 60


def test_check_in_outside_the_window_says_when_it_opens(client, world):
    session = session_at(world, minutes_from_now=60 * 24)
    client.force_login(world.member)
    page = client.get(_url("session_detail", session))
    assert b"Check in here from" in page.content
    response = client.post(_url("attendance_check_in", session), follow=True)
    assert any("Check-in opens 15 minutes before" in m for m in _messages(response))
    assert not Attendance.objects.exists()


def test_panel_after_the_session_offers_phone_and_reflection(client, world):
    session = past_series_session(world, async_counts=True)
    client.force_login(world.member)
    page = client.get(_url("session_detail", session)).content.decode()
    assert "I joined by phone" in page and "Post my reflection" in page
    response = client.post(_url("attendance_phone", session), follow=True)
    assert "A facilitator will confirm that you joined by phone." in _messages(response)[0]
    assert Attendance.objects.get(user=world.member).mode == "phone"


def test_panel_is_hidden_from_visitors_and_shows_counts_to_facilitators(client, world):
    session = past_session(world)
    import_report(world, session, sample("zoom_participants.csv"))
    assert b"attendance-panel" not in client.get(_url("session_detail", session)).content
    client.force_login(world.facilitator)
    page = client.get(_url("session_detail", session)).content.decode()
    assert "2 people attended" in page and "5 report rows to review" in page
    assert _url("attendance_roll_call", session) in page


def test_reflection_page_keeps_a_short_text_and_says_why(client, world):
    session = past_series_session(world, async_counts=True)
    client.force_login(world.member)
    response = client.post(_url("attendance_reflect", session), {"reflection": "Loved it."})
    assert response.status_code == 400
    assert b"Loved it." in response.content and b"you wrote 9" in response.content
    long = "I will bring the regulation menu to my advisory group and ask them to pick one. " * 2
    response = client.post(_url("attendance_reflect", session), {"reflection": long})
    assert response.status_code == 302
    assert Attendance.objects.get(user=world.member).mode == "async"


# -- the reminder's check-in link ------------------------------------------------------------


def test_token_link_never_checks_in_on_get_and_checks_in_on_post(client, world):
    guest = guest_registration(world)
    url = reverse("meetings:attendance_token", args=[guest.token])
    page = client.get(url)
    assert b"Check in as Pat Paraprofessional" in page.content
    assert not Attendance.objects.exists()  # a mail scanner opening the link does nothing
    response = client.post(url, follow=True)
    assert "You are checked in. Welcome!" in _messages(response)
    assert b"you are checked in" in response.content
    assert Attendance.objects.get().guest_email == "pat.para@example.org"


def test_token_link_before_the_window_says_when_to_come_back(client, world):
    guest = guest_registration(world, minutes_from_now=90)
    url = reverse("meetings:attendance_token", args=[guest.token])
    assert b"Check-in opens at" in client.get(url).content
    response = client.post(url, follow=True)
    assert any("Check-in opens 15 minutes before" in m for m in _messages(response))


# -- the roll call --------------------------------------------------------------------------------


def _roll_call_post(world, session, marks: dict, reason=""):
    data = {"person": [], "reason": reason}
    for user, (present, minutes) in marks.items():
        data["person"].append(user.public_id)
        if present:
            data[f"present-{user.public_id}"] = "on"
        data[f"minutes-{user.public_id}"] = "" if minutes is None else str(minutes)
    return data


def test_roll_call_lists_members_and_saves_present_absent_and_minutes(client, world):
    session = past_session(world)
    client.force_login(world.facilitator)
    page = client.get(_url("attendance_roll_call", session))
    assert b"Mo Member" in page.content and b"Fran Facilitator" in page.content
    data = _roll_call_post(
        world, session, {world.member: (True, 45), world.facilitator: (True, None)}
    )
    response = client.post(_url("attendance_roll_call", session), data, follow=True)
    assert "Roll call saved: 2 changes." in _messages(response)
    assert {a.user: a.minutes for a in Attendance.objects.all()} == {
        world.member: 45,
        world.facilitator: 60,
    }
    data = _roll_call_post(world, session, {world.member: (False, 45)}, reason="Was on bus duty.")
    client.post(_url("attendance_roll_call", session), data)
    assert not Attendance.objects.filter(user=world.member).exists()
    changes = client.get(_url("attendance_changes", session)).content.decode()
    assert "Marked absent (was 45 min, live)" in changes and "Was on bus duty." in changes
    assert "Fran Facilitator" in changes


def test_roll_call_correction_without_a_reason_comes_back_with_the_input(client, world):
    session = past_session(world)
    import_report(world, session, sample("zoom_participants.csv"))
    client.force_login(world.facilitator)
    data = _roll_call_post(world, session, {world.member: (True, 17)})
    response = client.post(_url("attendance_roll_call", session), data)
    assert response.status_code == 400
    assert b"Say why you are correcting" in response.content
    assert b'value="17"' in response.content  # the facilitator's input is still there
    assert Attendance.objects.get(user=world.member).minutes == 53


def test_roll_call_refuses_minutes_beyond_the_session_beside_the_field(client, world):
    session = past_session(world)
    client.force_login(world.facilitator)
    data = _roll_call_post(world, session, {world.member: (True, 75)})
    response = client.post(_url("attendance_roll_call", session), data)
    assert response.status_code == 400
    assert b"less than or equal to 60" in response.content and b'value="75"' in response.content


def test_roll_call_confirms_a_phone_report(client, world):
    session = past_session(world)
    attendance.attendance_report_phone(
        actor=world.member, access=world.access(world.member), session=session
    )
    client.force_login(world.facilitator)
    page = client.get(_url("attendance_roll_call", session))
    assert b"Confirm Mo Member" in page.content
    response = client.post(_url("attendance_confirm", session, world.member.public_id), follow=True)
    assert "Confirmed: Mo Member joined by phone." in _messages(response)
    assert Attendance.objects.get(user=world.member).confirmed


def test_roll_call_page_weighs_under_14_kb_gzipped_with_a_full_page(client, world):
    session = past_session(world)
    for n in range(25):
        add_member(world, f"Teacher Number {n:02d}", f"teacher{n}@example.org")
    client.force_login(world.facilitator)
    html = client.get(_url("attendance_roll_call", session)).content
    assert len(gzip.compress(html)) <= 14 * 1024


# -- importing a report ------------------------------------------------------------------------


def _import(client, session, file):
    return client.post(_url("attendance_import", session), {"file": file})


def test_import_page_imports_a_report_and_shows_each_persons_outcome(client, world):
    session = past_session(world)
    client.force_login(world.facilitator)
    response = _import(client, session, upload("zoom_participants.csv"))
    source = AttendanceImport.objects.get()
    assert response.status_code == 302
    assert response["Location"] == _url("attendance_import_detail", session, source.public_id)
    detail = client.get(response["Location"])
    assert "Imported the Zoom report: 2 recorded" in _messages(detail)[0]
    assert b"Dial-in +1 555 0134" in detail.content and b"Needs review" in detail.content


def test_import_page_refuses_wrong_columns_naming_those_expected(client, world):
    session = past_session(world)
    client.force_login(world.facilitator)
    response = _import(client, session, upload("wrong_columns.csv"))
    assert response.status_code == 400
    page = response.content.decode()
    assert "“Name (Original Name)”" in page and "“First name”" in page and "“Full Name”" in page


def test_import_page_refuses_an_empty_file_and_no_file(client, world):
    session = past_session(world)
    client.force_login(world.facilitator)
    response = _import(client, session, upload("empty.csv"))
    assert response.status_code == 400 and b"The file is empty." in response.content
    response = client.post(_url("attendance_import", session), {})
    assert response.status_code == 400 and b"Choose the report file." in response.content


def test_import_page_refuses_a_50_mb_file_without_storing_it(client, world, monkeypatch):
    from django.core.files import uploadhandler

    stored = []
    for handler in (
        uploadhandler.MemoryFileUploadHandler,
        uploadhandler.TemporaryFileUploadHandler,
    ):
        original = handler.receive_data_chunk
        monkeypatch.setattr(handler, "receive_data_chunk",
                            lambda self, data, start, original=original: stored.append(len(data))
                            or original(self, data, start))  # fmt: skip
    session = past_session(world)
    client.force_login(world.facilitator)
    big = SimpleUploadedFile("huge.csv", b"a" * (50 * 1024 * 1024), "text/csv")
    response = _import(client, session, big)
    assert response.status_code == 400
    assert b"larger than 10 MB" in response.content
    assert sum(stored) == 0  # nothing of it was kept in memory or on disk
    assert not AttendanceImport.objects.exists()


def test_report_size_limit_stops_an_upload_that_grows_past_the_limit():
    request = RequestFactory().post("/")
    handler = ReportSizeLimit(request)
    handler.handle_raw_input(None, {}, 1000, b"boundary")  # a length that lied
    handler.new_file("file", "report.csv", "text/csv", None)
    assert handler.receive_data_chunk(b"x" * 64, 0) == b"x" * 64
    with pytest.raises(SkipFile):
        handler.receive_data_chunk(b"x" * 1024, 10 * 1024 * 1024)
    assert request.attendance_report_too_large


def test_import_page_with_bad_rows_offers_the_good_rows_or_fixing_the_file(client, world):
    session = past_session(world)
    client.force_login(world.facilitator)
    response = _import(client, session, upload("zoom_bad_times.csv"))
    assert response.status_code == 400
    page = response.content.decode()
    assert "Row 3: The join time “soon” is not a date and time." in page
    assert "Row 5: The leave time" in page
    assert "Import the 2 rows that can be read" in page and "fix the file" in page
    assert not Attendance.objects.exists()
    response = client.post(_url("attendance_import_good_rows", session), follow=True)
    assert "Imported the Zoom report: 1 recorded" in _messages(response)[0]
    assert Attendance.objects.get().user == world.facilitator


def test_import_page_fixing_the_file_instead_imports_the_fixed_one(client, world):
    session = past_session(world)
    client.force_login(world.facilitator)
    _import(client, session, upload("zoom_bad_times.csv"))
    fixed = sample("zoom_bad_times.csv").replace(b"soon", b"01/14/2025 04:02:00 PM").replace(
        b"14/01/2025 25:99", b"01/14/2025 04:58:00 PM"
    )  # fmt: skip
    response = _import(client, session, upload("zoom_fixed.csv", fixed))
    assert response.status_code == 302
    assert Attendance.objects.count() == 2  # Fran and Mo; José and Pat are not members


def test_import_page_good_rows_without_a_pending_report_asks_for_the_file(client, world):
    session = past_session(world)
    client.force_login(world.facilitator)
    response = client.post(_url("attendance_import_good_rows", session), follow=True)
    assert "Upload the report again" in _messages(response)[0]


def test_import_page_says_when_a_file_was_already_imported(client, world):
    session = past_session(world)
    client.force_login(world.facilitator)
    _import(client, session, upload("zoom_participants.csv"))
    before = list(Attendance.objects.values_list("pk", "minutes"))
    response = _import(client, session, upload("zoom_participants.csv"))
    assert response.status_code == 400
    assert b"This file was already imported on" in response.content
    assert list(Attendance.objects.values_list("pk", "minutes")) == before


def test_import_page_reads_teams_utf16_and_meet_files(client, world):
    client.force_login(world.facilitator)
    for name in ("teams_attendance.csv", "meet_attendance.csv"):
        session = past_session(world)
        assert _import(client, session, upload(name)).status_code == 302
        assert Attendance.objects.get(session=session, user=world.member).minutes == 51


# -- the review screen -------------------------------------------------------------------------


def test_review_screen_lists_unmatched_rows_with_suggestions(client, world):
    dana = add_member(world, "Dana Dial", "dana@example.org")
    session = past_session(world)
    import_report(world, session, sample("zoom_participants.csv"))
    client.force_login(world.facilitator)
    page = client.get(_url("attendance_review", session)).content.decode()
    assert "Dial-in +1 555 0134" in page and "Pat Paraprofessional" in page
    assert f'value="{dana.public_id}">Dana Dial' in page  # shares "dial" with the row


def test_review_screen_links_records_a_guest_and_ignores(client, world):
    add_member(world, "José Núñez", "jose.nunez@example.org")
    add_member(world, "María García López", "maria.gl@example.org")
    session = past_session(world)
    import_report(world, session, sample("zoom_participants.csv"))
    rows = {row.name: row for row in ImportedRow.objects.filter(state="unmatched")}
    dana = add_member(world, "Dana Whitfield", "dana@example.org")
    client.force_login(world.facilitator)

    def resolve(name, **data):
        return client.post(_url("attendance_review_resolve", session, rows[name].public_id), data,
                           follow=True)  # fmt: skip

    response = resolve("Dial-in +1 555 0134", action="link", member_email="dana@example.org",
                       reason="Dana dialled in.")  # fmt: skip
    assert "Linked “Dial-in +1 555 0134” to Dana Whitfield." in _messages(response)
    assert Attendance.objects.get(user=dana).minutes == 30
    response = resolve("Pat Paraprofessional", action="guest")
    assert "Recorded “Pat Paraprofessional” as a guest." in _messages(response)
    assert Attendance.objects.get(guest_email="pat.para@example.org").minutes == 55
    response = resolve("Fran's iPad", action="ignore")
    assert "Ignored “Fran's iPad”." in _messages(response)
    assert b"Nothing to review" in response.content
    assert AttendanceChange.objects.filter(session=session).count() == 2


def test_review_screen_refuses_an_email_of_no_member(client, world):
    session = past_session(world)
    import_report(world, session, sample("zoom_participants.csv"))
    row = ImportedRow.objects.filter(state="unmatched").first()
    client.force_login(world.facilitator)
    response = client.post(
        _url("attendance_review_resolve", session, row.public_id),
        {"action": "link", "member_email": "nobody@example.org"}, follow=True,
    )  # fmt: skip
    assert "No member of this community has that email." in _messages(response)
    row.refresh_from_db()
    assert row.state == "unmatched"


# -- CSV exports ----------------------------------------------------------------------------------


def _csv_rows(response) -> list[list[str]]:
    body = b"".join(response.streaming_content)
    assert body.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs to read UTF-8
    return list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))


def test_session_export_is_a_csv_with_bom_and_a_sensible_name(client, world):
    add_member(world, "José Núñez", "jose.nunez@example.org")
    session = past_session(world, title="Reading conferences: what to say")
    import_report(world, session, sample("zoom_participants.csv"))
    attendance.attendance_report_phone(
        actor=world.member, access=world.access(world.member), session=past_session(world)
    )
    client.force_login(world.facilitator)
    response = client.get(_url("attendance_export", session))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    day = session.starts_at.astimezone(session.starts_at.tzinfo).date()
    assert response["Content-Disposition"].startswith(
        'attachment; filename="attendance-open-science-'
    )
    assert response["Content-Disposition"].endswith('-reading-conferences-what-to-say.csv"')
    assert str(day.year) in response["Content-Disposition"]
    rows = _csv_rows(response)
    assert rows[0] == ["Name", "Email", "Mode", "Source", "Minutes", "Confirmed"]
    assert ["José Núñez", "jose.nunez@example.org", "Live", "Imported report", "40", "yes"] in rows
    assert len(rows) == 4  # the header, Fran, Mo and José; not the other session's report


def test_series_export_lists_each_session_and_neutralises_formulas(client, world):
    session = past_series_session(world, async_counts=True)
    sneaky = add_member(world, "=HYPERLINK(1)", "sneaky@example.org")
    attendance.attendance_roll_call(
        actor=world.facilitator, access=world.access(world.facilitator), session=session,
        marks=[attendance.Mark(sneaky, True, 30)],
    )  # fmt: skip
    client.force_login(world.facilitator)
    response = client.get(
        reverse(
            "meetings:attendance_series_export", args=["open-science", session.series.public_id]
        )
    )
    rows = _csv_rows(response)
    assert rows[0][:3] == ["Date", "Session", "Name"]
    assert rows[1][2:] == ["'=HYPERLINK(1)", "sneaky@example.org", "Live", "Roll call", "30", "yes"]
    assert (
        'filename="attendance-open-science-trauma-informed-classrooms-echo.csv"'
        in (response["Content-Disposition"])
    )
