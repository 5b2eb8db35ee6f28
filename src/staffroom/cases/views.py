"""Cases: a member's list and draft form, the de-identification guard page, the case
page, and the facilitators' queue. Every action is a plain form post that redirects."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from staffroom.cases import selectors, services
from staffroom.cases.access import access_attachment, access_case
from staffroom.cases.case_page import TAKE_PART, render_case_page
from staffroom.cases.forms import (
    AttachmentForm,
    CaseForm,
    ClearForm,
    FindingForm,
    LibraryForm,
    QueueForm,
    ReturnForm,
)
from staffroom.cases.guard import case_guard
from staffroom.cases.models import Case
from staffroom.communities import permissions as perms
from staffroom.communities.access import community_view
from staffroom.core.errors import DomainError
from staffroom.core.forms import add_domain_error
from staffroom.core.pagination import paginate


def _to(name, access, case):
    return redirect(name, access.community.slug, case.public_id)


@community_view(need=TAKE_PART)
def case_list(request, access):
    context = {"access": access, "community": access.community,
               "page": paginate(request, selectors.case_list(access))}  # fmt: skip
    return render(request, "cases/case_list.html", context)


@community_view(need=TAKE_PART)
def case_library(request, access):
    form = LibraryForm(request.GET if request.GET.keys() - {"page"} else None)
    cases = selectors.case_library(access, **form.filters())
    context = {"access": access, "community": access.community, "form": form,
               "page": paginate(request, cases)}  # fmt: skip
    return render(request, "cases/case_library.html", context)


def _case_form(request, access, case, form, attachment_form=None, status=200):
    context = {"access": access, "community": access.community, "case": case, "form": form,
               "attachment_form": attachment_form or AttachmentForm()}  # fmt: skip
    if case is not None:
        context["attachments"] = list(case.attachments.all())
    return render(request, "cases/case_form.html", context, status=status)


def _case_form_post(request, access, case, *, attach: bool):
    """One post of the case form (a single multipart form), whichever button sent it:
    the draft is saved first (created when ``case`` is None), then the chosen file is
    added and the attachment whose Remove button was pressed is removed, so no button
    loses what was typed. A refusal brings the page back with the text as typed and the
    error beside its field; the draft stays saved when only the file is refused (a new
    draft's page is then its edit page, with the file's error above it)."""
    form = CaseForm(request.POST, instance=case)
    attachment_form = AttachmentForm(request.POST, request.FILES, required=attach)
    created = case is None
    if form.is_valid():
        try:
            if case is None:
                case = services.case_create(actor=request.user, access=access, **form.cleaned_data)
            else:
                services.case_update(
                    actor=request.user, access=access, case=case, **form.cleaned_data
                )
        except DomainError as error:
            add_domain_error(form, error)
    if form.errors:
        if attachment_form.chosen:
            attachment_form.add_error(
                "file", _("Choose the file again: it is added once the case can be saved.")
            )
        return _case_form(request, access, case, form, attachment_form, status=400)
    messages.success(request, _("Your draft is saved."))
    if attach or attachment_form.chosen:
        if attachment_form.is_valid():
            try:
                services.attachment_add(
                    actor=request.user, access=access, case=case,
                    file=attachment_form.cleaned_data["file"],
                )  # fmt: skip
            except DomainError as error:
                add_domain_error(attachment_form, error)
            else:
                messages.success(request, _("The attachment is added."))
        if attachment_form.errors and created:
            # The new draft exists now: answer with its edit page, so a reload never
            # posts the form again and makes a second draft.
            for error in attachment_form.errors.get("file", []):
                messages.error(request, error)
            return _to("cases:case_edit", access, case)
        if attachment_form.errors:
            return _case_form(request, access, case, form, attachment_form, status=400)
    if request.POST.get("remove"):
        _attachment_remove(request, access, case, request.POST["remove"])
    if "check" in request.POST:
        return _to("cases:case_check", access, case)
    edit = reverse("cases:case_edit", args=[access.community.slug, case.public_id])
    return redirect(edit + ("#attachments" if attach or "remove" in request.POST else ""))


@community_view(need=perms.PARTICIPATE)
def case_create(request, access):
    if request.method == "POST":
        return _case_form_post(request, access, None, attach="attach" in request.POST)
    form = CaseForm(initial=services.case_defaults(request.user))
    return _case_form(request, access, None, form)


@community_view(need=perms.PARTICIPATE)
def case_edit(request, access, public_id):
    case = access_case(access, public_id, need=perms.PARTICIPATE, own=True)
    if not case.is_editable:
        messages.info(request, _("This case was submitted and can no longer be changed."))
        return _to("cases:case_detail", access, case)
    if request.method == "POST":
        return _case_form_post(request, access, case, attach="attach" in request.POST)
    return _case_form(request, access, case, CaseForm(instance=case))


@require_POST
@community_view(need=perms.PARTICIPATE)
def attachment_add(request, access, public_id):
    """The case form's "Add attachment" button: the draft's fields and the file in one
    post."""
    case = access_case(access, public_id, need=perms.PARTICIPATE, own=True)
    if not case.is_editable:
        messages.info(request, _("This case was submitted and can no longer be changed."))
        return _to("cases:case_detail", access, case)
    return _case_form_post(request, access, case, attach=True)


def _attachment_remove(request, access, case, attachment_id) -> None:
    try:
        attachment = access_attachment(case, attachment_id)
    except Http404:
        # A double click, or the page sent again on a slow connection.
        messages.info(request, _("That attachment was already removed."))
        return
    try:
        services.attachment_remove(actor=request.user, access=access, attachment=attachment)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The attachment is removed."))


@require_POST
@community_view(need=perms.PARTICIPATE)
def attachment_confirm(request, access, public_id, attachment_id):
    case = access_case(access, public_id, need=perms.PARTICIPATE, own=True)
    attachment = access_attachment(case, attachment_id)
    try:
        services.attachment_confirm(actor=request.user, access=access, attachment=attachment)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request, _("You confirmed that the attachment holds no student information.")
        )
    return _to("cases:case_check", access, case)


def _check_page(request, access, case, *, clear_form=None, status=200):
    clear_anchor = ""
    if clear_form is not None:
        key, start = clear_form.data.get("key", ""), clear_form.data.get("start", "")
        clear_anchor = f"f-{key.replace(':', '-')}-{start}"
    context = {"access": access, "community": access.community, "case": case,
               "report": case_guard(case), "clear_form": clear_form,
               "clear_anchor": clear_anchor}  # fmt: skip
    return render(request, "cases/case_check.html", context, status=status)


@community_view(need=perms.PARTICIPATE)
def case_check(request, access, public_id):
    case = access_case(access, public_id, need=perms.PARTICIPATE, own=True)
    return _check_page(request, access, case)


@require_POST
@community_view(need=perms.PARTICIPATE)
def finding_replace(request, access, public_id):
    case = access_case(access, public_id, need=perms.PARTICIPATE, own=True)
    form = FindingForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("That finding is no longer in the text; check the case again."))
        return _to("cases:case_check", access, case)
    try:
        new = services.finding_replace(
            actor=request.user, access=access, case=case, **form.cleaned_data
        )
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Replaced with “%(new)s”.") % {"new": new})
    return _to("cases:case_check", access, case)


@require_POST
@community_view(need=perms.PARTICIPATE)
def finding_clear(request, access, public_id):
    case = access_case(access, public_id, need=perms.PARTICIPATE, own=True)
    form = ClearForm(request.POST)
    if form.is_valid():
        try:
            services.finding_clear(
                actor=request.user, access=access, case=case, **form.cleaned_data
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("Marked “not identifying”."))
            return _to("cases:case_check", access, case)
    return _check_page(request, access, case, clear_form=form, status=400)


@require_POST
@community_view(need=perms.PARTICIPATE)
def case_submit(request, access, public_id):
    case = access_case(access, public_id, need=perms.PARTICIPATE, own=True)
    try:
        services.case_submit(actor=request.user, access=access, case=case)
    except DomainError as error:
        messages.error(request, error.message)
        return _to("cases:case_check", access, case)
    messages.success(request, _("Your case is submitted. The facilitators will review it."))
    return _to("cases:case_detail", access, case)


@community_view(need=TAKE_PART)
def case_detail(request, access, public_id):
    case = access_case(access, public_id, need=TAKE_PART)
    return render_case_page(request, access, case)


@community_view(need=perms.REVIEW_CASES)
def case_queue(request, access):
    form = QueueForm(request.GET)
    state = (form.cleaned_data.get("state") if form.is_valid() else "") or Case.State.SUBMITTED
    counts = selectors.case_queue_counts(access)
    context = {"access": access, "community": access.community, "state": state,
               "states": [(s.value, s.label, counts.get(s.value, 0))
                          for s in Case.State if s != Case.State.DRAFT],
               "page": paginate(request, selectors.case_queue(access, state=state))}  # fmt: skip
    return render(request, "cases/case_queue.html", context)


@require_POST
@community_view(need=perms.REVIEW_CASES)
def case_accept(request, access, public_id):
    case = access_case(access, public_id, need=perms.REVIEW_CASES)
    try:
        services.case_accept(actor=request.user, access=access, case=case)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The case is accepted; the presenter was told."))
    return redirect("cases:case_queue", access.community.slug)


@require_POST
@community_view(need=perms.REVIEW_CASES)
def case_return(request, access, public_id):
    case = access_case(access, public_id, need=perms.REVIEW_CASES)
    form = ReturnForm(request.POST)
    if form.is_valid():
        try:
            services.case_return(actor=request.user, access=access, case=case, **form.cleaned_data)
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The case is returned to the presenter with your note."))
            return redirect("cases:case_queue", access.community.slug)
    return render_case_page(request, access, case, status=400, return_form=form)


def community_home_section(request, access) -> dict | None:
    """The "Cases" section of a community's home (registered in apps.py): a link to the
    member's cases and, for those who review cases, to the queue."""
    if not access.has_any(TAKE_PART):
        return None
    return {"access": access, "community": access.community}
