"""Every write on instruments: building a draft (sections, items, subscales),
publishing it, starting the next version, discarding a draft, importing a REDCap data
dictionary, and what a version writes back to one.

The rules a version keeps, checked here and nowhere else:

- only a draft changes; a published version is frozen (surveys point at it);
- an instrument has at most one draft; version n+1 starts as a copy of the latest
  published one;
- variable names follow REDCap (lower-case letters, digits and underscores, starting
  with a letter, at most 100 characters) and are unique in the version;
- "show if" is REDCap branching logic that refers to earlier items only, so moving,
  renaming or deleting an item may not leave a condition pointing at a later or
  missing one;
- a subscale's items have numeric answers; a reverse-scored item has a lowest and a
  highest answer to recode against.

Refusals are ``InstrumentError`` (with ``errors``, field -> messages, when several
fields are wrong at once) or ``InstrumentImportError`` (with every bad row).
"""

import csv
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from staffroom.communities import permissions
from staffroom.communities.access import HubAccess
from staffroom.core.errors import DomainError
from staffroom.evaluation import redcap
from staffroom.evaluation.library import library_get
from staffroom.evaluation.logic import logic_problems
from staffroom.evaluation.models import (
    VARIABLE_MAX,
    Instrument,
    InstrumentVersion,
    Item,
    Section,
    Subscale,
)
from staffroom.evaluation.responses import WAVE_COLUMNS

LIKERT_POINTS = (4, 5, 7)
RECORD_ID = "record_id"  # the export's first field, which identifies the respondent
SCORED_KINDS = (Item.Kind.LIKERT, Item.Kind.SINGLE, Item.Kind.NUMERIC)
CHOICE_KINDS = (Item.Kind.LIKERT, Item.Kind.SINGLE, Item.Kind.MULTIPLE)
MATRIX_KINDS = (Item.Kind.LIKERT, Item.Kind.SINGLE)
# What the database holds; an imported dictionary is checked against them too.
NOTE_MAX = Item._meta.get_field("note").max_length
MATRIX_MAX = Item._meta.get_field("matrix_group").max_length
_REFERENCE = re.compile(r"\[([a-z][a-z0-9_]*)(?:\([^()\]]*\))?\]")


class InstrumentError(DomainError):
    """A refused change; ``errors`` maps form fields to their messages when the
    refusal concerns several fields at once."""

    def __init__(self, message: str, *, field: str | None = None, errors=None):
        super().__init__(message, field=field)
        self.errors: dict[str, list[str]] = errors or {}


class InstrumentImportError(DomainError):
    """A data dictionary that cannot become an instrument: ``problems`` lists every
    bad row (``redcap.RowProblem``), and nothing was saved."""

    def __init__(self, message: str, problems: list[redcap.RowProblem]):
        super().__init__(message)
        self.problems = problems


def _check_builder(hub_access: HubAccess) -> None:
    if not hub_access.has(permissions.BUILD_INSTRUMENTS):
        raise InstrumentError(_("Only the hub’s evaluators and admins can build instruments."))


def _locked_draft(version: InstrumentVersion) -> InstrumentVersion:
    locked = (
        InstrumentVersion.objects.select_for_update()
        .select_related("instrument")
        .get(pk=version.pk)
    )
    if not locked.is_draft:
        raise InstrumentError(
            _("Version %(number)s is published and can no longer change: start a new version.")
            % {"number": locked.number}
        )
    return locked


# -- items as REDCap fields ---------------------------------------------------------------


@dataclass
class ItemSpec:
    """What an item says, as a form or an imported row gives it."""

    name: str
    kind: str
    label: str
    note: str = ""
    required: bool = False
    choices: list[tuple[str, str]] = field(default_factory=list)
    points: int | None = None
    matrix_group: str = ""
    min_value: float | None = None
    max_value: float | None = None
    integer: bool = False
    show_if: str = ""
    subscale: str = ""
    reverse: bool = False

    @classmethod
    def of(cls, item: Item) -> "ItemSpec":
        return cls(
            name=item.name, kind=item.kind, label=item.label, note=item.note,
            required=item.required, choices=[tuple(c) for c in item.choices],
            points=len(item.choices) if item.kind == Item.Kind.LIKERT else None,
            matrix_group=item.matrix_group, min_value=item.min_value, max_value=item.max_value,
            integer=item.integer, show_if=item.show_if,
            subscale=item.subscale.name if item.subscale_id else "", reverse=item.reverse,
        )  # fmt: skip


def _number_text(value: float | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def choices_text(choices: Iterable[Iterable[str]], separator: str = " | ") -> str:
    """Choices as REDCap writes them: ``1, Agree | 2, Disagree`` (or one per line)."""
    return separator.join(f"{code}, {label}" for code, label in choices)


def spec_field(spec: ItemSpec, *, form: str = "", section_header: str = "") -> redcap.Field:
    """The REDCap field an item is: Likert and single choice are radio buttons,
    multiple choice checkboxes, numbers validated text, long text notes; subscale and
    reverse scoring are the ``@SCALE``/``@REVERSE`` tags."""
    field_type = {
        Item.Kind.LIKERT: "radio", Item.Kind.SINGLE: "radio", Item.Kind.MULTIPLE: "checkbox",
        Item.Kind.NUMERIC: "text", Item.Kind.SHORT_TEXT: "text", Item.Kind.LONG_TEXT: "notes",
    }[spec.kind]  # fmt: skip
    numeric = spec.kind == Item.Kind.NUMERIC
    return redcap.Field(
        name=spec.name, form=form, field_type=field_type, label=spec.label,
        section_header=section_header,
        choices=choices_text(spec.choices) if spec.kind in CHOICE_KINDS else "",
        field_note=spec.note,
        validation=("integer" if spec.integer else "number") if numeric else "",
        validation_min=_number_text(spec.min_value) if numeric else "",
        validation_max=_number_text(spec.max_value) if numeric else "",
        branching_logic=spec.show_if, required="y" if spec.required else "",
        matrix_group=spec.matrix_group if spec.kind in MATRIX_KINDS else "",
        annotation=redcap.annotation_with_tags("", spec.subscale or None, spec.reverse),
    )  # fmt: skip


def referenced_names(show_if: str) -> set[str]:
    """The fields a show-if condition refers to (``[q1]``, ``[q2(3)]``)."""
    return set(_REFERENCE.findall(show_if))


# -- checking an item ------------------------------------------------------------------------


def item_problems(
    spec: ItemSpec, *, earlier: list[ItemSpec], later: list[ItemSpec]
) -> dict[str, list[str]]:
    """Everything wrong with ``spec`` placed after ``earlier`` and before ``later``
    (the version's other items), by the form field it belongs beside."""
    problems: dict[str, list[str]] = {}

    def add(name: str, message: str) -> None:
        problems.setdefault(name, []).append(message)

    if not spec.name:
        add("name", _("Give the item a variable name."))
    elif len(spec.name) > VARIABLE_MAX or not redcap.FIELD_NAME.match(spec.name):
        add(
            "name",
            _(
                "Use lower-case letters, digits and underscores, starting with a letter "
                "(at most %(max)s characters), as REDCap does."
            )
            % {"max": VARIABLE_MAX},
        )
    elif spec.name == RECORD_ID:
        add("name", _("“record_id” names the respondent in exports: choose another name."))
    elif spec.name in WAVE_COLUMNS:
        add(
            "name",
            _("“%(name)s” names the wave in exports: choose another name.") % {"name": spec.name},
        )
    elif any(other.name == spec.name for other in [*earlier, *later]):
        add(
            "name",
            _("Another item of this version is already called “%(name)s”.") % {"name": spec.name},
        )
    if not spec.label.strip():
        add("label", _("Write the question."))
    if len(spec.note.strip()) > NOTE_MAX:
        add("note", _("Keep the note to %(max)s characters or fewer.") % {"max": NOTE_MAX})
    if spec.kind not in Item.Kind.values:
        add("kind", _("Choose the kind of item."))
    if spec.kind in CHOICE_KINDS:
        _choice_problems(spec, add)
    low, high = spec.min_value, spec.max_value
    if spec.kind == Item.Kind.NUMERIC and low is not None and high is not None and low > high:
        add("max_value", _("The maximum is below the minimum."))
    if spec.matrix_group:
        _matrix_problems(spec, [*earlier, *later], add)
    if spec.show_if.strip():
        _show_if_problems(spec, earlier, later, add)
    _subscale_problems(spec, add)
    return problems


def _choice_problems(spec: ItemSpec, add) -> None:
    if spec.kind == Item.Kind.LIKERT:
        if spec.points not in LIKERT_POINTS:
            add("points", _("A Likert item has 4, 5 or 7 points."))
        elif len(spec.choices) != spec.points:
            add(
                "choices",
                ngettext(
                    "A %(points)s-point Likert item needs %(points)s labelled choices; "
                    "there is %(count)s.",
                    "A %(points)s-point Likert item needs %(points)s labelled choices; "
                    "there are %(count)s.",
                    len(spec.choices),
                )
                % {"points": spec.points, "count": len(spec.choices)},
            )
        if any(redcap._number(code) is None for code, _label in spec.choices):
            add("choices", _("Likert codes are numbers (“1, Strongly disagree”)."))
    elif len(spec.choices) < 2:
        add("choices", _("Give at least two choices, one per line: “1, Yes”."))
    if any(not label.strip() for _code, label in spec.choices):
        add("choices", _("Every choice needs a label after its code: “1, Yes”."))


def _matrix_problems(spec: ItemSpec, others: list[ItemSpec], add) -> None:
    if spec.kind not in MATRIX_KINDS:
        add("matrix_group", _("Only Likert and single-choice items can form a matrix."))
        return
    if len(spec.matrix_group) > MATRIX_MAX or not redcap.FIELD_NAME.match(spec.matrix_group):
        add(
            "matrix_group",
            _(
                "Name the matrix with lower-case letters, digits and underscores "
                "(at most %(max)s characters)."
            )
            % {"max": MATRIX_MAX},
        )
        return
    mates = [other for other in others if other.matrix_group == spec.matrix_group]
    if any(list(other.choices) != list(spec.choices) for other in mates):
        add(
            "matrix_group",
            _("The items of the matrix “%(group)s” must have the same choices.")
            % {"group": spec.matrix_group},
        )


def _show_if_problems(spec: ItemSpec, earlier, later, add) -> None:
    everything = {other.name: spec_field(other) for other in [*earlier, *later]}
    everything[spec.name] = spec_field(spec)
    found = logic_problems(spec.show_if, everything)
    if found:
        for message in found:
            add("show_if", message[:1].upper() + message[1:])
        return
    before = {other.name for other in earlier}
    for name in sorted(referenced_names(spec.show_if) - before):
        add(
            "show_if",
            _(
                "“%(name)s” does not come before this item: a condition can only use "
                "earlier answers."
            )
            % {"name": name},
        )


def _subscale_problems(spec: ItemSpec, add) -> None:
    name = spec.subscale.strip()
    # A name goes into the R and SPSS scripts' comments: a line break there would turn
    # the rest of it into code.
    if name and (len(name) > 60 or "~" in name or '"' in name or not name.isprintable()):
        add(
            "subscale",
            _("Keep the subscale name to one line under 60 characters, without “~” or quotes."),
        )
    if name and spec.kind not in SCORED_KINDS:
        add("subscale", _("Only Likert, single-choice and number items can be in a subscale."))
    elif name and spec.kind != Item.Kind.NUMERIC and not spec_field(spec).is_numeric:
        add("subscale", _("A subscale item needs numeric choice codes."))
    if spec.reverse and not name:
        add("reverse", _("Only an item in a subscale can be reverse scored."))
    elif spec.reverse and spec_field(spec).score_range is None:
        add(
            "reverse",
            _(
                "Reverse scoring needs a lowest and a highest answer: give the number a "
                "minimum and a maximum."
            ),
        )


def _raise(problems: dict[str, list[str]]) -> None:
    if problems:
        raise InstrumentError(_("Please correct the errors below."), errors=problems)


# -- reading a version in order -----------------------------------------------------------


def version_items(version: InstrumentVersion) -> list[Item]:
    """The version's items in questionnaire order, with their sections and subscales."""
    return list(
        Item.objects.filter(version=version)
        .select_related("section", "subscale")
        .order_by("section__position", "position", "pk")
    )


def _order_problems(items: list[Item]) -> list[str]:
    """Show-if conditions that would no longer refer to earlier items."""
    problems = []
    seen: set[str] = set()
    names = {item.name for item in items}
    for item in items:
        for name in sorted(referenced_names(item.show_if) - seen):
            if name in names:
                problems.append(
                    _("“%(item)s” is shown depending on “%(name)s”, which would come after it.")
                    % {"item": item.name, "name": name}
                )
            else:
                problems.append(
                    _("“%(item)s” is shown depending on “%(name)s”, which would no longer exist.")
                    % {"item": item.name, "name": name}
                )
        seen.add(item.name)
    return problems


def _refuse_broken_order(items: list[Item]) -> None:
    problems = _order_problems(items)
    if problems:
        raise InstrumentError(" ".join(problems))


def _condition_problems(specs: list[ItemSpec], checked: Iterable[ItemSpec]) -> list[str]:
    """The conditions of ``checked`` that no longer fit the items ``specs`` say (a
    checkbox choice of an item that is no longer a checkbox, or lost that choice)."""
    fields = {spec.name: spec_field(spec) for spec in specs}
    return [
        _("The condition of “%(item)s” no longer fits: %(problem)s")
        % {"item": spec.name, "problem": problem}
        for spec in checked
        for problem in logic_problems(spec.show_if, fields)
    ]


def _subscale_for(version: InstrumentVersion, name: str) -> Subscale | None:
    name = name.strip()
    if not name:
        return None
    subscale, _created = Subscale.objects.get_or_create(version=version, name=name)
    return subscale


def _drop_empty_subscales(version: InstrumentVersion) -> None:
    Subscale.objects.filter(version=version, items__isnull=True).delete()


# -- instruments and versions --------------------------------------------------------------


@transaction.atomic
def instrument_create(
    *, actor, hub_access: HubAccess, title: str, description: str = "", source: str = ""
) -> Instrument:
    """A new instrument of the hub with an empty draft version 1 (one section)."""
    _check_builder(hub_access)
    title = " ".join(title.split())
    if not title:
        raise InstrumentError(_("Give the instrument a title."), field="title")
    instrument = Instrument.objects.create(
        hub=hub_access.hub, title=title[:200], description=description.strip(),
        source=source, created_by=actor,
    )  # fmt: skip
    version = InstrumentVersion.objects.create(instrument=instrument, number=1)
    Section.objects.create(version=version, position=1)
    return instrument


@transaction.atomic
def version_publish(
    *, actor, hub_access: HubAccess, version: InstrumentVersion
) -> InstrumentVersion:
    """Freeze the draft: from now on it never changes. Refused for a version with no
    items, and (as every change) for one already published."""
    _check_builder(hub_access)
    version = _locked_draft(version)
    items = version_items(version)
    if not items:
        raise InstrumentError(_("Add at least one item before publishing."))
    _refuse_broken_order(items)
    specs = [ItemSpec.of(item) for item in items]
    problems = _condition_problems(specs, specs)
    if problems:
        raise InstrumentError(" ".join(problems))
    version.status = InstrumentVersion.Status.PUBLISHED
    version.published_at = timezone.now()
    version.published_by = actor
    version.save(update_fields=["status", "published_at", "published_by"])
    return version


@transaction.atomic
def version_new_draft(*, actor, hub_access: HubAccess, instrument: Instrument) -> InstrumentVersion:
    """Version n+1 as a draft copy of the latest published one (sections, items,
    subscales and their scoring rules). Refused while a draft exists: one at a time."""
    _check_builder(hub_access)
    Instrument.objects.select_for_update().get(pk=instrument.pk)
    versions = InstrumentVersion.objects.filter(instrument=instrument)
    if versions.filter(status=InstrumentVersion.Status.DRAFT).exists():
        raise InstrumentError(_("This instrument already has a draft: edit or discard it first."))
    # Without a draft, an instrument has a published version (its only version is
    # never discarded).
    source = versions.filter(status=InstrumentVersion.Status.PUBLISHED).latest("number")
    draft = InstrumentVersion.objects.create(
        instrument=instrument, number=versions.aggregate(n=Max("number"))["n"] + 1
    )
    _copy_content(source, draft)
    return draft


def _copy_content(source: InstrumentVersion, draft: InstrumentVersion) -> None:
    subscales = {
        old.pk: Subscale(version=draft, name=old.name, min_answered=old.min_answered)
        for old in source.subscales.all()
    }
    Subscale.objects.bulk_create(subscales.values())
    sections = {
        old.pk: Section(version=draft, position=old.position, title=old.title, intro=old.intro)
        for old in source.sections.all()
    }
    Section.objects.bulk_create(sections.values())
    copied = [
        Item(
            version=draft,
            section=sections[old.section_id],
            position=old.position,
            name=old.name,
            kind=old.kind,
            label=old.label,
            note=old.note,
            required=old.required,
            choices=old.choices,
            matrix_group=old.matrix_group,
            min_value=old.min_value,
            max_value=old.max_value,
            integer=old.integer,
            show_if=old.show_if,
            subscale=subscales.get(old.subscale_id),
            reverse=old.reverse,
        )
        for old in Item.objects.filter(version=source)
    ]
    Item.objects.bulk_create(copied)


@transaction.atomic
def version_discard(*, actor, hub_access: HubAccess, version: InstrumentVersion) -> None:
    """Delete the draft; the published versions stay as they were. Refused for an
    instrument's only version (there would be nothing left)."""
    _check_builder(hub_access)
    version = _locked_draft(version)
    if (
        not InstrumentVersion.objects.filter(instrument=version.instrument)
        .exclude(pk=version.pk)
        .exists()
    ):
        raise InstrumentError(
            _("This draft is the instrument’s only version: there is nothing to go back to.")
        )
    version.delete()


@transaction.atomic
def subscale_update(
    *, actor, hub_access: HubAccess, version: InstrumentVersion, name: str, min_answered: int
) -> Subscale:
    """Set the share of a subscale's items that must be answered for a score."""
    _check_builder(hub_access)
    version = _locked_draft(version)
    subscale = Subscale.objects.filter(version=version, name=name).first()
    if subscale is None:
        raise InstrumentError(_("This version has no subscale “%(name)s”.") % {"name": name})
    if not 1 <= min_answered <= 100:
        raise InstrumentError(_("Give a percentage from 1 to 100."), field="min_answered")
    subscale.min_answered = min_answered
    subscale.save(update_fields=["min_answered"])
    return subscale


# -- sections -------------------------------------------------------------------------------


@transaction.atomic
def section_save(
    *, actor, hub_access: HubAccess, version: InstrumentVersion, section: Section | None = None,
    title: str, intro: str = "",
) -> Section:  # fmt: skip
    """Add a section at the end of the draft, or change one's title and introduction."""
    _check_builder(hub_access)
    version = _locked_draft(version)
    title, intro = " ".join(title.split()), intro.strip()
    if section is None:
        last = version.sections.aggregate(n=Max("position"))["n"] or 0
        return Section.objects.create(version=version, position=last + 1, title=title, intro=intro)
    section.title, section.intro = title, intro
    section.save(update_fields=["title", "intro"])
    return section


@transaction.atomic
def section_delete(
    *, actor, hub_access: HubAccess, version: InstrumentVersion, section: Section
) -> None:
    """Delete a section and its items; refused when a remaining item's condition uses
    one of them, and for the last section."""
    _check_builder(hub_access)
    version = _locked_draft(version)
    if version.sections.count() == 1:
        raise InstrumentError(_("A version keeps at least one section."))
    remaining = [item for item in version_items(version) if item.section_id != section.pk]
    _refuse_broken_order(remaining)
    section.delete()
    _renumber(version.sections.order_by("position", "pk"))
    _drop_empty_subscales(version)


@transaction.atomic
def section_move(
    *, actor, hub_access: HubAccess, version: InstrumentVersion, section: Section, up: bool
) -> None:
    """Swap a section with the one before (``up``) or after it; nothing happens at
    either end. Refused when a condition would then refer to a later item."""
    _check_builder(hub_access)
    version = _locked_draft(version)
    sections = list(version.sections.order_by("position", "pk"))
    _swap(sections, next(i for i, s in enumerate(sections) if s.pk == section.pk), up)
    order = {s.pk: n for n, s in enumerate(sections)}
    items = sorted(version_items(version), key=lambda item: (order[item.section_id], item.position))
    _refuse_broken_order(items)
    _renumber(sections)


def _swap(rows: list, index: int, up: bool) -> None:
    other = index - 1 if up else index + 1
    if 0 <= other < len(rows):
        rows[index], rows[other] = rows[other], rows[index]


def _renumber(rows: Iterable) -> None:
    changed = []
    for position, row in enumerate(rows, start=1):
        if row.position != position:
            row.position = position
            changed.append(row)
    if changed:
        type(changed[0]).objects.bulk_update(changed, ["position"])


# -- items ----------------------------------------------------------------------------------


def _neighbours(items: list[Item], section: Section, item: Item | None):
    """The specs before and after where ``item`` sits (a new one: the end of
    ``section``)."""
    if item is not None:
        index = next(i for i, other in enumerate(items) if other.pk == item.pk)
        return items[:index], items[index + 1 :]
    split = max(
        (i + 1 for i, other in enumerate(items) if other.section.position <= section.position),
        default=0,
    )
    return items[:split], items[split:]


@transaction.atomic
def item_save(
    *, actor, hub_access: HubAccess, version: InstrumentVersion, section: Section,
    spec: ItemSpec, item: Item | None = None,
) -> Item:  # fmt: skip
    """Add ``spec`` at the end of ``section``, or change ``item`` to say ``spec``.
    Every problem is reported at once (``InstrumentError.errors``); renaming an item
    that a later condition uses is refused."""
    _check_builder(hub_access)
    version = _locked_draft(version)
    items = version_items(version)
    before, after = _neighbours(items, section, item)
    _raise(
        item_problems(
            spec, earlier=[ItemSpec.of(i) for i in before], later=[ItemSpec.of(i) for i in after]
        )
    )
    if item is not None and spec.name != item.name:
        users = [other.name for other in after if item.name in referenced_names(other.show_if)]
        if users:
            raise InstrumentError(
                _("The conditions of %(items)s use “%(name)s”: change them before renaming it.")
                % {"items": ", ".join(users), "name": item.name},
                field="name",
            )
    if item is not None:
        later = [ItemSpec.of(other) for other in after]
        problems = _condition_problems([*map(ItemSpec.of, before), spec, *later], later)
        if problems:
            raise InstrumentError(" ".join(problems))
    if item is None:
        last = section.items.aggregate(n=Max("position"))["n"] or 0
        item = Item(version=version, section=section, position=last + 1)
    item_fill(item, spec, _subscale_for(version, spec.subscale))
    item.save()
    _drop_empty_subscales(version)
    return item


def item_fill(item: Item, spec: ItemSpec, subscale: Subscale | None) -> None:
    """Set ``item``'s fields from ``spec`` (unsaved; the session feedback form builds
    its questions this way too)."""
    choice = spec.kind in CHOICE_KINDS
    numeric = spec.kind == Item.Kind.NUMERIC
    item.name, item.kind, item.label = spec.name, spec.kind, spec.label.strip()
    item.note, item.required = spec.note.strip(), spec.required
    item.choices = [[code, label.strip()] for code, label in spec.choices] if choice else []
    item.matrix_group = spec.matrix_group if spec.kind in MATRIX_KINDS else ""
    item.min_value = spec.min_value if numeric else None
    item.max_value = spec.max_value if numeric else None
    item.integer = spec.integer if numeric else False
    item.show_if = spec.show_if.strip()
    item.subscale, item.reverse = subscale, spec.reverse and subscale is not None


@transaction.atomic
def item_delete(*, actor, hub_access: HubAccess, version: InstrumentVersion, item: Item) -> None:
    """Delete an item; refused while another item's condition uses it."""
    _check_builder(hub_access)
    version = _locked_draft(version)
    _refuse_broken_order([other for other in version_items(version) if other.pk != item.pk])
    item.delete()
    _renumber(Item.objects.filter(section=item.section_id).order_by("position", "pk"))
    _drop_empty_subscales(version)


@transaction.atomic
def item_move(
    *, actor, hub_access: HubAccess, version: InstrumentVersion, item: Item, up: bool
) -> None:
    """Swap an item with the one before (``up``) or after it in its section; nothing
    happens at either end. Refused when a condition would then refer to a later item."""
    _check_builder(hub_access)
    version = _locked_draft(version)
    siblings = list(Item.objects.filter(section=item.section_id).order_by("position", "pk"))
    _swap(siblings, next(i for i, other in enumerate(siblings) if other.pk == item.pk), up)
    order = {other.pk: n for n, other in enumerate(siblings)}
    items = sorted(
        version_items(version),
        key=lambda other: (other.section.position, order.get(other.pk, other.position)),
    )
    _refuse_broken_order(items)
    _renumber(siblings)


# -- REDCap data dictionaries --------------------------------------------------------------


def form_name(title: str) -> str:
    """A REDCap form name for an instrument title: ``Belonging at school`` ->
    ``belonging_at_school``."""
    name = slugify(title).replace("-", "_")[:60].strip("_")
    if not name or not name[0].isalpha():
        name = f"instrument_{name}".strip("_")
    return name


def version_dictionary(version: InstrumentVersion) -> redcap.Dictionary:
    """The version as a REDCap data dictionary: ``record_id`` first (it names the
    respondent), then every item in order, each section's title (and introduction)
    as the section header of its first item."""
    form = form_name(version.instrument.title)
    fields = [redcap.Field(name=RECORD_ID, form=form, field_type="text", label=_("Record ID"))]
    current = None
    for item in version_items(version):
        header = ""
        if item.section_id != current:
            current = item.section_id
            # The title is the header's first line, so an untitled section's
            # introduction starts on the second.
            title, intro = item.section.title, item.section.intro
            header = f"{title}\n{intro}" if intro else title
        fields.append(spec_field(ItemSpec.of(item), form=form, section_header=header))
    return redcap.Dictionary(tuple(fields))


# A cell starting with one of these is run as a formula by a spreadsheet that opens
# the CSV (CSV injection), so the texts people write go out with a ``'`` in front,
# which the import takes off again. The annotation column keeps its leading ``@``:
# REDCap's action tags and ours are written that way.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_TEXT_COLUMNS = ("section_header", "label", "field_note")


def _cell_safe(text: str) -> str:
    return f"'{text}" if text.startswith(_FORMULA_STARTS) else text


def _cell_plain(text: str) -> str:
    return text[1:] if text.startswith("'") and text[1:].startswith(_FORMULA_STARTS) else text


def dictionary_export(dictionary: redcap.Dictionary) -> bytes:
    """``dictionary`` as REDCap's 18-column CSV, safe to open in a spreadsheet."""
    return redcap.dictionary_write(
        [
            replace(item, **{name: _cell_safe(getattr(item, name)) for name in _TEXT_COLUMNS})
            for item in dictionary.fields
        ]
    )


def version_export(version: InstrumentVersion) -> bytes:
    """The version as REDCap's 18-column CSV, which ``staffroom analyze`` reads."""
    return dictionary_export(version_dictionary(version))


_IMPORTED_KINDS = {"text", "notes", "radio", "dropdown", "checkbox", "yesno", "truefalse", "slider"}


def field_item_spec(item: redcap.Field) -> ItemSpec:
    """What an imported field becomes (its type is one of ``_IMPORTED_KINDS``)."""
    common = {
        "name": item.name, "label": _cell_plain(item.label), "note": _cell_plain(item.field_note),
        "required": item.required.strip().lower() == "y", "show_if": item.branching_logic.strip(),
        "subscale": item.scale or "", "reverse": item.reverse,
    }  # fmt: skip
    kind = item.field_type
    if kind == "slider" or (kind == "text" and item.is_numeric):
        # A slider's range defaults to 0-100; a number's comes from its validation.
        low, high = (
            item.score_range if kind == "slider"
            else (redcap._number(item.validation_min), redcap._number(item.validation_max))
        )  # type: ignore[misc]  # fmt: skip
        integer = kind == "slider" or item.validation == "integer"
        return ItemSpec(
            kind=Item.Kind.NUMERIC, min_value=low, max_value=high, integer=integer, **common
        )
    if kind in ("text", "notes"):
        return ItemSpec(
            kind=Item.Kind.SHORT_TEXT if kind == "text" else Item.Kind.LONG_TEXT, **common
        )
    choices = [(c.code, c.label) for c in item.options]
    if kind == "checkbox":
        return ItemSpec(kind=Item.Kind.MULTIPLE, choices=choices, **common)
    likert = (
        kind in ("radio", "dropdown") and len(choices) in LIKERT_POINTS and item.is_numeric
        and bool(item.matrix_group or item.scale)
    )  # fmt: skip
    return ItemSpec(
        kind=Item.Kind.LIKERT if likert else Item.Kind.SINGLE, choices=choices,
        points=len(choices) if likert else None, matrix_group=item.matrix_group.strip(), **common,
    )  # fmt: skip


@dataclass
class _Planned:
    form: str
    sections: list[tuple[str, str, list[ItemSpec]]]
    skipped: list[redcap.RowProblem] = field(default_factory=list)

    @property
    def specs(self) -> list[ItemSpec]:
        return [spec for _title, _intro, specs in self.sections for spec in specs]


def _plan(
    fields: tuple[redcap.Field, ...], problems: list[redcap.RowProblem], *, skip_bad: bool
) -> _Planned:
    """Sections and item specs from the dictionary's fields after the first (which
    identifies the record). Each row not already in ``problems`` (what REDCap's rules
    found) is checked by the builder's rules; every bad row is reported at once, or
    with ``skip_bad`` left out (with the rows whose conditions use it) and listed in
    ``skipped``."""
    problems = list(problems)
    reported = {problem.row for problem in problems}
    sections: list[tuple[str, str, list[ItemSpec]]] = []
    earlier: list[ItemSpec] = []
    for item in fields[1:]:
        row = item.row or 0
        if row in reported:
            continue
        header = _cell_plain(item.section_header.lstrip(" \t").rstrip())
        title, _newline, intro = header.partition("\n")
        if sections and header and not sections[-1][0] and not sections[-1][2]:
            # Only descriptive text so far (an opening paragraph): this header names it.
            opening = sections[-1][1]
            sections[-1] = (title.strip()[:200], "\n\n".join(p for p in (opening, intro) if p), [])
        elif header or not sections:
            sections.append((title.strip()[:200], intro.strip(), []))
        if item.field_type == "descriptive":
            title, intro, specs = sections[-1]
            text = _cell_plain(item.label.strip())
            sections[-1] = (title, "\n\n".join(p for p in (intro, text) if p), specs)
            continue
        if item.field_type not in _IMPORTED_KINDS:
            problems.append(
                redcap.RowProblem(
                    row,
                    _("the builder has no “%(type)s” fields (it takes %(known)s).")
                    % {
                        "type": item.field_type,
                        "known": ", ".join(sorted(_IMPORTED_KINDS | {"descriptive"})),
                    },
                )
            )
            continue
        spec = field_item_spec(item)
        found = item_problems(spec, earlier=earlier, later=[]).values()
        problems.extend(redcap.RowProblem(row, message) for ms in found for message in ms)
        if found and skip_bad:
            continue
        sections[-1][2].append(spec)
        earlier.append(spec)
    if problems and not skip_bad:
        raise _import_error(problems)
    if not earlier:
        raise InstrumentImportError(
            _("The data dictionary has no questions after its first field."),
            sorted(problems, key=lambda p: p.row),
        )
    return _Planned(fields[0].form, sections, sorted(problems, key=lambda p: p.row))


def _import_error(problems: list[redcap.RowProblem]) -> InstrumentImportError:
    rows = len({p.row for p in problems})
    return InstrumentImportError(
        ngettext(
            "Nothing was imported: %(count)s row has a problem.",
            "Nothing was imported: %(count)s rows have problems.",
            rows,
        )
        % {"count": rows},
        sorted(problems, key=lambda p: p.row),
    )


def _comma_separated(data: bytes) -> str:
    """The dictionary's text, with commas where a spreadsheet set to a language that
    writes decimal commas (Spanish, for one) saved semicolons."""
    text = redcap._decode(data)
    header = text.partition("\n")[0]
    first = redcap._norm(redcap.COLUMNS[0][1])

    def starts_the_header(delimiter: str) -> bool:
        cells = next(csv.reader([header], delimiter=delimiter), None) or [""]
        return redcap._norm(cells[0]) == first

    if starts_the_header(",") or not starts_the_header(";"):
        return text
    out = io.StringIO(newline="")
    csv.writer(out, lineterminator="\r\n").writerows(
        csv.reader(io.StringIO(text, newline=""), delimiter=";")
    )
    return out.getvalue()


def dictionary_plan(data: bytes, *, skip_bad: bool = False) -> _Planned:
    """Read and check a data dictionary for import, without saving anything."""
    unreadable = InstrumentImportError(
        _(
            "This file cannot be read as a CSV data dictionary: is it a spreadsheet’s own "
            "file rather than a CSV, or does a cell hold more than 100,000 characters?"
        ),
        [],
    )
    try:
        text = _comma_separated(data)
        # NUL comes from a spreadsheet's binary file or a UTF-16 export; no database
        # stores it in text.
        if "\x00" in text:
            raise unreadable
        dictionary = redcap.dictionary_read(text)
    except csv.Error:
        raise unreadable from None
    except redcap.DictionaryError as error:
        if not error.problems:
            raise InstrumentImportError(error.message, []) from None
        return _plan(error.fields, error.problems, skip_bad=skip_bad)
    return _plan(dictionary.fields, [], skip_bad=skip_bad)


def _save_plan(version: InstrumentVersion, plan: _Planned) -> None:
    Section.objects.filter(version=version).delete()
    names = {spec.subscale for spec in plan.specs if spec.subscale}
    subscales = {name: Subscale(version=version, name=name) for name in sorted(names)}
    Subscale.objects.bulk_create(subscales.values())
    sections = [
        Section(version=version, position=n, title=title, intro=intro)
        for n, (title, intro, _specs) in enumerate(plan.sections, start=1)
    ]
    Section.objects.bulk_create(sections)
    items = []
    for section, (_title, _intro, specs) in zip(sections, plan.sections, strict=True):
        for position, spec in enumerate(specs, start=1):
            item = Item(version=version, section=section, position=position)
            item_fill(item, spec, subscales.get(spec.subscale))
            items.append(item)
    Item.objects.bulk_create(items)


@transaction.atomic
def instrument_import(
    *, actor, hub_access: HubAccess, data: bytes, title: str = "", description: str = "",
    instrument: Instrument | None = None, publish: bool = False, source: str = "",
    skip_bad: bool = False,
) -> InstrumentVersion:  # fmt: skip
    """A REDCap data dictionary as a new instrument (titled ``title``, else after its
    form name), or as the next draft version of ``instrument``. Every bad row is
    reported at once and nothing is saved; or, as the user chooses (``skip_bad``), the
    good rows are saved and the version's ``skipped`` lists the rows left out.
    ``publish`` publishes the version at once (the instrument library's)."""
    _check_builder(hub_access)
    plan = dictionary_plan(data, skip_bad=skip_bad)
    if instrument is None:
        fallback = plan.form.replace("_", " ").strip().capitalize() or _("Imported instrument")
        instrument = instrument_create(
            actor=actor, hub_access=hub_access, title=title.strip() or fallback,
            description=description, source=source,
        )  # fmt: skip
        version = instrument.versions.get()
    else:
        Instrument.objects.select_for_update().get(pk=instrument.pk)
        if instrument.versions.filter(status=InstrumentVersion.Status.DRAFT).exists():
            raise InstrumentError(
                _("This instrument already has a draft: discard it before importing a new version.")
            )
        number = instrument.versions.aggregate(n=Max("number"))["n"] + 1
        version = InstrumentVersion.objects.create(instrument=instrument, number=number)
    _save_plan(version, plan)
    if publish:
        version_publish(actor=actor, hub_access=hub_access, version=version)
        version.refresh_from_db()
    version.skipped = plan.skipped
    return version


def instrument_from_library(*, actor, hub_access: HubAccess, key: str) -> Instrument:
    """Instrument ``key`` of the library (in the reader's language when the library has
    it), as a new instrument of the hub whose version 1 is published at once."""
    entry = library_get(key)
    version = instrument_import(
        actor=actor, hub_access=hub_access, data=entry.path_for().read_bytes(),
        title=str(entry.title), description=str(entry.description), publish=True,
        source=f"library:{key}",
    )  # fmt: skip
    return version.instrument
