"""``staffroom import_attendance`` as a real process on this test run's database.

Its tests commit (``transaction=True``), so this module holds nothing else: the test
runner puts transactional tests after all others, and a module of only those runs
last on its worker, after which the flush of the database harms no one."""

import subprocess
import sys

import pytest

from staffroom.conftest import process_env
from staffroom.meetings.models import Attendance
from staffroom.meetings.tests.factories_attendance import DATA, past_session

pytestmark = pytest.mark.django_db(transaction=True)


def _staffroom(*args) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "staffroom.cli", *args], env=process_env(),
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip


def test_command_runs_as_a_process_and_exits_non_zero_on_a_bad_file(world):
    session = past_session(world)
    done = _staffroom("import_attendance", session.public_id, str(DATA / "zoom_excel_cp1252.csv"))
    assert done.returncode == 0, done.stderr
    assert "matched by email to Mo Member: recorded 48 min" in done.stdout
    assert Attendance.objects.get(session=session, user=world.member).minutes == 48
    refused = _staffroom("import_attendance", session.public_id, str(DATA / "wrong_columns.csv"))
    assert refused.returncode != 0
    assert "Microsoft Teams" in refused.stderr


def test_command_answers_to_its_hyphenated_name(world):
    """``staffroom import-attendance``, as the issue writes it (cli.py maps it)."""
    session = past_session(world)
    done = _staffroom("import-attendance", session.public_id, str(DATA / "meet_attendance.csv"),
                      "--dry-run")  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "Google Meet report" in done.stdout
