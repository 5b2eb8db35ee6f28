"""The demo hub's instruments, made by its evaluator through the builder's services:
the library's community-of-practice scale (published as version 1), and a
questionnaire on teaching science with few resources, built item by item with two
subscales, a matrix and a condition, published, then reopened as a version 2 draft
with one question reworded (so the versions page has a story to tell)."""

from staffroom.accounts.models import User
from staffroom.communities.access import access_hub
from staffroom.demo import content
from staffroom.evaluation import instruments
from staffroom.evaluation.instruments import ItemSpec
from staffroom.evaluation.models import Item

EVALUATOR = "evaluator@example.org"
OFTEN = [("1", "Never"), ("2", "Rarely"), ("3", "Sometimes"), ("4", "Often"), ("5", "Always")]
SURE = [("1", "Not at all sure"), ("2", "A little sure"), ("3", "Fairly sure"), ("4", "Very sure")]

SECTIONS = [
    (
        "About your setting",
        "A few facts about where you teach science.",
        [
            ItemSpec(name="setting", kind=Item.Kind.SINGLE, label="Where is your school?",
                     choices=[("1", "Rural"), ("2", "Town"), ("3", "Suburb"), ("4", "City")],
                     required=True),
            ItemSpec(name="only_teacher", kind=Item.Kind.SINGLE,
                     label="Are you the only science teacher in your building?",
                     choices=[("1", "Yes"), ("0", "No")], required=True),
            ItemSpec(name="alone_years", kind=Item.Kind.NUMERIC,
                     label="For how many years have you been the only one?",
                     min_value=0, max_value=45, integer=True, show_if="[only_teacher] = '1'"),
        ],
    ),
    (
        "Planning investigations",
        "How often does each of these happen in your teaching this term?",
        [
            ItemSpec(name="plan_1", kind=Item.Kind.LIKERT, points=5, choices=OFTEN,
                     label="I plan at least one hands-on investigation per unit.",
                     matrix_group="planning_grid", subscale="planning"),
            ItemSpec(name="plan_2", kind=Item.Kind.LIKERT, points=5, choices=OFTEN,
                     label="I swap expensive equipment for things students bring from home.",
                     matrix_group="planning_grid", subscale="planning"),
            ItemSpec(name="plan_3", kind=Item.Kind.LIKERT, points=5, choices=OFTEN,
                     label="I drop an investigation because I lack the materials.",
                     matrix_group="planning_grid", subscale="planning", reverse=True),
            ItemSpec(name="plan_4", kind=Item.Kind.LIKERT, points=5, choices=OFTEN,
                     label="I borrow a lesson idea from someone in this community.",
                     matrix_group="planning_grid", subscale="planning"),
        ],
    ),
    (
        "Confidence",
        "",
        [
            ItemSpec(name="conf_1", kind=Item.Kind.LIKERT, points=4, choices=SURE,
                     label="How sure are you that you can run a safe lab with 28 students?",
                     subscale="confidence"),
            ItemSpec(name="conf_2", kind=Item.Kind.LIKERT, points=4, choices=SURE,
                     label="How sure are you that you can explain a surprising result?",
                     subscale="confidence"),
            ItemSpec(name="conf_3", kind=Item.Kind.LIKERT, points=4, choices=SURE,
                     label="How sure are you that a lab will go wrong in front of the class?",
                     subscale="confidence", reverse=True),
            ItemSpec(name="barriers", kind=Item.Kind.MULTIPLE,
                     label="What gets in the way of investigations? Tick all that apply.",
                     choices=[("1", "Materials"), ("2", "Time"), ("3", "Room"),
                              ("4", "Safety rules"), ("5", "Class size")]),
            ItemSpec(name="wish", kind=Item.Kind.LONG_TEXT,
                     label="What one thing would help most?",
                     note="A sentence or two is plenty."),
        ],
    ),
]  # fmt: skip


def instruments_load(*, users: dict[str, User]) -> None:
    """Give the demo hub its two instruments, made by its evaluator."""
    evaluator = users[EVALUATOR]
    access = access_hub(evaluator, content.HUB["slug"])
    instruments.instrument_from_library(
        actor=evaluator, hub_access=access, key="community_of_practice"
    )
    built = instruments.instrument_create(
        actor=evaluator, hub_access=access, title="Teaching science with few resources",
        description="Pre/post questionnaire for the single-person science departments "
        "series: how often teachers run investigations, and how sure they feel doing so.",
    )  # fmt: skip
    version = built.versions.get()
    first = version.sections.get()
    for position, (title, intro, specs) in enumerate(SECTIONS):
        kwargs = {"actor": evaluator, "hub_access": access, "version": version}
        section = instruments.section_save(
            **kwargs, section=first if position == 0 else None, title=title, intro=intro
        )
        for spec in specs:
            instruments.item_save(**kwargs, section=section, spec=spec)
    instruments.version_publish(actor=evaluator, hub_access=access, version=version)
    draft = instruments.version_new_draft(actor=evaluator, hub_access=access, instrument=built)
    item = draft.items.get(name="conf_1")
    reworded = ItemSpec.of(item)
    reworded.label = "How sure are you that you can run a safe lab with a full class?"
    instruments.item_save(
        actor=evaluator, hub_access=access, version=draft, section=item.section,
        spec=reworded, item=item,
    )  # fmt: skip
