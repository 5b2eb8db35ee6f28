"""Versions of a shared case's text. The text the group answered is kept: version 1 is
taken when the first question or recommendation is recorded (or the case is marked
presented, whichever comes first), and every later edit by the presenter makes the
next version. Contributions point at the version they answered, so an edit never
changes what a recommendation was a recommendation to."""

from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from staffroom.cases import services
from staffroom.cases.events import Action, case_event
from staffroom.cases.models import Case, CaseVersion
from staffroom.cases.screening import screen
from staffroom.cases.search import case_document
from staffroom.communities import permissions
from staffroom.communities.access import CommunityAccess
from staffroom.core import search
from staffroom.meetings.presenters import presenter_case_anonymous


def _snapshot(case: Case) -> dict:
    return {name: getattr(case, name) for name in Case.GUARDED_FIELDS}


def version_current(case: Case, *, actor=None) -> CaseVersion:
    """The latest version of the case's text, taking version 1 if there is none. The
    caller holds the case's row lock."""
    latest = case.versions.order_by("-number").first()
    if latest is None:
        latest = CaseVersion.objects.create(case=case, number=1, text=_snapshot(case),
                                            created_by=actor)  # fmt: skip
    return latest


def case_versions(case: Case) -> list[CaseVersion]:
    return list(case.versions.all())


@transaction.atomic
def case_revise(
    *,
    actor,
    access: CommunityAccess,
    case: Case,
    not_identifying: str = "",
    screened: str = "",
    **fields,
) -> Case:
    """The presenter's edit of a shared case. The new text passes the guard (or the
    presenter says why a finding is not identifying), keeps a background and a question,
    and becomes a new version; the version the group answered stays as it was. A change
    of setting alone (or of "a member of this community") makes no new version."""
    services.require(access, permissions.PARTICIPATE)
    case = Case.objects.select_for_update().get(pk=case.pk)
    if case.presenter_id != actor.pk:
        raise services.CaseError(_("Only the presenter can change this case."))
    if not case.is_shared:
        raise services.CaseError(_("Only a case the community can read is edited this way."))
    before = version_current(case, actor=actor)
    services.set_fields(case, fields)
    screen(case=case, actor=actor, reason=not_identifying, shown=screened,
           texts={name: (name, getattr(case, name)) for name in Case.GUARDED_FIELDS})  # fmt: skip
    services.require_complete(case)
    after = _snapshot(case)
    case.save()  # the setting and the "a member of this community" choice, too
    if case.session_id and case.state == Case.State.SCHEDULED:
        presenter_case_anonymous(session=case.session, user=actor, anonymous=case.anonymous)
    if after != before.text:
        number = (case.versions.aggregate(n=Max("number"))["n"] or 0) + 1
        CaseVersion.objects.create(case=case, number=number, text=after, created_by=actor)
        case_event(case, actor, Action.REVISED, _("version %(number)s") % {"number": number})
    search.index(case_document(case))
    return case
