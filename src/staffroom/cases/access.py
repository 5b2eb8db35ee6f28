"""Fetching cases for a viewer, built on the communities' access mechanism.

A draft (or a returned case being reworked) is its presenter's alone: no one else reads
text the de-identification guard has not passed. Once submitted, those who review
cases (the community's facilitators, hub admins) see it too; once accepted (and through
every later step), the community's members. Anyone else gets a 404, as if it did not exist."""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from staffroom.cases.models import Case, CaseAttachment, CaseVersion, Contribution
from staffroom.communities import permissions
from staffroom.communities.access import CommunityAccess, check_capability


def case_visible(access: CommunityAccess, case: Case) -> bool:
    checked = (Case.State.SUBMITTED, *Case.SHARED_STATES)
    if case.state in checked and access.has(permissions.REVIEW_CASES):
        return True
    user = access.user
    if user.is_authenticated and case.presenter_id == user.pk and access.has(permissions.READ):
        return True
    return case.is_shared and access.has(permissions.PARTICIPATE)


def access_case(
    access: CommunityAccess,
    public_id: str,
    *,
    need: str | tuple[str, ...] = permissions.READ,
    own: bool = False,
) -> Case:
    """The case ``public_id`` of the community ``access`` was resolved for: 404 if it is
    not there or the viewer may not see it; 403 without ``need``, or, with ``own``,
    when the viewer is not its presenter."""
    check_capability(access, permissions.SEE)
    case = (
        Case.objects.select_related("presenter", "community")
        .filter(community=access.community, public_id=public_id)
        .first()
    )
    if case is None or not case_visible(access, case):
        raise Http404
    check_capability(access, need)
    if own and case.presenter_id != access.user.pk:
        raise PermissionDenied
    return case


def access_attachment(case: Case, public_id: str) -> CaseAttachment:
    attachment = case.attachments.filter(public_id=public_id).first()
    if attachment is None:
        raise Http404
    return attachment


def access_contribution(case: Case, public_id: str) -> Contribution:
    contribution = case.contributions.select_related("author").filter(public_id=public_id).first()
    if contribution is None:
        raise Http404
    return contribution


def access_version(case: Case, number: int) -> CaseVersion:
    version = case.versions.filter(number=number).first()
    if version is None:
        raise Http404
    return version
