"""The form after a session and the page of its answers. Their paths are
the ones the sessions part's earlier form had, so links already emailed still work."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from staffroom.communities import permissions as perms
from staffroom.communities.access import community_view
from staffroom.core.forms import add_domain_error
from staffroom.core.pagination import paginate
from staffroom.evaluation import session_feedback as feedback
from staffroom.evaluation.access import FEEDBACK_READERS, may_read_feedback
from staffroom.evaluation.questions import question_groups
from staffroom.evaluation.session_feedback import FeedbackError
from staffroom.evaluation.survey_forms import AnswerForm
from staffroom.meetings.access import access_session

T = "evaluation/feedback/"


@community_view(need=(perms.PARTICIPATE, perms.SCHEDULE))
def feedback_form(request, access, public_id):
    session = access_session(access, public_id)
    mine = feedback.feedback_get(session, request.user)
    items = feedback.feedback_items()
    data = request.POST if request.method == "POST" else None  # an empty post is a post
    form = AnswerForm(data, items=items, pairing=False, initial=mine.answers if mine else None)
    if data is not None and form.is_valid():
        try:
            feedback.feedback_submit(
                actor=request.user, access=access, session=session, answers=form.answers(),
                language=get_language(),
            )  # fmt: skip
        except FeedbackError as error:
            if error.problems:
                form.add_problems(error.problems)
            else:
                add_domain_error(form, error)
        else:
            messages.success(request, _("Thank you for your feedback."))
            return redirect("meetings:session_detail", access.community.slug, session.public_id)
    context = {
        "access": access, "community": access.community, "session": session, "form": form,
        "groups": question_groups(form, feedback.feedback_groups(items)), "mine": mine,
        "is_open": feedback.feedback_is_open(session),
        "attended": feedback.attended(session, request.user),
        "may_read": may_read_feedback(access),
    }  # fmt: skip
    return render(request, T + "feedback_form.html", context, status=400 if form.errors else 200)


@community_view(need=FEEDBACK_READERS)
def feedback_results(request, access, public_id):
    session = access_session(access, public_id, need=FEEDBACK_READERS)
    page = paginate(request, feedback.feedback_list(session))
    context = {
        "access": access, "community": access.community, "session": session, "page": page,
        "summary": feedback.feedback_summary(session),
        "rows": feedback.feedback_rows(page.object_list, feedback.feedback_items()),
    }  # fmt: skip
    return render(request, T + "feedback_results.html", context)
