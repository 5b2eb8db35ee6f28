"""An ``Analysis`` as a plain-text report, for people (``staffroom analyze`` without
``--json``). Numbers are rounded for reading; the JSON carries them in full."""

import math

from django.utils.translation import gettext as _

from staffroom.evaluation.analysis import Analysis, PairedComparison, ScaleResult


def number(value: float | None, digits: int = 3) -> str:
    if value is None or not math.isfinite(value):
        return _("n/a")
    return f"{value:.{digits}f}"


def p_value(value: float | None) -> str:
    """As R prints p-values (``format.pval`` with 4 significant digits)."""
    if value is None or not math.isfinite(value):
        return _("n/a")
    if value < 2.2e-16:
        return "< 2.2e-16"
    return f"{value:.4g}"


def rank_sum(v: float) -> str:
    """Wilcoxon's V in full, as R prints it: a whole number or a half (midranks), never
    rounded to 6 digits or written with an exponent (V passes a million at about 1,400
    pairs)."""
    if not math.isfinite(v):
        return _("n/a")
    return f"{v:.1f}".removesuffix(".0")


def report_text(analysis: Analysis) -> str:
    lines: list[str] = []
    counts = ", ".join(
        _("%(n)s in %(wave)s") % {"n": n, "wave": wave} for wave, n in analysis.respondents.items()
    )
    lines.append(_("Respondents: %(counts)s.") % {"counts": counts})
    lines.append(
        _(
            "A scale score is the mean of its answered items (reverse-scored items recoded) when "
            "at least %(share)s of them are answered. Alpha uses the respondents who answered "
            "every item."
        )
        % {"share": "75%"}
    )
    if not analysis.scales:
        lines.append(_("The data dictionary declares no scales (tag items with @SCALE=name)."))
    for scale in analysis.scales.values():
        lines.append("")
        lines.extend(_scale_lines(scale))
    correlation_lines = _correlation_lines(analysis)
    if correlation_lines:
        lines.append("")
        lines.append(_("Correlations between scales (Pearson r, Spearman rho, n):"))
        lines.extend(correlation_lines)
    if analysis.items:
        lines.append("")
        lines.append(_("Items (answers as given, before reverse scoring):"))
        for item in analysis.items.values():
            lines.append(f"  {item.name}: {item.label}" if item.label else f"  {item.name}")
            for wave, s in item.waves.items():
                text = _("%(wave)s: n = %(n)s, mean %(mean)s, sd %(sd)s, median %(median)s") % {
                    "wave": wave,
                    "n": s.n,
                    "mean": number(s.mean, 2),
                    "sd": number(s.sd, 2),
                    "median": number(s.median, 1),
                }
                if s.counts:
                    text += "; " + ", ".join(f"{code}: {count}" for code, count in s.counts.items())
                lines.append(f"    {text}")
    return "\n".join(lines) + "\n"


def _scale_lines(scale: ScaleResult) -> list[str]:
    head = _("Scale %(name)s: %(count)s items (%(items)s)") % {
        "name": scale.name,
        "count": len(scale.items),
        "items": ", ".join(scale.items),
    }
    if scale.reversed:
        head += "; " + _("reverse scored: %(items)s") % {"items": ", ".join(scale.reversed)}
    lines = [head]
    # Translated outside the f-string, where gettext's extractor would not see them.
    heads = _("wave"), _("mean"), _("sd"), _("alpha")
    width = max([len(heads[0]), *(len(w) for w in scale.waves)])
    lines.append(
        f"  {heads[0]:<{width}}  {'n':>5}  {heads[1]:>7}  {heads[2]:>7}  {heads[3]:>7}  "
        + _("(complete cases)")
    )
    for wave, s in scale.waves.items():
        lines.append(
            f"  {wave:<{width}}  {s.n:>5}  {number(s.mean):>7}  {number(s.sd):>7}  "
            f"{number(s.alpha):>7}  ({s.alpha_n})"
        )
    # Every pair of waves, as the JSON's paired_waves; the first is ``paired``.
    for paired in scale.comparisons or (scale.paired,):
        lines.extend(_paired_lines(paired))
    return lines


def _paired_lines(paired: PairedComparison) -> list[str]:
    if paired.later is None:
        return [f"  {paired.note}"]
    lines = [
        "  "
        + _("%(later)s minus %(earlier)s, %(n)s respondents with both scores:")
        % {"later": paired.later, "earlier": paired.earlier, "n": paired.n}
    ]
    if paired.n < 2:
        return [*lines, f"    {paired.note}"]
    lines.append(
        "    "
        + _("mean difference %(diff)s, 95%% CI %(low)s to %(high)s, d_z = %(dz)s")
        % {
            "diff": number(paired.mean_diff),
            "low": number(paired.ci95[0]),
            "high": number(paired.ci95[1]),
            "dz": number(paired.d_z, 2),
        }
    )
    if paired.note:
        lines.append(f"    {paired.note}")
    else:
        lines.append(
            "    "
            + _("paired t-test: t = %(t)s, df = %(df)s, p = %(p)s")
            % {"t": number(paired.t), "df": int(paired.df), "p": p_value(paired.p)}
        )
    method = _("exact") if paired.wilcoxon_exact else _("normal approximation")
    lines.append(
        "    "
        + _("Wilcoxon signed-rank test: V = %(v)s, p = %(p)s (%(method)s)")
        % {"v": rank_sum(paired.v), "p": p_value(paired.wilcoxon_p), "method": method}
    )
    return lines


def _correlation_lines(analysis: Analysis) -> list[str]:
    lines = []
    for wave, table in analysis.correlations.items():
        for pair, r in table.pearson.items():
            lines.append(
                "  "
                + _("%(wave)s: %(pair)s: r = %(r)s, rho = %(rho)s, n = %(n)s")
                % {
                    "wave": wave,
                    "pair": pair.replace("~", " ~ "),
                    "r": number(r),
                    "rho": number(table.spearman[pair]),
                    "n": table.n[pair],
                }
            )
    return lines
