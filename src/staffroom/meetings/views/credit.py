"""Presenters, PD hours and certificates (the "credit" area).

Presenters: the members' sign-up page, the volunteer form, the facilitator's board
(confirm or decline) and "who has presented". Credit: the member's transcript,
certificates (issue, print, list) and the public verification page. The form after a
session is evaluation's (meetings.followups and the session panels let it in).
"""

import datetime as dt

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from staffroom.communities import permissions as perms
from staffroom.communities.access import community_view
from staffroom.core.errors import DomainError
from staffroom.core.forms import add_domain_error
from staffroom.core.pagination import paginate
from staffroom.meetings import credit, presenters
from staffroom.meetings.access import access_series, access_session
from staffroom.meetings.models import PresenterSlot

# -- forms ------------------------------------------------------------------------------


class SignupFilterForm(forms.Form):
    weeks = forms.IntegerField(
        label=gettext_lazy("Weeks ahead"), min_value=1, max_value=presenters.MAX_SIGNUP_WEEKS,
        required=False,
    )  # fmt: skip
    series = forms.CharField(max_length=16, required=False)


class VolunteerForm(forms.Form):
    kind = forms.ChoiceField(
        label=gettext_lazy("What would you present?"),
        choices=PresenterSlot.Kind.choices,
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=gettext_lazy("A note for the facilitators (optional)"),
        help_text=gettext_lazy("The topic of your talk, or what your case is about."),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, kinds=None, **kwargs):
        super().__init__(*args, **kwargs)
        if kinds:  # offer only the slots still open (the service checks again)
            field = self.fields["kind"]
            field.choices = [(v, label) for v, label in field.choices if v in kinds]


class ReasonForm(forms.Form):
    reason = forms.CharField(max_length=500, required=False)


class TranscriptFilterForm(forms.Form):
    year = forms.IntegerField(min_value=1900, max_value=9999, required=False)


class CertificateForm(forms.Form):
    hub = forms.ModelChoiceField(
        label=gettext_lazy("Hub"), queryset=None, to_field_name="slug", empty_label=None
    )
    date_from = forms.DateField(
        label=gettext_lazy("From"), widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        label=gettext_lazy("To (inclusive)"), widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["hub"].queryset = credit.transcript_hubs(user)


# -- helpers ----------------------------------------------------------------------------


def _session_page(access, session):
    return redirect("meetings:session_detail", access.community.slug, session.public_id)


def _board(access):
    return redirect("meetings:presenter_board", access.community.slug)


# -- presenters -------------------------------------------------------------------------

# Who sees the sign-up page: members, to volunteer, and those who run the community.
# (The sessions list links it for the same people.)
SIGNUP_NEED = (perms.PARTICIPATE, perms.SCHEDULE)


@community_view(need=SIGNUP_NEED)
def presenter_signup(request, access):
    form = SignupFilterForm(request.GET)
    form.is_valid()
    weeks = form.cleaned_data.get("weeks") or presenters.SIGNUP_WEEKS
    series_id = form.cleaned_data.get("series")
    series = access_series(access, series_id) if series_id else None
    sessions = presenters.presenter_signup_list(
        access.community, viewer=request.user, weeks=weeks, series=series
    )
    context = {
        "access": access, "community": access.community, "page": paginate(request, sessions),
        "weeks": weeks, "series": series, "form": form,
        "can_volunteer": access.has(perms.PARTICIPATE),
    }  # fmt: skip
    return render(request, "meetings/presenter_signup.html", context)


@community_view(need=perms.PARTICIPATE)
def presenter_volunteer(request, access, public_id):
    session = access_session(access, public_id, need=perms.PARTICIPATE)
    kinds = presenters.open_kinds(session)
    initial = {"kind": request.GET.get("kind") if len(kinds) > 1 else (kinds or [None])[0]}
    form = VolunteerForm(request.POST or None, initial=initial, kinds=kinds)
    if request.method == "POST" and form.is_valid():
        try:
            presenters.presenter_volunteer(
                actor=request.user, access=access, session=session, **form.cleaned_data
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("Thank you! The facilitators will confirm soon."))
            return _session_page(access, session)
    context = {
        "access": access, "community": access.community, "session": session, "form": form,
        "open": presenters.signup_open(session), "kinds": kinds,
    }  # fmt: skip
    status = 400 if form.errors else 200
    return render(request, "meetings/presenter_volunteer.html", context, status=status)


@require_POST
@community_view(need=perms.PARTICIPATE)
def presenter_withdraw(request, access, public_id, kind):
    session = access_session(access, public_id, need=perms.PARTICIPATE)
    try:
        presenters.presenter_withdraw(actor=request.user, access=access, session=session, kind=kind)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("You withdrew your offer to present."))
    return _session_page(access, session)


@community_view(need=perms.SCHEDULE)
def presenter_board(request, access):
    slots = presenters.presenter_board_list(access.community)
    context = {"access": access, "community": access.community, "page": paginate(request, slots)}
    return render(request, "meetings/presenter_board.html", context)


@require_POST
@community_view(need=perms.SCHEDULE)
def presenter_confirm(request, access, public_id, member, kind):
    session = access_session(access, public_id, need=perms.SCHEDULE)
    try:
        slot = presenters.presenter_confirm(
            actor=request.user, access=access, session=session, member_public_id=member,
            kind=kind,
        )  # fmt: skip
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request, _("%(name)s is confirmed and was told.") % {"name": slot.user.display_name}
        )
    return _board(access)


@require_POST
@community_view(need=perms.SCHEDULE)
def presenter_decline(request, access, public_id, member, kind):
    session = access_session(access, public_id, need=perms.SCHEDULE)
    form = ReasonForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    try:
        slot = presenters.presenter_decline(
            actor=request.user, access=access, session=session, member_public_id=member,
            kind=kind, reason=reason,
        )  # fmt: skip
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request, _("You declined %(name)s's offer.") % {"name": slot.user.display_name}
        )
    return _board(access)


@community_view(need=perms.SCHEDULE)
def presenter_history(request, access):
    members = presenters.presenter_history_list(access.community)
    context = {"access": access, "community": access.community, "page": paginate(request, members)}
    return render(request, "meetings/presenter_history.html", context)


@require_POST
@community_view(need=perms.SCHEDULE)
def presenter_invite(request, access, member):
    try:
        user = presenters.presenter_invite(
            actor=request.user, access=access, member_public_id=member
        )
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request, _("We asked %(name)s to volunteer.") % {"name": user.display_name}
        )
    return redirect("meetings:presenter_history", access.community.slug)


# -- transcript and certificates --------------------------------------------------------


@login_required
def transcript(request):
    form = TranscriptFilterForm(request.GET)
    year = form.cleaned_data.get("year") if form.is_valid() else None
    rows = credit.credit_rows(credit.attendance_rows(request.user))
    shown = [row for row in rows if year is None or row.school_year == year]
    context = {
        "years": credit.transcript_years(rows), "year": year,
        "year_label": credit.school_year_label(year) if year else "",
        "page": paginate(request, shown), "one_off": credit.ONE_OFF,
        "series_progress": credit.series_progress_list(request.user, rows),
        "certificates": credit.certificate_list(request.user)[:5],
    }  # fmt: skip
    return render(request, "meetings/transcript.html", context)


def _school_year_start() -> dt.date:
    return dt.date(credit.school_year(timezone.localdate()), 7, 1)


@login_required
def certificate_create(request):
    initial = {"date_from": _school_year_start(), "date_to": timezone.localdate()}
    form = CertificateForm(request.POST or None, user=request.user, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            certificate = credit.certificate_issue(actor=request.user, **form.cleaned_data)
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("Your certificate is ready to print."))
            return redirect("meetings:certificate_detail", certificate.code)
    status = 400 if form.errors else 200
    return render(request, "meetings/certificate_form.html", {"form": form}, status=status)


@require_POST
@login_required
def certificate_series_create(request, public_id):
    series = credit.series_for_certificate(request.user, public_id)
    try:
        certificate = credit.certificate_issue_series(actor=request.user, series=series)
    except DomainError as error:
        messages.error(request, error.message)
        return redirect("meetings:transcript")
    messages.success(request, _("Your certificate is ready to print."))
    return redirect("meetings:certificate_detail", certificate.code)


@login_required
def certificate_list(request):
    page = paginate(request, credit.certificate_list(request.user))
    return render(request, "meetings/certificate_list.html", {"page": page})


@login_required
def certificate_detail(request, code):
    certificate = credit.certificate_get_own(request.user, code)
    context = {
        "certificate": certificate, "rows": credit.certificate_rows(certificate),
        "verify_url": request.build_absolute_uri(
            reverse("meetings:certificate_verify", args=[certificate.code])
        ),
    }  # fmt: skip
    return render(request, "meetings/certificate_detail.html", context)


def certificate_verify(request, code):
    certificate = credit.certificate_get(code)
    if certificate.code != code:
        return redirect("meetings:certificate_verify", certificate.code)
    return render(request, "meetings/certificate_verify.html", {"certificate": certificate})


SESSION = "c/<slug:slug>/sessions/<str:public_id>"
PRESENTERS = "c/<slug:slug>/sessions/presenters"

urlpatterns = [
    path(f"{PRESENTERS}/sign-up/", presenter_signup, name="presenter_signup"),
    path(f"{PRESENTERS}/board/", presenter_board, name="presenter_board"),
    path(f"{PRESENTERS}/history/", presenter_history, name="presenter_history"),
    path(f"{PRESENTERS}/invite/<str:member>/", presenter_invite, name="presenter_invite"),
    path(f"{SESSION}/present/", presenter_volunteer, name="presenter_volunteer"),
    path(f"{SESSION}/present/<str:kind>/withdraw/", presenter_withdraw,
         name="presenter_withdraw"),
    path(f"{SESSION}/presenters/<str:member>/<str:kind>/confirm/", presenter_confirm,
         name="presenter_confirm"),
    path(f"{SESSION}/presenters/<str:member>/<str:kind>/decline/", presenter_decline,
         name="presenter_decline"),
    path("sessions/transcript/", transcript, name="transcript"),
    path("sessions/certificates/", certificate_list, name="certificate_list"),
    path("sessions/certificates/new/", certificate_create, name="certificate_create"),
    path("sessions/certificates/series/<str:public_id>/", certificate_series_create,
         name="certificate_series_create"),
    path("sessions/certificates/<str:code>/", certificate_detail, name="certificate_detail"),
    path("certificates/<str:code>/", certificate_verify, name="certificate_verify"),
]  # fmt: skip
