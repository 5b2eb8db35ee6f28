"""The survey analysis URLs in the access walk (joined to ``walk.CASES``): the same
people as the survey's own page (its facilitators, the hub's staff), a 404 for
everyone else and for a download that does not exist."""

from staffroom.evaluation.tests.walk_surveys import HUB_STAFF, MANAGE, survey_id
from staffroom.walk import LOGIN, NOT_FOUND, Case


def export(kind):
    return lambda world, slug: {**survey_id(world, slug), "kind": kind}


def _each(name, expect, kwargs) -> list[Case]:
    return [
        Case(name, variant, expect, kwargs=kwargs) for variant in ("public", "private", "hidden")
    ]


CASES = [
    *_each("evaluation:survey_analysis", MANAGE, survey_id),
    Case("evaluation:survey_analysis", "hub", HUB_STAFF, kwargs=survey_id),
    *_each("evaluation:survey_analysis_items", MANAGE, survey_id),
    Case("evaluation:survey_analysis_items", "hub", HUB_STAFF, kwargs=survey_id),
    *_each("evaluation:survey_export", MANAGE, export("responses.csv")),
    Case("evaluation:survey_export", "hub", HUB_STAFF, kwargs=export("dictionary.csv")),
    Case("evaluation:survey_export", "public", MANAGE, kwargs=export("responses.R")),
    Case("evaluation:survey_export", "private", MANAGE, kwargs=export("responses.sps")),
    Case("evaluation:survey_export", "nokind", NOT_FOUND | {"anonymous": LOGIN},
         kwargs=lambda world, slug: {**survey_id(world, "open-science"), "kind": "x.xlsx"}),
    Case("evaluation:survey_analysis", "nosurvey", NOT_FOUND | {"anonymous": LOGIN},
         kwargs=lambda world, slug: {"public_id": "no-such-survey"}),
]  # fmt: skip
