"""``staffroom analyze DICTIONARY.csv RESPONSES.csv [--waves pre,post] [--json]``.

No test here asks for the database (pytest-django refuses any query from a test that
did not), and the real process runs with a database that cannot be reached: the
command reads files only."""

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from staffroom.evaluation.analysis import Analysis, PairedComparison, ScaleResult, analyze_files
from staffroom.evaluation.report import report_text

DATA = Path(__file__).parent / "data"
DICTIONARY = str(DATA / "dictionary.csv")
RESPONSES = str(DATA / "responses.csv")


def _run(*args) -> str:
    out = io.StringIO()
    call_command("analyze", *args, stdout=out)
    return out.getvalue()


def test_command_prints_the_documented_json():
    data = json.loads(_run(DICTIONARY, RESPONSES, "--json"))
    assert data == analyze_files(DICTIONARY, RESPONSES).as_json()
    assert data["respondents"] == {"pre": 12, "post": 11}
    efficacy = data["scales"]["efficacy"]
    assert efficacy["reversed"] == ["eff_4"] and efficacy["alpha_n"] == {"pre": 11, "post": 10}
    paired = efficacy["paired"]
    assert paired["n"] == 10 and paired["df"] == 9 and paired["p"] < 0.01
    assert paired["ci95"][0] < paired["mean_diff"] < paired["ci95"][1]
    assert list(data["correlations"]["pre"]["pearson"]) == ["belonging~efficacy"]


def test_command_prints_a_readable_report():
    output = _run(DICTIONARY, RESPONSES)
    assert output.startswith("Respondents: 12 in pre, 11 in post.\n")
    assert "Scale efficacy: 4 items (eff_1, eff_2, eff_3, eff_4); reverse scored: eff_4" in output
    assert "post minus pre, 10 respondents with both scores:" in output
    assert "paired t-test: t = 4.755, df = 9, p = 0.001036" in output
    assert "Wilcoxon signed-rank test: V = 36, p = 0.01391 (normal approximation)" in output
    assert "pre: belonging ~ efficacy: r = " in output
    assert "eff_4: I often feel out of my depth in class." in output


def _with_a_follow_up(tmp_path) -> str:
    """The responses with a follow-up wave that repeats the post wave's answers, so
    follow-up minus post differs by nothing (no t-test, no Wilcoxon p)."""
    lines = Path(RESPONSES).read_text("utf-8").splitlines()
    again = [line.replace(",post,", ",follow_up,", 1) for line in lines if ",post," in line]
    path = tmp_path / "three.csv"
    path.write_text("\n".join([*lines, *again]) + "\n", "utf-8")
    return str(path)


def test_the_report_compares_every_pair_of_waves_as_the_json_does(tmp_path):
    responses = _with_a_follow_up(tmp_path)
    output = _run(DICTIONARY, responses)
    data = json.loads(_run(DICTIONARY, responses, "--json"))
    pairs = [(c["earlier"], c["later"]) for c in data["scales"]["efficacy"]["paired_waves"]]
    assert pairs == [("pre", "post"), ("pre", "follow_up"), ("post", "follow_up")]
    efficacy = output[output.index("Scale efficacy") : output.index("Scale belonging")]
    for earlier, later in pairs:
        assert f"{later} minus {earlier}, 10 respondents with both scores:" in efficacy
    assert efficacy.count("paired t-test: t = 4.755, df = 9, p = 0.001036") == 2
    assert "Every pair differs by the same amount" in efficacy
    assert "V = 0, p = n/a" in efficacy
    assert "each wave is compared with every later one" in " ".join(_help().split())


def _help() -> str:
    from staffroom.evaluation.management.commands.analyze import Command

    return Command().create_parser("staffroom", "analyze").format_help()


def test_the_report_writes_a_large_signed_rank_statistic_in_full():
    """V sums ranks: past a million (about 1,400 pairs) it must not turn into 1.23457e+06."""
    paired = PairedComparison(
        earlier="pre", later="post", n=2000, mean_diff=0.1, t=1.0, df=1999, p=0.5,
        ci95=(0.0, 0.2), d_z=0.1, v=1234567.5, wilcoxon_p=0.3, wilcoxon_exact=False,
    )  # fmt: skip
    scale = ScaleResult(name="s", items=("a", "b"), reversed=(), waves={}, paired=paired,
                        comparisons=(paired,))  # fmt: skip
    analysis = Analysis(waves=("pre", "post"), compared=("pre", "post"), respondents={},
                        items={}, scales={"s": scale}, correlations={})  # fmt: skip
    assert "Wilcoxon signed-rank test: V = 1234567.5, p = 0.3" in report_text(analysis)


def test_command_takes_the_waves_it_is_given_in_that_order():
    data = json.loads(_run(DICTIONARY, RESPONSES, "--waves", " post , pre", "--json"))
    assert data["waves"] == ["post", "pre"] and data["compared"] == ["post", "pre"]
    forward = json.loads(_run(DICTIONARY, RESPONSES, "--json"))
    assert data["scales"]["efficacy"]["paired"]["mean_diff"] == pytest.approx(
        -forward["scales"]["efficacy"]["paired"]["mean_diff"]
    )
    only_pre = json.loads(_run(DICTIONARY, RESPONSES, "--waves", "pre", "--json"))
    assert only_pre["respondents"] == {"pre": 12}
    assert only_pre["scales"]["efficacy"]["paired"]["note"]


def test_command_lists_each_bad_row_of_a_bad_dictionary():
    with pytest.raises(CommandError) as raised:
        _run(str(DATA / "dictionary_bad.csv"), RESPONSES)
    message = str(raised.value)
    assert message.startswith("The data dictionary has problems in 4 rows:")
    for expected in (
        "row 5: “likert” is not a REDCap field type",
        "row 6: the branching logic cannot be read: a “(” is not closed",
        "row 7: the branching logic refers to “consnt”",
        "row 8: the branching logic cannot be read: “yes” is not understood",
    ):
        assert expected in message  # fmt: skip


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((DICTIONARY, RESPONSES, "--waves", "pre,later"), "There is no wave later"),
        ((DICTIONARY, RESPONSES, "--waves", ","), "--waves needs at least one wave name"),
        ((DICTIONARY, DICTIONARY), "no column record_id"),
        ((DICTIONARY, str(DATA / "nope.csv")), "There is no file"),
        ((str(DATA / "responses.csv"), RESPONSES), "This is not a REDCap data dictionary"),
    ],
)
def test_command_exits_non_zero_with_a_clear_message(args, message):
    with pytest.raises(CommandError, match=message):
        _run(*args)


def test_command_refuses_responses_without_a_wave_column(tmp_path):
    responses = tmp_path / "no_wave.csv"
    responses.write_text("record_id,eff_1\nr01,3\n")
    with pytest.raises(CommandError, match="no “wave” or “redcap_event_name” column"):
        _run(DICTIONARY, str(responses))


def _staffroom(*args) -> subprocess.CompletedProcess:
    env = dict(os.environ, DATABASE_URL="postgres://nobody@127.0.0.1:9/unreachable")
    return subprocess.run(
        [sys.executable, "-m", "staffroom.cli", "analyze", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )


def test_command_runs_as_a_process_without_a_database():
    done = _staffroom(DICTIONARY, RESPONSES, "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["respondents"] == {"pre": 12, "post": 11}
    refused = _staffroom(str(DATA / "dictionary_bad.csv"), RESPONSES)
    assert refused.returncode == 1
    assert "row 7: the branching logic refers to “consnt”" in refused.stderr


def test_a_responses_file_with_only_its_header_is_refused(tmp_path):
    header = (DATA / "responses.csv").read_text("utf-8").splitlines()[0]
    header_only = tmp_path / "responses.csv"
    header_only.write_text(header + "\n", "utf-8")
    with pytest.raises(CommandError, match="a header but no answers"):
        call_command("analyze", str(DATA / "dictionary.csv"), str(header_only))


def test_command_lists_rows_with_too_few_or_too_many_cells(tmp_path):
    lines = (DATA / "responses.csv").read_text("utf-8").splitlines()
    lines[2] = lines[2].rsplit(",", 1)[0]  # the last cell left out
    lines[4] = lines[4] + ",extra"
    responses = tmp_path / "responses.csv"
    responses.write_text("\n".join(lines) + "\n", "utf-8")
    with pytest.raises(CommandError) as raised:
        _run(DICTIONARY, str(responses))
    message = str(raised.value)
    assert message.startswith("The responses have problems in 2 rows:\n")
    assert "row 3: it has 18 cells where the header has 19" in message
    assert "row 5: it has 20 cells where the header has 19" in message
