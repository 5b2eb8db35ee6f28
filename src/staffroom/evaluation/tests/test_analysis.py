"""The survey analysis (``analysis.py``, ``responses.py``) on the fixture survey: 12
respondents before, 11 after, two scales, one reversed item, some answers missing.

Scale scores, alpha and the paired comparison are recomputed here in plain Python from
the CSV, so these tests check the plumbing (reverse scoring, the 75% rule, listwise
alpha, pairing and its direction) independently of ``analysis.py``; the statistics
themselves are checked against R in ``test_stats.py``."""

import csv
import json
import math
import statistics
from pathlib import Path

import numpy as np
import pytest

from staffroom.evaluation import analysis, redcap, stats
from staffroom.evaluation.responses import ResponsesError, responses_read

DATA = Path(__file__).parent / "data"
EFFICACY = ["eff_1", "eff_2", "eff_3", "eff_4"]
BELONGING = ["bel_1", "bel_2", "bel_3"]


@pytest.fixture(scope="module")
def dictionary():
    return redcap.dictionary_read_path(DATA / "dictionary.csv")


@pytest.fixture(scope="module")
def rows():
    return responses_read((DATA / "responses.csv").read_bytes())


@pytest.fixture(scope="module")
def result(dictionary, rows):
    return analysis.analyze(dictionary, rows)


def _records() -> list[dict]:
    with (DATA / "responses.csv").open(newline="") as handle:
        return list(csv.DictReader(handle))


def _score(record: dict, items: list[str], reversed_items=()) -> float:
    """By hand: reverse (1 + 5 - value), then the mean if at least 75% answered."""
    values = [
        (6 - int(record[i]) if i in reversed_items else int(record[i]))
        for i in items
        if record[i] != ""
    ]
    return statistics.fmean(values) if len(values) >= 0.75 * len(items) else math.nan


def _scores(wave: str, items, reversed_items=()) -> dict[str, float]:
    return {r["record_id"]: _score(r, items, reversed_items) for r in _records()
            if r["wave"] == wave}  # fmt: skip


def test_analysis_counts_respondents_per_wave_in_order_of_appearance(result):
    assert result.waves == ("pre", "post") and result.compared == ("pre", "post")
    assert result.respondents == {"pre": 12, "post": 11}


def test_scale_scores_reverse_items_and_need_three_quarters_answered(result):
    efficacy = result.scales["efficacy"]
    assert efficacy.items == tuple(EFFICACY) and efficacy.reversed == ("eff_4",)
    for wave in ("pre", "post"):
        by_hand = [s for s in _scores(wave, EFFICACY, {"eff_4"}).values() if not math.isnan(s)]
        summary = efficacy.waves[wave]
        assert summary.n == len(by_hand)
        assert summary.mean == pytest.approx(statistics.fmean(by_hand), abs=1e-12)
        assert summary.sd == pytest.approx(statistics.stdev(by_hand), abs=1e-12)
    # r05 answered 2 of 4 efficacy items after: no score; r03 answered 3 of 4 before: scored.
    assert efficacy.waves["post"].n == 10 and efficacy.waves["pre"].n == 12
    # r07 answered 2 of 3 belonging items before (67% < 75%): no score.
    assert result.scales["belonging"].waves["pre"].n == 11


def test_alpha_uses_complete_cases_of_the_reverse_scored_items(result):
    for wave, expected_n in (("pre", 11), ("post", 10)):
        matrix = np.array(
            [[6 - int(r[i]) if i == "eff_4" else int(r[i]) for i in EFFICACY]
             for r in _records() if r["wave"] == wave and all(r[i] for i in EFFICACY)],
            dtype=float,
        )  # fmt: skip
        c = np.cov(matrix, rowvar=False)
        alpha = 4 / 3 * (1 - np.trace(c) / c.sum())
        summary = result.scales["efficacy"].waves[wave]
        assert summary.alpha_n == expected_n == matrix.shape[0]
        assert summary.alpha == pytest.approx(alpha, abs=1e-12)


def test_paired_comparison_is_later_minus_earlier_over_respondents_with_both(result):
    before = _scores("pre", EFFICACY, {"eff_4"})
    after = _scores("post", EFFICACY, {"eff_4"})
    diffs = [after[k] - before[k] for k in after
             if k in before and not math.isnan(after[k]) and not math.isnan(before[k])]  # fmt: skip
    paired = result.scales["efficacy"].paired
    assert (paired.earlier, paired.later, paired.n) == ("pre", "post", len(diffs)) == (
        "pre", "post", 10)  # fmt: skip
    mean, sd = statistics.fmean(diffs), statistics.stdev(diffs)
    assert paired.mean_diff == pytest.approx(mean, abs=1e-12)
    assert paired.t == pytest.approx(mean / (sd / math.sqrt(10)), abs=1e-9)
    assert paired.df == 9 and paired.d_z == pytest.approx(mean / sd, abs=1e-12)
    rank_test = stats.wilcoxon_signed_rank(diffs, [0.0] * len(diffs))
    assert (paired.v, paired.wilcoxon_p) == (rank_test.v, rank_test.p)
    assert paired.note is None


def test_reversing_the_waves_reverses_the_difference(dictionary, rows, result):
    swapped = analysis.analyze(dictionary, rows, waves=["post", "pre"])
    assert swapped.waves == ("post", "pre") and swapped.respondents == {"post": 11, "pre": 12}
    forward, backward = result.scales["efficacy"].paired, swapped.scales["efficacy"].paired
    assert backward.mean_diff == pytest.approx(-forward.mean_diff, abs=1e-12)
    assert backward.p == pytest.approx(forward.p, abs=1e-12)


def test_correlations_pair_scales_in_alphabetical_order(result):
    pre = result.correlations["pre"]
    assert list(pre.pearson) == ["belonging~efficacy"]
    belonging = _scores("pre", BELONGING)
    efficacy = _scores("pre", EFFICACY, {"eff_4"})
    keys = [k for k in belonging if not math.isnan(belonging[k]) and not math.isnan(efficacy[k])]
    expected = statistics.correlation([belonging[k] for k in keys], [efficacy[k] for k in keys])
    assert pre.n["belonging~efficacy"] == len(keys) == 11
    assert pre.pearson["belonging~efficacy"] == pytest.approx(expected, abs=1e-12)
    ranked = statistics.correlation([belonging[k] for k in keys], [efficacy[k] for k in keys],
                                    method="ranked")  # fmt: skip
    assert pre.spearman["belonging~efficacy"] == pytest.approx(ranked, abs=1e-12)


def test_item_descriptives_use_answers_as_given(result):
    eff_4 = result.items["eff_4"].waves["pre"]
    values = [int(r["eff_4"]) for r in _records() if r["wave"] == "pre"]
    assert eff_4.n == 12 and eff_4.mean == pytest.approx(statistics.fmean(values), abs=1e-12)
    assert eff_4.median == statistics.median(values)
    assert eff_4.counts == {str(c): values.count(c) for c in range(1, 6)}
    assert result.items["consent"].waves["post"].counts == {"1": 11, "0": 0}
    assert result.items["confidence"].waves["post"].n == 10  # r09 left it empty
    assert "topics" not in result.items and "role_other" not in result.items


def test_json_has_the_documented_shape_and_no_nan(result):
    data = result.as_json()
    text = json.dumps(data, allow_nan=False)
    assert json.loads(text) == data
    assert data["respondents"] == {"pre": 12, "post": 11}
    efficacy = data["scales"]["efficacy"]
    assert efficacy["items"] == EFFICACY and efficacy["reversed"] == ["eff_4"]
    assert set(efficacy["alpha"]) == set(efficacy["alpha_n"]) == set(efficacy["mean"]) == {
        "pre", "post"}  # fmt: skip
    paired = efficacy["paired"]
    assert {"n", "mean_diff", "t", "df", "p", "ci95", "d_z", "wilcoxon_p"} <= set(paired)
    assert len(paired["ci95"]) == 2 and isinstance(paired["df"], int)
    # Every pair of waves, earlier first; with two waves, the one pair is "paired".
    assert efficacy["paired_waves"] == [{"earlier": "pre", "later": "post", **paired}]
    assert set(data["correlations"]["post"]["pearson"]) == {"belonging~efficacy"}


def _rows_of(text: str) -> list[list[str]]:
    return responses_read(text.encode())


def test_fewer_than_two_pairs_is_explained_with_null_numbers(dictionary):
    text = ("record_id,wave,eff_1,eff_2,eff_3,eff_4,bel_1,bel_2,bel_3\n"
            "a,pre,1,2,3,4,1,2,3\nb,pre,2,2,2,2,2,2,2\na,post,3,3,3,3,3,3,3\n"
            "c,post,4,4,4,4,4,4,4\n")  # fmt: skip
    result = analysis.analyze(dictionary, _rows_of(text))
    paired = result.as_json()["scales"]["efficacy"]["paired"]
    assert paired["n"] == 1
    assert "Only 1 respondent has a score in both pre and post" in paired["note"]
    assert paired["t"] is None and paired["p"] is None and paired["ci95"] == [None, None]
    assert paired["wilcoxon_p"] is None


def test_a_single_wave_has_nothing_to_compare(dictionary):
    text = "record_id,wave,eff_1,eff_2,eff_3,eff_4,bel_1,bel_2,bel_3\na,pre,1,2,3,4,1,2,3\n"
    result = analysis.analyze(dictionary, _rows_of(text))
    assert result.compared is None
    assert result.scales["efficacy"].paired.note == (
        "There is only one wave, so there is nothing to compare.")  # fmt: skip
    assert result.as_json()["scales"]["efficacy"]["paired_waves"] == []
    assert math.isnan(result.scales["efficacy"].waves["pre"].alpha)


def test_constant_differences_give_a_rank_test_but_no_t_test(dictionary):
    lines = ["record_id,wave,eff_1,eff_2,eff_3,eff_4,bel_1,bel_2,bel_3"]
    for k in range(4):
        lines += [f"r{k},pre,{1 + k % 2},2,2,4,1,2,3", f"r{k},post,{2 + k % 2},3,3,3,1,2,3"]
    result = analysis.analyze(dictionary, _rows_of("\n".join(lines)))
    paired = result.scales["efficacy"].paired
    assert paired.mean_diff == pytest.approx(1.0) and math.isnan(paired.t)
    assert "differs by the same amount" in paired.note
    assert paired.v == 10 and not math.isnan(paired.wilcoxon_p)


def test_waves_come_from_redcap_event_name_in_order_of_first_appearance(dictionary):
    text = ("record_id,redcap_event_name,eff_1,eff_2,eff_3,eff_4,bel_1,bel_2,bel_3\n"
            "a,followup_arm_1,1,2,3,4,1,2,3\na,baseline_arm_1,2,2,2,2,2,2,2\n")  # fmt: skip
    result = analysis.analyze(dictionary, _rows_of(text))
    assert result.waves == ("followup_arm_1", "baseline_arm_1")


def test_answers_may_be_choice_labels(dictionary):
    text = ("record_id,wave,eff_1,eff_2,eff_3,eff_4,bel_1,bel_2,bel_3,consent\n"
            "a,pre,Agree,strongly disagree, Disagree ,4.0,1,2,3,Yes\n")  # fmt: skip
    result = analysis.analyze(dictionary, _rows_of(text))
    assert result.items["eff_1"].waves["pre"].mean == 4
    assert result.items["eff_2"].waves["pre"].mean == 1
    assert result.items["eff_3"].waves["pre"].mean == 2
    assert result.items["eff_4"].waves["pre"].mean == 4
    assert result.items["consent"].waves["pre"].counts == {"1": 1, "0": 0}


def test_bad_rows_are_each_reported_with_their_row_number(dictionary):
    text = ("record_id,wave,eff_1,eff_2,eff_3,eff_4,bel_1,bel_2,bel_3,confidence\n"
            "a,pre,7,2,3,4,1,2,3,50\n"
            "b,pre,1,2,3,4,1,2,3,150\n"
            ",pre,1,2,3,4,1,2,3,50\n"
            "a,pre,1,2,3,4,1,2,3,50\n"
            "c,,1,2,3,4,1,2,3,50\n"
            "d,post,1,two,3,4,1,2,3,50\n")  # fmt: skip
    with pytest.raises(ResponsesError) as raised:
        analysis.analyze(dictionary, _rows_of(text))
    by_row = {p.row: p.message for p in raised.value.problems}
    assert sorted(by_row) == [2, 3, 4, 5, 6, 7]
    assert by_row[2] == "eff_1: “7” is not one of its choices (1, 2, 3, 4, 5)."
    assert by_row[3] == "confidence: “150” is not a number from 0 to 100."
    assert by_row[4] == "there is no respondent (record_id is empty)."
    assert by_row[5] == "respondent a already has answers for wave pre (row 2)."
    assert by_row[6] == "the wave is empty."
    assert by_row[7].startswith("eff_2: “two” is not one of its choices")
    assert raised.value.message.startswith("The responses have problems in 6 rows:\nrow 2: ")


def test_rows_with_too_few_or_too_many_cells_are_reported_not_guessed(dictionary):
    text = ("record_id,wave,eff_1,eff_2,eff_3,eff_4,bel_1,bel_2,bel_3,confidence\n"
            "a,pre,1,2,3,4,1,2,3,50\n"
            "b,pre,1,2,3,4,1,2,3\n"
            "c,pre,4,Agree, strongly,3,4,1,2,3,50\n"
            "d,pre\n"
            "e,pre,1,2,3,4,1,2,3,50,\n"
            "f,pre,1,2,3,4,1,2,3,50\n")  # fmt: skip
    with pytest.raises(ResponsesError) as raised:
        analysis.analyze(dictionary, _rows_of(text))
    by_row = {p.row: p.message for p in raised.value.problems}
    assert sorted(by_row) == [3, 4, 5, 6]
    assert by_row[3] == (
        "it has 9 cells where the header has 10: is a comma missing, or is there a comma "
        "inside a cell without quotes around it?"
    )
    assert by_row[4].startswith("it has 11 cells where the header has 10:")
    assert by_row[5].startswith("it has 2 cells where the header has 10:")
    assert by_row[6].startswith("it has 11 cells where the header has 10:")
    assert raised.value.message.startswith("The responses have problems in 4 rows:\nrow 3: ")


def test_rows_keep_their_spreadsheet_numbers_across_blank_lines(dictionary):
    text = ("\nrecord_id,wave,eff_1,eff_2,eff_3,eff_4,bel_1,bel_2,bel_3\n"
            "a,pre,1,2,3,4,1,2,3\n"
            "\n,,,,,,,,\n"
            "b,pre,9,2,3,4,1,2,3\n\n\n")  # fmt: skip
    with pytest.raises(ResponsesError) as raised:
        analysis.analyze(dictionary, _rows_of(text))
    assert [(p.row, p.message[:12]) for p in raised.value.problems] == [(6, "eff_1: “9” i")]
    fixed = analysis.analyze(dictionary, _rows_of(text.replace("9,2", "5,2")))
    assert fixed.as_json()["respondents"] == {"pre": 2}


def test_lines_of_spaces_are_blank_lines_not_short_rows(dictionary):
    text = ("  \nrecord_id,wave,eff_1,eff_2,eff_3,eff_4,bel_1,bel_2,bel_3\n"
            "a,pre,1,2,3,4,1,2,3\n"
            "   \n \t , \n"
            "b,pre,9,2,3,4,1,2,3\n  \n , \n")  # fmt: skip
    with pytest.raises(ResponsesError) as raised:
        analysis.analyze(dictionary, _rows_of(text))
    assert [(p.row, p.message[:12]) for p in raised.value.problems] == [(6, "eff_1: “9” i")]
    rows = _rows_of(text.replace("9,2", "5,2"))
    assert rows[-1][0] == "b"  # the trailing lines of spaces are gone
    assert analysis.analyze(dictionary, rows).as_json()["respondents"] == {"pre": 2}


def test_a_line_of_spaces_with_one_filled_cell_is_still_a_short_row(dictionary):
    text = ("record_id,wave,eff_1,eff_2,eff_3,eff_4,bel_1,bel_2,bel_3\n"
            "a,pre,1,2,3,4,1,2,3\n"
            "  , x \n")  # fmt: skip
    with pytest.raises(ResponsesError) as raised:
        analysis.analyze(dictionary, _rows_of(text))
    assert [p.row for p in raised.value.problems] == [3]
    assert raised.value.problems[0].message.startswith("it has 2 cells where the header has 9:")


def test_a_file_of_spaces_is_empty_and_a_header_over_spaces_has_no_answers(dictionary):
    with pytest.raises(ResponsesError, match="The responses file is empty"):
        _rows_of("  \n , \n\t\n")
    header_only = "record_id,wave,eff_1,eff_2,eff_3,eff_4,bel_1,bel_2,bel_3\n   \n , \n"
    with pytest.raises(ResponsesError, match="has a header but no answers"):
        analysis.analyze(dictionary, _rows_of(header_only))


def test_a_column_the_analysis_reads_may_appear_only_once(dictionary):
    text = ("record_id,wave,eff_1,eff_2,eff_3,eff_4,bel_1,bel_2,bel_3,EFF_1,notes,notes\n"
            "a,pre,1,2,3,4,1,2,3,5,x,y\n")  # fmt: skip
    with pytest.raises(ResponsesError, match="the column eff_1 more than once"):
        analysis.analyze(dictionary, _rows_of(text))
    unread_twice = text.replace(",EFF_1,", ",other,")
    assert analysis.analyze(dictionary, _rows_of(unread_twice)).waves == ("pre",)


@pytest.mark.parametrize(
    ("header", "waves", "message"),
    [
        ("record_id,eff_1,eff_2,eff_3,eff_4,bel_1,bel_2,bel_3", None,
         "no “wave” or “redcap_event_name” column"),
        ("id,wave,eff_1,eff_2,eff_3,eff_4,bel_1,bel_2,bel_3", None, "no column record_id"),
        ("record_id,wave,eff_1,eff_2,eff_3,bel_1,bel_2,bel_3", None,
         "no column for eff_4, an item of the scale efficacy"),
        ("record_id,wave,eff_1,eff_2,eff_3,eff_4,bel_1,bel_2,bel_3", ["pre", "later"],
         "There is no wave later in the responses \\(their waves: pre\\)"),
        ("record_id,wave,eff_1,eff_2,eff_3,eff_4,bel_1,bel_2,bel_3", ["pre", "pre"],
         "A wave is listed twice"),
    ],
)  # fmt: skip
def test_responses_that_cannot_be_analysed_are_explained(dictionary, header, waves, message):
    text = header + "\n" + ",".join(["a", "pre"] + ["3"] * 7) + "\n"
    with pytest.raises(ResponsesError, match=message):
        analysis.analyze(dictionary, _rows_of(text), waves=waves)


def test_attendance_and_subgroups_with_small_cells_suppressed(dictionary, rows):
    records = [r for r in _records() if r["wave"] == "pre"]
    attendance = {r["record_id"]: float(i % 4) for i, r in enumerate(records)}
    locale = {r["record_id"]: ("rural" if i < 8 else "city") for i, r in enumerate(records)}
    result = analysis.analyze(dictionary, rows, attendance=attendance, groups={"locale": locale})
    table = result.correlations["pre"].attendance
    scores = _scores("pre", EFFICACY, {"eff_4"})
    expected = statistics.correlation([scores[k] for k in attendance], list(attendance.values()))
    assert table["pearson"]["efficacy"] == pytest.approx(expected, abs=1e-12)
    assert table["n"]["efficacy"] == 12
    cells = result.groups["locale"]["pre"]
    assert cells["city"].suppressed and cells["city"].n is None  # 4 people
    rural = [scores[r["record_id"]] for r in records[:8]]
    assert cells["rural"].n == 8
    assert cells["rural"].scales["efficacy"][1] == pytest.approx(statistics.fmean(rural))
    data = result.as_json()
    assert data["groups"]["locale"]["pre"]["city"] == {"n": None, "suppressed": True, "scales": {}}
    assert "attendance" in data["correlations"]["pre"]
