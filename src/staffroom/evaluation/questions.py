"""How a questionnaire is laid out on its page, shared by a survey's personal link and
the form after a session: groups of questions (a section's title and introduction,
then its items), each question its form field and, for a conditional one, its
condition in words (shown without JavaScript) and in REDCap syntax (for the page's
script, which hides a question while its condition is false). Items of one matrix
group that sit together are one grid: a row per statement, a column per choice."""

from collections.abc import Iterable
from dataclasses import dataclass

from django.forms import BoundField, Form

from staffroom.evaluation.instrument_selectors import show_if_words
from staffroom.evaluation.instruments import MATRIX_KINDS
from staffroom.evaluation.models import Item


@dataclass(frozen=True)
class Group:
    title: str
    intro: str
    items: list[Item]


@dataclass(frozen=True)
class Question:
    field: BoundField
    condition: str
    show_if: str


@dataclass(frozen=True)
class Matrix:
    """Questions that share their choices, shown as one grid."""

    rows: list[Question]

    @property
    def choices(self) -> list[str]:
        return [label for _code, label in self.rows[0].field.field.choices]


def _joins(before: Item | None, item: Item) -> bool:
    # The builder keeps a matrix to one-answer items with the same choices; the grid's
    # single row of column headings relies on it, whatever an older version holds.
    return (
        before is not None
        and bool(item.matrix_group)
        and item.matrix_group == before.matrix_group
        and item.kind in MATRIX_KINDS
        and item.choices == before.choices
    )


def _blocks(questions: list[Question], items: list[Item]) -> list[Question | Matrix]:
    blocks: list[Question | Matrix] = []
    for index, (question, item) in enumerate(zip(questions, items, strict=True)):
        if not _joins(items[index - 1] if index else None, item):
            blocks.append(question)
        elif isinstance(blocks[-1], Matrix):
            blocks[-1].rows.append(question)
        else:
            blocks[-1] = Matrix([blocks[-1], question])
    return blocks


def question_groups(
    form: Form, groups: Iterable[Group]
) -> list[tuple[Group, list[Question | Matrix]]]:
    groups = list(groups)
    by_name = {item.name: item for group in groups for item in group.items}
    return [
        (group, _blocks([
            Question(
                form[item.name],
                show_if_words(item.show_if, by_name) if item.show_if else "",
                item.show_if,
            )
            for item in group.items
        ], group.items))
        for group in groups
    ]  # fmt: skip
