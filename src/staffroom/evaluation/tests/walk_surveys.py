"""The survey URLs in the access walk (joined to ``walk.CASES``): facilitators and
hub staff manage surveys, everyone else gets a 404 for a survey; a personal link
answers its own person (signed in, or not signed in at all) and no one else."""

from staffroom.evaluation.models import InstrumentVersion, Survey
from staffroom.evaluation.tests.survey_factories import (
    invitation_of,
    make_survey,
    make_version,
    wave_spec,
)
from staffroom.walk import (
    DONE,
    LOGIN,
    MISSING,
    NOT_FOUND,
    RUN_COMMUNITY,
    RUN_COMMUNITY_POST,
    SIGNED_IN,
    Case,
    answers,
    scoped,
)

MANAGE = answers(LOGIN, 404, 404, 200, 200)
MANAGE_POST = answers(LOGIN, 404, 404, DONE, DONE)
HUB_STAFF = answers(LOGIN, 404, 404, 404, 200)
HUB_STAFF_POST = answers(LOGIN, 404, 404, 404, DONE)
PERSONAL_LINK = answers(200, 404, 200, 404, 404)  # the link is the member's
PERSONAL_LINK_POST = answers(DONE, 404, DONE, 404, 404)


def _version(world):
    published = InstrumentVersion.objects.filter(instrument__hub=world.hub, status="published")
    return published.first() or make_version(world)


def _community(world, slug):
    return {c.slug: c for c in (world.public, world.private, world.hidden)}[slug]


def _survey(world, slug, waves=None) -> Survey:
    """A survey of the community ``slug``, or of the whole hub when there is none."""
    if slug is None:
        return make_survey(world, version=_version(world), hub_wide=True)
    return make_survey(world, _community(world, slug), version=_version(world), waves=waves)


def survey_id(world, slug) -> dict:
    return {"public_id": _survey(world, slug).public_id}


def wave_ids(world, slug, opens_in=-1) -> dict:
    survey = _survey(world, slug, waves=[wave_spec(opens_in=opens_in)])
    return {"public_id": survey.public_id, "wave_id": survey.waves.get().public_id}


def later_wave_ids(world, slug) -> dict:
    return wave_ids(world, slug, opens_in=5)


def token(world, slug) -> dict:
    if slug == MISSING:
        return {"token": "no-such-token"}
    wave = _survey(world, slug).waves.get()
    return {"token": invitation_of(wave, world.member).token}


def hub(world, slug) -> dict:
    return {"hub_slug": world.hub.slug}


def survey_data(world, slug) -> dict:
    return {
        "title": "Spring check-in", "version": str(_version(world).pk),
        "wave0-kind": "pre", "wave0-opens_at": "2030-03-01T09:00",
        "wave0-closes_at": "2030-03-15T17:00", "wave0-first_reminder_days": "3",
    }  # fmt: skip


def wave_data(world, slug) -> dict:
    return {"kind": "post", "opens_at": "2030-05-01T09:00", "closes_at": "2030-05-15T17:00"}


def answer_data(world, slug) -> dict:
    return {"a-confident": "3", "save": "1"}


def _each(name, expect, *, method="get", kwargs, data=None) -> list[Case]:
    extra = {"data": data} if data else {}
    return [
        Case(name, variant, expect, method=method, kwargs=kwargs, **extra)
        for variant in ("public", "private", "hidden")
    ]


CASES = [
    *scoped("evaluation:survey_list", **RUN_COMMUNITY),
    *scoped("evaluation:survey_create", **RUN_COMMUNITY),
    *scoped("evaluation:survey_create", method="post", data=survey_data, **RUN_COMMUNITY_POST),
    Case("evaluation:hub_survey_list", "hub", HUB_STAFF, kwargs=hub),
    Case("evaluation:hub_survey_create", "hub", HUB_STAFF, kwargs=hub),
    Case("evaluation:hub_survey_create", "hub", HUB_STAFF_POST, method="post", kwargs=hub,
         data=survey_data),
    Case("evaluation:hub_survey_list", "nohub", NOT_FOUND | {"anonymous": LOGIN},
         kwargs=lambda world, slug: {"hub_slug": "no-such-hub"}),
    *_each("evaluation:survey_detail", MANAGE, kwargs=survey_id),
    Case("evaluation:survey_detail", "hub", HUB_STAFF, kwargs=survey_id),
    Case("evaluation:survey_detail", "nosurvey", NOT_FOUND | {"anonymous": LOGIN},
         kwargs=lambda world, slug: {"public_id": "no-such-survey"}),
    *_each("evaluation:wave_edit", MANAGE, kwargs=wave_ids),
    *_each("evaluation:wave_edit", MANAGE_POST, method="post", kwargs=later_wave_ids,
           data=wave_data),
    *_each("evaluation:wave_close", MANAGE_POST, method="post", kwargs=wave_ids),
    Case("evaluation:my_surveys", "mine", SIGNED_IN),
    Case("evaluation:survey_respond", "public", PERSONAL_LINK, kwargs=token),
    Case("evaluation:survey_respond", "hidden", PERSONAL_LINK_POST, method="post",
         kwargs=token, data=answer_data),
    Case("evaluation:survey_respond", "missing", NOT_FOUND, kwargs=token),
]  # fmt: skip
