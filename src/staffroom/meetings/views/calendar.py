"""Calendars: a person's secret feed and the page to subscribe to it (or revoke it),
a community's feed, and one session as an ``.ics`` download."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from staffroom.communities import permissions as perms
from staffroom.communities.access import access_community, community_view
from staffroom.meetings import calendar
from staffroom.meetings.access import access_session


def ics_response(ics: bytes, *, filename: str, download: bool) -> HttpResponse:
    response = HttpResponse(ics, content_type="text/calendar; charset=utf-8")
    disposition = "attachment" if download else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response


def feed_addresses(request, path: str) -> dict[str, str]:
    """A feed's address twice: ``https`` to paste into a calendar app, ``webcal`` for a
    link that opens one and subscribes."""
    https_url = request.build_absolute_uri(path)
    return {"https": https_url, "webcal": "webcal://" + https_url.split("://", 1)[1]}


@login_required
def calendar_detail(request):
    token = calendar.calendar_token_for(request.user)
    feed = feed_addresses(request, reverse("meetings:calendar_feed", args=[token.token]))
    context = {"https_url": feed["https"], "webcal_url": feed["webcal"]}
    return render(request, "meetings/calendar_detail.html", context)


@require_POST
@login_required
def calendar_revoke(request):
    calendar.calendar_token_revoke(actor=request.user)
    messages.success(
        request,
        _("The old link no longer works. Subscribe again in your calendar app with the new one."),
    )
    return redirect("meetings:calendar_detail")


def calendar_feed(request, token):
    owner = calendar.access_calendar_token(token)
    with translation.override(owner.language or None):
        name = _("My sessions · Staffroom")
    ics = calendar.feed_calendar(calendar.feed_sessions_person(owner), name=name, join_links=True)
    return ics_response(ics, filename="staffroom.ics", download=False)


def community_calendar_feed(request, slug):
    # No sign-in redirect: calendar apps cannot sign in. Who may not read the
    # community gets a 404 (its members subscribe to their personal feed instead).
    access = access_community(request.user, slug, need=perms.READ)
    community = access.community
    ics = calendar.feed_calendar(
        calendar.feed_sessions_community(community),
        name=_("%(community)s · Staffroom") % {"community": community.name},
        join_links=calendar.join_link_visible(access),
    )
    return ics_response(ics, filename=f"{community.slug}.ics", download=False)


@community_view(need=perms.READ)
def session_calendar(request, access, public_id):
    session = access_session(access, public_id)
    ics = calendar.session_download(session, join_link=calendar.join_link_visible(access))
    return ics_response(ics, filename=f"session-{session.public_id}.ics", download=True)


urlpatterns = [
    path("calendar/", calendar_detail, name="calendar_detail"),
    path("calendar/revoke/", calendar_revoke, name="calendar_revoke"),
    path("calendar/<str:token>.ics", calendar_feed, name="calendar_feed"),
    path(
        "c/<slug:slug>/sessions/calendar.ics",
        community_calendar_feed,
        name="community_calendar_feed",
    ),
    path(
        "c/<slug:slug>/sessions/<str:public_id>/calendar.ics",
        session_calendar,
        name="session_calendar",
    ),
]
