"""``staffroom import_attendance SESSION FILE [--dry-run] [--good-rows]``: each row's
outcome printed, a non-zero exit on a file it cannot use (as a real process: see
test_attendance_process.py)."""

import io

import pytest
from django.core.management import CommandError, call_command

from staffroom.meetings.models import Attendance, AttendanceImport
from staffroom.meetings.tests.factories_attendance import DATA, add_member, past_session


def _run(*args) -> str:
    out = io.StringIO()
    call_command("import_attendance", *args, stdout=out)
    return out.getvalue()


def test_command_imports_and_prints_each_persons_outcome(world):
    add_member(world, "José Núñez", "jose.nunez@example.org")
    session = past_session(world)
    output = _run(session.public_id, str(DATA / "zoom_participants.csv"))
    assert "Zoom report zoom_participants.csv: 8 rows read, 0 cannot be read." in output
    assert (
        "rows 6, 9: Mo Member <member@example.org>: matched by email to Mo Member: recorded 53 min"
        in output
    )
    assert (
        "row 7: Jose (José Núñez) <jnunez@district.example>: matched by name to José Núñez"
        in output
    )
    assert "row 10: Dial-in +1 555 0134: no member matched: waiting for review (30 min)" in output
    assert (
        "Imported: 3 recorded, 0 updated, 0 unchanged, 0 kept as set at roll call, 4 to review."
        in output
    )
    assert Attendance.objects.filter(session=session).count() == 3
    assert AttendanceImport.objects.get().uploaded_by is None


def test_command_dry_run_saves_nothing(world):
    session = past_session(world)
    output = _run(session.public_id, str(DATA / "teams_attendance.csv"), "--dry-run")
    assert "Microsoft Teams report" in output and "Dry run, nothing was saved" in output
    assert not Attendance.objects.exists() and not AttendanceImport.objects.exists()


@pytest.mark.parametrize(
    ("name", "message"),
    [("wrong_columns.csv", r"“Name \(Original Name\)”"), ("empty.csv", "The file is empty."),
     ("no_such_file.csv", "There is no file")],
)  # fmt: skip
def test_command_exits_non_zero_on_an_unusable_file(world, name, message):
    session = past_session(world)
    with pytest.raises(CommandError, match=message):
        _run(session.public_id, str(DATA / name))
    assert not AttendanceImport.objects.exists()


def test_command_refuses_a_50_mb_file(world, tmp_path):
    big = tmp_path / "huge.csv"
    with big.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    with pytest.raises(CommandError, match="larger than 10 MB"):
        _run(past_session(world).public_id, str(big))


def test_command_refuses_an_unknown_session(world):
    with pytest.raises(CommandError, match="There is no session nope"):
        _run("nope", str(DATA / "zoom_participants.csv"))


def test_command_with_bad_rows_imports_nothing_unless_told_to_import_the_good_ones(world):
    session = past_session(world)
    out = io.StringIO()
    with pytest.raises(CommandError, match="--good-rows"):
        call_command("import_attendance", session.public_id, str(DATA / "zoom_bad_times.csv"),
                     stdout=out)  # fmt: skip
    assert "row 3: cannot be read: The join time “soon” is not a date and time." in out.getvalue()
    assert not Attendance.objects.exists()
    output = _run(session.public_id, str(DATA / "zoom_bad_times.csv"), "--good-rows")
    assert "Imported: 1 recorded" in output


def test_command_twice_on_the_same_file_changes_nothing(world):
    session = past_session(world)
    _run(session.public_id, str(DATA / "meet_attendance.csv"))
    with pytest.raises(CommandError, match="already imported on"):
        _run(session.public_id, str(DATA / "meet_attendance.csv"))
    assert AttendanceImport.objects.count() == 1
