"""A person's notifications, their email settings, and unsubscribing from an email
(which needs no sign-in: the signed link is the proof)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from staffroom.core.errors import DomainError
from staffroom.core.forms import add_domain_error
from staffroom.core.pagination import paginate
from staffroom.notifications import digests, kinds, selectors, services
from staffroom.notifications.access import access_notification
from staffroom.notifications.forms import INHERIT, PreferenceForm, PreferenceScopeForm


@login_required
def notification_list(request):
    page = paginate(request, selectors.notification_list(request.user))
    return render(request, "notifications/notification_list.html", {"page": page})


@require_POST
@login_required
def notifications_mark_read(request):
    services.notifications_mark_read(user=request.user)
    messages.success(request, _("All your notifications are marked read."))
    return redirect("notifications:notification_list")


@require_POST
@login_required
def notification_open(request, public_id):
    notification = access_notification(request.user, public_id)
    url = services.notification_open(user=request.user, notification=notification)
    if not url_has_allowed_host_and_scheme(url, allowed_hosts={request.get_host()}):
        return redirect("notifications:notification_list")
    return redirect(url)


def _preference_form(user, communities, scope) -> PreferenceForm:
    """The settings as they stand for ``scope`` (None: all communities)."""
    if scope is None:
        initial = {"community": ""} | selectors.preferences_get(user, None)
        schedule = selectors.digest_schedule_get(user)
        initial |= {"digest_hour": schedule.hour, "digest_weekday": schedule.weekday}
    else:
        own = selectors.preferences_own(user, scope.pk)
        initial = {"community": scope.slug}
        initial |= {kind.key: own.get(kind.key, INHERIT) for kind in kinds.kinds()}
    return PreferenceForm(initial=initial, communities=communities, time_zone=user.time_zone)


@login_required
def preference_edit(request):
    communities = list(selectors.preference_community_list(request.user))
    if request.method != "POST":
        scope = PreferenceScopeForm(request.GET, communities=communities).chosen()
        form = _preference_form(request.user, communities, scope)
        return render(request, "notifications/preference_form.html", {"form": form})
    form = PreferenceForm(request.POST, communities=communities, time_zone=request.user.time_zone)
    if "community" in form.errors:
        # A community no longer offered (left, or a stale page): its kind fields cannot be
        # judged, so show the settings for all communities with the reason beside the scope.
        context = {"form": _preference_form(request.user, communities, None),
                   "scope_errors": form.errors["community"]}  # fmt: skip
        return render(request, "notifications/preference_form.html", context, status=400)
    if form.is_valid():
        scope = form.chosen()
        try:
            services.preferences_set(user=request.user, community=scope, choices=form.frequencies())
            if form.schedule() is not None:
                digests.digest_schedule_set(user=request.user, **form.schedule())
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("Your email settings are saved."))
            query = f"?community={scope.slug}" if scope else ""
            return redirect(request.path + query)
    return render(request, "notifications/preference_form.html", {"form": form}, status=400)


@csrf_exempt  # RFC 8058: a mail client POSTs from no page of ours, signed out
def unsubscribe(request, token):
    try:
        _user, kind, community = services.unsubscribe_target(token)
    except DomainError as error:
        return render(
            request, "notifications/unsubscribe.html", {"error": error.message}, status=404
        )
    done = request.method == "POST"
    if done:
        services.unsubscribe(token=token)
    digest = services.unsubscribe_read(token).get("d")
    context = {"kind": kind, "community": community, "done": done, "digest": digest}
    return render(request, "notifications/unsubscribe.html", context)
