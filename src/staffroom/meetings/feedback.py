"""The short form offered after a session: how useful it was (1 to 5), what you will
use, anything to change. One answer per person per session; answering again updates
it. Kept small and apart on purpose: the evaluation issue will generalise it.

Who may answer: whoever has an attendance record for the session (any mode), once
the session has ended. The email goes ``FEEDBACK_DELAY`` after the end to the members
with an attendance record at that moment (not to everyone registered: people who
registered but did not come have nothing to rate), except those who already answered.
"""

import datetime as dt

from django.db import transaction
from django.db.models import Avg, Count, Q, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from staffroom.communities import permissions
from staffroom.communities.access import CommunityAccess
from staffroom.core.email import email_enqueue, email_is_suppressed, email_render
from staffroom.core.errors import DomainError
from staffroom.core.urls import absolute_url
from staffroom.meetings import panels
from staffroom.meetings.models import Attendance, Feedback, Session

FEEDBACK_DELAY = dt.timedelta(minutes=30)
# A request task that wakes this much early still sends; earlier, the session was
# moved later and the task waits again.
REQUEST_TOLERANCE = dt.timedelta(minutes=5)
SCALE = range(1, 6)


class FeedbackError(DomainError):
    pass


def feedback_is_open(session: Session, now=None) -> bool:
    now = now or timezone.now()
    return session.status == Session.Status.SCHEDULED and session.ends_at <= now


def attended(session: Session, user) -> bool:
    return user.is_authenticated and Attendance.objects.filter(session=session, user=user).exists()


@transaction.atomic
def feedback_submit(
    *,
    actor,
    access: CommunityAccess,
    session: Session,
    usefulness: int,
    will_use: str = "",
    change: str = "",
) -> Feedback:
    """Record (or update) ``actor``'s answer. Refused before the session ends, for a
    cancelled session, for someone without an attendance record, and for a rating
    outside 1 to 5."""
    if not access.has(permissions.READ):
        raise FeedbackError(_("You are not allowed to do that in this community."))
    if usefulness not in SCALE:
        raise FeedbackError(_("Choose a rating from 1 to 5."), field="usefulness")
    # Locked: two quick submits of the same form must not both create an answer.
    session = Session.objects.select_for_update().get(pk=session.pk)
    if session.status == Session.Status.CANCELLED:
        raise FeedbackError(_("This session was cancelled."))
    if session.ends_at > timezone.now():
        raise FeedbackError(_("The feedback form opens when the session ends."))
    if not attended(session, actor):
        raise FeedbackError(_("Only people who attended this session can give feedback."))
    feedback = Feedback.objects.filter(session=session, user=actor).first()
    feedback = feedback or Feedback(session=session, user=actor)
    feedback.usefulness = usefulness
    feedback.will_use = will_use.strip()
    feedback.change = change.strip()
    feedback.save()
    return feedback


def feedback_get(session: Session, user) -> Feedback | None:
    if not user.is_authenticated:
        return None
    return Feedback.objects.filter(session=session, user=user).first()


def feedback_list(session: Session) -> QuerySet:
    return (
        Feedback.objects.filter(session=session)
        .select_related("user")
        .order_by("-created_at", "-pk")
    )


def feedback_summary(session: Session) -> dict:
    """The number of answers, the mean usefulness and the count for each rating, in
    one query."""
    counts = {f"r{n}": Count("pk", filter=Q(usefulness=n)) for n in SCALE}
    row = Feedback.objects.filter(session=session).aggregate(
        answers=Count("pk"), mean=Avg("usefulness"), **counts
    )
    answers = row["answers"]
    return {
        "answers": answers,
        "mean": row["mean"],
        "ratings": [
            {"rating": n, "count": row[f"r{n}"],
             "percent": round(row[f"r{n}"] * 100 / answers) if answers else 0}
            for n in SCALE
        ],
    }  # fmt: skip


# -- the email after the session --------------------------------------------------------


def feedback_request_schedule(session: Session) -> None:
    """Queue the feedback email for ``FEEDBACK_DELAY`` after the session ends, once the
    transaction commits. The schedule area calls it when a session is created; a task
    that finds the session moved later waits for the new time (see below)."""
    from staffroom.meetings.tasks import feedback_request_task

    if email_is_suppressed():
        return
    session_id, when = session.pk, session.ends_at + FEEDBACK_DELAY
    task = feedback_request_task.using(run_after=when) if when > timezone.now() else None
    task = task or feedback_request_task
    transaction.on_commit(lambda: task.enqueue(session_id=session_id))


@transaction.atomic
def feedback_request_send(*, session_id: int) -> int:
    """Email the form to each member with an attendance record who has not answered.
    Nothing for a cancelled session; a session moved later waits for its new end.
    Returns how many were sent."""
    session = (
        Session.objects.select_for_update()
        .select_related("community")
        .filter(pk=session_id)
        .first()
    )
    if session is None or session.status != Session.Status.SCHEDULED:
        return 0
    if session.ends_at + FEEDBACK_DELAY - REQUEST_TOLERANCE > timezone.now():
        feedback_request_schedule(session)
        return 0
    answered = Feedback.objects.filter(session=session).values("user_id")
    attendees = (
        Attendance.objects.filter(session=session, user__isnull=False, user__is_active=True)
        .exclude(user_id__in=answered)
        .select_related("user")
    )
    form_url = absolute_url(
        reverse("meetings:feedback_form", args=[session.community.slug, session.public_id])
    )
    sent = 0
    for attendance in attendees:
        user = attendance.user
        with timezone.override(user.time_zone):
            message = email_render(
                "meetings/email/feedback_request",
                {"user": user, "session": session, "form_url": form_url},
                language=user.language or None,
            )
        email_enqueue(to=[user.email], **message)
        sent += 1
    return sent


# -- the session page panel -------------------------------------------------------------


@panels.register(order=40, template="meetings/includes/feedback_panel.html")
def feedback_panel(request, access: CommunityAccess, session: Session) -> dict | None:
    """After the session: the form for those who attended (their answer, if any, to
    update) and, for the facilitators, how many answered and the mean rating."""
    if not feedback_is_open(session):
        return None
    can_schedule = access.has(permissions.SCHEDULE)
    was_there = attended(session, access.user)
    if not (was_there or can_schedule):
        return None
    context = {
        "session": session,
        "community": access.community,
        "attended": was_there,
        "can_schedule": can_schedule,
        "mine": feedback_get(session, access.user) if was_there else None,
        "scale": SCALE,
    }
    if can_schedule:
        context["summary"] = Feedback.objects.filter(session=session).aggregate(
            answers=Count("pk"), mean=Avg("usefulness")
        )
    return context
