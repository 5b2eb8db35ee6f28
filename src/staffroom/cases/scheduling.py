"""An accepted case goes into one of a session's case slots (the same slots the
presenter rotation fills: the presenter holds a confirmed case slot there and gets the
preparation email a week ahead), can be taken off it again, and is marked presented
once the group has heard it. The session page lists its cases (panel, order 35)."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from staffroom.cases.events import Action, case_event
from staffroom.cases.models import Case
from staffroom.cases.services import CaseError, mail_presenter, require
from staffroom.cases.versions import version_current
from staffroom.communities import permissions
from staffroom.communities.access import CommunityAccess
from staffroom.meetings import panels
from staffroom.meetings.models import Session
from staffroom.meetings.presenters import (
    presenter_case_book,
    presenter_case_release,
    presenter_case_sessions,
)


def schedulable_sessions(case: Case) -> list[Session]:
    """Where the case could go: upcoming sessions of its community with a case slot
    open, or where its presenter already holds one."""
    return list(presenter_case_sessions(case.community, user=case.presenter))


def _locked(case: Case) -> Case:
    return Case.objects.select_for_update().select_related("presenter", "community").get(pk=case.pk)


@transaction.atomic
def case_schedule(*, actor, access: CommunityAccess, case: Case, session: str) -> Case:
    """Put an accepted case (or move a scheduled one) into a case slot of the upcoming
    session ``session`` (its public id). The presenter is emailed."""
    require(access, permissions.REVIEW_CASES)
    case = _locked(case)
    if case.state not in (Case.State.ACCEPTED, Case.State.SCHEDULED):
        raise CaseError(_("Only an accepted case can be scheduled."))
    target = Session.objects.filter(community=case.community, public_id=session).first()
    if target is None:
        raise CaseError(_("Choose a session of this community."), field="session")
    if target.status != Session.Status.SCHEDULED or target.starts_at <= timezone.now():
        raise CaseError(_("Choose a session that is still to come."), field="session")
    if case.session_id == target.pk and case.state == Case.State.SCHEDULED:
        return case
    # A presenter holds one case slot per session (the rotation's rule), so one case.
    theirs = Case.objects.filter(session=target, presenter=case.presenter,
                                 state=Case.State.SCHEDULED).exclude(pk=case.pk)  # fmt: skip
    if theirs.exists():
        raise CaseError(
            _("%(name)s already brings a case to this session.")
            % {"name": case.presenter.display_name},
            field="session",
        )
    presenter_case_book(access=access, session=target, user=case.presenter,
                        anonymous=case.anonymous)  # fmt: skip
    if case.session_id and case.session_id != target.pk:
        presenter_case_release(session=case.session, user=case.presenter)
    case.session = target
    case.state = Case.State.SCHEDULED
    case.save()
    case_event(case, actor, Action.SCHEDULED, str(target))
    mail_presenter(case, "cases/email/case_scheduled", session=target)
    return case


@transaction.atomic
def case_unschedule(*, actor, access: CommunityAccess, case: Case) -> Case:
    """Take a scheduled case off its session: it is accepted again and its presenter's
    case slot is free for someone else. The presenter is emailed."""
    require(access, permissions.REVIEW_CASES)
    case = _locked(case)
    if case.state != Case.State.SCHEDULED:
        raise CaseError(_("This case is not scheduled."))
    session = case.session
    if session is not None:
        presenter_case_release(session=session, user=case.presenter)
    case.session = None
    case.state = Case.State.ACCEPTED
    case.save()
    case_event(case, actor, Action.UNSCHEDULED, str(session or ""))
    mail_presenter(case, "cases/email/case_unscheduled", session=session)
    return case


@transaction.atomic
def case_present(*, actor, access: CommunityAccess, case: Case) -> Case:
    """Mark a scheduled case presented: the text the group heard is kept as a version,
    and the facilitators can write the recommendation summary."""
    require(access, permissions.REVIEW_CASES)
    case = _locked(case)
    if case.state != Case.State.SCHEDULED:
        raise CaseError(_("Only a scheduled case can be marked presented."))
    version_current(case, actor=actor)
    case.state = Case.State.PRESENTED
    case.presented_at = timezone.now()
    case.save()
    case_event(case, actor, Action.PRESENTED)
    return case


@panels.register(order=35, template="cases/includes/session_cases_panel.html")
def session_cases_panel(request, access: CommunityAccess, session: Session) -> dict | None:
    """The cases scheduled into (or presented at) this session, for those who may read
    them; facilitators also get a link to the accepted cases waiting for a session."""
    if not access.has_any((permissions.PARTICIPATE, permissions.REVIEW_CASES)):
        return None
    cases = list(
        session.cases.filter(state__in=Case.SHARED_STATES)
        .select_related("presenter")
        .order_by("id")
    )
    reviewer = access.has(permissions.REVIEW_CASES)
    waiting = (
        Case.objects.filter(community=access.community, state=Case.State.ACCEPTED).count()
        if reviewer
        else 0
    )
    if not cases and not waiting:
        return None
    return {"access": access, "community": access.community, "session": session,
            "cases": cases, "waiting": waiting, "reviewer": reviewer}  # fmt: skip


def scheduled_case_title(session: Session, user) -> str | None:
    """The title of ``user``'s case scheduled into ``session``, if any (registered with
    meetings as what holds a case slot)."""
    case = Case.objects.filter(session=session, presenter=user, state=Case.State.SCHEDULED).first()
    return case.title if case else None
