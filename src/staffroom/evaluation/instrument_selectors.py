"""Reads of instruments that the builder's pages share, each in a fixed number of
queries however many sections and items a version has; and a show-if condition put
in words for the preview."""

from dataclasses import dataclass

from django.db.models import Count, Exists, Max, OuterRef, Prefetch, Q, QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from staffroom.evaluation.logic import LogicError, _logic_tokens
from staffroom.evaluation.models import Instrument, InstrumentVersion, Item, Section, Subscale

DRAFT, PUBLISHED = InstrumentVersion.Status.DRAFT, InstrumentVersion.Status.PUBLISHED


def instrument_list(hub) -> QuerySet:
    """The hub's instruments, newest first, with their latest published version's
    number and whether a draft is open."""
    drafts = InstrumentVersion.objects.filter(instrument=OuterRef("pk"), status=DRAFT)
    return (
        Instrument.objects.filter(hub=hub)
        .select_related("created_by")
        .annotate(
            published_number=Max("versions__number", filter=Q(versions__status=PUBLISHED)),
            version_count=Count("versions"),
            has_draft=Exists(drafts),
        )
        .order_by("-created_at", "-pk")
    )


def version_list(instrument: Instrument) -> list[InstrumentVersion]:
    return list(
        instrument.versions.select_related("published_by")
        .annotate(item_count=Count("items"))
        .order_by("-number")
    )


def version_sections(version: InstrumentVersion) -> list[Section]:
    """The version's sections in order, each with its items (and their subscales)."""
    items = Item.objects.select_related("subscale").order_by("position", "pk")
    return list(
        version.sections.order_by("position", "pk").prefetch_related(
            Prefetch("items", queryset=items)
        )
    )


def subscale_list(version: InstrumentVersion) -> list[Subscale]:
    return list(
        Subscale.objects.filter(version=version)
        .annotate(
            item_count=Count("items"), reversed_count=Count("items", filter=Q(items__reverse=True))
        )
        .order_by("name")
    )


# -- the preview ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Block:
    """What the preview shows in a row: one item, or a matrix of items that share a
    matrix group and sit together."""

    items: list[Item]

    @property
    def matrix(self) -> bool:
        return bool(self.items[0].matrix_group) and len(self.items) > 1

    @property
    def first(self) -> Item:
        return self.items[0]


def section_blocks(section: Section) -> list[Block]:
    blocks: list[Block] = []
    for item in section.items.all():
        last = blocks[-1].first if blocks else None
        if item.matrix_group and last is not None and last.matrix_group == item.matrix_group:
            blocks[-1].items.append(item)
        else:
            blocks.append(Block([item]))
    return blocks


_IS, _IS_NOT = gettext_lazy("is"), gettext_lazy("is not")
_AND, _OR = gettext_lazy("and"), gettext_lazy("or")
_WORDS = {
    "=": _IS, "==": _IS, "<>": _IS_NOT, "!=": _IS_NOT,
    "<": gettext_lazy("is less than"), "<=": gettext_lazy("is at most"),
    ">": gettext_lazy("is more than"), ">=": gettext_lazy("is at least"),
    "and": _AND, "&&": _AND, "or": _OR, "||": _OR,
}  # fmt: skip
_EQUALS = ("=", "==", "<>", "!=")


def show_if_words(show_if: str, items: dict[str, Item]) -> str:
    """A condition in readable words: ``[role] = '2' and [years] > 5`` ->
    ``“Your role” is “Counselor” and “Years teaching” is more than 5``. A choice item's
    code is shown as its label; a checkbox choice as "includes"; a comparison with
    the empty text as "is answered" or "is not answered"."""
    try:
        tokens = _logic_tokens(show_if)
    except LogicError:
        return show_if
    words: list[str] = []
    index = 0
    while index < len(tokens):
        kind, value = tokens[index]
        if kind == "ref":
            name, _paren, code = value.partition("(")
            item = items.get(name.strip())
            shown = f"“{_short(item.label)}”" if item else f"[{value}]"
            rest = tokens[index + 1 : index + 3]
            if item and code and len(rest) == 2 and rest[0][1] in _EQUALS:
                chosen = _label_of(item, code.rstrip(")").strip())
                ticked = rest[1][1].strip("'\"") == "1"
                negated = rest[0][1] in ("<>", "!=")
                verb = _("includes") if ticked != negated else _("does not include")
                words.append(f"{shown} {verb} “{chosen}”")
                index += 3
                continue
            if item and len(rest) == 2 and rest[0][1] in _EQUALS and rest[1][1] in ("''", '""'):
                answered = rest[0][1] in ("<>", "!=")
                verb = _("is answered") if answered else _("is not answered")
                words.append(f"{shown} {verb}")
                index += 3
                continue
            if item and len(rest) == 2 and rest[0][1] in _WORDS and rest[1][0] == "string":
                words.append(f"{shown} {_WORDS[rest[0][1]]} “{_label_of(item, rest[1][1][1:-1])}”")
                index += 3
                continue
            words.append(shown)
        elif kind in ("op", "word") and value.lower() in _WORDS:
            words.append(str(_WORDS[value.lower()]))
        elif kind == "string":
            words.append(f"“{value[1:-1]}”")
        else:
            words.append(value)
        index += 1
    return " ".join(words).replace("( ", "(").replace(" )", ")")


def _short(label: str, limit: int = 60) -> str:
    label = " ".join(label.split())
    return label if len(label) <= limit else label[: limit - 1] + "…"


def _label_of(item: Item, code: str) -> str:
    return next((label for c, label in item.choices if c == code), code)
