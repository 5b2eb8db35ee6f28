"""The survey forms: deploying a survey and editing a wave (facilitators and
evaluators), and the questionnaire itself (respondents), built from the version's
items."""

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils.html import conditional_escape, format_html
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from staffroom.evaluation.models import Item, Wave
from staffroom.evaluation.surveys import PAIRING_MAX, WaveSpec

WAVES_ON_FORM = 3
_MOMENT = {
    "input_formats": ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
    "widget": forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
}


def _wave_fields(required: bool) -> dict[str, forms.Field]:
    return {
        "kind": forms.ChoiceField(label=_("Kind"), choices=Wave.Kind.choices, required=required),
        "label": forms.CharField(
            label=_("Label (optional)"),
            max_length=80,
            required=False,
            help_text=_("For example “Spring follow-up”. Needed for a wave of kind “Other”."),
        ),
        "opens_at": forms.DateTimeField(
            label=_("Opens"), help_text=_("In your time zone."), required=required, **_MOMENT
        ),
        "closes_at": forms.DateTimeField(label=_("Closes"), required=required, **_MOMENT),
        "first_reminder_days": forms.IntegerField(
            label=_("First reminder, days after opening (optional)"),
            min_value=1,
            max_value=365,
            required=False,
        ),
        "second_reminder_days": forms.IntegerField(
            label=_("Second reminder, days after opening (optional)"),
            min_value=1,
            max_value=365,
            required=False,
        ),
    }


def _spec(data: dict, prefix: str = "") -> WaveSpec:
    return WaveSpec(
        kind=data[f"{prefix}kind"], label=data[f"{prefix}label"],
        opens_at=data[f"{prefix}opens_at"], closes_at=data[f"{prefix}closes_at"],
        first_reminder_days=data[f"{prefix}first_reminder_days"],
        second_reminder_days=data[f"{prefix}second_reminder_days"],
    )  # fmt: skip


class SurveyForm(forms.Form):
    """A new survey with up to three waves; the first is required, a later one counts
    when its dates are filled in."""

    title = forms.CharField(label=_("Title"), max_length=200)
    version = forms.ChoiceField(
        label=_("Instrument"), help_text=_("A published version of one of the hub's instruments.")
    )
    series = forms.ChoiceField(label=_("Who is asked"), required=False)
    anonymous = forms.BooleanField(
        label=_("Anonymous"),
        help_text=_(
            "Responses are not linked to anyone's account. People pair their waves "
            "with a code they choose."
        ),
        required=False,
    )

    def __init__(self, *args, versions=(), series=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.versions = {str(version.pk): version for version in versions}
        self.fields["version"].choices = [
            (key, f"{version.instrument.title} · v{version.number}")
            for key, version in self.versions.items()
        ]
        if series is None:
            del self.fields["series"]
            self.series = {}
        else:
            self.series = {item.public_id: item for item in series}
            self.fields["series"].choices = [("", _("Every member of the community"))] + [
                (key, _("Members registered for “%(series)s”") % {"series": item.title})
                for key, item in self.series.items()
            ]
        self.wave_prefixes = []
        for number in range(WAVES_ON_FORM):
            prefix = f"wave{number}-"
            self.wave_prefixes.append(prefix)
            for name, field in _wave_fields(required=number == 0).items():
                self.fields[prefix + name] = field
        self.fields["wave0-kind"].initial = Wave.Kind.PRE
        self.fields["wave1-kind"].initial = Wave.Kind.POST
        self.fields["wave2-kind"].initial = Wave.Kind.FOLLOW_UP

    def wave_groups(self) -> list[list]:
        """The bound fields of each wave, for the template's fieldsets."""
        return [
            [self[prefix + name] for name in _wave_fields(False)] for prefix in self.wave_prefixes
        ]

    def clean(self):
        data = super().clean()
        for prefix in self.wave_prefixes[1:]:
            opens, closes = data.get(prefix + "opens_at"), data.get(prefix + "closes_at")
            if bool(opens) != bool(closes):
                missing = "closes_at" if opens else "opens_at"
                self.add_error(prefix + missing, _("Give both dates, or neither."))
            elif opens and not data.get(prefix + "kind"):
                self.add_error(prefix + "kind", _("Choose what kind of wave this is."))
        return data

    def service_fields(self) -> dict:
        data = self.cleaned_data
        waves = [
            _spec(data, prefix)
            for prefix in self.wave_prefixes
            if data.get(prefix + "opens_at") and data.get(prefix + "kind")
        ]
        return {
            "title": data["title"], "anonymous": data["anonymous"],
            "version": self.versions[data["version"]],
            "series": self.series.get(data.get("series") or ""), "waves": waves,
        }  # fmt: skip


class WaveForm(forms.Form):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields.update(_wave_fields(required=True))

    @classmethod
    def initial_for(cls, wave: Wave) -> dict:
        return {
            name: getattr(wave, name)
            for name in ("kind", "label", "opens_at", "closes_at", "first_reminder_days",
                         "second_reminder_days")
        }  # fmt: skip

    def spec(self) -> WaveSpec:
        return _spec(self.cleaned_data)


# -- the questionnaire -------------------------------------------------------------------------

ANSWER_PREFIX = "a"
LARGEST_ANSWER = 10**12


def _answer_field(item: Item) -> forms.Field:
    # Django renders help text unescaped; the note is the instrument author's text.
    common = {"label": item.label, "required": False, "help_text": conditional_escape(item.note)}
    choices = [(str(code), label) for code, label in item.choices]
    if item.kind in (Item.Kind.LIKERT, Item.Kind.SINGLE):
        return forms.ChoiceField(choices=choices, widget=forms.RadioSelect, **common)
    if item.kind == Item.Kind.MULTIPLE:
        return forms.MultipleChoiceField(
            choices=choices, widget=forms.CheckboxSelectMultiple, **common
        )
    if item.kind == Item.Kind.NUMERIC:
        # Even without bounds of its own an answer stays a number the analysis can
        # square and sum: a 400-digit integer would not fit in a float.
        bounds = [MinValueValidator(-LARGEST_ANSWER), MaxValueValidator(LARGEST_ANSWER)]
        if item.min_value is not None:
            bounds.append(MinValueValidator(item.min_value))
        if item.max_value is not None:
            bounds.append(MaxValueValidator(item.max_value))
        kind = forms.IntegerField if item.integer else forms.FloatField
        return kind(validators=bounds, **common)
    if item.kind == Item.Kind.LONG_TEXT:
        widget = forms.Textarea(attrs={"rows": 4})
        return forms.CharField(max_length=10_000, widget=widget, **common)
    return forms.CharField(max_length=500, **common)


class AnswerForm(forms.Form):
    """One field per item (named after its variable, under the prefix ``a``), and the
    pairing code when the survey needs one. Every field is optional here: required
    items are enforced when the person submits (``response_save``), never on a draft."""

    def __init__(self, *args, items: list[Item], pairing: bool, suggestion: str = "", **kwargs):
        super().__init__(*args, prefix=ANSWER_PREFIX, **kwargs)
        self.items = items
        for item in items:
            self.fields[item.name] = _answer_field(item)
            if item.required:
                self.fields[item.name].label = format_lazy("{} ({})", item.label, _("required"))
        if pairing:
            self.fields["pairing_code"] = forms.CharField(
                label=_("Your pairing code"), max_length=PAIRING_MAX + 20, required=False,
                help_text=_(
                    "Use the same code in every wave, so your answers can be paired without "
                    "your name. Choose something only you would make up, and write it down. "
                    "For your privacy it is never saved with a draft: type it when you submit."
                ),
            )  # fmt: skip
            if suggestion:
                offer = _("If you have no code yet, you may use this one: <strong>{code}</strong>.")
                help_text = self.fields["pairing_code"].help_text
                self.fields["pairing_code"].help_text = format_html(
                    "{} " + str(offer), help_text, code=suggestion
                )

    def answers(self) -> dict:
        """The answers given, as ``Response.answers`` keeps them (codes as text, lists
        for multiple choice, numbers); unanswered items left out."""
        result = {}
        for item in self.items:
            value = self.cleaned_data.get(item.name)
            if value in (None, "", []):
                continue
            if isinstance(value, float) and value.is_integer():
                value = int(value)
            result[item.name] = value.strip() if isinstance(value, str) else value
        return {name: value for name, value in result.items() if value != ""}

    def add_problems(self, problems: dict[str, str]) -> None:
        for name, message in problems.items():
            self.add_error(name if name in self.fields else None, message)
