"""The analysis page of a survey: its submitted responses through the engine behind
``staffroom analyze`` (``analysis.analyze``), laid out for reading.

The engine reads exactly the rows of the wide CSV export (``survey_exports``), so the
page and ``staffroom analyze DICTIONARY.csv RESPONSES.csv`` on the two downloads give the
same numbers; the page adds what only the database knows:

- **attendance**: how many sessions each respondent attended (confirmed records, sessions
  not cancelled, started before the survey's last wave ended), of the survey's series or
  else of its community. Only for identified surveys of a community: an anonymous
  response has no account to count sessions for (joining them would undo the anonymity),
  and a hub-wide survey spans communities whose sessions are not comparable;
- **subgroups** by locale, role and years in the profession, from the snapshot each
  response took (a respondent's first wave with a value names their group), with cells
  of fewer than 5 people suppressed by the engine, and on the page a larger group hidden
  too where the wave's totals minus the groups shown would leave 1 to 4 people (their
  mean would follow by subtraction);
- **small cells of an anonymous survey**: an item's, a scale's, a change's or a
  correlation's figures from 1 to 4 respondents show only "fewer than 5" (``too_few``).

Numbers are written with a decimal point in every language, as the command line's report
and the CSV write them (``report.number``): a figure copied from the page into R, SPSS or
a spreadsheet is read as the same number.
"""

import math
from dataclasses import dataclass, field, replace

from django.db.models import Count, Max
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from staffroom.accounts.models import Locale, ProfessionalRole
from staffroom.evaluation import charts
from staffroom.evaluation.analysis import (
    SUPPRESS_BELOW,
    Analysis,
    PairedComparison,
    ResponsesError,
    analyze,
)
from staffroom.evaluation.models import MIN_ANSWERED_DEFAULT, Response, Subscale, Survey, Wave
from staffroom.evaluation.report import number, p_value, rank_sum
from staffroom.evaluation.survey_exports import SurveyTable, survey_table
from staffroom.meetings.models import Attendance, Session

ITEMS_PER_PAGE = 10
GROUPS = (
    ("locale", gettext_lazy("School locale"), Locale.choices),
    ("role", gettext_lazy("Role"), ProfessionalRole.choices),
    ("years", gettext_lazy("Years in the profession"), Response.Years.choices),
)


@dataclass
class SurveyAnalysis:
    """What the analysis pages show. ``analysis`` is None when there is nothing to
    analyse yet (``problem`` says why)."""

    survey: Survey
    table: SurveyTable
    respondents: list[tuple[Wave, str, int]]
    analysis: Analysis | None = None
    problem: str = ""
    attendance_note: str = ""
    scoring_note: str = ""
    names: dict[str, str] = field(default_factory=dict)  # wave in the CSV -> its name

    def wave_name(self, key: str) -> str:
        return self.names.get(key, key)


def survey_analysis(survey: Survey) -> SurveyAnalysis:
    """Read ``survey``'s submitted responses and analyse them (a fixed number of queries,
    however many responses there are)."""
    table = survey_table(survey)
    counts = _wave_counts(table)
    result = SurveyAnalysis(
        survey=survey,
        table=table,
        respondents=[(wave, key, counts.get(key, 0)) for key, wave in table.waves.items()],
        names={key: wave.name for key, wave in table.waves.items()},
        scoring_note=_scoring_note(survey),
    )
    attendance, result.attendance_note = _attendance(survey, table)
    if not table.rows:
        result.problem = _("No one has submitted answers yet: the analysis starts with the first.")
        return result
    try:
        result.analysis = analyze(
            table.dictionary, table.csv_rows, attendance=attendance, groups=_groups(table)
        )
    except ResponsesError as error:
        result.problem = error.message
    return result


def _wave_counts(table: SurveyTable) -> dict[str, int]:
    counts: dict[str, int] = {}
    for row in table.rows:
        counts[row[1]] = counts.get(row[1], 0) + 1
    return counts


def _scoring_note(survey: Survey) -> str:
    other = list(
        Subscale.objects.filter(version=survey.version)
        .exclude(min_answered=MIN_ANSWERED_DEFAULT)
        .values_list("name", flat=True)
    )
    if not other:
        return ""
    return _(
        "The subscales %(names)s ask for another share of answered items in the instrument; "
        "this analysis, like staffroom analyze, scores every subscale when at least "
        "%(share)s%% of its items are answered."
    ) % {"names": ", ".join(other), "share": MIN_ANSWERED_DEFAULT}


def _attendance(survey: Survey, table: SurveyTable) -> tuple[dict[str, float] | None, str]:
    if survey.anonymous:
        return None, _(
            "This survey is anonymous: its responses keep no link to anyone's account, so they "
            "cannot be joined to attendance (doing so would undo the anonymity)."
        )
    if survey.community_id is None:
        return None, _(
            "This survey covers the whole hub, whose communities hold different sessions: "
            "attendance is compared for surveys of one community or series."
        )
    until = Wave.objects.filter(survey=survey).aggregate(end=Max("closes_at"))["end"]
    sessions = Session.objects.filter(community_id=survey.community_id, starts_at__lt=until)
    sessions = sessions.exclude(status=Session.Status.CANCELLED)
    if survey.series_id:
        sessions = sessions.filter(series_id=survey.series_id)
    respondents = Response.objects.filter(
        wave__survey=survey, status=Response.Status.SUBMITTED
    ).values("user_id")
    attended = dict(
        Attendance.objects.filter(session__in=sessions, user_id__in=respondents, confirmed=True)
        .values("user_id")
        .annotate(sessions=Count("session", distinct=True))
        .values_list("user_id", "sessions")
    )
    return {rid: float(attended.get(user, 0)) for rid, user in table.people.items()}, ""


def _groups(table: SurveyTable) -> dict[str, dict[str, str]]:
    """Attribute -> respondent -> value, from the respondent's first row with one."""
    groups: dict[str, dict[str, str]] = {}
    for position, (attribute, _column) in enumerate(table.attributes.items(), start=2):
        labels: dict[str, str] = {}
        for row in table.rows:
            if row[position]:
                labels.setdefault(row[0], row[position])
        groups[attribute] = labels
    return groups


# -- laid out for the page ----------------------------------------------------------------


def _mean_sd(mean: float, sd: float) -> str:
    return f"{number(mean, 2)} ({number(sd, 2)})"


def too_few(result: SurveyAnalysis, n: int) -> bool:
    """Whether a figure computed from ``n`` respondents stays off the pages: in an
    anonymous survey, 1 to 4 people's answers (an item's, a scale's, a change or a
    correlation) would be theirs to read, as a small subgroup's would. An identified
    survey names its respondents to those who read it anyway."""
    return 0 < n < SUPPRESS_BELOW and result.survey.anonymous


def scale_sections(result: SurveyAnalysis) -> list[dict]:
    """Each scale: its items, a row per wave and a paired comparison for each pair of
    waves, earlier to later (with one wave, the one saying there is nothing to compare).
    Rows and comparisons from too few respondents (``too_few``) say only that."""
    analysis = result.analysis
    sections = []
    for scale in analysis.scales.values():
        sections.append(
            {
                "name": scale.name,
                "items": ", ".join(scale.items),
                "reversed": ", ".join(scale.reversed),
                "rows": [_scale_row(result, wave, s) for wave, s in scale.waves.items()],
                "comparisons": [
                    _comparison(result, paired) for paired in scale.comparisons or (scale.paired,)
                ],
            }
        )
    return sections


def _scale_row(result: SurveyAnalysis, wave: str, s) -> dict:
    if too_few(result, s.n):
        return {"wave": result.wave_name(wave), "suppressed": True}
    return {
        "wave": result.wave_name(wave),
        "n": s.n,
        "mean": number(s.mean),
        "sd": number(s.sd),
        "alpha": _("fewer than 5") if too_few(result, s.alpha_n) else number(s.alpha),
        "alpha_n": s.alpha_n,
    }


def _comparison(result: SurveyAnalysis, paired: PairedComparison) -> dict:
    hidden = paired.n >= 2 and too_few(result, paired.n)
    comparison = {
        "earlier": result.wave_name(paired.earlier) if paired.earlier else "",
        "later": result.wave_name(paired.later) if paired.later else "",
        "n": paired.n,
        "note": _("fewer than 5") if hidden else paired.note or "",
        "computed": paired.later is not None and paired.n >= 2 and not hidden,
    }
    if comparison["computed"]:
        comparison.update(
            mean_diff=number(paired.mean_diff), ci_low=number(paired.ci95[0]),
            ci_high=number(paired.ci95[1]), t=number(paired.t),
            df=str(int(paired.df)) if math.isfinite(paired.df) else number(paired.df),
            p=p_value(paired.p), d_z=number(paired.d_z), v=rank_sum(paired.v),
            wilcoxon_p=p_value(paired.wilcoxon_p),
            method=_("exact") if paired.wilcoxon_exact else _("normal approximation"),
        )  # fmt: skip
    return comparison


def prepost_chart(result: SurveyAnalysis) -> str:
    """The scale means by wave, without those the tables hold back (``too_few``): a
    wave none of whose means may show is left out, as on the items' charts; a single
    mean held back draws no dot."""
    analysis = result.analysis
    scales = [
        replace(scale, waves={w: s for w, s in scale.waves.items() if not too_few(result, s.n)})
        for scale in analysis.scales.values()
    ]
    waves = [w for w in analysis.waves if not scales or any(w in s.waves for s in scales)]
    return charts.prepost_svg(
        scales, waves=waves, ranges=charts.scale_ranges(result.table.dictionary)
    )


def correlation_sections(result: SurveyAnalysis) -> list[dict]:
    """Per wave: scale pairs (Pearson r, Spearman rho, n; only "fewer than 5" when
    ``too_few``) and, when known (never in an anonymous survey), each scale with
    sessions attended."""
    sections = []
    for wave, table in result.analysis.correlations.items():
        attendance = table.attendance
        sections.append(
            {
                "wave": result.wave_name(wave),
                "pairs": [
                    {
                        "pair": pair.replace("~", " ~ "),
                        "r": number(r),
                        "rho": number(table.spearman[pair]),
                        "n": table.n[pair],
                        "suppressed": too_few(result, table.n[pair]),
                    }
                    for pair, r in table.pearson.items()
                ],
                "attendance": [
                    (name, number(r), number(attendance["spearman"][name]), attendance["n"][name])
                    for name, r in attendance["pearson"].items()
                ]
                if attendance is not None
                else None,
            }
        )
    return sections


def group_sections(result: SurveyAnalysis) -> list[dict]:
    """Per attribute and wave: a row per group in the attribute's own order, each scale's
    mean (sd) or, for fewer than 5 people, nothing but that. A group of 5 or more is
    hidden too when the wave's totals (on the same page) minus the groups shown would
    leave 1 to 4 people, whose mean could then be worked out by subtraction."""
    analysis = result.analysis
    scales = list(analysis.scales)
    sections = []
    for attribute, title, choices in GROUPS:
        by_wave = analysis.groups.get(attribute, {})
        waves = []
        for wave, cells in by_wave.items():
            shown = {value: cell.n for value, cell in cells.items() if not cell.suppressed}
            hidden = _hidden_by_difference(shown, analysis.respondents[wave])
            scored = {
                s: _hidden_by_difference(
                    {
                        value: cells[value].scales[s][0]
                        for value in shown
                        if value not in hidden and cells[value].scales[s][0]
                    },
                    analysis.scales[s].waves[wave].n,
                )
                for s in scales
            }
            known = [(value, label) for value, label in choices if value in cells]
            known += [(value, value) for value in cells if value not in dict(choices)]
            rows = []
            for value, label in known:
                cell = cells[value]
                row = {"label": label, "suppressed": cell.suppressed, "hidden": value in hidden}
                if not (cell.suppressed or row["hidden"]):
                    row["n"] = cell.n
                    row["scales"] = [
                        _group_cell(cell.scales[s], hidden=value in scored[s]) for s in scales
                    ]
                rows.append(row)
            if rows:
                waves.append({"wave": result.wave_name(wave), "rows": rows})
        sections.append({"title": title, "scales": scales, "waves": waves})
    return sections


def _group_cell(summary: tuple[int | None, float, float], *, hidden: bool) -> str | None:
    """A scale's mean (sd) in a group, ``not shown`` when hidden from subtraction, or
    None (fewer than 5 with a score)."""
    if not summary[0]:
        return None
    return _("not shown") if hidden else _mean_sd(*summary[1:])


def _hidden_by_difference(shown: dict[str, int], total: int) -> set[str]:
    """Which of the ``shown`` groups (group -> people) to hide as well so that ``total``
    minus the groups still shown is 0 or at least 5 people: the smallest first."""
    hidden: set[str] = set()
    rest = total - sum(shown.values())
    for value in sorted(shown, key=lambda v: (shown[v], v)):
        if rest == 0 or rest >= SUPPRESS_BELOW:
            break
        hidden.add(value)
        rest += shown[value]
    return hidden


def item_sections(result: SurveyAnalysis, items: list) -> list[dict]:
    """The given items (``ItemResult``s): a row per wave and, for items with choices,
    the distribution chart. In an anonymous survey a wave where 1 to 4 people answered
    the item shows only "fewer than 5" and is left out of the chart, as a small
    subgroup is: with so few, an answer points to the person who gave it."""
    analysis = result.analysis
    sections = []
    for item in items:
        labels = dict(item.choices)
        rows = []
        small = set()
        for wave, s in item.waves.items():
            if too_few(result, s.n):
                small.add(wave)
                rows.append({"wave": result.wave_name(wave), "suppressed": True})
                continue
            rows.append(
                {
                    "wave": result.wave_name(wave),
                    "n": s.n,
                    "mean": number(s.mean, 2),
                    "sd": number(s.sd, 2),
                    "median": number(s.median, 1),
                    "counts": ", ".join(
                        f"{labels.get(code) or code}: {count}" for code, count in s.counts.items()
                    ),
                }
            )
        shown = [wave for wave in analysis.waves if wave not in small]
        answered = any(item.waves[wave].n for wave in shown if wave in item.waves)
        sections.append(
            {
                "name": item.name,
                "label": item.label,
                "rows": rows,
                "chart": charts.item_distribution_svg(item, waves=shown)
                if item.choices and answered
                else "",
            }
        )
    return sections
