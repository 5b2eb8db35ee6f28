"""Reads of cases that views share, already filtered for the viewer."""

import re

from django.db.models import Q, QuerySet

from staffroom.cases.models import Case
from staffroom.communities.access import CommunityAccess


def case_list(access: CommunityAccess) -> QuerySet[Case]:
    """The viewer's own cases in the community (every state) and its shared ones."""
    return (
        Case.objects.filter(community=access.community)
        .filter(Q(presenter_id=access.user.pk) | Q(state__in=Case.SHARED_STATES))
        .select_related("presenter")
        .order_by("-updated_at", "-id")
    )


def case_queue(access: CommunityAccess, *, state: str) -> QuerySet[Case]:
    """The facilitators' queue: every case of the community in ``state``, oldest
    submission first (drafts are the presenter's business and not listed)."""
    return (
        Case.objects.filter(community=access.community, state=state)
        .select_related("presenter")
        .order_by("submitted_at", "id")
    )


def case_queue_counts(access: CommunityAccess) -> dict[str, int]:
    from django.db.models import Count

    rows = (
        Case.objects.filter(community=access.community)
        .exclude(state=Case.State.DRAFT)
        .values("state")
        .annotate(n=Count("id"))
    )
    return {row["state"]: row["n"] for row in rows}


def case_library(
    access: CommunityAccess,
    *,
    words: str = "",
    tag: str = "",
    grade_band: str = "",
    locale: str = "",
    role: str = "",
    state: str = "",
    case_state: str = "",
) -> QuerySet[Case]:
    """The community's shared cases (accepted and later), newest decision first,
    narrowed by the library's filters: every word in the title or text, a whole tag,
    the case's grade band, locale and presenter's role, the US state of the presenter's
    school, and the stage of the workflow."""
    cases = Case.objects.filter(community=access.community, state__in=Case.SHARED_STATES)
    if case_state:
        cases = cases.filter(state=case_state)
    for word in words.split():
        cases = cases.filter(
            Q(title__icontains=word)
            | Q(background__icontains=word)
            | Q(tried__icontains=word)
            | Q(strengths__icontains=word)
            | Q(questions__icontains=word)
            | Q(outcome__icontains=word)
            | Q(tags__icontains=word)
        )
    if tag.strip():
        cases = cases.filter(tags__iregex=r"(^|,)\s*" + re.escape(tag.strip()) + r"\s*(,|$)")
    exact = {"grade_band": grade_band, "locale": locale, "presenter_role": role}
    cases = cases.filter(**{name: value for name, value in exact.items() if value})
    if state:
        # The state comes from the presenter's own profile: a presenter who chose to
        # appear as "a member of this community" must not be narrowed down by it.
        cases = cases.filter(anonymous=False, presenter__profile__school__state=state)
    return cases.select_related("presenter").order_by("-decided_at", "-id")


# Words too common in cases to say two of them are alike.
_STOP = """about after again also been before being below between both cannot could does doing
    down during each from further have having here into itself just more most much must
    never only other over same should some such than that their them then there these they
    this those through under until very want were what when where which while will with
    would your student students school class classroom teacher teachers"""
STOP_WORDS = frozenset(_STOP.split())
SIMILAR_POOL = 200


def significant_words(text: str) -> set[str]:
    """The words of ``text`` worth comparing: at least four letters, not stop words."""
    return {word for word in re.findall(r"[^\W\d_]{4,}", text.lower()) if word not in STOP_WORDS}


def _tags(case: Case) -> set[str]:
    return {tag.lower() for tag in case.tag_list}


def case_similar(case: Case, *, limit: int = 5) -> list[Case]:
    """Up to ``limit`` other shared cases of the case's community, most shared tags
    first, then most shared significant words of the title and background, then the
    most recent; cases sharing nothing are left out. One query: the candidates are the
    community's ``SIMILAR_POOL`` most recently accepted cases."""
    candidates = (
        Case.objects.filter(community_id=case.community_id, state__in=Case.SHARED_STATES)
        .exclude(pk=case.pk)
        .select_related("presenter")
        .order_by("-decided_at", "-id")[:SIMILAR_POOL]
    )
    tags, words = _tags(case), significant_words(f"{case.title} {case.background}")
    scored = []
    for position, other in enumerate(candidates):
        shared_tags = len(tags & _tags(other))
        shared_words = len(words & significant_words(f"{other.title} {other.background}"))
        if shared_tags or shared_words:
            scored.append((-shared_tags, -shared_words, position, other))
    scored.sort(key=lambda row: row[:3])
    return [row[3] for row in scored[:limit]]
