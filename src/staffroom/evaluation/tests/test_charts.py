"""The SVG charts (``charts.py``) and ``staffroom analyze --charts DIR``.

The charts are compared by structure, parsed with ElementTree: what the description
says, which bars and dots are drawn and where, never pixels."""

import io
import math
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from staffroom.evaluation.analysis import (
    ItemResult,
    ItemSummary,
    PairedComparison,
    ScaleResult,
    ScaleSummary,
    analyze_files,
)
from staffroom.evaluation.charts import (
    analysis_charts,
    item_distribution_svg,
    prepost_svg,
    scale_ranges,
)
from staffroom.evaluation.redcap import dictionary_read_path

DATA = Path(__file__).parent / "data"
DICTIONARY = str(DATA / "dictionary.csv")
RESPONSES = str(DATA / "responses.csv")
NS = {"svg": "http://www.w3.org/2000/svg"}
HOSTILE = '<script>alert("x")</script> & co'


def _parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def _all(root: ET.Element, tag: str) -> list[ET.Element]:
    return root.findall(f".//svg:{tag}", NS)


def _texts(root: ET.Element) -> list[str]:
    return [t.text or "" for t in _all(root, "text")]


def _titled(root: ET.Element, tag: str) -> list[ET.Element]:
    """The data marks (bars, dots): each carries its own ``<title>``; legend swatches
    do not."""
    return [e for e in _all(root, tag) if e.find("svg:title", NS) is not None]


def _desc(root: ET.Element) -> str:
    return root.find("svg:desc", NS).text


def _summary(counts: dict[str, int]) -> ItemSummary:
    n = sum(counts.values())
    return ItemSummary(n=n, mean=math.nan, sd=math.nan, median=math.nan, counts=counts)


def _item(label="How sure are you?", choice_labels=("No", "Yes"), post=None) -> ItemResult:
    codes = [str(k) for k in range(len(choice_labels))]
    return ItemResult(
        name="sure",
        label=label,
        choices=tuple(zip(codes, choice_labels, strict=True)),
        waves={
            "pre": _summary({"0": 3, "1": 1}),
            "post": _summary(post if post is not None else {"0": 1, "1": 3}),
        },
    )


def _scale(name="efficacy", pre=2.5, post=3.75) -> ScaleResult:
    return ScaleResult(
        name=name,
        items=("a", "b"),
        reversed=(),
        waves={
            "pre": ScaleSummary(n=4, mean=pre, sd=1.0, alpha=0.8, alpha_n=4),
            "post": ScaleSummary(
                n=0 if math.isnan(post) else 4, mean=post, sd=1.0, alpha=0.8, alpha_n=4
            ),
        },
        paired=PairedComparison(earlier="pre", later="post", n=4),
    )


def _assert_accessible_svg(root: ET.Element) -> None:
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert root.get("version") == "1.1" and root.get("role") == "img"
    assert root.get("viewBox").startswith("0 0 640 ") and root.get("width") is None
    title, desc = root.find("svg:title", NS), root.find("svg:desc", NS)
    assert title.text and desc.text
    assert root.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
    for element in root.iter():
        assert "style" not in element.attrib
        assert not any(name.startswith("on") for name in element.attrib)
    assert not _all(root, "script") and not _all(root, "foreignObject")


# -- item distributions ---------------------------------------------------------------


def test_item_distribution_draws_a_bar_per_wave_and_choice_with_percentages():
    svg = item_distribution_svg(_item())
    root = _parse(svg)
    _assert_accessible_svg(root)
    bars = _titled(root, "rect")
    assert [b.find("svg:title", NS).text for b in bars] == [
        "pre: 75% (3 of 4)",
        "post: 25% (1 of 4)",
        "pre: 25% (1 of 4)",
        "post: 75% (3 of 4)",
    ]
    # Widths are the shares of the same 0-100% axis.
    assert [float(b.get("width")) for b in bars] == [255, 85, 85, 255]
    # Waves differ by pattern, not by colour alone: the post bars are striped.
    assert {b.get("fill") for b in bars} == {"url(#item-sure-wave-0)", "url(#item-sure-wave-1)"}
    stripes = root.find(".//svg:pattern[@id='item-sure-wave-1']/svg:path", NS)
    assert stripes is not None
    texts = _texts(root)
    assert "75% (3)" in texts and "25% (1)" in texts
    assert {"No", "Yes", "pre (n = 4)", "post (n = 4)"} <= set(texts)
    assert _desc(root) == (
        "The share of answers given to each choice, by wave. "
        "pre (4 answers): No 75% (3); Yes 25% (1). "
        "post (4 answers): No 25% (1); Yes 75% (3)."
    )
    assert svg == item_distribution_svg(_item())  # deterministic


def test_item_distribution_escapes_labels():
    svg = item_distribution_svg(_item(label=HOSTILE, choice_labels=(HOSTILE, "A & B")))
    assert "<script>" not in svg and "&amp; co" in svg and "A &amp; B" in svg
    root = _parse(svg)
    _assert_accessible_svg(root)
    assert HOSTILE in root.find("svg:title", NS).text
    assert "A & B" in _texts(root)
    assert f"{HOSTILE} 75% (3)" in _desc(root)


def test_item_distribution_says_when_a_wave_has_no_answers():
    root = _parse(item_distribution_svg(_item(post={"0": 0, "1": 0})))
    _assert_accessible_svg(root)
    assert _desc(root).endswith("post: no answers.")
    assert "post (no answers)" in _texts(root)
    assert _texts(root).count("post: no answers") == 2  # once per choice row
    bars = _titled(root, "rect")
    assert [b.find("svg:title", NS).text[:4] for b in bars] == ["pre:", "pre:"]


def test_item_distribution_follows_the_given_waves():
    root = _parse(item_distribution_svg(_item(), waves=["post", "pre", "later"]))
    assert _desc(root).startswith(
        "The share of answers given to each choice, by wave. post (4 answers)"
    )
    assert _desc(root).endswith("later: no answers.")


def test_item_distribution_drops_characters_xml_cannot_hold():
    root = _parse(item_distribution_svg(_item(label="bell\x07 and tab\t")))
    assert "bell and tab" in root.find("svg:title", NS).text


# -- pre/post by scale ----------------------------------------------------------------


def test_prepost_puts_each_wave_mean_on_the_scale_range():
    svg = prepost_svg([_scale()], waves=["pre", "post"], ranges={"efficacy": (1, 5)})
    root = _parse(svg)
    _assert_accessible_svg(root)
    assert _desc(root) == (
        "The mean score of each scale in each wave. efficacy (range 1 to 5): "
        "pre 2.50 (n = 4); post 3.75 (n = 4)."
    )
    # pre is a circle, post a square: the waves differ by shape as well as colour.
    (dot,) = _titled(root, "circle")
    (square,) = _titled(root, "rect")
    assert dot.find("svg:title", NS).text == "efficacy, pre: mean 2.50 (n = 4)"
    assert square.find("svg:title", NS).text == "efficacy, post: mean 3.75 (n = 4)"
    # The axis runs from 170 (score 1) to 530 (score 5).
    assert float(dot.get("cx")) == pytest.approx(170 + 360 * 1.5 / 4)
    assert float(square.get("x")) + 5.5 == pytest.approx(170 + 360 * 2.75 / 4)
    (line,) = _all(root, "polyline")
    assert line.get("points") == "305,76 417.5,76"
    texts = _texts(root)
    assert {"2.50", "3.75", "1", "2", "3", "4", "5", "efficacy", "pre", "post"} <= set(texts)
    assert svg == prepost_svg([_scale()], waves=["pre", "post"], ranges={"efficacy": (1, 5)})


def test_prepost_says_when_a_mean_is_missing():
    root = _parse(prepost_svg([_scale(post=math.nan)], waves=["pre", "post"]))
    _assert_accessible_svg(root)
    assert _desc(root) == (
        "The mean score of each scale in each wave. efficacy: pre 2.50 (n = 4); post no score."
    )
    assert "no score: post" in _texts(root)
    assert not _all(root, "polyline") and len(_titled(root, "circle")) == 1
    assert not _titled(root, "rect")


def test_prepost_escapes_scale_names_and_handles_no_scales():
    svg = prepost_svg([_scale(name=HOSTILE)], waves=["pre", "post"])
    assert "<script>" not in svg
    root = _parse(svg)
    assert _desc(root).startswith(f"The mean score of each scale in each wave. {HOSTILE}:")
    empty = _parse(prepost_svg([], waves=["pre"]))
    _assert_accessible_svg(empty)
    assert "The data dictionary declares no scales." in _desc(empty)


def test_scale_ranges_come_from_the_items():
    assert scale_ranges(dictionary_read_path(DICTIONARY)) == {
        "efficacy": (1.0, 5.0),
        "belonging": (1.0, 5.0),
    }


def test_analysis_charts_name_a_file_per_item_with_choices():
    result = analyze_files(DICTIONARY, RESPONSES)
    charts = analysis_charts(result)
    assert sorted(charts) == [
        "item-bel_1.svg",
        "item-bel_2.svg",
        "item-bel_3.svg",
        "item-consent.svg",
        "item-eff_1.svg",
        "item-eff_2.svg",
        "item-eff_3.svg",
        "item-eff_4.svg",
        "item-role.svg",
        "scales.svg",
    ]
    for svg in charts.values():
        _assert_accessible_svg(_parse(svg))


# -- the command ----------------------------------------------------------------------


def test_command_writes_the_charts_into_a_new_folder(tmp_path):
    folder = tmp_path / "charts" / "2026"
    err = io.StringIO()
    call_command(
        "analyze", DICTIONARY, RESPONSES, "--json", "--charts", str(folder),
        stdout=io.StringIO(), stderr=err,
    )  # fmt: skip
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        analysis_charts(analyze_files(DICTIONARY, RESPONSES))
    )
    root = _parse((folder / "scales.svg").read_text("utf-8"))
    assert _desc(root).startswith(
        "The mean score of each scale in each wave. efficacy (range 1 to 5): pre 3.03 (n = 12)"
    )
    eff_1 = _parse((folder / "item-eff_1.svg").read_text("utf-8"))
    assert "pre (12 answers): Strongly disagree 8% (1)" in _desc(eff_1)
    assert f"Wrote the charts to {folder}." in err.getvalue()


@pytest.mark.parametrize("where", ["charts", "charts/inside"])
def test_command_refuses_a_file_in_place_of_the_folder(tmp_path, where):
    (tmp_path / "charts").write_text("not a folder")
    with pytest.raises(CommandError, match=r"Could not write the charts to .*charts"):
        call_command(
            "analyze", DICTIONARY, RESPONSES, "--json", "--charts", str(tmp_path / where),
            stdout=io.StringIO(), stderr=io.StringIO(),
        )  # fmt: skip


def test_prepost_without_a_range_spans_the_means_in_round_numbers():
    scale = _scale(name="slider", pre=55, post=70)
    root = _parse(prepost_svg([scale], waves=["pre", "post"]))
    assert _desc(root).endswith("slider: pre 55.00 (n = 4); post 70.00 (n = 4).")
    assert [t for t in _texts(root) if t.isdigit()] == ["55", "60", "65", "70"]
