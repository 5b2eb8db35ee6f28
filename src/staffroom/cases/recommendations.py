"""In and after the session: members and facilitators record clarifying questions and
recommendations against the version of the case they answered; a facilitator edits
them into the recommendation summary and sends it (the presenter gets it by email and
on the case page, and the follow-up is set for ``FOLLOWUP_WEEKS`` later); the presenter
can thank each contributor."""

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from staffroom.cases.events import Action, case_event
from staffroom.cases.followup import followup_schedule
from staffroom.cases.models import Case, Contribution
from staffroom.cases.screening import screen
from staffroom.cases.search import case_document
from staffroom.cases.services import CaseError, mail_person, mail_presenter, require
from staffroom.cases.versions import version_current
from staffroom.communities import permissions
from staffroom.communities.access import CommunityAccess
from staffroom.core import search

FOLLOWUP_WEEKS = 4
MAX_FOLLOWUP_WEEKS = 26


def case_contributions(case: Case) -> list[Contribution]:
    return list(case.contributions.select_related("author", "version"))


@transaction.atomic
def contribution_add(
    *, actor, access: CommunityAccess, case: Case, kind: str, text: str, link: str = "",
    not_identifying: str = "", screened: str = "",
) -> Contribution:  # fmt: skip
    """Record a question or recommendation on a scheduled or presented case."""
    if not access.has_any((permissions.PARTICIPATE, permissions.REVIEW_CASES)):
        raise CaseError(_("You may not do that in this community."))
    case = Case.objects.select_for_update().get(pk=case.pk)
    if not case.takes_contributions:
        raise CaseError(
            _("Questions and recommendations are taken once the case is scheduled, until the "
              "summary is sent.")
        )  # fmt: skip
    if kind not in Contribution.Kind.values:
        raise CaseError(_("Choose what kind of contribution this is."), field="kind")
    text = (text or "").strip()
    if not text:
        raise CaseError(_("Write your question or recommendation."), field="text")
    link = (link or "").strip()
    if link and kind != Contribution.Kind.RESOURCE:
        raise CaseError(_("Only a resource carries a link."), field="link")
    # Each writer's "not identifying" decisions are their own.
    screen(case=case, actor=actor, reason=not_identifying, shown=screened,
           texts={"text": (f"contribution:{actor.pk}", text)})  # fmt: skip
    return Contribution.objects.create(
        case=case, version=version_current(case, actor=actor), author=actor, kind=kind,
        text=text, link=link,
    )  # fmt: skip


@transaction.atomic
def contribution_thank(
    *, actor, access: CommunityAccess, case: Case, contribution: Contribution
) -> Contribution:
    """The presenter thanks a contributor (once): they are emailed."""
    require(access, permissions.PARTICIPATE)
    if case.presenter_id != actor.pk:
        raise CaseError(_("Only the presenter thanks contributors."))
    contribution = (
        Contribution.objects.select_for_update(of=("self",))
        .select_related("author")
        .get(pk=contribution.pk)
    )
    if contribution.author is None or contribution.author_id == actor.pk:
        raise CaseError(_("There is no one to thank for this one."))
    if contribution.thanked_at:
        return contribution
    contribution.thanked_at = timezone.now()
    contribution.save(update_fields=["thanked_at"])
    mail_person(contribution.author, case, "cases/email/contribution_thanked",
                presenter=actor, contribution=contribution)  # fmt: skip
    return contribution


def summary_draft(case: Case) -> str:
    """A starting point for the summary: the recommendations grouped by kind, as plain
    text lines the facilitator edits (clarifying questions are left out)."""
    sections = []
    contributions = case_contributions(case)
    for kind, label in Contribution.Kind.choices:
        if kind == Contribution.Kind.QUESTION:
            continue
        lines = [
            f"- {item.text}" + (f" ({item.link})" if item.link else "")
            for item in contributions
            if item.kind == kind
        ]
        if lines:
            sections.append(f"{label}\n" + "\n".join(lines))
    return "\n\n".join(sections)


@transaction.atomic
def summary_save(
    *, actor, access: CommunityAccess, case: Case, summary: str, send: bool = False,
    followup_weeks: int = FOLLOWUP_WEEKS, not_identifying: str = "", screened: str = "",
) -> Case:  # fmt: skip
    """Save the summary of a presented case; with ``send``, send it to the presenter
    and set the follow-up for ``followup_weeks`` weeks later."""
    require(access, permissions.REVIEW_CASES)
    case = Case.objects.select_for_update().select_related("presenter", "community").get(pk=case.pk)
    if case.state != Case.State.PRESENTED:
        raise CaseError(_("The summary is written once the case is presented, and sent once."))
    summary = (summary or "").strip()
    if send and not summary:
        raise CaseError(_("Write the summary before sending it."), field="summary")
    if not 1 <= followup_weeks <= MAX_FOLLOWUP_WEEKS:
        raise CaseError(
            _("Ask for the follow-up between 1 and %(max)s weeks later.")
            % {"max": MAX_FOLLOWUP_WEEKS},
            field="followup_weeks",
        )
    screen(case=case, actor=actor, reason=not_identifying, shown=screened,
           texts={"summary": ("summary", summary)})  # fmt: skip
    case.summary = summary
    if send:
        now = timezone.now()
        case.state = Case.State.SUMMARIZED
        case.summary_sent_at = now
        case.summary_sent_by = actor
        case.followup_due_at = now + dt.timedelta(weeks=followup_weeks)
    case.save()
    if send:
        case_event(case, actor, Action.SUMMARY_SENT)
        search.index(case_document(case))
        mail_presenter(case, "cases/email/summary_sent")
        followup_schedule(case)
    return case
