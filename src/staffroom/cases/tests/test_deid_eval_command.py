"""``staffroom deid-eval [FILE] [--json] [--errors]``, through call_command and once as
a real process (it touches no database)."""

import io
import json
import subprocess
import sys

import pytest
from django.core.management import CommandError, call_command

from staffroom.cases.deid import CATEGORIES


def _run(*args) -> str:
    out = io.StringIO()
    call_command("deid_eval", *args, stdout=out)
    return out.getvalue()


def _write(tmp_path, *lines) -> str:
    path = tmp_path / "set.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(path)


def test_command_prints_a_table_for_the_builtin_set():
    output = _run()
    assert output.startswith("Built-in test set: ")
    for category in CATEGORIES:
        assert f"\n{category} " in output


def test_command_prints_json_exactly_as_specified():
    scores = json.loads(_run("--json"))
    assert list(scores) == list(CATEGORIES)
    for values in scores.values():
        assert set(values) == {"recall", "precision", "labelled", "flagged"}


def test_command_evaluates_a_file_and_lists_errors(tmp_path):
    path = _write(
        tmp_path,
        json.dumps({"text": "Call 555-201-3344.", "spans": [
            {"start": 5, "end": 17, "category": "phone"}]}),
        json.dumps({"text": "Grade 3 meets in Room 12.", "spans": [
            {"start": 0, "end": 7, "category": "name"}]}),
    )  # fmt: skip
    scores = json.loads(_run(path, "--json"))
    assert scores["phone"] == {"recall": 1.0, "precision": 1.0, "labelled": 1, "flagged": 1}
    assert scores["name"] == {"recall": 0.0, "precision": None, "labelled": 1, "flagged": 0}
    table = _run(path, "--errors")
    assert f"{path}: 2 texts" in table
    assert "line 2: missed name “Grade 3”: Grade 3 meets in Room 12." in table


@pytest.mark.parametrize(
    ("lines", "message"),
    [
        (['{"text": "a", "spans": []}', "{oops"], "Line 2: not valid JSON"),
        (['{"text": "abc", "spans": [{"start": 1, "end": 4, "category": "name"}]}'],
         "Line 1: the span 1–4 is outside the text"),
        (['{"text": "abc", "spans": [{"start": 0, "end": 1, "category": "town"}]}'],
         "Line 1: unknown category “town”"),
    ],
)  # fmt: skip
def test_command_refuses_a_bad_file_naming_the_line(tmp_path, lines, message):
    with pytest.raises(CommandError, match=message):
        _run(_write(tmp_path, *lines))


def test_command_help_describes_the_file_argument(capsys):
    with pytest.raises(SystemExit) as exit_:
        call_command("deid_eval", "--help")
    assert exit_.value.code == 0
    assert "a JSON Lines file of labelled texts" in capsys.readouterr().out


def test_command_refuses_a_missing_file(tmp_path):
    with pytest.raises(CommandError, match="There is no file"):
        _run(str(tmp_path / "nope.jsonl"))


def test_command_runs_as_a_process_under_its_hyphenated_name(tmp_path):
    done = subprocess.run(
        [sys.executable, "-m", "staffroom.cli", "deid-eval", "--json"],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    scores = json.loads(done.stdout)
    assert scores["email"]["recall"] >= 0.95
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "x", "spans": []}\nnot json\n', encoding="utf-8")
    refused = subprocess.run(
        [sys.executable, "-m", "staffroom.cli", "deid-eval", str(bad)],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert refused.returncode != 0
    assert "Line 2" in refused.stderr
