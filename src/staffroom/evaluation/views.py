"""Brief polls: a community's polls (or one session's), starting one, the poll page
(vote, results, who voted what) and closing it early."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from staffroom.communities import permissions as perms
from staffroom.communities.access import community_view
from staffroom.core.errors import DomainError
from staffroom.core.pagination import paginate
from staffroom.evaluation import selectors, services
from staffroom.evaluation.access import access_poll
from staffroom.evaluation.forms import PollForm, PollStartForm, VoteForm
from staffroom.meetings.access import access_session

VOTED = {
    "recorded": gettext_lazy("Your vote is counted."),
    "changed": gettext_lazy("Your vote is changed."),
    "unchanged": gettext_lazy("Your vote was already counted; nothing changed."),
}


def _poll_page(access, poll):
    return redirect("evaluation:poll_detail", access.community.slug, poll.public_id)


@community_view(need=perms.READ)
def poll_list(request, access):
    context = {
        "access": access, "community": access.community,
        "page": paginate(request, selectors.poll_list(access.community)),
    }  # fmt: skip
    return render(request, "evaluation/poll_list.html", context)


@community_view(need=perms.READ)
def poll_session_list(request, access, session_id):
    session = access_session(access, session_id)
    context = {
        "access": access, "community": access.community, "session": session,
        "page": paginate(request, selectors.poll_list(access.community, session=session)),
    }  # fmt: skip
    return render(request, "evaluation/poll_list.html", context)


@community_view(need=perms.SCHEDULE)
def poll_create(request, access):
    start = PollStartForm(request.GET)
    chosen = start.cleaned_data["session"] if start.is_valid() else ""
    sessions = selectors.session_choices(access.community, include=chosen)
    initial = {"session": chosen}
    form = PollForm(request.POST or None, sessions=sessions, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            poll = services.poll_create(actor=request.user, access=access, **form.service_fields())
        except DomainError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        else:
            messages.success(request, _("The poll is open."))
            return _poll_page(access, poll)
    context = {"access": access, "community": access.community, "form": form}
    return render(request, "evaluation/poll_form.html", context, status=400 if form.errors else 200)


@community_view(need=perms.READ)
def poll_detail(request, access, public_id):
    return _detail(request, access, access_poll(access, public_id))


def _detail(request, access, poll, form=None):
    voter = selectors.poll_voter_get(poll, request.user)
    options = list(poll.options.all())
    can_vote = poll.is_open() and access.has(perms.PARTICIPATE)
    mine = selectors.my_choice_ids(poll, voter)
    if form is None and can_vote and not (voter and poll.anonymous):
        initial = {"choices": [str(pk) for pk in mine] if poll.multiple else next(
            (str(pk) for pk in mine), None)}  # fmt: skip
        form = VoteForm(poll=poll, options=options, initial=initial)
    shows = selectors.results_visible(poll, access, has_voted=voter is not None)
    who = selectors.sees_who_voted(poll, access)
    context = {
        "access": access, "community": access.community, "poll": poll, "form": form,
        "voter": voter, "mine": mine, "can_vote": can_vote,
        "results": selectors.poll_results(poll) if shows else None,
        "voters_page": paginate(request, selectors.poll_voter_list(poll)) if who else None,
    }  # fmt: skip
    status = 400 if form is not None and form.errors else 200
    return render(request, "evaluation/poll_detail.html", context, status=status)


@require_POST
@community_view(need=perms.PARTICIPATE)
def poll_vote(request, access, public_id):
    poll = access_poll(access, public_id, need=perms.PARTICIPATE)
    form = VoteForm(request.POST, poll=poll, options=poll.options.all())
    if form.is_valid():
        try:
            outcome = services.poll_vote(
                actor=request.user, access=access, poll=poll, option_ids=form.option_ids()
            )
        except DomainError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        else:
            messages.success(request, str(VOTED[outcome.status]))
            return _poll_page(access, poll)
    return _detail(request, access, poll, form=form)


@require_POST
@community_view(need=perms.SCHEDULE)
def poll_close(request, access, public_id):
    poll = access_poll(access, public_id, need=perms.SCHEDULE)
    if services.poll_close(actor=request.user, access=access, poll=poll):
        messages.success(request, _("The poll is closed."))
    else:
        messages.info(request, _("The poll was already closed."))
    return _poll_page(access, poll)
