"""The instrument services: drafts, publishing, versions, and the rules an item keeps."""

import pytest

from staffroom.communities.access import access_hub
from staffroom.evaluation import analysis, instruments
from staffroom.evaluation.instruments import InstrumentError, ItemSpec, item_problems
from staffroom.evaluation.models import (
    MIN_ANSWERED_DEFAULT,
    InstrumentVersion,
    Item,
    Section,
    Subscale,
)
from staffroom.evaluation.tests.instrument_factories import (
    builder_access,
    likert,
    make_instrument,
    scaled_specs,
)


def _specs(version) -> list[ItemSpec]:
    return [ItemSpec.of(item) for item in instruments.version_items(version)]


def _publish(world, instrument):
    version = instrument.versions.get(status="draft")
    return instruments.version_publish(
        actor=world.hub_admin, hub_access=builder_access(world), version=version
    )


def test_instrument_create_starts_a_draft_version_1_with_one_section(world):
    instrument = make_instrument(world)
    version = instrument.versions.get()
    assert (version.number, version.status) == (1, InstrumentVersion.Status.DRAFT)
    assert version.sections.count() == 1
    assert instrument.hub == world.hub and instrument.created_by == world.hub_admin


def test_only_builders_of_the_hub_may_build(world):
    access = access_hub(world.facilitator, world.hub.slug)
    with pytest.raises(InstrumentError):
        instruments.instrument_create(actor=world.facilitator, hub_access=access, title="Mine")


def test_item_save_keeps_subscales_and_their_default_rule(world):
    instrument = make_instrument(world, *scaled_specs())
    version = instrument.versions.get()
    assert _specs(version) == scaled_specs()
    belonging = Subscale.objects.get(version=version, name="belonging")
    assert belonging.min_answered == MIN_ANSWERED_DEFAULT
    assert MIN_ANSWERED_DEFAULT / 100 == analysis.MIN_ANSWERED


def test_publish_freezes_the_version(world):
    instrument = make_instrument(world, likert("q1"), likert("q2"))
    version = _publish(world, instrument)
    assert version.status == "published" and version.published_by == world.hub_admin
    access = builder_access(world)
    section = version.sections.get()
    item = version.items.get(name="q1")
    refusals = [
        lambda: instruments.item_save(actor=world.hub_admin, hub_access=access, version=version,
                                      section=section, spec=likert("q3")),
        lambda: instruments.item_save(actor=world.hub_admin, hub_access=access, version=version,
                                      section=section, spec=likert("q1", "Changed"), item=item),
        lambda: instruments.item_delete(actor=world.hub_admin, hub_access=access,
                                        version=version, item=item),
        lambda: instruments.item_move(actor=world.hub_admin, hub_access=access, version=version,
                                      item=item, up=False),
        lambda: instruments.section_save(actor=world.hub_admin, hub_access=access,
                                         version=version, title="More"),
        lambda: instruments.section_save(actor=world.hub_admin, hub_access=access,
                                         version=version, section=section, title="Renamed"),
        lambda: instruments.section_move(actor=world.hub_admin, hub_access=access,
                                         version=version, section=section, up=True),
        lambda: instruments.section_delete(actor=world.hub_admin, hub_access=access,
                                           version=version, section=section),
        lambda: instruments.subscale_update(actor=world.hub_admin, hub_access=access,
                                            version=version, name="s", min_answered=50),
        lambda: instruments.version_publish(actor=world.hub_admin, hub_access=access,
                                            version=version),
        lambda: instruments.version_discard(actor=world.hub_admin, hub_access=access,
                                            version=version),
    ]  # fmt: skip
    for refused in refusals:
        with pytest.raises(InstrumentError, match="published"):
            refused()
    assert [i.label for i in instruments.version_items(version)] == ["Statement q1", "Statement q2"]


def test_publish_refuses_a_version_without_items(world):
    instrument = make_instrument(world)
    with pytest.raises(InstrumentError, match="at least one item"):
        _publish(world, instrument)


def test_new_version_is_a_draft_copy_and_the_published_one_stays(world):
    instrument = make_instrument(world, *scaled_specs())
    published = _publish(world, instrument)
    Subscale.objects.filter(version=published, name="belonging").update(min_answered=50)
    access = builder_access(world)
    draft = instruments.version_new_draft(
        actor=world.hub_admin, hub_access=access, instrument=instrument
    )
    assert (draft.number, draft.is_draft) == (2, True)
    assert _specs(draft) == _specs(published)
    assert Subscale.objects.get(version=draft, name="belonging").min_answered == 50
    item = draft.items.get(name="belong_1")
    instruments.item_save(
        actor=world.hub_admin, hub_access=access, version=draft, section=item.section,
        spec=likert("belong_1", "Reworded", subscale="belonging", matrix_group="belong"),
        item=item,
    )  # fmt: skip
    assert published.items.get(name="belong_1").label == "I feel part of this community."
    assert draft.items.get(name="belong_1").label == "Reworded"
    assert not set(draft.sections.values_list("pk", flat=True)) & set(
        published.sections.values_list("pk", flat=True)
    )


def test_only_one_draft_at_a_time(world):
    instrument = make_instrument(world, likert("q1"))
    access = builder_access(world)
    with pytest.raises(InstrumentError, match="already has a draft"):
        instruments.version_new_draft(
            actor=world.hub_admin, hub_access=access, instrument=instrument
        )
    _publish(world, instrument)
    instruments.version_new_draft(actor=world.hub_admin, hub_access=access, instrument=instrument)
    with pytest.raises(InstrumentError, match="already has a draft"):
        instruments.version_new_draft(
            actor=world.hub_admin, hub_access=access, instrument=instrument
        )
    assert instrument.versions.count() == 2


def test_discard_deletes_the_draft_but_never_the_only_version(world):
    instrument = make_instrument(world, likert("q1"))
    access = builder_access(world)
    only = instrument.versions.get()
    with pytest.raises(InstrumentError, match="only version"):
        instruments.version_discard(actor=world.hub_admin, hub_access=access, version=only)
    _publish(world, instrument)
    draft = instruments.version_new_draft(
        actor=world.hub_admin, hub_access=access, instrument=instrument
    )
    instruments.version_discard(actor=world.hub_admin, hub_access=access, version=draft)
    assert list(instrument.versions.values_list("number", "status")) == [(1, "published")]
    assert not Item.objects.filter(version_id=draft.pk).exists()
    again = instruments.version_new_draft(
        actor=world.hub_admin, hub_access=access, instrument=instrument
    )
    assert again.number == 2


@pytest.mark.parametrize(
    ("spec", "field", "words"),
    [
        (likert("Q1"), "name", "lower-case"),
        (likert("1q"), "name", "lower-case"),
        (likert("q" * 101), "name", "at most 100"),
        (likert("record_id"), "name", "record_id"),
        (likert("wave"), "name", "names the wave"),
        (likert("redcap_event_name"), "name", "names the wave"),
        (likert("first"), "name", "already called"),
        (likert("q2", show_if="[later] = '1'"), "show_if", "does not come before"),
        (likert("q2", show_if="[nowhere] = '1'"), "show_if", "not a field"),
        (likert("q2", show_if="[first] = '1"), "show_if", "quote"),
        (likert("q2", show_if="[first] = = 1"), "show_if", "cannot be read"),
        (likert("q2", show_if="[q2] = '1'"), "show_if", "does not come before"),
        (likert("q2", points=4), "choices", "4-point Likert item needs 4"),
        (likert("q2", points=6), "points", "4, 5 or 7"),
        (likert("q2", choices=[("a", "A"), ("b", "B"), ("c", "C"), ("d", "D"), ("e", "E")]),
         "choices", "numbers"),
        (ItemSpec(name="n", kind="numeric", label="N", min_value=5, max_value=1), "max_value",
         "below the minimum"),
        (ItemSpec(name="s", kind="single", label="S", choices=[("1", "Only")]), "choices",
         "at least two"),
        (ItemSpec(name="t", kind="short_text", label="T", subscale="x"), "subscale", "Only Likert"),
        (ItemSpec(name="n", kind="numeric", label="N", subscale="x", reverse=True), "reverse",
         "lowest and a highest"),
        (likert("q2", reverse=True), "reverse", "in a subscale"),
        (likert("q2", subscale="a~b"), "subscale", "“~”"),
        (likert("q2", subscale="x\nunlink(list.files());#"), "subscale", "one line"),
        (ItemSpec(name="t", kind="short_text", label="T", matrix_group="m"), "matrix_group",
         "Only Likert"),
        (likert("q2", matrix_group="grid", points=4, choices=[("1", "a"), ("2", "b"), ("3", "c"),
                                                              ("4", "d")]),
         "matrix_group", "same choices"),
        (likert("q2", label="  "), "label", "Write the question"),
    ],
)  # fmt: skip
def test_item_problems_name_the_field(spec, field, words):
    earlier = [likert("first", matrix_group="grid")]
    later = [likert("later")]
    problems = item_problems(spec, earlier=earlier, later=later)
    assert field in problems, problems
    assert any(words in message for message in problems[field]), problems[field]


def test_a_good_item_has_no_problems():
    earlier = [likert("first"), ItemSpec(name="box", kind="multiple", label="B",
                                         choices=[("1", "x"), ("2", "y")])]  # fmt: skip
    spec = likert("q2", show_if="[first] >= 4 or [box(2)] = '1'", subscale="s", reverse=True)
    assert item_problems(spec, earlier=earlier, later=[likert("later")]) == {}


def test_conditions_keep_pointing_at_earlier_items(world):
    instrument = make_instrument(
        world, likert("q1"), likert("q2", show_if="[q1] > 3"), likert("q3")
    )
    version = instrument.versions.get()
    access = builder_access(world)
    q1, q2 = version.items.get(name="q1"), version.items.get(name="q2")
    kwargs = {"actor": world.hub_admin, "hub_access": access, "version": version}
    with pytest.raises(InstrumentError, match="would come after"):
        instruments.item_move(**kwargs, item=q1, up=False)
    with pytest.raises(InstrumentError, match="would no longer exist"):
        instruments.item_delete(**kwargs, item=q1)
    with pytest.raises(InstrumentError, match="before renaming"):
        instruments.item_save(**kwargs, section=q1.section, spec=likert("q1_new"), item=q1)
    instruments.item_move(**kwargs, item=q2, up=False)
    assert [i.name for i in instruments.version_items(version)] == ["q1", "q3", "q2"]
    instruments.item_move(**kwargs, item=q2, up=False)  # already last: nothing happens
    assert [i.name for i in instruments.version_items(version)] == ["q1", "q3", "q2"]


def test_sections_move_and_delete_within_the_rules(world):
    instrument = make_instrument(world, likert("q1"))
    version = instrument.versions.get()
    access = builder_access(world)
    kwargs = {"actor": world.hub_admin, "hub_access": access, "version": version}
    first = version.sections.get()
    second = instruments.section_save(**kwargs, title="Later", intro="More questions.")
    instruments.item_save(**kwargs, section=second, spec=likert("q2", show_if="[q1] = '5'"))
    with pytest.raises(InstrumentError, match="would come after"):
        instruments.section_move(**kwargs, section=second, up=True)
    with pytest.raises(InstrumentError, match="would no longer exist"):
        instruments.section_delete(**kwargs, section=first)
    third = instruments.section_save(**kwargs, title="Extra")
    instruments.section_move(**kwargs, section=third, up=True)
    assert list(version.sections.values_list("title", flat=True)) == ["", "Extra", "Later"]
    instruments.section_delete(**kwargs, section=second)
    assert list(version.sections.values_list("title", "position")) == [("", 1), ("Extra", 2)]
    assert not Subscale.objects.filter(version=version).exists()
    instruments.section_delete(**kwargs, section=Section.objects.get(title="Extra"))
    with pytest.raises(InstrumentError, match="at least one section"):
        instruments.section_delete(**kwargs, section=first)


def test_subscale_rule_and_empty_subscales(world):
    instrument = make_instrument(
        world, likert("q1", subscale="calm"), likert("q2", subscale="calm")
    )
    version = instrument.versions.get()
    access = builder_access(world)
    kwargs = {"actor": world.hub_admin, "hub_access": access, "version": version}
    instruments.subscale_update(**kwargs, name="calm", min_answered=50)
    assert version.subscales.get().min_answered == 50
    with pytest.raises(InstrumentError, match="1 to 100"):
        instruments.subscale_update(**kwargs, name="calm", min_answered=0)
    with pytest.raises(InstrumentError, match="no subscale"):
        instruments.subscale_update(**kwargs, name="other", min_answered=60)
    for item in version.items.all():
        instruments.item_save(**kwargs, section=item.section, spec=likert(item.name), item=item)
    assert not version.subscales.exists()


def test_changing_a_checkbox_that_a_later_condition_picks_from_is_refused(world):
    instrument = make_instrument(world, *scaled_specs())
    version = instrument.versions.get()
    topics = version.items.get(name="topics")
    access = builder_access(world)
    for change in ({"kind": Item.Kind.SINGLE}, {"choices": [("1", "A"), ("2", "B")]}):
        spec = ItemSpec.of(topics)
        for name, value in change.items():
            setattr(spec, name, value)
        with pytest.raises(InstrumentError, match="condition of “wellbeing_more” no longer"):
            instruments.item_save(
                actor=world.hub_admin, hub_access=access, version=version,
                section=topics.section, spec=spec, item=topics,
            )  # fmt: skip
    topics.refresh_from_db()
    assert topics.kind == Item.Kind.MULTIPLE and len(topics.choices) == 3


def test_publish_refuses_a_condition_that_no_longer_fits(world):
    instrument = make_instrument(world, *scaled_specs())
    version = instrument.versions.get()
    # A draft from before conditions were checked on every change.
    Item.objects.filter(version=version, name="topics").update(kind=Item.Kind.SINGLE)
    with pytest.raises(InstrumentError, match="not a checkbox field"):
        _publish(world, instrument)
    version.refresh_from_db()
    assert version.is_draft
