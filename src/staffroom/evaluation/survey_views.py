"""Surveys: the lists and the deploy form for a community's facilitators and a hub's
evaluators, a survey's page with the live response rate of each wave, editing a wave
before it opens and closing it early; and for respondents, "My surveys" and the
questionnaire behind each personal link."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from staffroom.communities import permissions as perms
from staffroom.communities.access import community_view
from staffroom.core.forms import add_domain_error
from staffroom.core.pagination import paginate
from staffroom.evaluation import survey_selectors as selectors
from staffroom.evaluation import surveys as services
from staffroom.evaluation.access import (
    access_invitation,
    access_survey,
    access_survey_hub,
    access_wave,
)
from staffroom.evaluation.questions import Group, question_groups
from staffroom.evaluation.survey_forms import AnswerForm, SurveyForm, WaveForm
from staffroom.evaluation.surveys import Outcome, SurveyError

T = "evaluation/surveys/"


def _survey_page(survey):
    return redirect("evaluation:survey_detail", survey.public_id)


@community_view(need=perms.MANAGE_SURVEYS)
def survey_list(request, access):
    page = paginate(request, selectors.survey_list(community=access.community))
    context = {"access": access, "community": access.community, "page": page}
    return render(request, T + "survey_list.html", context)


@login_required
def hub_survey_list(request, hub_slug):
    access = access_survey_hub(request.user, hub_slug)
    page = paginate(request, selectors.survey_list(hub=access.hub))
    return render(request, T + "survey_list.html", {"hub": access.hub, "page": page})


@community_view(need=perms.MANAGE_SURVEYS)
def survey_create(request, access):
    community = access.community
    return _create(request, community.hub, community, {"community": community, "access": access})


@login_required
def hub_survey_create(request, hub_slug):
    hub = access_survey_hub(request.user, hub_slug).hub
    return _create(request, hub, None, {"hub": hub})


def _create(request, hub, community, context):
    form = SurveyForm(
        request.POST or None, versions=selectors.published_versions(hub),
        series=selectors.community_series(community) if community else None,
    )  # fmt: skip
    if request.method == "POST" and form.is_valid():
        try:
            survey = services.survey_create(
                actor=request.user, hub=hub, community=community, **form.service_fields()
            )
        except SurveyError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The survey is ready: its waves open on their dates."))
            return _survey_page(survey)
    context = {**context, "form": form}
    return render(request, T + "survey_form.html", context, status=400 if form.errors else 200)


@login_required
def survey_detail(request, public_id):
    survey = access_survey(request.user, public_id)
    context = {"survey": survey, "waves": selectors.wave_rates(survey), "now": timezone.now()}
    return render(request, T + "survey_detail.html", context)


@login_required
def wave_edit(request, public_id, wave_id):
    survey = access_survey(request.user, public_id)
    wave = access_wave(survey, wave_id)
    form = WaveForm(request.POST or None, initial=WaveForm.initial_for(wave))
    if request.method == "POST" and form.is_valid():
        try:
            services.wave_update(actor=request.user, wave=wave, spec=form.spec())
        except SurveyError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The wave is changed."))
            return _survey_page(survey)
    context = {"survey": survey, "wave": wave, "form": form}
    return render(request, T + "wave_form.html", context, status=400 if form.errors else 200)


@require_POST
@login_required
def wave_close(request, public_id, wave_id):
    survey = access_survey(request.user, public_id)
    wave = access_wave(survey, wave_id)
    if services.wave_close(actor=request.user, wave=wave):
        messages.success(request, _("The wave is closed: no more answers are taken."))
    else:
        messages.info(request, _("This wave is not open, so there was nothing to close."))
    return _survey_page(survey)


@login_required
def my_surveys(request):
    page = paginate(request, selectors.my_invitations(request.user))
    return render(request, T + "my_surveys.html", {"page": page})


NOTICES = {
    Outcome.SAVED: gettext_lazy("Your answers are saved. Come back with the same link to finish."),
    Outcome.SUBMITTED: gettext_lazy("Thank you: your answers are in."),
    Outcome.ALREADY: gettext_lazy("Your answers were already received; nothing changed."),
    Outcome.NOT_OPEN: gettext_lazy("This survey is not open yet; nothing was saved."),
}


@never_cache
def survey_respond(request, token):
    """The questionnaire behind a personal link. The token authenticates the post,
    so an expired session loses nothing; every post saves the draft first."""
    response = _respond(request, token)
    # The token is in the URL: no other site reached from here may learn it, whatever
    # the site-wide policy becomes ("no-referrer" would be stricter, but browsers then
    # send "Origin: null" with the page's own forms, which the CSRF check refuses).
    # No cache (a shared school computer's, say) keeps someone's answers.
    response["Referrer-Policy"] = "same-origin"
    return response


def _respond(request, token):
    invitation = access_invitation(request.user, token)
    survey = invitation.wave.survey
    sections = selectors.questionnaire(survey.version)
    items = [item for section in sections for item in section.items.all()]
    pairing = services.pairing_needed(survey, survey.waves.count())
    draft = invitation.draft.answers if invitation.draft_id else {}
    data = request.POST if request.method == "POST" else None  # an empty post is a post
    # Only the first wave offers a code: a new one in a later wave would break the pairing.
    first = pairing and invitation.wave.position == 1
    suggestion = services.pairing_suggestion() if first else ""
    form = AnswerForm(data, items=items, pairing=pairing, suggestion=suggestion, initial=draft)
    status = 200
    if request.method == "POST":
        form.is_valid()
        saved = services.response_save(
            invitation=invitation, answers=form.answers(), items=items,
            submit="submit" in request.POST and not form.errors,
            pairing_code=form.cleaned_data.get("pairing_code", ""),
        )  # fmt: skip
        form.add_problems(saved.problems)
        # Nothing to correct: a saved draft or a submission, or a post that changed
        # nothing (already submitted, not open yet), whatever the form held.
        done = saved.status in (Outcome.SAVED, Outcome.SUBMITTED) and not form.errors
        if done or saved.status in (Outcome.ALREADY, Outcome.NOT_OPEN):
            notify = messages.success if done else messages.info
            notify(request, str(NOTICES[saved.status]))
            return redirect("evaluation:survey_respond", token)
        invitation.refresh_from_db(fields=["responded", "draft"])
        status = 400
    context = {
        "invitation": invitation, "wave": invitation.wave, "survey": survey, "form": form,
        "groups": question_groups(
            form, (Group(s.title, s.intro, list(s.items.all())) for s in sections)
        ),
        "now": timezone.now(), "saved_draft": bool(invitation.draft_id),
    }  # fmt: skip
    # The link works signed out too: dates in the invited person's zone, not the site's.
    with timezone.override(invitation.user.time_zone):
        return render(request, T + "respond.html", context, status=status)


def community_surveys_section(request, access) -> dict | None:
    """On the community home, for those who manage its surveys: the link to them."""
    if not access.has(perms.MANAGE_SURVEYS):
        return None
    return {"community": access.community}


def hub_surveys_section(request, hub_access) -> dict | None:
    """On the hub page, for its evaluators and admins: the link to its surveys."""
    if not hub_access.has(perms.MANAGE_HUB_SURVEYS):
        return None
    return {"hub": hub_access.hub}
