"""Reads the survey pages share, already filtered and with their joins done."""

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone

from staffroom.communities.models import Membership
from staffroom.evaluation.access import still_asked
from staffroom.evaluation.models import (
    InstrumentVersion,
    Invitation,
    Item,
    Section,
    Survey,
    Wave,
)
from staffroom.meetings.models import Series


def survey_list(*, hub=None, community=None) -> QuerySet:
    """The surveys of a community, or every survey of a hub (its communities' too),
    newest first, with what the list shows."""
    surveys = Survey.objects.select_related("community", "series", "version__instrument")
    surveys = surveys.filter(community=community) if community else surveys.filter(hub=hub)
    return surveys.annotate(wave_count=Count("waves")).order_by("-created_at", "-pk")


def published_versions(hub) -> list[InstrumentVersion]:
    return list(
        InstrumentVersion.objects.filter(
            instrument__hub=hub, status=InstrumentVersion.Status.PUBLISHED
        )
        .select_related("instrument")
        .order_by("instrument__title", "-number")
    )


def community_series(community) -> list[Series]:
    return list(Series.objects.filter(community=community).order_by("title"))


def wave_rates(survey: Survey) -> list[Wave]:
    """The survey's waves, each with ``invited``, ``responded`` and ``left`` counts
    and ``rate`` (percent, or ``None`` while no one is asked).

    ``left`` are the invited who did not respond and are no longer asked: they left
    the community (every community of the hub, for a hub-wide survey) or their
    account was closed, so their link no longer answers (``access.still_asked``).
    The rate is responded over invited minus ``left``: a wave is not judged by
    people who could not answer it. Someone who responded and then left still
    counts, above and below the line."""
    waves = list(
        Wave.objects.filter(survey=survey)
        .order_by("position")  # a grouped query leaves out the model's ordering
        .annotate(
            invited=Count("invitations"),
            responded=Count("invitations", filter=Q(invitations__responded=True)),
            left=Count(
                "invitations",
                filter=Q(invitations__responded=False)
                & ~Q(invitations__user_id__in=still_asked(survey)),
            ),
        )
    )
    for wave in waves:
        asked = wave.invited - wave.left
        wave.rate = round(100 * wave.responded / asked) if asked else None
    return waves


def my_invitations(user) -> QuerySet:
    """The person's invitations to waves open now, the unanswered first; not those of
    a community (or hub) they have left, whose links no longer answer."""
    now = timezone.now()
    member = Membership.objects.filter(user=user, status=Membership.Status.ACTIVE)
    return (
        Invitation.objects.filter(
            Q(wave__survey__community_id__in=member.values("community_id"))
            | Q(
                wave__survey__community__isnull=True,
                wave__survey__hub_id__in=member.values("community__hub_id"),
            ),
            user=user,
            wave__opens_at__lte=now,
            wave__closes_at__gt=now,
            wave__closed_at__isnull=True,
        )
        .select_related("wave__survey__community", "wave__survey__hub")
        .order_by("responded", "wave__closes_at", "pk")
    )


def questionnaire(version: InstrumentVersion) -> list[Section]:
    """The version's sections in order, each with its items."""
    return list(
        Section.objects.filter(version=version).prefetch_related(
            Prefetch("items", queryset=Item.objects.order_by("position", "pk"))
        )
    )
