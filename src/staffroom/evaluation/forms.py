"""The poll forms: starting a poll (facilitators) and voting (members)."""

from django import forms
from django.utils import formats
from django.utils.translation import gettext_lazy as _

from staffroom.evaluation.models import MAX_OPTIONS, Poll


class PollForm(forms.Form):
    question = forms.CharField(label=_("Question"), max_length=300)
    options = forms.CharField(
        label=_("Options"),
        help_text=_("One option per line, from 2 to 10."),
        max_length=MAX_OPTIONS * 210,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    multiple = forms.BooleanField(label=_("People may choose more than one option"), required=False)
    show_results = forms.ChoiceField(
        label=_("Show the results to members"),
        choices=Poll.ShowResults.choices,
        initial=Poll.ShowResults.AFTER_VOTE,
        widget=forms.RadioSelect,
    )
    anonymous = forms.BooleanField(
        label=_("Anonymous"),
        help_text=_(
            "No one, facilitators and hub admins included, can see who voted what. Votes are final."
        ),
        required=False,
    )
    closes_at = forms.DateTimeField(
        label=_("Closes (optional)"),
        help_text=_("In your time zone. Leave empty to close it yourself."),
        required=False,
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )
    session = forms.ChoiceField(label=_("During the session (optional)"), required=False)

    def __init__(self, *args, sessions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.sessions = {session.public_id: session for session in sessions}
        self.fields["session"].choices = [("", _("Not tied to a session"))] + [
            (s.public_id, f"{s.title} · {formats.date_format(s.starts_at, 'SHORT_DATE_FORMAT')}")
            for s in sessions
        ]

    def service_fields(self) -> dict:
        data = dict(self.cleaned_data)
        data["options"] = data["options"].splitlines()
        data["session"] = self.sessions.get(data["session"])
        return data


class PollStartForm(forms.Form):
    """The query string of the "start a poll" page: the session it was started from."""

    session = forms.CharField(max_length=16, required=False)


class VoteForm(forms.Form):
    def __init__(self, *args, poll: Poll, options, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [(str(option.pk), option.label) for option in options]
        if poll.multiple:
            self.fields["choices"] = forms.MultipleChoiceField(
                label=_("Choose one or more"), choices=choices,
                widget=forms.CheckboxSelectMultiple,
            )  # fmt: skip
        else:
            self.fields["choices"] = forms.ChoiceField(
                label=_("Choose one"), choices=choices, widget=forms.RadioSelect
            )

    def option_ids(self) -> list[int]:
        chosen = self.cleaned_data["choices"]
        return [int(pk) for pk in ([chosen] if isinstance(chosen, str) else chosen)]
