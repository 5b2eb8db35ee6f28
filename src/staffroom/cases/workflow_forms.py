"""Forms for a case once it is accepted: scheduling, questions and recommendations,
the summary, the follow-up, and the presenter's later edits. Each text a community
will read carries ``not_identifying``: left empty, the guard's findings are refused;
filled in, it is the writer's reason they are not identifying."""

from django import forms
from django.utils.translation import gettext_lazy as _

from staffroom.cases.forms import CaseForm
from staffroom.cases.models import Case, Contribution
from staffroom.cases.recommendations import FOLLOWUP_WEEKS, MAX_FOLLOWUP_WEEKS
from staffroom.core import times


def _not_identifying():
    return forms.CharField(
        label=_("If you are sure the flagged text is not identifying, say why"),
        max_length=500,
        required=False,
    )


class ScreenedMixin:
    """``not_identifying`` stays out of sight until the guard refuses the text (or the
    writer already gave a reason), so it is offered only when it is needed; ``screened``
    carries which findings the writer was shown."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["screened"] = forms.CharField(
            required=False, max_length=40, widget=forms.HiddenInput
        )
        if not (self.is_bound and self.data.get("not_identifying")):
            self.fields["not_identifying"].widget = forms.HiddenInput()

    def refused_by_guard(self, error) -> None:
        """Show each field's findings beside it and ask for a reason."""
        for field, message in error.errors.items():
            if field != error.field and field in self.fields:
                self.add_error(field, message)
        self.fields["not_identifying"].widget = forms.TextInput()
        self.data = self.data.copy()
        self.data["screened"] = error.signature


class ScheduleForm(forms.Form):
    session = forms.ChoiceField(label=_("Session"))

    def __init__(self, *args, sessions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["session"].choices = [
            (session.public_id, session_label(session)) for session in sessions
        ]


def session_label(session) -> str:
    return f"{times.when(session.starts_at)} · {session.title}"


class ContributionForm(ScreenedMixin, forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=Contribution.Kind.choices)
    text = forms.CharField(
        label=_("Your question or recommendation"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    link = forms.URLField(
        label=_("Link (for a resource)"), max_length=500, required=False, assume_scheme="https"
    )
    not_identifying = _not_identifying()


class SummaryForm(ScreenedMixin, forms.Form):
    summary = forms.CharField(
        label=_("Recommendation summary"),
        max_length=20_000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 14}),
        help_text=_("Plain text; the presenter receives it by email and sees it on the case."),
    )
    followup_weeks = forms.IntegerField(
        label=_("Ask the presenter for a follow-up after (weeks)"),
        min_value=1,
        max_value=MAX_FOLLOWUP_WEEKS,
        initial=FOLLOWUP_WEEKS,
    )
    not_identifying = _not_identifying()


class FollowupDueForm(forms.Form):
    due = forms.DateField(label=_("Follow-up date"), widget=forms.DateInput(attrs={"type": "date"}))


class FollowupForm(ScreenedMixin, forms.Form):
    tried = forms.CharField(
        label=_("What did you try?"), max_length=10_000, widget=forms.Textarea(attrs={"rows": 5})
    )
    happened = forms.CharField(
        label=_("What happened?"), max_length=10_000, widget=forms.Textarea(attrs={"rows": 5})
    )
    rating = forms.TypedChoiceField(
        label=_("How did it turn out?"),
        choices=Case.Outcome.choices,
        coerce=int,
        widget=forms.RadioSelect,
    )
    not_identifying = _not_identifying()


class ReviseForm(ScreenedMixin, CaseForm):
    not_identifying = _not_identifying()
