"""The case page, shared by every view that shows it again with a form's errors: what
a viewer sees depends on the case's state and on who they are (its presenter, a
reviewer, a member)."""

from django.shortcuts import render

from staffroom.cases import selectors
from staffroom.cases.events import case_history
from staffroom.cases.forms import ReturnForm
from staffroom.cases.models import Case
from staffroom.cases.recommendations import case_contributions
from staffroom.cases.scheduling import schedulable_sessions
from staffroom.cases.versions import case_versions
from staffroom.cases.workflow_forms import ContributionForm, FollowupDueForm, ScheduleForm
from staffroom.communities import permissions as perms

TAKE_PART = (perms.PARTICIPATE, perms.REVIEW_CASES)


def case_context(request, access, case: Case, **forms) -> dict:
    reviewer = access.has(perms.REVIEW_CASES)
    is_presenter = case.presenter_id == request.user.pk
    context = {
        "access": access, "community": access.community, "case": case,
        "attachments": list(case.attachments.all()), "is_presenter": is_presenter,
        "reviewer": reviewer,
    }  # fmt: skip
    if reviewer and case.state == Case.State.SUBMITTED:
        context["return_form"] = forms.get("return_form") or ReturnForm()
    if case.is_shared:
        context["similar"] = selectors.case_similar(case)
        versions = case_versions(case)
        context["versions"] = versions
        context["version"] = versions[-1] if versions else None
    # A form that comes back with an error is shown even if the case moved on in the
    # meantime (the summary was sent while a member typed): nothing typed is lost.
    if forms.get("schedule_form"):
        context["schedule_form"] = forms["schedule_form"]
    elif reviewer and case.state in (Case.State.ACCEPTED, Case.State.SCHEDULED):
        context["schedule_form"] = ScheduleForm(
            sessions=schedulable_sessions(case),
            initial={"session": case.session.public_id if case.session else None},
        )
    if case.state in (Case.State.SCHEDULED, *Case.PRESENTED_STATES) or "contribution_form" in forms:
        context["contributions"] = case_contributions(case)
    if forms.get("contribution_form"):
        context["contribution_form"] = forms["contribution_form"]
    elif case.takes_contributions and access.has_any(TAKE_PART):
        context["contribution_form"] = ContributionForm()
    if forms.get("due_form"):
        context["due_form"] = forms["due_form"]
    elif reviewer and case.state == Case.State.SUMMARIZED:
        due = case.followup_due_at
        context["due_form"] = FollowupDueForm(initial={"due": due.date() if due else None})
    if is_presenter or reviewer:
        context["history"] = case_history(case)
    return context


def render_case_page(request, access, case: Case, *, status: int = 200, **forms):
    context = case_context(request, access, case, **forms)
    return render(request, "cases/case_detail.html", context, status=status)
