"""Text written about a case after the guard passed it (questions, recommendations,
the summary, the follow-up, later edits) is read by the whole community, so it passes
the same detector. A finding is refused with what was flagged and why, unless the
writer says why it is not identifying: that decision is kept (``CaseClearance``) and
written into the case's history, as on the check page. A reason clears only the
findings the writer was shown: if the text changed in between, they are shown again."""

import hashlib

from django.utils.translation import gettext as _

from staffroom.cases.deid import find_identifiers
from staffroom.cases.events import Action, case_event
from staffroom.cases.models import Case, CaseClearance
from staffroom.core.errors import DomainError


class ScreeningError(DomainError):
    """Refused text: ``errors`` holds a message for each form field with findings, and
    ``signature`` names the findings shown, so a reason given later clears exactly
    those (never a finding the writer was not shown)."""

    def __init__(self, message, *, field, errors: dict[str, str], signature: str):
        super().__init__(message, field=field)
        self.errors = errors
        self.signature = signature


def _flagged(case: Case, key: str, text: str) -> list[tuple[str, str, str]]:
    """(flagged text, category, reason) for each finding in ``text`` not yet cleared."""
    cleared = set(case.clearances.filter(field=key).values_list("text", "category"))
    flagged = []
    for finding in find_identifiers(text or ""):
        piece = text[finding.start : finding.end]
        if (piece, finding.category) not in cleared:
            flagged.append((piece, finding.category, finding.reason))
    return flagged


def _signature(found: dict) -> str:
    shown = sorted((key, piece, category) for key, flagged in found.values()
                   for piece, category, _why in flagged)  # fmt: skip
    return hashlib.sha256(repr(shown).encode()).hexdigest()[:20]


def _message(flagged) -> str:
    listed = "; ".join(
        _("“%(text)s” (%(reason)s)") % {"text": piece, "reason": why}
        for piece, _category, why in flagged
    )
    return _(
        "This could identify a student or family: %(listed)s. Rewrite it, or say below why "
        "it is not identifying."
    ) % {"listed": listed}


def screen(
    *, case: Case, actor, texts: dict[str, tuple[str, str]], reason: str = "", shown: str = ""
) -> None:
    """Check ``texts`` ({form field: (guard key, text)}). Raise ``ScreeningError`` with
    every field's findings, unless ``reason`` is given for exactly the findings the
    writer was shown (``shown``, the error's signature): those are then cleared."""
    reason = (reason or "").strip()
    found = {field: (key, _flagged(case, key, text)) for field, (key, text) in texts.items()}
    found = {field: item for field, item in found.items() if item[1]}
    if not found:
        return
    signature = _signature(found)
    if not reason or shown != signature:
        errors = {field: _message(flagged) for field, (_key, flagged) in found.items()}
        field = next(iter(errors))
        raise ScreeningError(errors[field], field=field, errors=errors, signature=signature)
    for key, flagged in found.values():
        for piece, category, _why in flagged:
            CaseClearance.objects.get_or_create(
                case=case, field=key, text=piece, category=category,
                defaults={"reason": reason, "decided_by": actor},
            )  # fmt: skip
    pieces = ", ".join(piece for _key, flagged in found.values() for piece, _c, _w in flagged)
    case_event(case, actor, Action.NOT_IDENTIFYING, f"{pieces}: {reason}")
