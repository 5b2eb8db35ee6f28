"""The de-identification guard over a whole case: the detector's findings in every
guarded field and every readable attachment, each marked resolved when the presenter
said it is not identifying. Findings are recomputed from the current text every time
(nothing stale is stored); only the presenter's decisions are (``CaseClearance``)."""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from staffroom.cases.deid import find_identifiers
from staffroom.cases.deid.base import Finding
from staffroom.cases.models import Case


@dataclass(frozen=True)
class GuardFinding:
    """One finding, where it is, and whether the presenter cleared it (and why)."""

    key: str  # the field name, ``attachment:<public_id>`` or ``attachment:<public_id>:name``
    finding: Finding
    text: str
    cleared_reason: str | None

    @property
    def resolved(self) -> bool:
        return self.cleared_reason is not None

    @property
    def anchor(self) -> str:
        return f"f-{self.key.replace(':', '-')}-{self.finding.start}"


@dataclass
class GuardPart:
    """One field or attachment, cut into plain text and findings for the page."""

    key: str
    label: str
    text: str
    findings: list[GuardFinding] = field(default_factory=list)
    is_attachment: bool = False

    @property
    def pieces(self) -> list[tuple[str, GuardFinding | None]]:
        pieces, at = [], 0
        for found in self.findings:
            if found.finding.start > at:
                pieces.append((self.text[at : found.finding.start], None))
            pieces.append((found.text, found))
            at = found.finding.end
        if at < len(self.text):
            pieces.append((self.text[at:], None))
        return pieces


@dataclass
class GuardReport:
    parts: list[GuardPart]
    unconfirmed: list  # attachments that could not be read and are not confirmed clean

    @property
    def findings(self) -> list[GuardFinding]:
        return [found for part in self.parts for found in part.findings]

    @property
    def unresolved(self) -> list[GuardFinding]:
        return [found for found in self.findings if not found.resolved]

    @property
    def clear(self) -> bool:
        return not self.unresolved and not self.unconfirmed


def _field_label(name: str) -> str:
    return str(Case._meta.get_field(name).verbose_name).capitalize()


def case_guard(case: Case, *, attachments=None, clearances=None) -> GuardReport:
    """Check every guarded field and readable attachment of ``case``."""
    if attachments is None:
        attachments = list(case.attachments.all())
    if clearances is None:
        clearances = list(case.clearances.all())
    cleared = {(c.field, c.text, c.category): c.reason for c in clearances}
    sources = [
        (name, _field_label(name), getattr(case, name), False) for name in Case.GUARDED_FIELDS
    ]
    for a in attachments:
        # Members see the file's name on a shared case: "Jayden_IEP.pdf" identifies.
        sources.append((f"{a.guard_key}:name", _("Name of the file “%(name)s”") % {"name": a.name},
                        a.name, True))  # fmt: skip
        if a.checkable:
            sources.append((a.guard_key, _("Attachment “%(name)s”") % {"name": a.name}, a.text,
                            True))  # fmt: skip
    parts = []
    for key, label, text, is_attachment in sources:
        part = GuardPart(key=key, label=label, text=text or "", is_attachment=is_attachment)
        for finding in find_identifiers(part.text):
            flagged = part.text[finding.start : finding.end]
            reason = cleared.get((key, flagged, finding.category))
            part.findings.append(GuardFinding(key, finding, flagged, reason))
        parts.append(part)
    unconfirmed = [a for a in attachments if not a.checkable and not a.confirmed_clean]
    return GuardReport(parts=parts, unconfirmed=unconfirmed)


def guard_finding_get(case: Case, key: str, start: int, category: str) -> GuardFinding | None:
    """The current finding at ``start`` in ``key`` (a field or attachment), if any."""
    report = case_guard(case)
    for found in report.findings:
        if found.key == key and found.finding.start == start and found.finding.category == category:
            return found
    return None
