"""The history of a case's workflow (``CaseEvent``): written by the services at each
step, shown to the presenter and the facilitators on the case page."""

from staffroom.cases.models import Case, CaseEvent

Action = CaseEvent.Action


def case_event(case: Case, actor, action: str, note: str = "") -> CaseEvent:
    return CaseEvent.objects.create(case=case, actor=actor, action=action, note=note[:500])


def case_history(case: Case) -> list[CaseEvent]:
    return list(case.events.select_related("actor"))
