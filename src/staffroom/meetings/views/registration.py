"""Registering for sessions: a member's register and cancel (plain posts, or htmx
swaps of the registration panel), the facilitators' list of who registered, and a
guest's registration form and personal page (their link is their key)."""

from django import forms
from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from staffroom.communities import permissions as perms
from staffroom.communities.access import community_view
from staffroom.core.errors import DomainError
from staffroom.core.forms import add_domain_error
from staffroom.core.pagination import paginate
from staffroom.meetings import attendance, calendar, registration
from staffroom.meetings.access import access_session
from staffroom.meetings.models import Registration
from staffroom.meetings.views.calendar import ics_response

PANEL = "meetings/includes/registration_panel.html"


class GuestForm(forms.Form):
    name = forms.CharField(label=gettext_lazy("Your name"), max_length=120)
    email = forms.EmailField(
        label=gettext_lazy("Your email"),
        max_length=254,
        help_text=gettext_lazy("We send your personal link, reminders and the join link here."),
    )


def _session_page(access, session):
    return redirect("meetings:session_detail", access.community.slug, session.public_id)


def _after(request, access, session, *, done: str, error: DomainError | None):
    """htmx swaps the panel, with a refusal in it (as a 200: htmx swaps no error
    answer); a plain post redirects back to the session page with a message."""
    if request.htmx:
        context = registration.registration_panel_context(
            request, access, session, error=error.message if error else ""
        )
        return render(request, PANEL, context)
    if error:
        messages.error(request, error.message)
    else:
        messages.success(request, done)
    return _session_page(access, session)


@require_POST
@community_view(need=perms.PARTICIPATE)
def registration_create(request, access, public_id):
    session = access_session(access, public_id, need=perms.PARTICIPATE)
    try:
        made = registration.registration_create(actor=request.user, access=access, session=session)
    except DomainError as error:
        return _after(request, access, session, done="", error=error)
    if made.status == Registration.Status.WAITLISTED:
        done = _(
            "The session is full: you are on the waitlist. We will email you if a place opens up."
        )
    else:
        done = _("You are registered. We will remind you before the session.")
    return _after(request, access, session, done=done, error=None)


@require_POST
@community_view(need=perms.PARTICIPATE)
def registration_cancel(request, access, public_id):
    session = access_session(access, public_id, need=perms.PARTICIPATE)
    mine = registration.registration_get(request.user, session)
    try:
        if mine is None:
            raise registration.RegistrationError(_("You are not registered for this session."))
        registration.registration_cancel(actor=request.user, registration=mine)
    except DomainError as error:
        return _after(request, access, session, done="", error=error)
    return _after(request, access, session, done=_("Your registration is cancelled."), error=None)


@community_view(need=perms.SCHEDULE)
def registration_list(request, access, public_id):
    session = access_session(access, public_id, need=perms.SCHEDULE)
    context = {
        "access": access,
        "community": access.community,
        "session": session,
        "counts": registration.registration_counts(session),
        "capacity": registration.session_capacity(session),
        "page": paginate(request, registration.registration_list(session)),
    }
    return render(request, "meetings/registration_list.html", context)


# -- guests -----------------------------------------------------------------------------


@community_view(need=perms.SEE)
def guest_register(request, access, public_id):
    session = registration.access_guest_session(access, public_id)
    form = GuestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            made = registration.guest_register(session=session, **form.cleaned_data)
        except DomainError as error:
            add_domain_error(form, error)
        else:
            if made.status == Registration.Status.WAITLISTED:
                done = _(
                    "The session is full: you are on the waitlist. We emailed you this page's link."
                )
            else:
                done = _("You are registered. We emailed you this page's link.")
            messages.success(request, done)
            return redirect("meetings:guest_detail", made.token)
    context = {"community": access.community, "session": session, "form": form,
               "closed_reason": registration.registration_closed_reason(session)}  # fmt: skip
    status = 400 if form.is_bound else 200
    return render(request, "meetings/guest_register.html", context, status=status)


def guest_detail(request, token):
    mine = registration.access_guest_registration(token)
    context = {
        "registration": mine,
        "session": mine.session,
        "community": mine.session.community,
        "position": registration.waitlist_position(mine)
        if mine.status == Registration.Status.WAITLISTED
        else None,
        "check_in": registration.guest_check_in_state(mine),
        "check_in_opens": attendance.check_in_opens(mine.session),
    }
    return render(request, "meetings/guest_detail.html", context)


@require_POST
def guest_cancel(request, token):
    mine = registration.access_guest_registration(token)
    try:
        registration.guest_cancel(registration=mine)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Your registration is cancelled."))
    return redirect("meetings:guest_detail", token)


@require_POST
def guest_check_in(request, token):
    mine = registration.access_guest_registration(token)
    try:
        registration.guest_check_in(registration=mine)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("You are checked in. Welcome!"))
    return redirect("meetings:guest_detail", token)


def guest_calendar(request, token):
    mine = registration.access_guest_registration(token)
    registered = mine.status == Registration.Status.REGISTERED
    ics = calendar.session_download(mine.session, join_link=registered)
    return ics_response(ics, filename=f"session-{mine.session.public_id}.ics", download=True)


_ONE = "c/<slug:slug>/sessions/<str:public_id>/"
_GUEST = "sessions/guest/<str:token>/"

urlpatterns = [
    path(_ONE + "register/", registration_create, name="registration_create"),
    path(_ONE + "register/cancel/", registration_cancel, name="registration_cancel"),
    path(_ONE + "registrations/", registration_list, name="registration_list"),
    path(_ONE + "guest/", guest_register, name="guest_register"),
    path(_GUEST, guest_detail, name="guest_detail"),
    path(_GUEST + "cancel/", guest_cancel, name="guest_cancel"),
    path(_GUEST + "check-in/", guest_check_in, name="guest_check_in"),
    path(_GUEST + "calendar.ics", guest_calendar, name="guest_calendar"),
]
