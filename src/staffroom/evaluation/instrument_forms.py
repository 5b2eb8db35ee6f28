"""The instrument builder's forms: they parse what was typed into typed values; the
rules of a version (names, conditions, subscales) are checked by ``instruments``."""

from django import forms
from django.utils.translation import gettext_lazy as _

from staffroom.evaluation import redcap
from staffroom.evaluation.instruments import (
    LIKERT_POINTS,
    InstrumentError,
    ItemSpec,
    choices_text,
)
from staffroom.evaluation.models import Item


def add_instrument_error(form: forms.Form, error: InstrumentError) -> None:
    """Every message of ``error`` beside its field (above the form when the form has
    no such field)."""
    errors = error.errors or {error.field: [error.message]}
    for name, messages in errors.items():
        for message in messages:
            form.add_error(name if name in form.fields else None, message)


class InstrumentForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    description = forms.CharField(
        label=_("Description (optional)"),
        help_text=_("What it measures and for whom; respondents do not see it."),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class ImportForm(forms.Form):
    """A REDCap data dictionary, as a new instrument (``title``) or a new version."""

    dictionary = forms.FileField(
        label=_("REDCap data dictionary (CSV)"),
        help_text=_(
            "The CSV REDCap downloads from “Data Dictionary”: 18 columns (16 from older "
            "versions of REDCap), one row per field. "
            "The first field (usually record_id) names the respondent and is not a question."
        ),
    )

    skip_bad = forms.BooleanField(
        label=_("Import the rows that can be used and leave out the others"),
        help_text=_("Otherwise a dictionary with a problem in any row imports nothing."),
        required=False,
    )

    def __init__(self, *args, new_instrument: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        if new_instrument:
            self.fields["title"] = forms.CharField(
                label=_("Title (optional)"),
                help_text=_("Leave empty to use the dictionary’s form name."),
                max_length=200,
                required=False,
            )

    def clean_dictionary(self):
        upload = self.cleaned_data["dictionary"]
        if upload.size > redcap.MAX_BYTES:
            raise forms.ValidationError(_("The file is larger than 5 MB."))
        return upload.read()


class SectionForm(forms.Form):
    title = forms.CharField(label=_("Section title (optional)"), max_length=200, required=False)
    intro = forms.CharField(
        label=_("Introduction (optional)"),
        help_text=_("Shown to respondents above the section’s questions."),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class ItemForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=Item.Kind.choices)
    name = forms.CharField(
        label=_("Variable name"),
        help_text=_(
            "As in REDCap: lower-case letters, digits and underscores, starting with a "
            "letter, e.g. belong_1."
        ),
        max_length=200,
    )
    label = forms.CharField(
        label=_("Question"), max_length=4000, widget=forms.Textarea(attrs={"rows": 2})
    )
    note = forms.CharField(label=_("Help or note (optional)"), max_length=500, required=False)
    required = forms.BooleanField(label=_("Required"), required=False)
    points = forms.TypedChoiceField(
        label=_("Likert points"),
        choices=[("", "—")] + [(n, str(n)) for n in LIKERT_POINTS],
        coerce=int,
        empty_value=None,
        required=False,
        help_text=_("Likert items only."),
    )
    choices = forms.CharField(
        label=_("Choices"),
        help_text=_(
            "Likert and choice items: one choice per line, its code, a comma and its label, "
            "e.g. “1, Strongly disagree”."
        ),
        required=False,
        max_length=8000,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    matrix_group = forms.CharField(
        label=_("Matrix group (optional)"),
        help_text=_(
            "Likert or single-choice items with the same group name and the same choices "
            "are shown together as one grid."
        ),
        max_length=60,
        required=False,
    )
    min_value = forms.FloatField(label=_("Minimum (numbers)"), required=False)
    max_value = forms.FloatField(label=_("Maximum (numbers)"), required=False)
    integer = forms.BooleanField(label=_("Whole numbers only"), required=False)
    show_if = forms.CharField(
        label=_("Show if (optional)"),
        help_text=_("REDCap branching logic on earlier items, e.g. [role] = '2' or [years] > 5."),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    subscale = forms.CharField(
        label=_("Subscale (optional)"),
        help_text=_("Items with the same subscale name are scored together."),
        max_length=60,
        required=False,
    )
    reverse = forms.BooleanField(label=_("Reverse scored"), required=False)

    @classmethod
    def initial_new(cls) -> dict:
        """A new item starts as the commonest kind: a five-point agreement scale."""
        labels = [
            _("Strongly disagree"),
            _("Disagree"),
            _("Neither agree nor disagree"),
            _("Agree"),
            _("Strongly agree"),
        ]
        lines = (f"{code}, {label}" for code, label in enumerate(labels, start=1))
        return {"kind": Item.Kind.LIKERT, "points": 5, "choices": "\n".join(lines)}

    @classmethod
    def initial_for(cls, item: Item) -> dict:
        spec = ItemSpec.of(item)
        return {
            **{name: getattr(spec, name) for name in cls.base_fields if name != "choices"},
            "choices": choices_text(spec.choices, "\n"),
        }

    def clean_name(self):
        return self.cleaned_data["name"].strip()

    def clean_choices(self):
        lines = [line.strip() for line in self.cleaned_data["choices"].splitlines()]
        lines = [line for line in lines if line]
        if not lines:
            return []
        if any("|" in line for line in lines):
            raise forms.ValidationError(_("Write one choice per line, without “|”."))
        choices, problems = redcap.parse_choices(" | ".join(lines))
        if problems:
            raise forms.ValidationError([p[:1].upper() + p[1:] for p in problems])
        return [(choice.code, choice.label) for choice in choices]

    def spec(self) -> ItemSpec:
        data = self.cleaned_data
        return ItemSpec(
            name=data["name"], kind=data["kind"], label=data["label"], note=data["note"],
            required=data["required"], choices=data["choices"], points=data["points"],
            matrix_group=data["matrix_group"].strip(), min_value=data["min_value"],
            max_value=data["max_value"], integer=data["integer"], show_if=data["show_if"],
            subscale=data["subscale"].strip(), reverse=data["reverse"],
        )  # fmt: skip


class SubscaleForm(forms.Form):
    name = forms.CharField(max_length=60, widget=forms.HiddenInput)
    min_answered = forms.IntegerField(label=_("Minimum answered (%)"), min_value=1, max_value=100)


class MoveForm(forms.Form):
    direction = forms.ChoiceField(choices=[("up", "up"), ("down", "down")])

    @property
    def up(self) -> bool:
        return self.cleaned_data["direction"] == "up"


class LibraryForm(forms.Form):
    def __init__(self, *args, keys: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["key"] = forms.ChoiceField(choices=[(key, key) for key in keys])
