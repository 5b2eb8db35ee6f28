"""``staffroom import_attendance SESSION FILE [--dry-run] [--good-rows]``: each row's
outcome printed, a non-zero exit on a file it cannot use, through ``call_command``
and as a real process."""

import io
import os
import subprocess
import sys

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

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


def _process_env() -> dict:
    """This test run's database, for a separate ``staffroom`` process."""
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    database = connection.settings_dict
    if connection.vendor == "sqlite":
        env["DATABASE_URL"] = f"sqlite:///{database['NAME']}"
    else:
        env["DATABASE_URL"] = (
            f"postgres://{database['USER']}@{database['HOST']}:{database['PORT']}/{database['NAME']}"
        )
    return env


def _staffroom(*args) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "staffroom.cli", *args], env=_process_env(),
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip


@pytest.mark.django_db(transaction=True)
def test_command_runs_as_a_process_and_exits_non_zero_on_a_bad_file(world):
    session = past_session(world)
    done = _staffroom("import_attendance", session.public_id, str(DATA / "zoom_excel_cp1252.csv"))
    assert done.returncode == 0, done.stderr
    assert "matched by email to Mo Member: recorded 48 min" in done.stdout
    assert Attendance.objects.get(session=session, user=world.member).minutes == 48
    refused = _staffroom("import_attendance", session.public_id, str(DATA / "wrong_columns.csv"))
    assert refused.returncode != 0
    assert "Microsoft Teams" in refused.stderr


@pytest.mark.django_db(transaction=True)
def test_command_answers_to_its_hyphenated_name(world):
    """``staffroom import-attendance``, as the issue writes it (cli.py maps it)."""
    session = past_session(world)
    done = _staffroom("import-attendance", session.public_id, str(DATA / "meet_attendance.csv"),
                      "--dry-run")  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "Google Meet report" in done.stdout
