"""Forms of the cases part: they parse what people enter; the services decide, and
their refusals are put back beside the field they name."""

from django import forms
from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from staffroom.accounts.models import GRADE_BANDS, Locale, ProfessionalRole, State
from staffroom.cases.models import Case
from staffroom.cases.services import (
    ATTACHMENT_EXTENSIONS,
    CASE_FIELDS,
    MAX_REASON_LENGTH,
    attachment_formats,
)


class CaseForm(forms.ModelForm):
    class Meta:
        model = Case
        fields = [*CASE_FIELDS, "anonymous"]
        widgets = {
            name: forms.Textarea(attrs={"rows": 5})
            for name in ("background", "tried", "strengths", "outcome")
        } | {"questions": forms.Textarea(attrs={"rows": 3})}
        help_texts = {
            "title": _(
                "A short title with no names, e.g. “A quiet 7th grader stops turning in work”."
            ),
            "background": _(
                "The situation, without names, dates of birth or places that could identify "
                "a student or a family."
            ),
            "questions": _("One question per line. A case needs at least one to be submitted."),
            "tags": _("Separated by commas, e.g. attendance, family engagement."),
        }


def _attachment_help() -> str:
    return gettext("A de-identified work sample, at most 20 MB: %(formats)s.") % {
        "formats": attachment_formats()
    }


class AttachmentForm(forms.Form):
    """The file chosen in the case form (one multipart form with the draft's fields):
    optional there, required when "Add attachment" is pressed (``required=True``)."""

    file = forms.FileField(
        label=_("Attachment"),
        help_text=lazy(_attachment_help, str)(),
        error_messages={"required": _("Choose a file to attach.")},
        widget=forms.FileInput(attrs={"accept": ",".join(ATTACHMENT_EXTENSIONS)}),
    )

    def __init__(self, *args, required: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].required = required

    @property
    def chosen(self) -> bool:
        """Whether the post carries a file (whatever button was pressed)."""
        return bool(self.files.get(self.add_prefix("file")))


class FindingForm(forms.Form):
    """Which finding a replace or "not identifying" post is about."""

    key = forms.CharField(max_length=40)
    start = forms.IntegerField(min_value=0)
    category = forms.CharField(max_length=12)


class ClearForm(FindingForm):
    reason = forms.CharField(
        label=_("Why is it not identifying?"),
        max_length=MAX_REASON_LENGTH,
        widget=forms.TextInput,
    )


class ReturnForm(forms.Form):
    note = forms.CharField(
        label=_("Note to the presenter"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class QueueForm(forms.Form):
    state = forms.ChoiceField(
        label=_("State"),
        choices=[(s.value, s.label) for s in Case.State if s != Case.State.DRAFT],
        required=False,
    )


def _any(choices) -> list:
    return [("", _("Any")), *choices]


class LibraryForm(forms.Form):
    """The library's filters (a GET form): every one optional."""

    words = forms.CharField(label=_("Words"), max_length=100, required=False)
    tag = forms.CharField(label=_("Tag"), max_length=50, required=False)
    grade_band = forms.ChoiceField(label=_("Grade band"), choices=_any(GRADE_BANDS), required=False)
    locale = forms.ChoiceField(label=_("Locale"), choices=_any(Locale.choices), required=False)
    role = forms.ChoiceField(
        label=_("Presenter's role"), choices=_any(ProfessionalRole.choices), required=False
    )
    state = forms.ChoiceField(label=_("US state"), choices=_any(State.choices), required=False)
    case_state = forms.ChoiceField(
        label=_("Stage"),
        choices=_any([(s.value, s.label) for s in Case.State if s in Case.SHARED_STATES]),
        required=False,
    )

    def filters(self) -> dict:
        """The valid filters (a bad one is left out, its error shown beside it)."""
        if not self.is_bound:
            return {}
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value}
