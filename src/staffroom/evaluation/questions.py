"""How a questionnaire is laid out on its page, shared by a survey's personal link and
the form after a session: groups of questions (a section's title and introduction,
then its items), each question its form field and, for a conditional one, its
condition in words (shown without JavaScript) and in REDCap syntax (for the page's
script, which hides a question while its condition is false)."""

from collections.abc import Iterable
from dataclasses import dataclass

from django.forms import BoundField, Form

from staffroom.evaluation.instrument_selectors import show_if_words
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


def question_groups(form: Form, groups: Iterable[Group]) -> list[tuple[Group, list[Question]]]:
    groups = list(groups)
    by_name = {item.name: item for group in groups for item in group.items}
    return [
        (group, [
            Question(
                form[item.name],
                show_if_words(item.show_if, by_name) if item.show_if else "",
                item.show_if,
            )
            for item in group.items
        ])
        for group in groups
    ]  # fmt: skip
