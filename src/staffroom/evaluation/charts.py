"""The survey analysis as SVG charts: ``staffroom analyze --charts DIR``.

Pure functions from an ``Analysis``'s parts to SVG 1.1 text, drawn by hand (no plotting
library): the same input always gives the same bytes, so tests compare structure.

- ``item_distribution_svg``: one item, the share of each choice in each wave (grouped
  horizontal bars, choices labelled beside their bars, percentages written out);
- ``prepost_svg``: each scale's mean score in each wave on the scale's range (dots joined
  by a line, the value written by each dot).

Accessibility: ``role="img"`` with a ``<title>`` and a ``<desc>`` that says every number
in words (missing data included); waves differ by shape or pattern as well as by colour;
colours keep at least 3:1 against white and text is near-black on white. The document is
built with ElementTree, so every user string (item, choice, scale and wave names) is
escaped; there are no ``style`` attributes and no scripts, only presentation attributes.
Sizes are in a ``viewBox`` so a chart scales to its container.
"""

import math
import re
import textwrap
import xml.etree.ElementTree as ET
from collections.abc import Mapping, Sequence

from django.utils.translation import gettext as _

from staffroom.evaluation.analysis import Analysis, ItemResult, ScaleResult
from staffroom.evaluation.redcap import Dictionary

__all__ = [
    "analysis_charts",
    "item_distribution_svg",
    "prepost_svg",
    "scale_ranges",
]

SVG_NS = "http://www.w3.org/2000/svg"
WIDTH = 640
FONT = "12"
TEXT = "#1a1a1a"  # on white: 17:1
GRID = "#bdbdbd"
# One colour per wave, each >= 3:1 against white (WCAG 1.4.11), cycled after four;
# waves also differ by pattern (bars) or marker shape (dots), never by colour alone.
WAVE_COLOURS = ("#1f4e79", "#a84f00", "#3d3d3d", "#00665c")
PATTERNS = ("solid", "diagonal", "dots", "crosshatch")
SHAPES = ("circle", "square", "triangle", "diamond")
# Characters XML 1.0 cannot hold at all: dropped from user text.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


# -- public ---------------------------------------------------------------------------


def item_distribution_svg(item: ItemResult, *, waves: Sequence[str] | None = None) -> str:
    """The share of each of ``item``'s choices in each wave, as grouped horizontal bars:
    one row per choice, one bar per wave in it, the percentage and count after each bar.
    ``waves`` picks and orders the waves (default: the item's). A wave with no answers
    draws no bars and says so in the legend and the description."""
    order = list(waves if waves is not None else item.waves)
    prefix = "item-" + _safe_id(item.name)
    heading = f"{item.name}: {item.label}" if item.label else item.name
    title = _("Answers to %(item)s, by wave") % {"item": heading}

    totals = {}
    for wave in order:
        summary = item.waves.get(wave)
        totals[wave] = sum(summary.counts.values()) if summary else 0

    sentences = [_("The share of answers given to each choice, by wave.")]
    for wave in order:
        summary = item.waves.get(wave)
        if not totals[wave]:
            sentences.append(_("%(wave)s: no answers.") % {"wave": wave})
            continue
        parts = [
            _("%(choice)s %(percent)s (%(count)s)")
            % {
                "choice": label or code,
                "percent": _percent(summary.counts.get(code, 0), totals[wave]),
                "count": summary.counts.get(code, 0),
            }
            for code, label in item.choices
        ]
        sentences.append(
            _("%(wave)s (%(n)s answers): %(shares)s.")
            % {"wave": wave, "n": totals[wave], "shares": "; ".join(parts)}
        )

    label_width, bar_x, bar_width = 190, 200, 340
    bar_height, bar_gap, group_gap = 14, 3, 12
    title_lines = _wrap(heading, 90, 3)
    top = 18 + 16 * len(title_lines) + 8
    entries = [
        _("%(wave)s (n = %(n)s)") % {"wave": wave, "n": totals[wave]}
        if totals[wave]
        else _("%(wave)s (no answers)") % {"wave": wave}
        for wave in order
    ]
    places, legend_height = _legend(entries, top)
    rows_top = top + legend_height + 8
    group_height = len(order) * (bar_height + bar_gap) - bar_gap
    choice_lines = [_wrap(label or code, 30, 2) for code, label in item.choices]
    row_heights = [max(group_height, 14 * len(lines)) for lines in choice_lines]
    axis_y = rows_top + sum(row_heights) + group_gap * max(len(row_heights) - 1, 0) + 8
    height = axis_y + 22

    svg, defs = _svg_root(prefix, height, title, " ".join(sentences))
    for i in range(len(order)):
        _pattern(defs, f"{prefix}-wave-{i}", i)

    y = 18
    for line in title_lines:
        _text(svg, 8, y, line, weight="bold")
        y += 16

    # Legend: the waves, each with its pattern.
    for i, (entry, (x, ly)) in enumerate(zip(entries, places, strict=True)):
        _rect(svg, x, ly, 14, 14, f"url(#{prefix}-wave-{i})", stroke=_colour(i))
        _text(svg, x + 20, ly + 11, _wrap(entry, 40, 1)[0])

    # Grid and axis: 0 to 100%.
    grid = ET.SubElement(svg, "g", {"stroke": GRID, "stroke-width": "1"})
    for tick in range(0, 101, 25):
        gx = bar_x + bar_width * tick / 100
        _line(grid, gx, rows_top - 4, gx, axis_y)
        _text(svg, gx, axis_y + 14, _percent(tick, 100), anchor="middle")

    y = rows_top
    for (code, _label), lines, row_height in zip(
        item.choices, choice_lines, row_heights, strict=True
    ):
        label_y = y + (row_height - 14 * len(lines)) / 2 + 11
        for k, line in enumerate(lines):
            _text(svg, label_width, label_y + 14 * k, line, anchor="end")
        bars = ET.SubElement(svg, "g")
        by = y + (row_height - group_height) / 2
        for i, wave in enumerate(order):
            if totals[wave]:
                count = item.waves[wave].counts.get(code, 0)
                width = bar_width * count / totals[wave]
                if width > 0:
                    bar = _rect(
                        bars,
                        bar_x,
                        by,
                        width,
                        bar_height,
                        f"url(#{prefix}-wave-{i})",
                        stroke=_colour(i),
                    )
                    ET.SubElement(bar, "title").text = _clean(
                        _("%(wave)s: %(percent)s (%(count)s of %(n)s)")
                        % {
                            "wave": wave,
                            "percent": _percent(count, totals[wave]),
                            "count": count,
                            "n": totals[wave],
                        }
                    )
                _text(
                    bars,
                    bar_x + width + 4,
                    by + 11,
                    _("%(percent)s (%(count)s)")
                    % {"percent": _percent(count, totals[wave]), "count": count},
                    size="11",
                )
            else:
                _text(
                    bars, bar_x + 4, by + 11, _("%(wave)s: no answers") % {"wave": wave}, size="11"
                )
            by += bar_height + bar_gap
        y += row_height + group_gap
    return _serialise(svg)


def prepost_svg(
    scales: Sequence[ScaleResult],
    *,
    waves: Sequence[str],
    ranges: Mapping[str, tuple[float, float] | None] | None = None,
) -> str:
    """Each scale's mean score in each wave, one row per scale: a dot per wave (a
    different shape for each wave) on the scale's range, joined in wave order, with the
    mean written by it. ``ranges`` gives a scale's lowest and highest possible score
    (``scale_ranges``); without one the axis spans the means. A missing mean draws no
    dot and is named beside the row and in the description."""
    ranges = ranges or {}
    order = list(waves)
    prefix = "scales"
    title = _("Mean scale scores by wave")

    sentences = [_("The mean score of each scale in each wave.")]
    axes = {}
    for scale in scales:
        low, high, given = _axis(scale, order, ranges.get(scale.name))
        axes[scale.name] = (low, high)
        parts = []
        for wave in order:
            summary = scale.waves.get(wave)
            if summary is None or not math.isfinite(summary.mean):
                parts.append(_("%(wave)s no score") % {"wave": wave})
            else:
                parts.append(
                    _("%(wave)s %(mean)s (n = %(n)s)")
                    % {"wave": wave, "mean": _number(summary.mean), "n": summary.n}
                )
        if given:
            intro = _("%(scale)s (range %(low)s to %(high)s)") % {
                "scale": scale.name,
                "low": _number(low, short=True),
                "high": _number(high, short=True),
            }
        else:
            intro = scale.name
        sentences.append(_("%(scale)s: %(means)s.") % {"scale": intro, "means": "; ".join(parts)})
    if not scales:
        sentences.append(_("The data dictionary declares no scales."))

    label_width, axis_x, axis_width, row_height = 150, 170, 360, 70
    places, legend_height = _legend(order, 30)
    top = 30 + legend_height
    height = top + row_height * max(len(scales), 1) + 8
    svg, _defs = _svg_root(prefix, height, title, " ".join(sentences))
    _text(svg, 8, 18, title, weight="bold")

    for i, (wave, (x, ly)) in enumerate(zip(order, places, strict=True)):
        _marker(svg, i, x + 7, ly + 7)
        _text(svg, x + 20, ly + 11, _wrap(wave, 40, 1)[0])

    if not scales:
        _text(svg, 8, top + 20, _("The data dictionary declares no scales."))
    for r, scale in enumerate(scales):
        y0 = top + row_height * r
        line_y = y0 + 26
        low, high = axes[scale.name]
        label_lines = _wrap(scale.name, 22, 2)
        for k, line in enumerate(label_lines):
            ly = line_y + 4 + 14 * (k - (len(label_lines) - 1) / 2)
            _text(svg, label_width, ly, line, anchor="end", weight="bold")

        def at(value, low=low, high=high):
            return axis_x + axis_width * (value - low) / (high - low)

        axis = ET.SubElement(svg, "g", {"stroke": GRID, "stroke-width": "1"})
        _line(axis, axis_x, line_y, axis_x + axis_width, line_y)
        for tick in _ticks(low, high):
            _line(axis, at(tick), line_y - 4, at(tick), line_y + 4)
            _text(svg, at(tick), y0 + 62, _number(tick, short=True), anchor="middle", size="10")

        present = [
            (i, wave, scale.waves[wave])
            for i, wave in enumerate(order)
            if wave in scale.waves and math.isfinite(scale.waves[wave].mean)
        ]
        if len(present) >= 2:
            ET.SubElement(
                svg,
                "polyline",
                {
                    "points": " ".join(
                        f"{_fmt(at(s.mean))},{_fmt(line_y)}" for _i, _w, s in present
                    ),
                    "fill": "none",
                    "stroke": "#595959",
                    "stroke-width": "2",
                },
            )
        for i, wave, summary in present:
            mark = _marker(svg, i, at(summary.mean), line_y)
            ET.SubElement(mark, "title").text = _clean(
                _("%(scale)s, %(wave)s: mean %(mean)s (n = %(n)s)")
                % {"scale": scale.name, "wave": wave, "mean": _number(summary.mean), "n": summary.n}
            )
            # Alternate above and below so that close means do not overwrite each other.
            ty = line_y - 11 if i % 2 == 0 else line_y + 22
            _text(svg, at(summary.mean), ty, _number(summary.mean), anchor="middle", size="11")
        drawn = {wave for _i, wave, _s in present}
        missing = [wave for wave in order if wave not in drawn]
        if missing:
            note = _("no score: %(waves)s") % {"waves": ", ".join(missing)}
            below = line_y + 4 + 7 * len(label_lines) + 11
            _text(svg, label_width, below, _wrap(note, 26, 1)[0], anchor="end", size="11")
    return _serialise(svg)


def scale_ranges(dictionary: Dictionary) -> dict[str, tuple[float, float] | None]:
    """Scale name -> its lowest and highest possible score (the widest of its items'
    ranges), or None when an item's range is unknown."""
    ranges: dict[str, tuple[float, float] | None] = {}
    for name, members in dictionary.scales.items():
        found = [m.score_range for m in members]
        if not found or any(r is None for r in found):
            ranges[name] = None
        else:
            ranges[name] = (min(r[0] for r in found), max(r[1] for r in found))  # type: ignore[index]
    return ranges


def analysis_charts(
    analysis: Analysis, *, ranges: Mapping[str, tuple[float, float] | None] | None = None
) -> dict[str, str]:
    """File name -> SVG: ``item-<name>.svg`` for every item with choices and
    ``scales.svg``, what ``staffroom analyze --charts DIR`` writes."""
    charts = {
        f"item-{_safe_file(name)}.svg": item_distribution_svg(item, waves=analysis.waves)
        for name, item in analysis.items.items()
        if item.choices
    }
    charts["scales.svg"] = prepost_svg(
        list(analysis.scales.values()), waves=analysis.waves, ranges=ranges
    )
    return charts


# -- drawing ---------------------------------------------------------------------------


def _svg_root(prefix: str, height: float, title: str, desc: str):
    svg = ET.Element(
        "svg",
        {
            "xmlns": SVG_NS,
            "version": "1.1",
            "viewBox": f"0 0 {WIDTH} {_fmt(height)}",
            "role": "img",
            "aria-labelledby": f"{prefix}-title {prefix}-desc",
            "font-family": "sans-serif",
            "font-size": FONT,
            "fill": TEXT,
        },
    )
    ET.SubElement(svg, "title", {"id": f"{prefix}-title"}).text = _clean(title)
    ET.SubElement(svg, "desc", {"id": f"{prefix}-desc"}).text = _clean(desc)
    defs = ET.SubElement(svg, "defs")
    ET.SubElement(svg, "rect", {"width": "100%", "height": "100%", "fill": "#ffffff"})
    return svg, defs


def _serialise(svg: ET.Element) -> str:
    defs = svg.find("defs")
    if defs is not None and not len(defs):
        svg.remove(defs)
    ET.indent(svg, space=" ")
    return ET.tostring(svg, encoding="unicode") + "\n"


def _text(parent, x, y, text, *, anchor=None, size=None, weight=None) -> ET.Element:
    attributes = {"x": _fmt(x), "y": _fmt(y)}
    if anchor:
        attributes["text-anchor"] = anchor
    if size:
        attributes["font-size"] = size
    if weight:
        attributes["font-weight"] = weight
    element = ET.SubElement(parent, "text", attributes)
    element.text = _clean(text)
    return element


def _line(parent, x1, y1, x2, y2) -> ET.Element:
    return ET.SubElement(
        parent, "line", {"x1": _fmt(x1), "y1": _fmt(y1), "x2": _fmt(x2), "y2": _fmt(y2)}
    )


def _rect(parent, x, y, width, height, fill, *, stroke=None) -> ET.Element:
    attributes = {
        "x": _fmt(x),
        "y": _fmt(y),
        "width": _fmt(width),
        "height": _fmt(height),
        "fill": fill,
    }
    if stroke:
        attributes["stroke"] = stroke
    return ET.SubElement(parent, "rect", attributes)


def _legend(entries: Sequence[str], top: float) -> tuple[list[tuple[float, float]], float]:
    """Where each legend entry (a 14-unit key, then its text) goes, from ``top``, on as
    many lines as the width needs; and the height they take."""
    places = []
    x, y = 8.0, top
    for entry in entries:
        width = 20 + _text_width(_wrap(entry, 40, 1)[0])
        if x > 8 and x + width > WIDTH - 8:
            x, y = 8.0, y + 20
        places.append((x, y))
        x += width + 18
    return places, (y - top) + 20


def _colour(i: int) -> str:
    return WAVE_COLOURS[i % len(WAVE_COLOURS)]


def _pattern(defs, pattern_id: str, i: int) -> None:
    """The fill of wave ``i``'s bars: its colour, with white lines or dots after the
    first wave so that the waves differ in grey scale too."""
    kind = PATTERNS[i % len(PATTERNS)]
    pattern = ET.SubElement(
        defs,
        "pattern",
        {"id": pattern_id, "patternUnits": "userSpaceOnUse", "width": "6", "height": "6"},
    )
    _rect(pattern, 0, 0, 6, 6, _colour(i))
    lines = {"stroke": "#ffffff", "stroke-width": "1.5"}
    if kind == "diagonal":
        ET.SubElement(pattern, "path", {"d": "M-1,1 l2,-2 M0,6 l6,-6 M5,7 l2,-2", **lines})
    elif kind == "dots":
        ET.SubElement(pattern, "circle", {"cx": "3", "cy": "3", "r": "1.3", "fill": "#ffffff"})
    elif kind == "crosshatch":
        ET.SubElement(pattern, "path", {"d": "M0,3 h6 M3,0 v6", **lines})


def _marker(parent, i: int, x: float, y: float) -> ET.Element:
    """Wave ``i``'s dot: a circle, square, triangle or diamond in its colour."""
    shape = SHAPES[i % len(SHAPES)]
    # Every other wave is drawn open, so that a dot on top of another leaves it visible.
    if i % 2:
        paint = {"fill": "none", "stroke": _colour(i), "stroke-width": "2.5"}
    else:
        paint = {"fill": _colour(i), "stroke": "#ffffff", "stroke-width": "1"}
    if shape == "circle":
        return ET.SubElement(parent, "circle", {"cx": _fmt(x), "cy": _fmt(y), "r": "6", **paint})
    if shape == "square":
        square = _rect(parent, x - 5.5, y - 5.5, 11, 11, paint["fill"], stroke=paint["stroke"])
        square.set("stroke-width", paint["stroke-width"])
        return square
    if shape == "triangle":
        points = [(x, y - 7), (x + 7, y + 5), (x - 7, y + 5)]
    else:
        points = [(x, y - 7), (x + 7, y), (x, y + 7), (x - 7, y)]
    return ET.SubElement(
        parent, "polygon", {"points": " ".join(f"{_fmt(a)},{_fmt(b)}" for a, b in points), **paint}
    )


def _axis(scale: ScaleResult, order, given) -> tuple[float, float, bool]:
    """The axis of a scale's row: its possible range when known, else the means' span
    widened to round numbers (by one each side first when there is a single value)."""
    if given is not None and given[1] > given[0]:
        return float(given[0]), float(given[1]), True
    means = [
        scale.waves[w].mean
        for w in order
        if w in scale.waves and math.isfinite(scale.waves[w].mean)
    ]
    if not means:
        return 0.0, 1.0, False
    low, high = min(means), max(means)
    if high <= low:
        low, high = low - 1, high + 1
    step = _step(high - low)
    return math.floor(low / step) * step, math.ceil(high / step) * step, False


def _step(span: float) -> float:
    """A round tick interval giving at most 6 intervals over ``span``."""
    magnitude = 10 ** math.floor(math.log10(span))
    return next(m * magnitude for m in (0.1, 0.2, 0.5, 1, 2, 5, 10) if span / (m * magnitude) <= 6)


def _ticks(low: float, high: float) -> list[float]:
    span = high - low
    if span == int(span) and span <= 10 and low == int(low):
        return [low + k for k in range(int(span) + 1)]
    step = _step(span)
    first = math.ceil(low / step - 1e-9)
    return [round(k * step, 10) for k in range(first, math.floor(high / step + 1e-9) + 1)]


# -- text ------------------------------------------------------------------------------


def _clean(text: str) -> str:
    return _NOT_XML.sub("", text)


def _wrap(text: str, width: int, lines: int) -> list[str]:
    wrapped = textwrap.wrap(_clean(text), width) or [""]
    if len(wrapped) > lines:
        wrapped = wrapped[:lines]
        wrapped[-1] = wrapped[-1][: width - 1].rstrip() + "…"
    return wrapped


def _text_width(text: str) -> float:
    """A rough width in user units at 12px sans-serif (for spacing the legend)."""
    return 7 * len(text)


def _percent(count: int, total: int) -> str:
    return _("%(value)s%%") % {"value": int(100 * count / total + 0.5)} if total else _("n/a")


def _number(value: float, *, short: bool = False) -> str:
    if short and value == int(value):
        return str(int(value))
    return f"{value:.2f}"


def _fmt(value: float) -> str:
    """A coordinate with at most two decimals and no trailing zeros (stable output)."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def _safe_id(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9_-]", "_", name) or "item"


def _safe_file(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]", "_", name).lstrip(".") or "item"
