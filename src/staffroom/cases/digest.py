"""What cases add to the daily and weekly digests (``notifications.digests``): cases
accepted or scheduled into a session in each reader's span. An accepted case is for
the community's members who take part, as on its page (``cases.access``); a reader is
not told of their own."""

import datetime as dt
from functools import partial

from django.db.models import F, Max, Q
from django.urls import reverse
from django.utils.translation import gettext as _

from staffroom.cases.models import Case, CaseEvent
from staffroom.communities import permissions
from staffroom.core.times import when
from staffroom.notifications.digests import (
    DigestItem,
    DigestReader,
    readers_holding,
    top_per_community,
)

CASES_MAX = 5
SLACK = 3  # fetched per community beyond what is shown: some may be the reader's own
_STEPS = [CaseEvent.Action.ACCEPTED, CaseEvent.Action.SCHEDULED]


def cases_decided(readers: list[DigestReader], until: dt.datetime) -> dict[int, list]:
    """Cases now accepted or scheduled whose latest acceptance or scheduling falls in
    the reader's span, the latest first. Two queries."""
    communities = {community.pk for reader in readers for community in reader.communities}
    stepped = Max("events__created_at", filter=Q(events__action__in=_STEPS,
                                                 events__created_at__lte=until))  # fmt: skip
    cases = (
        Case.objects.filter(
            community_id__in=communities, state__in=[Case.State.ACCEPTED, Case.State.SCHEDULED]
        )
        .annotate(stepped_at=stepped)
        .filter(stepped_at__gt=min(reader.since for reader in readers))
    )
    latest = [F("stepped_at").desc(), F("id").desc()]
    cases = top_per_community(cases, latest, CASES_MAX + SLACK)
    cases = list(cases.select_related("community", "session").order_by(*latest))
    taking_part = readers_holding(readers, permissions.PARTICIPATE)
    items = {case.pk: _item(case) for case in cases}
    found = {}
    for reader in readers:
        pk = reader.user.pk
        theirs = [case for case in cases if (pk, case.community_id) in taking_part
                  and case.presenter_id != pk and case.stepped_at > reader.since]  # fmt: skip
        found[pk] = [items[case.pk] for case in theirs[:CASES_MAX]]
    return found


def _detail(case: Case) -> str:
    if case.state == Case.State.SCHEDULED and case.session is not None:
        return _("To be presented in “%(session)s”, %(when)s") % {
            "session": case.session.title,
            "when": when(case.session.starts_at),
        }
    return _("Accepted; not yet given a session")


def _item(case: Case) -> DigestItem:
    return DigestItem(
        title=case.title,
        url=reverse("cases:case_detail", args=[case.community.slug, case.public_id]),
        community=case.community.name,
        detail=partial(_detail, case),
    )
