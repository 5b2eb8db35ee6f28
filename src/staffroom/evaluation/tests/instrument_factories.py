"""Instruments built through the real services, for the builder's tests and pages."""

from staffroom.communities.access import access_hub
from staffroom.communities.models import Hub, HubRole
from staffroom.conftest import make_user
from staffroom.evaluation import instruments
from staffroom.evaluation.instruments import ItemSpec
from staffroom.evaluation.models import Instrument, Item

AGREE = [
    ("1", "Strongly disagree"),
    ("2", "Disagree"),
    ("3", "Neither agree nor disagree"),
    ("4", "Agree"),
    ("5", "Strongly agree"),
]


def likert(name: str, label: str = "", **overrides) -> ItemSpec:
    fields = {"name": name, "kind": Item.Kind.LIKERT, "label": label or f"Statement {name}",
              "choices": list(AGREE), "points": 5}  # fmt: skip
    return ItemSpec(**{**fields, **overrides})


def make_evaluator(hub: Hub, email: str = "eval@example.org"):
    user = make_user(email, "Eva Evaluator")
    HubRole.objects.create(hub=hub, user=user, role=HubRole.Role.EVALUATOR)
    return user


def builder_access(world, user=None):
    return access_hub(user or world.hub_admin, world.hub.slug)


def make_instrument(world, *specs: ItemSpec, title="Belonging at school", user=None) -> Instrument:
    """An instrument whose draft version 1 holds ``specs`` in its one section."""
    user = user or world.hub_admin
    access = builder_access(world, user)
    instrument = instruments.instrument_create(actor=user, hub_access=access, title=title)
    version = instrument.versions.get()
    section = version.sections.get()
    for spec in specs:
        instruments.item_save(
            actor=user, hub_access=access, version=version, section=section, spec=spec
        )
    return instrument


def scaled_specs() -> list[ItemSpec]:
    """Two subscales (one item reversed), a matrix, a number, a condition, text."""
    return [
        ItemSpec(name="role", kind=Item.Kind.SINGLE, label="Your role",
                 choices=[("1", "Teacher"), ("2", "Counselor")], required=True),
        likert("belong_1", "I feel part of this community.", subscale="belonging",
               matrix_group="belong"),
        likert("belong_2", "I am on the edge of this community.", subscale="belonging",
               reverse=True, matrix_group="belong"),
        likert("iso_1", "I have no colleague to ask at school.", subscale="isolation"),
        ItemSpec(name="years", kind=Item.Kind.NUMERIC, label="Years in the profession",
                 min_value=0, max_value=50, integer=True, subscale="isolation", reverse=True),
        ItemSpec(name="counsel_note", kind=Item.Kind.LONG_TEXT, label="What do you counsel on?",
                 show_if="[role] = '2'"),
        ItemSpec(name="topics", kind=Item.Kind.MULTIPLE, label="Topics you want",
                 choices=[("1", "Assessment"), ("2", "Behaviour"), ("3", "Wellbeing")]),
        ItemSpec(name="wellbeing_more", kind=Item.Kind.SHORT_TEXT, label="Say more",
                 show_if="[topics(3)] = '1' and [years] > 5"),
    ]  # fmt: skip
