"""The analysis of a survey's responses, wave by wave: what ``staffroom analyze`` prints
and what the evaluation pages will show.

Input: a data dictionary (``redcap.Dictionary``) and the responses as CSV rows, one row
per respondent and wave. The first dictionary field identifies the respondent; a
``wave`` (or REDCap's ``redcap_event_name``) column names the wave. Waves come in the
order they first appear, unless the caller lists them (then only those are analysed,
in that order).

Conventions (the same on the web and on the command line):

- rows and answers are read and checked by ``responses.responses_table``;
- items are the dictionary's numeric fields found in the responses; an item's
  descriptives use the answers as given (before reverse scoring);
- a scale score is the mean of the scale's answered items, reverse-scored items recoded
  as (min + max) - value, when at least 75% of its items are answered; else missing;
- Cronbach's alpha is per wave over the respondents who answered every item (alpha_n);
- a paired comparison is a later wave minus an earlier one, over respondents with a
  score in both (paired t-test, d_z, Wilcoxon signed-rank: ``stats``); every pair of
  waves is compared in order (pre -> post, pre -> follow-up, post -> follow-up), and the
  first pair is also ``paired``, the comparison the JSON has always had;
- correlations between scales are per wave over respondents with both scores;
- subgroup cells (locale, role, years in the profession...) of fewer than 5 people are
  suppressed.

Everything is numpy arrays over all respondents at once: 5,000 respondents x 40 items
take well under a second (``benchmarks/bench_analysis.py``).
"""

import itertools
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from staffroom.evaluation import stats
from staffroom.evaluation.redcap import Dictionary, Field, dictionary_read_path
from staffroom.evaluation.responses import (
    ResponsesError,
    responses_read_path,
    responses_table,
)

__all__ = ["Analysis", "ResponsesError", "analyze", "analyze_files"]

MIN_ANSWERED = 0.75  # share of a scale's items needed for a score
SUPPRESS_BELOW = 5  # subgroup cells with fewer people are not shown


# -- results ---------------------------------------------------------------------------


@dataclass(frozen=True)
class ItemSummary:
    n: int
    mean: float
    sd: float
    median: float
    counts: dict[str, int]  # choice code -> how many chose it (fields with choices)


@dataclass(frozen=True)
class ItemResult:
    name: str
    label: str
    choices: tuple[tuple[str, str], ...]  # (code, label)
    waves: dict[str, ItemSummary]


@dataclass(frozen=True)
class ScaleSummary:
    n: int  # respondents with a score
    mean: float
    sd: float
    alpha: float
    alpha_n: int  # complete cases behind alpha


@dataclass(frozen=True)
class PairedComparison:
    """Later wave minus earlier wave, over respondents with both scores. When it
    cannot be computed, ``note`` says why and the numbers are NaN."""

    earlier: str | None
    later: str | None
    n: int
    mean_diff: float = math.nan
    sd_diff: float = math.nan
    t: float = math.nan
    df: float = math.nan
    p: float = math.nan
    ci95: tuple[float, float] = (math.nan, math.nan)
    d_z: float = math.nan
    v: float = math.nan
    wilcoxon_p: float = math.nan
    wilcoxon_exact: bool | None = None
    note: str | None = None


@dataclass(frozen=True)
class ScaleResult:
    name: str
    items: tuple[str, ...]
    reversed: tuple[str, ...]
    waves: dict[str, ScaleSummary]
    paired: PairedComparison  # the first two waves, or why there is nothing to compare
    comparisons: tuple[PairedComparison, ...] = ()  # every pair of waves, earlier first


@dataclass(frozen=True)
class CorrelationTable:
    """Per wave: scale pairs ``"a~b"`` (names in alphabetical order) -> coefficient,
    and, when attendance is known, each scale with sessions attended."""

    pearson: dict[str, float]
    spearman: dict[str, float]
    n: dict[str, int]
    attendance: dict[str, dict[str, float]] | None = None


@dataclass(frozen=True)
class GroupCell:
    n: int | None  # None when suppressed
    scales: dict[str, tuple[int | None, float, float]]  # scale -> (n, mean, sd)
    suppressed: bool = False


@dataclass(frozen=True)
class Analysis:
    waves: tuple[str, ...]
    compared: tuple[str, str] | None
    respondents: dict[str, int]
    items: dict[str, ItemResult]
    scales: dict[str, ScaleResult]
    correlations: dict[str, CorrelationTable]
    groups: dict[str, dict[str, dict[str, GroupCell]]] = field(default_factory=dict)

    def as_json(self) -> dict:
        """The documented JSON of ``staffroom analyze --json``: plain numbers, None for
        what cannot be computed."""
        scales = {}
        for name, scale in self.scales.items():
            paired = scale.paired
            scales[name] = {
                "items": list(scale.items),
                "reversed": list(scale.reversed),
                "n": {w: s.n for w, s in scale.waves.items()},
                "alpha": {w: s.alpha for w, s in scale.waves.items()},
                "alpha_n": {w: s.alpha_n for w, s in scale.waves.items()},
                "mean": {w: s.mean for w, s in scale.waves.items()},
                "sd": {w: s.sd for w, s in scale.waves.items()},
                "paired": _paired_json(paired),
                "paired_waves": [
                    {"earlier": c.earlier, "later": c.later, **_paired_json(c)}
                    for c in scale.comparisons
                ],
            }
        result = {
            "waves": list(self.waves),
            "compared": list(self.compared) if self.compared else None,
            "respondents": dict(self.respondents),
            "scales": scales,
            "correlations": {
                wave: {
                    "pearson": table.pearson,
                    "spearman": table.spearman,
                    "n": table.n,
                    **({"attendance": table.attendance} if table.attendance is not None else {}),
                }
                for wave, table in self.correlations.items()
            },
            "items": {
                name: {
                    wave: {
                        "n": s.n,
                        "mean": s.mean,
                        "sd": s.sd,
                        "median": s.median,
                        "counts": s.counts,
                    }
                    for wave, s in item.waves.items()
                }
                for name, item in self.items.items()
            },
        }
        if self.groups:
            result["groups"] = {
                variable: {
                    wave: {
                        label: {
                            "n": cell.n,
                            "suppressed": cell.suppressed,
                            "scales": {
                                s: {"n": n, "mean": mean, "sd": sd}
                                for s, (n, mean, sd) in cell.scales.items()
                            },
                        }
                        for label, cell in cells.items()
                    }
                    for wave, cells in by_wave.items()
                }
                for variable, by_wave in self.groups.items()
            }
        return json_ready(result)


def _paired_json(paired: PairedComparison) -> dict:
    return {
        "n": paired.n,
        "mean_diff": paired.mean_diff,
        "t": paired.t,
        "df": paired.df,
        "p": paired.p,
        "ci95": list(paired.ci95),
        "d_z": paired.d_z,
        "v": paired.v,
        "wilcoxon_p": paired.wilcoxon_p,
        "wilcoxon_exact": paired.wilcoxon_exact,
        "note": paired.note,
    }


def json_ready(value):
    """``value`` with numpy numbers made plain and NaN/inf made None (JSON has no NaN)."""
    if isinstance(value, dict):
        return {str(k): json_ready(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [json_ready(v) for v in value]
    if isinstance(value, bool | np.bool_):
        return bool(value)
    if isinstance(value, int | np.integer):
        return int(value)
    if isinstance(value, float | np.floating):
        return float(value) if math.isfinite(value) else None
    return value


# -- the analysis ----------------------------------------------------------------------


def analyze(
    dictionary: Dictionary,
    rows: Sequence[Sequence[str]],
    *,
    waves: Sequence[str] | None = None,
    attendance: Mapping[str, float] | None = None,
    groups: Mapping[str, Mapping[str, str]] | None = None,
) -> Analysis:
    """Analyse ``rows`` (a CSV's rows, header first) against ``dictionary``.

    ``waves`` picks and orders the waves (default: all, in order of first appearance;
    each earlier wave is compared with each later one). ``attendance`` (respondent ->
    sessions attended) adds correlations of each scale with attendance; ``groups``
    (variable -> respondent -> label, e.g. ``{"locale": {"r01": "rural"}}``) adds
    subgroup breakdowns. Raises ``ResponsesError`` listing every row it cannot use."""
    table = responses_table(dictionary, rows, waves=waves)
    order = list(table.waves)
    answers, ids = table.answers, table.ids
    wave_rows = {w: table.rows_of(w) for w in order}
    position = {item.name: j for j, item in enumerate(table.items)}
    # Scale scores: reverse, then the mean of answered items when enough are answered.
    scale_blocks: dict[str, np.ndarray] = {}
    scores: dict[str, np.ndarray] = {}
    for name, members in dictionary.scales.items():
        block = answers[:, [position[m.name] for m in members]].copy()
        for k, member in enumerate(members):
            if member.reverse:
                low, high = member.score_range  # type: ignore[misc]
                block[:, k] = (low + high) - block[:, k]
        answered = (~np.isnan(block)).sum(axis=1)
        enough = answered >= MIN_ANSWERED * len(members)
        with np.errstate(invalid="ignore", divide="ignore"):
            score = np.nansum(block, axis=1) / answered
        scores[name] = np.where(enough & (answered > 0), score, np.nan)
        scale_blocks[name] = block

    compared = (order[0], order[1]) if len(order) >= 2 else None
    pairs = list(itertools.combinations(order, 2))
    comparisons = {
        name: tuple(_paired(score, ids, wave_rows, earlier, later) for earlier, later in pairs)
        for name, score in scores.items()
    }
    return Analysis(
        waves=tuple(order),
        compared=compared,
        respondents={w: int(wave_rows[w].size) for w in order},
        items={
            item.name: _item_result(item, answers[:, j], wave_rows)
            for j, item in enumerate(table.items)
        },
        scales={
            name: ScaleResult(
                name=name,
                items=tuple(m.name for m in members),
                reversed=tuple(m.name for m in members if m.reverse),
                waves={
                    w: _scale_summary(scores[name][rows_], scale_blocks[name][rows_])
                    for w, rows_ in wave_rows.items()
                },
                paired=comparisons[name][0] if pairs else _nothing_to_compare(order),
                comparisons=comparisons[name],
            )
            for name, members in dictionary.scales.items()
        },
        correlations={
            w: _correlations(scores, rows_, ids, attendance) for w, rows_ in wave_rows.items()
        },
        groups={
            variable: _groups(scores, ids, wave_rows, labels)
            for variable, labels in (groups or {}).items()
        },
    )


def _describe(values: np.ndarray) -> tuple[int, float, float]:
    values = values[~np.isnan(values)]
    n = int(values.size)
    mean = float(values.mean()) if n else math.nan
    sd = float(values.std(ddof=1)) if n > 1 else math.nan
    return n, mean, sd


def _item_result(item: Field, column: np.ndarray, wave_rows) -> ItemResult:
    options = [(c.code, c.label) for c in item.options]
    summaries = {}
    for wave, rows_ in wave_rows.items():
        values = column[rows_]
        values = values[~np.isnan(values)]
        n, mean, sd = _describe(values)
        counts = {}
        if options:
            found, how_many = np.unique(values, return_counts=True)
            tally = dict(zip(found.tolist(), how_many.tolist(), strict=True))
            counts = {code: int(tally.get(float(code), 0)) for code, _label in options}
        summaries[wave] = ItemSummary(
            n=n,
            mean=mean,
            sd=sd,
            median=float(np.median(values)) if n else math.nan,
            counts=counts,
        )
    return ItemResult(name=item.name, label=item.label, choices=tuple(options), waves=summaries)


def _scale_summary(score: np.ndarray, block: np.ndarray) -> ScaleSummary:
    n, mean, sd = _describe(score)
    alpha = stats.cronbach_alpha(block)
    return ScaleSummary(n=n, mean=mean, sd=sd, alpha=alpha.alpha, alpha_n=alpha.n)


def _nothing_to_compare(order: list[str]) -> PairedComparison:
    return PairedComparison(
        earlier=order[0] if order else None,
        later=None,
        n=0,
        note=_("There is only one wave, so there is nothing to compare."),
    )


def _paired(score, ids, wave_rows, earlier: str, later: str) -> PairedComparison:
    before = {ids[i]: score[i] for i in wave_rows[earlier]}
    after_rows = wave_rows[later]
    pairs = [(score[i], before[ids[i]]) for i in after_rows if ids[i] in before]
    x = np.array([a for a, _b in pairs], dtype=float)
    y = np.array([b for _a, b in pairs], dtype=float)
    complete = ~(np.isnan(x) | np.isnan(y))
    x, y = x[complete], y[complete]
    n = int(x.size)
    if n < 2:
        return PairedComparison(
            earlier=earlier,
            later=later,
            n=n,
            note=ngettext(
                "Only %(n)s respondent has a score in both %(earlier)s and %(later)s; a paired "
                "comparison needs at least 2.",
                "Only %(n)s respondents have a score in both %(earlier)s and %(later)s; a "
                "paired comparison needs at least 2.",
                n,
            )
            % {"n": n, "earlier": earlier, "later": later},
        )
    rank_test = stats.wilcoxon_signed_rank(x, y)
    common = {
        "earlier": earlier,
        "later": later,
        "n": n,
        "v": rank_test.v,
        "wilcoxon_p": rank_test.p,
        "wilcoxon_exact": rank_test.exact,
    }
    try:
        t_test = stats.paired_t_test(x, y)
    except stats.NotEnoughData as error:
        diff = x - y
        return PairedComparison(
            **common,
            mean_diff=float(diff.mean()),
            sd_diff=float(diff.std(ddof=1)),
            note=error.message,
        )
    return PairedComparison(
        **common,
        mean_diff=t_test.mean_diff,
        sd_diff=t_test.sd_diff,
        t=t_test.t,
        df=t_test.df,
        p=t_test.p,
        ci95=t_test.ci95,
        d_z=t_test.d_z,
    )


def _correlations(scores, rows_, ids, attendance) -> CorrelationTable:
    names = sorted(scores)
    pearson: dict[str, float] = {}
    spearman: dict[str, float] = {}
    n: dict[str, int] = {}
    for i, a in enumerate(names):
        for b in names[i + 1 :]:
            key = f"{a}~{b}"
            r = stats.pearson(scores[a][rows_], scores[b][rows_])
            pearson[key] = r.r
            spearman[key] = stats.spearman(scores[a][rows_], scores[b][rows_]).r
            n[key] = r.n
    with_attendance = None
    if attendance is not None:
        sessions = np.array([attendance.get(i, math.nan) for i in ids[rows_]], dtype=float)
        with_attendance = {"pearson": {}, "spearman": {}, "n": {}}
        for name in names:
            r = stats.pearson(scores[name][rows_], sessions)
            with_attendance["pearson"][name] = r.r
            with_attendance["spearman"][name] = stats.spearman(scores[name][rows_], sessions).r
            with_attendance["n"][name] = r.n
    return CorrelationTable(pearson=pearson, spearman=spearman, n=n, attendance=with_attendance)


def _groups(scores, ids, wave_rows, labels: Mapping[str, str]) -> dict[str, dict[str, GroupCell]]:
    by_wave: dict[str, dict[str, GroupCell]] = {}
    for wave, rows_ in wave_rows.items():
        of_row = np.array([labels.get(i) or "" for i in ids[rows_]], dtype=object)
        cells = {}
        for label in sorted({str(v) for v in of_row if v}):
            members = rows_[of_row == label]
            if members.size < SUPPRESS_BELOW:
                cells[label] = GroupCell(n=None, scales={}, suppressed=True)
                continue
            summaries = {}
            for name, score in scores.items():
                count, mean, sd = _describe(score[members])
                summaries[name] = (
                    (count, mean, sd) if count >= SUPPRESS_BELOW else (None, math.nan, math.nan)
                )
            cells[label] = GroupCell(n=int(members.size), scales=summaries)
        by_wave[wave] = cells
    return by_wave


def analyze_files(
    dictionary_path: str | Path, responses_path: str | Path, *, waves: Sequence[str] | None = None
) -> Analysis:
    """Read a data dictionary and a responses file and analyse them (the command line)."""
    dictionary = dictionary_read_path(dictionary_path)
    return analyze(dictionary, responses_read_path(responses_path), waves=waves)
