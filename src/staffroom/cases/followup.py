"""Follow-up: when the summary is sent a reminder is queued for the due date (four
weeks later unless the facilitator chose otherwise, and movable afterwards); it asks
the presenter what they tried and what happened. Their answer and an outcome rating
appear on the case. A reminder queued for a date that was since moved does nothing."""

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _

from staffroom.cases.events import Action, case_event
from staffroom.cases.models import Case
from staffroom.cases.screening import screen
from staffroom.cases.search import case_document
from staffroom.cases.services import CaseError, case_url, mail_presenter, require
from staffroom.communities import permissions
from staffroom.communities.access import CommunityAccess
from staffroom.core import search
from staffroom.core.email import email_is_suppressed

# A reminder that wakes up this much early (clocks, queue latency) still sends.
TOLERANCE = dt.timedelta(minutes=5)


def followup_schedule(case: Case) -> None:
    """Queue the reminder for ``case.followup_due_at``, once the transaction commits."""
    from staffroom.cases.tasks import followup_remind_task

    if email_is_suppressed() or case.followup_due_at is None:
        return
    kwargs = {"case_id": case.pk, "due": case.followup_due_at.isoformat()}
    task = followup_remind_task.using(run_after=case.followup_due_at)
    transaction.on_commit(lambda: task.enqueue(**kwargs))


@transaction.atomic
def followup_move(*, actor, access: CommunityAccess, case: Case, due: dt.date) -> Case:
    """Move the follow-up of a case whose summary was sent to the morning of ``due``
    (in the facilitator's time zone); a reminder already sent may be sent again."""
    require(access, permissions.REVIEW_CASES)
    case = Case.objects.select_for_update().get(pk=case.pk)
    if case.state != Case.State.SUMMARIZED:
        raise CaseError(_("The follow-up date is set once the summary is sent."))
    if due <= timezone.localdate():
        raise CaseError(_("Choose a date after today."), field="due")
    when = dt.datetime.combine(due, dt.time(9, 0), tzinfo=timezone.get_current_timezone())
    case.followup_due_at = when
    case.followup_reminded_at = None
    case.save()
    case_event(case, actor, Action.FOLLOWUP_MOVED, due.isoformat())
    followup_schedule(case)
    return case


@transaction.atomic
def followup_remind(*, case_id: int, due: str) -> bool:
    """Ask the presenter for the follow-up, once, if the case still waits for it and
    its due date is still ``due``. Returns whether it sent."""
    case = (
        Case.objects.select_for_update()
        .select_related("presenter", "community")
        .filter(pk=case_id)
        .first()
    )
    if case is None or case.state != Case.State.SUMMARIZED or case.followup_reminded_at:
        return False
    # Compared as moments: the task may carry them in another time zone.
    if case.followup_due_at is None or case.followup_due_at != parse_datetime(due):
        return False
    now = timezone.now()
    if case.followup_due_at - TOLERANCE > now:
        followup_schedule(case)
        return False
    mail_presenter(case, "cases/email/followup_request",
                   followup_url=case_url(case, "cases:followup"))  # fmt: skip
    case.followup_reminded_at = now
    case.save(update_fields=["followup_reminded_at"])
    case_event(case, None, Action.FOLLOWUP_ASKED)
    return True


@transaction.atomic
def followup_record(
    *, actor, access: CommunityAccess, case: Case, tried: str, happened: str,
    rating: int | None, not_identifying: str = "", screened: str = "",
) -> Case:  # fmt: skip
    """The presenter's follow-up: what they tried, what happened, and how it turned
    out. It can be corrected later."""
    require(access, permissions.PARTICIPATE)
    case = Case.objects.select_for_update().get(pk=case.pk)
    if case.presenter_id != actor.pk:
        raise CaseError(_("Only the presenter can follow up on this case."))
    if case.state not in (Case.State.SUMMARIZED, Case.State.FOLLOWED_UP):
        raise CaseError(_("The follow-up comes after the recommendation summary."))
    tried, happened = (tried or "").strip(), (happened or "").strip()
    if not tried:
        raise CaseError(_("Say what you tried."), field="tried")
    if not happened:
        raise CaseError(_("Say what happened."), field="happened")
    if rating not in Case.Outcome.values:
        raise CaseError(_("Choose how it turned out."), field="rating")
    texts = {"tried": ("followup_tried", tried), "happened": ("followup_happened", happened)}
    screen(case=case, actor=actor, reason=not_identifying, shown=screened, texts=texts)
    first = case.state == Case.State.SUMMARIZED
    case.followup_tried, case.followup_happened = tried, happened
    case.outcome_rating = rating
    case.followed_up_at = timezone.now()
    case.state = Case.State.FOLLOWED_UP
    case.save()
    search.index(case_document(case))
    if first:
        case_event(case, actor, Action.FOLLOWED_UP)
    return case


def followup_sweep() -> int:
    """Send every follow-up reminder that is due and not sent. Returns how many."""
    due = Case.objects.filter(
        state=Case.State.SUMMARIZED,
        followup_reminded_at__isnull=True,
        followup_due_at__lte=timezone.now(),
    ).values_list("pk", "followup_due_at")
    return sum(followup_remind(case_id=pk, due=when.isoformat()) for pk, when in due)
