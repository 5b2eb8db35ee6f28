from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from staffroom.accounts import services
from staffroom.accounts.forms import LanguageForm, ProfileForm, time_zone_choices


@login_required
def profile_edit(request):
    user = request.user
    services.profile_ensure(user=user)
    form = ProfileForm(request.POST or None, initial=ProfileForm.initial_for(user))
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        school = form.school()
        for name in ("school_name", "school_district", "school_state", "school_locale"):
            data.pop(name)
        services.profile_update(actor=user, school=school, **data)
        messages.success(request, _("Your profile was saved."))
        return redirect("communities:person_detail", user.public_id)
    context = {"form": form, "time_zones": time_zone_choices()}
    return render(
        request, "accounts/profile_edit.html", context, status=400 if form.errors else 200
    )


@require_POST
def language_set(request):
    """Switch the language: saved on the account when signed in, in a cookie otherwise."""
    form = LanguageForm(request.POST)
    next_url = request.POST.get("next") or "/"
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        next_url = "/"
    response = redirect(next_url)
    if form.is_valid():
        language = form.cleaned_data["language"]
        if request.user.is_authenticated:
            services.user_set_language(actor=request.user, language=language)
        translation.activate(language)
        response.set_cookie("django_language", language, max_age=365 * 24 * 3600, samesite="Lax")
    return response
