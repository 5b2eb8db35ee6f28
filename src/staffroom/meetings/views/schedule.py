"""The schedule: a community's sessions and series, one session's page, the
facilitators' forms to plan, move, cancel and record sessions, and "my sessions"
across every community a person belongs to."""

from pathlib import PurePath

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import path, register_converter, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from staffroom.communities import permissions as perms
from staffroom.communities.access import CommunityAccess, community_view
from staffroom.core.errors import DomainError
from staffroom.core.files import CONTENT_TYPES
from staffroom.core.forms import add_domain_error
from staffroom.core.pagination import paginate
from staffroom.meetings import calendar, panels, selectors, services
from staffroom.meetings.access import access_series, access_session
from staffroom.meetings.forms import (
    CancelForm,
    MaterialForm,
    RecordForm,
    SeriesForm,
    SessionForm,
    SessionListForm,
    time_zone_choices,
)
from staffroom.meetings.models import Material
from staffroom.meetings.views import calendar as calendar_views
from staffroom.meetings.views import credit as credit_views


def _session_redirect(access: CommunityAccess, session):
    return redirect("meetings:session_detail", access.community.slug, session.public_id)


def _form_page(request, access, form, *, heading, submit, session=None, series=None, **extra):
    status = 400 if form.is_bound and form.errors else 200
    context = {"access": access, "community": access.community, "form": form, "heading": heading,
               "submit": submit, "session": session, "series": series, **extra}  # fmt: skip
    return render(request, "meetings/session_form.html", context, status=status)


@community_view(need=perms.READ)
def session_list(request, access):
    form = SessionListForm(request.GET)
    tab = (form.cleaned_data.get("tab") if form.is_valid() else "") or "upcoming"
    context = {
        "access": access,
        "community": access.community,
        "tab": tab,
        "tabs": SessionListForm.TABS,
        "page": paginate(request, selectors.session_list(access.community, when=tab)),
        "series_list": selectors.series_list(access.community)[:50],
        "sees_presenters": access.has_any(credit_views.SIGNUP_NEED),
        "feed": _community_feed(request, access.community),
    }
    return render(request, "meetings/session_list.html", context)


def _community_feed(request, community) -> dict[str, str] | None:
    """The community's calendar feed addresses, if a calendar app may read it."""
    if not calendar.community_feed_open(community):
        return None
    path = reverse("meetings:community_calendar_feed", args=[community.slug])
    return calendar_views.feed_addresses(request, path)


@community_view(need=perms.READ)
def session_detail(request, access, public_id):
    session = access_session(access, public_id)
    now = timezone.now()
    context = {
        "access": access,
        "community": access.community,
        "session": session,
        "materials": selectors.material_list(session),
        "has_started": session.starts_at <= now,
        "has_ended": session.ends_at <= now,
        "sees_join": access.has_any((perms.PARTICIPATE, perms.SCHEDULE)),
        "panels": _render_panels(request, access, session),
    }
    return render(request, "meetings/session_detail.html", context)


def _render_panels(request, access, session) -> list[str]:
    """Each area's panel, rendered with its provider's context (its keys at the top
    level, and the whole dict as ``panel``)."""
    return [
        render_to_string(template, {**context, "panel": context}, request=request)
        for template, context in panels.panels_for(request, access, session)
    ]


def _session_form(access, data=None, **kwargs):
    return SessionForm(
        data,
        presenters=selectors.presenter_candidates(access.community),
        focus_areas=selectors.focus_area_list(access.community),
        **kwargs,
    )


@community_view(need=perms.SCHEDULE)
def session_create(request, access):
    tz = request.user.time_zone
    form = _session_form(access, request.POST or None, initial={"time_zone": tz, "case_slots": 1})
    if request.method == "POST" and form.is_valid():
        try:
            session = services.session_create(
                actor=request.user, access=access, **form.service_fields()
            )
        except DomainError as error:
            form.add_service_error(error)
        else:
            messages.success(request, _("Session scheduled."))
            return _session_redirect(access, session)
    return _form_page(request, access, form, heading=_("Schedule a one-off session"),
                      submit=_("Schedule"), zones=time_zone_choices())  # fmt: skip


@community_view(need=perms.SCHEDULE)
def session_edit(request, access, public_id):
    session = access_session(access, public_id, need=perms.SCHEDULE)
    form = _session_form(access, request.POST or None, initial=SessionForm.initial_for(session))
    if request.method == "POST" and form.is_valid():
        try:
            services.session_update(
                actor=request.user, access=access, session=session, **form.service_fields()
            )
        except DomainError as error:
            form.add_service_error(error)
        else:
            messages.success(request, _("Session saved."))
            return _session_redirect(access, session)
    return _form_page(request, access, form, heading=_("Edit or move the session"),
                      submit=_("Save"), session=session, zones=time_zone_choices())  # fmt: skip


@community_view(need=perms.SCHEDULE)
def session_cancel(request, access, public_id):
    session = access_session(access, public_id, need=perms.SCHEDULE)
    form = CancelForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.session_cancel(
                actor=request.user, access=access, session=session, **form.cleaned_data
            )
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("The session was cancelled. Registered people are told."))
        return _session_redirect(access, session)
    return _form_page(request, access, form, heading=_("Cancel the session"),
                      submit=_("Cancel the session"), session=session, danger=True)  # fmt: skip


@community_view(need=perms.SCHEDULE)
def session_record(request, access, public_id):
    session = access_session(access, public_id, need=perms.SCHEDULE)
    initial = {"recording_url": session.recording_url, "notes": session.notes}
    form = RecordForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.session_record(
                actor=request.user, access=access, session=session, **form.cleaned_data
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("Recording and notes saved."))
            return _session_redirect(access, session)
    return _form_page(request, access, form, heading=_("Recording and notes"),
                      submit=_("Save"), session=session)  # fmt: skip


@community_view(need=perms.SCHEDULE)
def material_add(request, access, public_id):
    session = access_session(access, public_id, need=perms.SCHEDULE)
    form = MaterialForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.material_add(
                actor=request.user, access=access, session=session, **form.cleaned_data
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("Material added."))
            return _session_redirect(access, session)
    return _form_page(request, access, form, heading=_("Add a material"), submit=_("Add"),
                      session=session, multipart=True)  # fmt: skip


@community_view(need=perms.READ)
def material_download(request, access, public_id, material_id):
    """A material's file, to those who may read the session (media is not public:
    a private community's handouts stay private)."""
    session = access_session(access, public_id)
    material = Material.objects.filter(session=session, public_id=material_id).first()
    if material is None or not material.file:
        raise Http404
    name = PurePath(material.file.name).name
    kind = name.rsplit(".", 1)[-1]
    inline = kind in ("pdf", "png", "jpg", "gif", "webp")
    response = FileResponse(
        material.file.open("rb"), as_attachment=not inline, filename=name,
        content_type=CONTENT_TYPES.get(kind, "application/octet-stream"),
    )  # fmt: skip
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


@require_POST
@community_view(need=perms.SCHEDULE)
def material_remove(request, access, public_id, material_id):
    session = access_session(access, public_id, need=perms.SCHEDULE)
    material = Material.objects.filter(session=session, public_id=material_id).first()
    if material is None:
        messages.error(request, _("This material was already removed."))
    else:
        services.material_remove(actor=request.user, access=access, material=material)
        messages.success(request, _("Material removed."))
    return _session_redirect(access, session)


def _series_page(request, access, form, *, series=None):
    status = 400 if form.is_bound and form.errors else 200
    context = {"access": access, "community": access.community, "form": form,
               "series": series, "zones": time_zone_choices()}  # fmt: skip
    return render(request, "meetings/series_form.html", context, status=status)


@community_view(need=perms.SCHEDULE)
def series_create(request, access):
    initial = {"time_zone": request.user.time_zone, "recurrence": "weekly", "duration_minutes": 60,
               "reminder_offsets": [1440, 60], "credit_share": 75, "certificate_share": 75,
               "phone_counts": True}  # fmt: skip
    form = SeriesForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            fields = form.service_fields()
            series = services.series_create(actor=request.user, access=access, **fields)
        except DomainError as error:
            form.add_service_error(error)
        else:
            messages.success(request, _("Series created and its sessions scheduled."))
            return redirect("meetings:series_detail", access.community.slug, series.public_id)
    return _series_page(request, access, form)


@community_view(need=perms.SCHEDULE)
def series_edit(request, access, public_id):
    series = access_series(access, public_id, need=perms.SCHEDULE)
    form = SeriesForm(request.POST or None, initial=SeriesForm.initial_for(series))
    if request.method == "POST" and form.is_valid():
        try:
            fields = form.service_fields()
            services.series_update(actor=request.user, access=access, series=series, **fields)
        except DomainError as error:
            form.add_service_error(error)
        else:
            messages.success(request, _("Series saved. Its sessions to come follow it."))
            return redirect("meetings:series_detail", access.community.slug, series.public_id)
    return _series_page(request, access, form, series=series)


@community_view(need=perms.READ)
def series_detail(request, access, public_id):
    series = access_series(access, public_id)
    context = {
        "access": access,
        "community": access.community,
        "series": series,
        "page": paginate(request, selectors.series_session_list(series)),
    }
    return render(request, "meetings/series_detail.html", context)


@login_required
def my_sessions(request):
    page = paginate(request, selectors.my_session_list(request.user))
    return render(request, "meetings/my_sessions.html", {"page": page})


def community_home_section(request, access: CommunityAccess) -> dict | None:
    """The "Upcoming sessions" section of a community's home (registered in apps.py)."""
    if not access.has(perms.READ):
        return None
    sessions = selectors.upcoming_sessions(access.community)
    if not sessions and not access.has(perms.SCHEDULE):
        return None
    return {"access": access, "community": access.community, "sessions": sessions}


class OpaqueIdConverter:
    """A public id (``new_public_id``: 12 URL-safe characters), so a session's
    ``sessions/<id>/`` does not swallow other areas' ``sessions/<word>/`` pages."""

    regex = "[A-Za-z0-9_-]{12}"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(OpaqueIdConverter, "opaque")

_S = "c/<slug:slug>/sessions/"
_ONE = _S + "<opaque:public_id>/"

urlpatterns = [
    path("sessions/", my_sessions, name="my_sessions"),
    path(_S, session_list, name="session_list"),
    path(_S + "new/", session_create, name="session_create"),
    path(_S + "series/new/", series_create, name="series_create"),
    path(_S + "series/<opaque:public_id>/", series_detail, name="series_detail"),
    path(_S + "series/<opaque:public_id>/edit/", series_edit, name="series_edit"),
    path(_ONE, session_detail, name="session_detail"),
    path(_ONE + "edit/", session_edit, name="session_edit"),
    path(_ONE + "cancel/", session_cancel, name="session_cancel"),
    path(_ONE + "record/", session_record, name="session_record"),
    path(_ONE + "materials/new/", material_add, name="material_add"),
    path(_ONE + "materials/<opaque:material_id>/", material_download, name="material_download"),
    path(_ONE + "materials/<opaque:material_id>/remove/", material_remove, name="material_remove"),
]
