"""Views for a case once it is accepted: scheduling it into a session, the page a
facilitator projects in the session, questions and recommendations, the summary, the
follow-up, the presenter's later edits and the versions they leave behind."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from staffroom.cases import followup, recommendations, scheduling, versions
from staffroom.cases.access import access_case, access_contribution, access_version
from staffroom.cases.case_page import TAKE_PART, render_case_page
from staffroom.cases.models import Case
from staffroom.cases.screening import ScreeningError
from staffroom.cases.workflow_forms import (
    ContributionForm,
    FollowupDueForm,
    FollowupForm,
    ReviseForm,
    ScheduleForm,
    SummaryForm,
)
from staffroom.communities import permissions as perms
from staffroom.communities.access import community_view
from staffroom.core.errors import DomainError
from staffroom.core.forms import add_domain_error
from staffroom.core.htmx import render_page


def _refused(form, error: DomainError) -> None:
    add_domain_error(form, error)
    if isinstance(error, ScreeningError):
        form.refused_by_guard(error)


def _to(name, access, case):
    return redirect(name, access.community.slug, case.public_id)


@require_POST
@community_view(need=perms.REVIEW_CASES)
def case_schedule(request, access, public_id):
    case = access_case(access, public_id, need=perms.REVIEW_CASES)
    form = ScheduleForm(request.POST, sessions=scheduling.schedulable_sessions(case))
    if form.is_valid():
        try:
            scheduling.case_schedule(actor=request.user, access=access, case=case,
                                     session=form.cleaned_data["session"])  # fmt: skip
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The case is scheduled; the presenter was told."))
            return _to("cases:case_detail", access, case)
    return render_case_page(request, access, case, status=400, schedule_form=form)


@require_POST
@community_view(need=perms.REVIEW_CASES)
def case_unschedule(request, access, public_id):
    case = access_case(access, public_id, need=perms.REVIEW_CASES)
    try:
        scheduling.case_unschedule(actor=request.user, access=access, case=case)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The case is off its session; the presenter was told."))
    return _to("cases:case_detail", access, case)


@require_POST
@community_view(need=perms.REVIEW_CASES)
def case_mark_presented(request, access, public_id):
    case = access_case(access, public_id, need=perms.REVIEW_CASES)
    try:
        scheduling.case_present(actor=request.user, access=access, case=case)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Marked presented. Write the summary when you are ready."))
    return _to("cases:case_detail", access, case)


def _project_page(request, access, case, *, form=None, status=200):
    context = {
        "access": access, "community": access.community, "case": case,
        "contributions": recommendations.case_contributions(case),
        "reviewer": access.has(perms.REVIEW_CASES),
        "is_presenter": case.presenter_id == request.user.pk,
        "contribution_form": form if form is not None else (
            ContributionForm() if case.takes_contributions else None
        ),
    }  # fmt: skip
    # The shared screen refreshes the list every 20 s, so what members type from
    # their own computers during the session appears there.
    return render_page(request, "cases/case_project.html", context, partial="contribution-list",
                       status=status)  # fmt: skip


@community_view(need=TAKE_PART)
def case_project(request, access, public_id):
    """Large type for the session's shared screen: the case, then the group's
    questions and recommendations as they are recorded."""
    case = access_case(access, public_id, need=TAKE_PART)
    if case.state not in (Case.State.SCHEDULED, *Case.PRESENTED_STATES):
        return _to("cases:case_detail", access, case)
    return _project_page(request, access, case)


@require_POST
@community_view(need=perms.SEE)
def contribution_add(request, access, public_id):
    # Checked against the case, not the community: to anyone who is not a member the
    # case does not exist (404), even in a public community.
    case = access_case(access, public_id, need=TAKE_PART)
    form = ContributionForm(request.POST)
    projecting = request.POST.get("from") == "project"
    if form.is_valid():
        try:
            recommendations.contribution_add(actor=request.user, access=access, case=case,
                                             **form.cleaned_data)  # fmt: skip
        except DomainError as error:
            _refused(form, error)
        else:
            messages.success(request, _("Recorded. Thank you."))
            return _to("cases:case_project" if projecting else "cases:case_detail", access, case)
    if projecting:
        return _project_page(request, access, case, form=form, status=400)
    return render_case_page(request, access, case, status=400, contribution_form=form)


@require_POST
@community_view(need=perms.PARTICIPATE)
def contribution_thank(request, access, public_id, contribution_id):
    case = access_case(access, public_id, need=perms.PARTICIPATE, own=True)
    contribution = access_contribution(case, contribution_id)
    try:
        recommendations.contribution_thank(actor=request.user, access=access, case=case,
                                           contribution=contribution)  # fmt: skip
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Your thanks were sent."))
    return _to("cases:case_detail", access, case)


@community_view(need=perms.REVIEW_CASES)
def case_summary(request, access, public_id):
    case = access_case(access, public_id, need=perms.REVIEW_CASES)
    if case.state != Case.State.PRESENTED:
        messages.info(request, _("The summary is written once the case is presented."))
        return _to("cases:case_detail", access, case)
    initial = {"summary": case.summary or recommendations.summary_draft(case)}
    form = SummaryForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        send = "send" in request.POST
        try:
            recommendations.summary_save(actor=request.user, access=access, case=case,
                                         send=send, **form.cleaned_data)  # fmt: skip
        except DomainError as error:
            _refused(form, error)
        else:
            if send:
                messages.success(request, _("The summary is sent to the presenter."))
                return _to("cases:case_detail", access, case)
            messages.success(request, _("The summary is saved; it is not sent yet."))
            return _to("cases:case_summary", access, case)
    context = {"access": access, "community": access.community, "case": case, "form": form,
               "contributions": recommendations.case_contributions(case)}  # fmt: skip
    status = 400 if form.is_bound else 200
    return render(request, "cases/case_summary.html", context, status=status)


@require_POST
@community_view(need=perms.REVIEW_CASES)
def followup_move(request, access, public_id):
    case = access_case(access, public_id, need=perms.REVIEW_CASES)
    form = FollowupDueForm(request.POST)
    if form.is_valid():
        try:
            followup.followup_move(actor=request.user, access=access, case=case,
                                   due=form.cleaned_data["due"])  # fmt: skip
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The follow-up date is changed."))
            return _to("cases:case_detail", access, case)
    return render_case_page(request, access, case, status=400, due_form=form)


@community_view(need=perms.PARTICIPATE)
def case_followup(request, access, public_id):
    case = access_case(access, public_id, need=perms.PARTICIPATE, own=True)
    if case.state not in (Case.State.SUMMARIZED, Case.State.FOLLOWED_UP):
        messages.info(request, _("The follow-up comes after the recommendation summary."))
        return _to("cases:case_detail", access, case)
    initial = {"tried": case.followup_tried, "happened": case.followup_happened,
               "rating": case.outcome_rating}  # fmt: skip
    form = FollowupForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            followup.followup_record(actor=request.user, access=access, case=case,
                                     **form.cleaned_data)  # fmt: skip
        except DomainError as error:
            _refused(form, error)
        else:
            messages.success(request, _("Thank you: your follow-up is on the case."))
            return _to("cases:case_detail", access, case)
    context = {"access": access, "community": access.community, "case": case, "form": form}
    status = 400 if form.is_bound else 200
    return render(request, "cases/case_followup.html", context, status=status)


@community_view(need=perms.PARTICIPATE)
def case_revise(request, access, public_id):
    case = access_case(access, public_id, need=perms.PARTICIPATE, own=True)
    if not case.is_shared:
        return _to("cases:case_edit", access, case)
    form = ReviseForm(request.POST or None, instance=case)
    if request.method == "POST" and form.is_valid():
        try:
            versions.case_revise(actor=request.user, access=access, case=case,
                                 **form.cleaned_data)  # fmt: skip
        except DomainError as error:
            _refused(form, error)
        else:
            messages.success(request, _("Your changes are saved as a new version."))
            return _to("cases:case_detail", access, case)
    context = {"access": access, "community": access.community, "case": case, "form": form}
    status = 400 if form.is_bound else 200
    return render(request, "cases/case_revise.html", context, status=status)


@community_view(need=TAKE_PART)
def case_version(request, access, public_id, number):
    case = access_case(access, public_id, need=TAKE_PART)
    version = access_version(case, number)
    context = {"access": access, "community": access.community, "case": case,
               "version": version, "fields": _version_fields(version)}  # fmt: skip
    return render(request, "cases/case_version.html", context)


def _version_fields(version) -> list[tuple[str, str]]:
    return [
        (str(Case._meta.get_field(name).verbose_name).capitalize(), version.value(name))
        for name in Case.GUARDED_FIELDS
    ]
