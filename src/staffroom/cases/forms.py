"""Forms of the cases part: they parse what people enter; the services decide, and
their refusals are put back beside the field they name."""

from django import forms
from django.utils.translation import gettext_lazy as _

from staffroom.accounts.models import GRADE_BANDS, Locale, ProfessionalRole, State
from staffroom.cases.models import Case
from staffroom.core.errors import DomainError


def add_domain_error(form: forms.Form, error: DomainError) -> None:
    field = error.field if error.field in form.fields else None
    form.add_error(field, error.message)


class CaseForm(forms.ModelForm):
    class Meta:
        model = Case
        fields = [
            "title",
            "presenter_role",
            "grade_band",
            "locale",
            "school_kind",
            "background",
            "tried",
            "strengths",
            "questions",
            "outcome",
            "tags",
            "anonymous",
        ]
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


class AttachmentForm(forms.Form):
    file = forms.FileField(
        label=_("Attachment"),
        help_text=_(
            "A de-identified work sample: PDF, Word (DOCX), plain text or an image; at most 20 MB."
        ),
    )


class FindingForm(forms.Form):
    """Which finding a replace or "not identifying" post is about."""

    key = forms.CharField(max_length=40)
    start = forms.IntegerField(min_value=0)
    category = forms.CharField(max_length=12)


class ClearForm(FindingForm):
    reason = forms.CharField(
        label=_("Why is it not identifying?"), max_length=500, widget=forms.TextInput
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

    def filters(self) -> dict:
        """The valid filters (a bad one is left out, its error shown beside it)."""
        if not self.is_bound:
            return {}
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value}
