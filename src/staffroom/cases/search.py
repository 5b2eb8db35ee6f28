"""Shared cases in the search index (``core.search``). A case enters the index only
when it is accepted: before that only its presenter and the facilitators may read it,
and the index is scoped by community alone. Its recommendation summary and follow-up
are indexed with it once written, so "what worked" is found too."""

from collections.abc import Iterator

from django.urls import reverse

from staffroom.cases.models import Case
from staffroom.communities.models import Membership
from staffroom.core import search

KIND = "cases.case"


def case_document(case: Case) -> search.Document:
    body = "\n\n".join(
        part
        for part in (
            case.background,
            case.tried,
            case.strengths,
            case.questions,
            case.outcome,
            case.summary if case.summary_sent_at else "",
            case.followup_tried,
            case.followup_happened,
        )
        if part
    )
    return search.Document(
        kind=KIND,
        object_id=case.pk,
        scope_id=case.community_id,
        title=case.title,
        url=reverse("cases:case_detail", args=[case.community.slug, case.public_id]),
        created_at=case.decided_at or case.created_at,
        body=body,
        author_id=None if case.anonymous else case.presenter_id,
        tags=[tag.strip() for tag in case.tags.split(",") if tag.strip()],
    )


def case_scopes(user) -> list[int]:
    """Where ``user`` may find accepted cases: the communities they take part in (an
    accepted case is for the community's members, not for every reader of a public
    one). Facilitators and hub staff review cases from the queue instead."""
    if not user.is_authenticated:
        return []
    active = Membership.objects.filter(user=user, status=Membership.Status.ACTIVE)
    return list(active.values_list("community_id", flat=True))


def case_documents() -> Iterator[search.Document]:
    accepted = Case.objects.filter(state__in=Case.SHARED_STATES).select_related("community")
    for case in accepted.iterator(chunk_size=500):
        yield case_document(case)
