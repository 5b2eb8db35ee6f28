"""Text written about a case after the guard passed it (questions, recommendations,
the summary, the follow-up, later edits) is read by the whole community, so it passes
the same detector. A finding is refused with what was flagged and why, unless the
writer says why it is not identifying: that decision is kept (``CaseClearance``) and
written into the case's history, as on the check page."""

from django.utils.translation import gettext as _

from staffroom.cases.deid import find_identifiers
from staffroom.cases.events import Action, case_event
from staffroom.cases.models import Case, CaseClearance
from staffroom.core.errors import DomainError


class ScreeningError(DomainError):
    pass


def _flagged(case: Case, key: str, text: str) -> list[tuple[str, str, str]]:
    """(flagged text, category, reason) for each finding in ``text`` not yet cleared."""
    cleared = set(case.clearances.filter(field=key).values_list("text", "category"))
    flagged = []
    for finding in find_identifiers(text or ""):
        piece = text[finding.start : finding.end]
        if (piece, finding.category) not in cleared:
            flagged.append((piece, finding.category, finding.reason))
    return flagged


def screen(*, case: Case, actor, texts: dict[str, tuple[str, str]], reason: str = "") -> None:
    """Check ``texts`` ({form field: (guard key, text)}). Raise ``ScreeningError`` on
    the first field with an uncleared finding, unless ``reason`` is given, in which
    case every finding is cleared with it."""
    reason = (reason or "").strip()
    found = {field: (key, _flagged(case, key, text)) for field, (key, text) in texts.items()}
    found = {field: item for field, item in found.items() if item[1]}
    if not found:
        return
    if not reason:
        field, (_key, flagged) = next(iter(found.items()))
        listed = "; ".join(
            _("“%(text)s” (%(reason)s)") % {"text": piece, "reason": why}
            for piece, _category, why in flagged
        )
        raise ScreeningError(
            _(
                "This could identify a student or family: %(listed)s. Rewrite it, or say "
                "below why it is not identifying."
            )
            % {"listed": listed},
            field=field,
        )
    for key, flagged in found.values():
        for piece, category, _why in flagged:
            CaseClearance.objects.get_or_create(
                case=case, field=key, text=piece, category=category,
                defaults={"reason": reason, "decided_by": actor},
            )  # fmt: skip
    pieces = ", ".join(piece for _key, flagged in found.values() for piece, _c, _w in flagged)
    case_event(case, actor, Action.NOT_IDENTIFYING, f"{pieces}: {reason}")
