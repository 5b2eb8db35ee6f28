"""Fetching polls for a viewer, built on the communities' access mechanism: a poll
is community content, so seeing it needs ``read``; voting needs ``participate``;
starting and closing polls need ``schedule``.

Instruments belong to a hub: everything about them needs the hub capability
``build_instruments``; to anyone without it they do not exist (404).

A survey is managed by those with ``manage_surveys`` in its community (facilitators,
the hub's admins and evaluators) or, for a hub-wide survey, ``manage_hub_surveys`` in
the hub; to anyone else it does not exist (404). A respondent reaches a wave through
their invitation's token alone: it is their personal link, and it stays valid when
their session has expired; signed in as someone else, or once its person has left
the community, the link is a 404."""

from django.db.models import QuerySet
from django.http import Http404

from staffroom.communities import permissions
from staffroom.communities.access import (
    CommunityAccess,
    HubAccess,
    access_hub,
    check_capability,
    community_access_for,
)
from staffroom.communities.models import Membership
from staffroom.evaluation.models import (
    Instrument,
    InstrumentVersion,
    Invitation,
    Item,
    Poll,
    Section,
    Survey,
    Wave,
)


def access_poll(
    access: CommunityAccess, public_id: str, *, need: str | tuple[str, ...] = permissions.READ
) -> Poll:
    """The poll ``public_id`` of the community ``access`` was resolved for; 404 if it is
    not there or the viewer may not read the community, 403 without ``need``."""
    check_capability(access, permissions.READ)
    poll = (
        Poll.objects.select_related("session", "community")
        .filter(community=access.community, public_id=public_id)
        .first()
    )
    if poll is None:
        raise Http404
    check_capability(access, need)
    return poll


def access_instrument_hub(user, hub_slug: str) -> HubAccess:
    """The hub ``hub_slug`` for someone who builds its instruments; 404 for anyone else
    (a hub's questionnaires are its staff's working papers)."""
    access = access_hub(user, hub_slug)
    if not access.has(permissions.BUILD_INSTRUMENTS):
        raise Http404
    return access


def access_instrument(user, hub_slug: str, public_id: str) -> tuple[HubAccess, Instrument]:
    """The instrument ``public_id`` of the hub, for those who build the hub's
    instruments; 404 otherwise."""
    access = access_instrument_hub(user, hub_slug)
    instrument = Instrument.objects.filter(hub=access.hub, public_id=public_id).first()
    if instrument is None:
        raise Http404
    return access, instrument


def access_instrument_version(
    user, hub_slug: str, public_id: str, number: int
) -> tuple[HubAccess, InstrumentVersion]:
    """Version ``number`` of the instrument (with its instrument), as
    ``access_instrument``."""
    access = access_instrument_hub(user, hub_slug)
    version = (
        InstrumentVersion.objects.select_related("instrument")
        .filter(instrument__hub=access.hub, instrument__public_id=public_id, number=number)
        .first()
    )
    if version is None:
        raise Http404
    return access, version


def access_section(version: InstrumentVersion, public_id: str) -> Section:
    """A section of ``version`` (already accessed); 404 for one of another version."""
    section = Section.objects.filter(version=version, public_id=public_id).first()
    if section is None:
        raise Http404
    return section


def access_item(version: InstrumentVersion, public_id: str) -> Item:
    """An item of ``version`` (already accessed), with its section; 404 otherwise."""
    item = (
        Item.objects.select_related("section", "subscale")
        .filter(version=version, public_id=public_id)
        .first()
    )
    if item is None:
        raise Http404
    return item


# Who reads the answers to the form after a session: those who run the community, and
# the hub's evaluators, whose feedback overview links to them.
FEEDBACK_READERS = (permissions.SCHEDULE, permissions.MANAGE_SURVEYS)


def may_read_feedback(access: CommunityAccess) -> bool:
    return access.has_any(FEEDBACK_READERS)


def survey_manageable(user, survey: Survey) -> bool:
    """Whether ``user`` may manage ``survey`` (services ask this too)."""
    if not user.is_authenticated:
        return False
    if survey.community_id:
        access = community_access_for(user, survey.community)
        return access.has(permissions.MANAGE_SURVEYS)
    return access_hub(user, survey.hub.slug).has(permissions.MANAGE_HUB_SURVEYS)


def access_survey_hub(user, hub_slug: str) -> HubAccess:
    """The hub ``hub_slug`` for someone who manages its surveys; 404 for anyone else."""
    access = access_hub(user, hub_slug)
    if not access.has(permissions.MANAGE_HUB_SURVEYS):
        raise Http404
    return access


def access_survey(user, public_id: str) -> Survey:
    """The survey ``public_id`` (with its hub, community, series and instrument), for
    those who manage it; 404 for anyone else."""
    survey = (
        Survey.objects.select_related("hub", "community__hub", "series", "version__instrument")
        .filter(public_id=public_id)
        .first()
    )
    if survey is None or not survey_manageable(user, survey):
        raise Http404
    return survey


def access_wave(survey: Survey, public_id: str) -> Wave:
    """A wave of ``survey`` (already accessed); 404 for one of another survey."""
    wave = Wave.objects.filter(survey=survey, public_id=public_id).first()
    if wave is None:
        raise Http404
    wave.survey = survey
    return wave


def access_invitation(user, token: str) -> Invitation:
    """The invitation behind a personal link, with its wave, survey and instrument.
    The token is the credential; someone signed in as another person gets a 404."""
    invitation = (
        Invitation.objects.select_related(
            "wave__survey__version__instrument", "wave__survey__community", "draft", "user"
        )
        .filter(token=token)
        .first()
    )
    if invitation is None:
        raise Http404
    if user.is_authenticated and user.pk != invitation.user_id:
        raise Http404
    if not still_asked(invitation.wave.survey).filter(user_id=invitation.user_id).exists():
        raise Http404
    return invitation


def still_asked(survey: Survey) -> QuerySet:
    """The ids (``user_id``) of the people ``survey`` still asks: active accounts with
    an active membership in its community (in one of its hub's communities, for a
    hub-wide survey). Someone who has left, was removed or lost their account no longer
    speaks for it: their old link stops working and their silence no longer counts
    against the response rate (``survey_selectors.wave_rates``). A subquery, so a
    caller filtering on it adds no query."""
    members = Membership.objects.filter(status=Membership.Status.ACTIVE, user__is_active=True)
    if survey.community_id:
        members = members.filter(community_id=survey.community_id)
    else:
        members = members.filter(community__hub_id=survey.hub_id)
    return members.values("user_id")
