"""Measuring the de-identification detector against labelled texts.

A labelled file is JSON Lines, one object per text::

    {"text": "Maria missed school.", "spans": [{"start": 0, "end": 5, "category": "name"}]}

Offsets count characters (Unicode code points, as Python slices), not bytes; ``end`` is
exclusive. Blank lines are skipped. Per category, a labelled span is *found* when a
finding of the same category overlaps it, and a finding is *correct* when it overlaps a
labelled span of the same category: recall = found / labelled, precision = correct /
flagged (``None`` when there is nothing to divide by).

The built-in set is ``deid_data/testset.jsonl``, written from ``deid_data/testset.txt``
(texts with ``[[category:words]]`` markers) by ``deid_data/build.py``.
"""

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from django.utils.translation import gettext as _

from staffroom.cases.deid import CATEGORIES, Finding, find_identifiers
from staffroom.core.errors import DomainError


class LabelledFileError(DomainError):
    """A labelled file that cannot be used; ``line`` is its 1-based line, if any."""

    def __init__(self, message: str, *, line: int | None = None):
        if line is not None:
            message = _("Line %(line)d: %(problem)s") % {"line": line, "problem": message}
        super().__init__(message)
        self.line = line


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    category: str


@dataclass(frozen=True)
class LabelledText:
    text: str
    spans: tuple[Span, ...]
    line: int = 0


def _span(value: object, text: str, line: int) -> Span:
    if not isinstance(value, dict):
        raise LabelledFileError(_("each span must be an object."), line=line)
    start, end, category = value.get("start"), value.get("end"), value.get("category")
    if not all(isinstance(n, int) and not isinstance(n, bool) for n in (start, end)):
        raise LabelledFileError(_("a span needs whole numbers “start” and “end”."), line=line)
    if category not in CATEGORIES:
        raise LabelledFileError(
            _("unknown category “%(category)s” (expected one of: %(categories)s).")
            % {"category": category, "categories": ", ".join(CATEGORIES)},
            line=line,
        )
    if not 0 <= start < end <= len(text):
        raise LabelledFileError(
            _("the span %(start)s–%(end)s is outside the text (%(length)d characters).")
            % {"start": start, "end": end, "length": len(text)},
            line=line,
        )
    return Span(start, end, category)


def parse_jsonl(lines: Iterable[str]) -> list[LabelledText]:
    """Labelled texts from JSON Lines; raises ``LabelledFileError`` naming the line."""
    texts = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as error:
            raise LabelledFileError(
                _("not valid JSON (%(error)s).") % {"error": error.msg}, line=number
            ) from None
        if not isinstance(value, dict) or not isinstance(value.get("text"), str):
            raise LabelledFileError(_("expected an object with a “text” string."), line=number)
        spans = value.get("spans", [])
        if not isinstance(spans, list):
            raise LabelledFileError(_("“spans” must be a list."), line=number)
        parsed = tuple(_span(span, value["text"], number) for span in spans)
        texts.append(LabelledText(value["text"], parsed, number))
    if not texts:
        raise LabelledFileError(_("The file holds no labelled texts."))
    return texts


def read_jsonl(path: str | Path) -> list[LabelledText]:
    """Labelled texts from a file (UTF-8, with or without a byte order mark)."""
    try:
        content = Path(path).read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise LabelledFileError(_("There is no file %(path)s.") % {"path": path}) from None
    except IsADirectoryError:
        raise LabelledFileError(_("%(path)s is a folder, not a file.") % {"path": path}) from None
    except UnicodeDecodeError:
        raise LabelledFileError(_("%(path)s is not UTF-8 text.") % {"path": path}) from None
    return parse_jsonl(content.splitlines())


BUILTIN = resources.files("staffroom.cases.deid_data") / "testset.jsonl"


def read_builtin() -> list[LabelledText]:
    return parse_jsonl(BUILTIN.read_text(encoding="utf-8").splitlines())


# --- marked source files: "[[name:Maria]] missed school." ---

_MARKER = re.compile(r"\[\[(\w+):([^\]]+)\]\]")


def parse_marked(line: str, number: int = 0) -> LabelledText:
    """A text with ``[[category:words]]`` markers as a labelled text."""
    parts, spans, position = [], [], 0
    for match in _MARKER.finditer(line):
        parts.append(line[position : match.start()])
        start = sum(len(p) for p in parts)
        category, words = match.groups()
        if category not in CATEGORIES:
            raise LabelledFileError(
                _("unknown category “%(category)s”.") % {"category": category}, line=number
            )
        parts.append(words)
        spans.append(Span(start, start + len(words), category))
        position = match.end()
    parts.append(line[position:])
    text = "".join(parts)
    if "[[" in text or "]]" in text:
        raise LabelledFileError(_("a marker is not closed."), line=number)
    return LabelledText(text, tuple(spans), number)


def marked_to_jsonl(source: str) -> str:
    """JSON Lines for a marked source (``#`` starts a comment line)."""
    out = []
    for number, line in enumerate(source.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        labelled = parse_marked(line.rstrip(), number)
        spans = [{"start": s.start, "end": s.end, "category": s.category} for s in labelled.spans]
        out.append(json.dumps({"text": labelled.text, "spans": spans}, ensure_ascii=False))
    return "\n".join(out) + "\n"


# --- scores ---


@dataclass
class Score:
    labelled: int = 0
    flagged: int = 0
    found: int = 0  # labelled spans overlapped by a finding of their category
    correct: int = 0  # findings overlapping a labelled span of their category

    @property
    def recall(self) -> float | None:
        return self.found / self.labelled if self.labelled else None

    @property
    def precision(self) -> float | None:
        return self.correct / self.flagged if self.flagged else None


@dataclass
class Evaluation:
    scores: dict[str, Score]
    texts: int
    misses: list[tuple[LabelledText, Span]] = field(default_factory=list)
    false_alarms: list[tuple[LabelledText, Finding]] = field(default_factory=list)

    def as_json(self) -> dict[str, dict[str, float | int | None]]:
        """``{"category": {"recall": r, "precision": p, "labelled": n, "flagged": m}}``"""

        def rounded(value: float | None) -> float | None:
            return None if value is None else round(value, 4)

        return {
            category: {
                "recall": rounded(score.recall),
                "precision": rounded(score.precision),
                "labelled": score.labelled,
                "flagged": score.flagged,
            }
            for category, score in self.scores.items()
        }


def _overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def evaluate(
    texts: Iterable[LabelledText], detector: Callable[[str], list[Finding]] = find_identifiers
) -> Evaluation:
    """Recall and precision per category of ``detector`` on ``texts``."""
    scores = {category: Score() for category in CATEGORIES}
    evaluation = Evaluation(scores, 0)
    for labelled in texts:
        evaluation.texts += 1
        findings = detector(labelled.text)
        for span in labelled.spans:
            score = scores[span.category]
            score.labelled += 1
            if any(
                f.category == span.category and _overlap(f.start, f.end, span.start, span.end)
                for f in findings
            ):
                score.found += 1
            else:
                evaluation.misses.append((labelled, span))
        for finding in findings:
            score = scores[finding.category]
            score.flagged += 1
            if any(
                s.category == finding.category
                and _overlap(s.start, s.end, finding.start, finding.end)
                for s in labelled.spans
            ):
                score.correct += 1
            else:
                evaluation.false_alarms.append((labelled, finding))
    return evaluation
