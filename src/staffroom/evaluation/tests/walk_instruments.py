"""The instrument builder's URLs in the access walk (joined to ``walk.CASES``).

Instruments belong to the hub: its admins (and evaluators, not a walk persona: see
``test_instruments_views``) build them; to everyone else they do not exist (404), and
an anonymous visitor is sent to sign in first."""

from django.core.files.uploadedfile import SimpleUploadedFile

from staffroom.evaluation import instruments
from staffroom.evaluation.tests.instrument_factories import builder_access, likert, make_instrument
from staffroom.walk import DONE, LOGIN, Case, answers

HUB = "plains"
PAGE = answers(LOGIN, 404, 404, 404, 200)
POST = answers(LOGIN, 404, 404, 404, DONE)
MISSING = answers(LOGIN, 404, 404, 404, 404)


def _hub(world, slug) -> dict:
    return {"hub_slug": HUB}


def _draft(world):
    return make_instrument(
        world, likert("q1", subscale="calm"), likert("q2", show_if="[q1] = '5'"), title="Walk"
    )


def _published(world):
    instrument = _draft(world)
    instruments.version_publish(
        actor=world.hub_admin, hub_access=builder_access(world), version=instrument.versions.get()
    )
    return instrument


def instrument(state: str):
    def build(world, slug) -> dict:
        made = _published(world) if state == "published" else _draft(world)
        return {"hub_slug": HUB, "public_id": made.public_id}

    return build


def version(state: str = "draft"):
    """Version 1 as a draft or published, or version 2 as a draft after a published 1."""

    def build(world, slug) -> dict:
        if state == "draft":
            return {"hub_slug": HUB, "public_id": _draft(world).public_id, "number": 1}
        made = _published(world)
        if state == "published":
            return {"hub_slug": HUB, "public_id": made.public_id, "number": 1}
        instruments.version_new_draft(
            actor=world.hub_admin, hub_access=builder_access(world), instrument=made
        )
        return {"hub_slug": HUB, "public_id": made.public_id, "number": 2}

    return build


def section(world, slug) -> dict:
    kwargs = version()(world, slug)
    draft = world.hub.instruments.get(public_id=kwargs["public_id"]).versions.get()
    instruments.section_save(
        actor=world.hub_admin, hub_access=builder_access(world), version=draft, title="Later"
    )
    return {**kwargs, "section_id": draft.sections.order_by("position").last().public_id}


def item(world, slug) -> dict:
    kwargs = version()(world, slug)
    draft = world.hub.instruments.get(public_id=kwargs["public_id"]).versions.get()
    return {**kwargs, "item_id": draft.items.get(name="q2").public_id}


def missing(world, slug) -> dict:
    return {"hub_slug": HUB, "public_id": "no-such-instrument"}


def dictionary_file(world, slug) -> dict:
    data = (
        '"Variable / Field Name","Form Name","Section Header","Field Type","Field Label"\n'
        "record_id,walk,,text,Record ID\nhow,walk,,notes,How was it?\n"
    )
    return {"dictionary": SimpleUploadedFile("walk.csv", data.encode(), "text/csv")}


def item_data(name: str):
    def build(world, slug) -> dict:
        return {"kind": "short_text", "name": name, "label": "Anything else?"}

    return build


def _case(name, expect, kwargs, method="get", data=None, variant="plains") -> Case:
    extra = {"data": data} if data else {}
    return Case(f"evaluation:{name}", variant, expect, method=method, kwargs=kwargs, **extra)


CASES = [
    _case("instrument_list", PAGE, _hub),
    _case("instrument_list", MISSING, lambda world, slug: {"hub_slug": "no-such-hub"},
          variant="missing"),
    _case("instrument_create", PAGE, _hub),
    _case("instrument_create", POST, _hub, "post", lambda world, slug: {"title": "Walked"}),
    _case("instrument_import", PAGE, _hub),
    _case("instrument_import", POST, _hub, "post", dictionary_file),
    _case("instrument_library_add", POST, _hub, "post",
          lambda world, slug: {"key": "session_feedback"}),
    _case("instrument_detail", PAGE, instrument("draft")),
    _case("instrument_detail", MISSING, missing, variant="missing"),
    _case("version_import", PAGE, instrument("published")),
    _case("version_import", POST, instrument("published"), "post", dictionary_file),
    _case("version_create", POST, instrument("published"), "post"),
    _case("version_detail", PAGE, version()),
    _case("version_detail", PAGE, version("published"), variant="published"),
    _case("version_detail", MISSING, lambda world, slug: {**missing(world, slug), "number": 1},
          variant="missing"),
    _case("version_preview", PAGE, version("published")),
    _case("version_export", PAGE, version("published")),
    _case("version_publish", POST, version(), "post"),
    _case("version_discard", POST, version("second draft"), "post"),
    _case("version_scoring", POST, version(), "post",
          lambda world, slug: {"name": "calm", "min_answered": "60"}),
    _case("section_create", PAGE, version()),
    _case("section_create", POST, version(), "post", lambda world, slug: {"title": "More"}),
    _case("section_edit", PAGE, section),
    _case("section_edit", POST, section, "post", lambda world, slug: {"title": "Renamed"}),
    _case("section_delete", POST, section, "post"),
    _case("section_move", POST, section, "post", lambda world, slug: {"direction": "up"}),
    _case("item_create", PAGE, section),
    _case("item_create", POST, section, "post", item_data("q3")),
    _case("item_edit", PAGE, item),
    _case("item_edit", POST, item, "post", item_data("q2")),
    _case("item_delete", POST, item, "post"),
    _case("item_move", POST, item, "post", lambda world, slug: {"direction": "up"}),
]  # fmt: skip
