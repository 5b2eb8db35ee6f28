"""Forms of the discussions part: they parse what people enter; the services decide,
and their refusals are put back beside the field they name. Lengths are checked by the
services, so the message names the limit the same way wherever a post comes from."""

from django import forms
from django.utils.translation import gettext_lazy as _

from staffroom.discussions.models import BODY_MAX, TITLE_MAX, Reaction, Thread, ThreadModeration

_MARKDOWN_HELP = _("Markdown works: **bold**, *italic*, > quote, - lists, [a link](https://…).")
_THREAD_HELP = _(
    "Markdown works: **bold**, *italic*, > quote, - lists, [a link](https://…). "
    "Add #tags anywhere in the title or the message, such as #reading or #attendance."
)


def _body_field(label, help_text=_MARKDOWN_HELP):
    return forms.CharField(
        label=label,
        strip=False,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": 10, "maxlength": BODY_MAX}),
    )


class ThreadForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=Thread.Kind.choices, initial="discussion")
    title = forms.CharField(
        label=_("Title"), widget=forms.TextInput(attrs={"maxlength": TITLE_MAX})
    )
    body = _body_field(_("Message"), _THREAD_HELP)

    def __init__(self, *args, announce: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if not announce:
            self.fields["kind"].choices = [
                choice for choice in Thread.Kind.choices if choice[0] != Thread.Kind.ANNOUNCEMENT
            ]


class ThreadEditForm(forms.Form):
    title = forms.CharField(
        label=_("Title"), widget=forms.TextInput(attrs={"maxlength": TITLE_MAX})
    )
    body = _body_field(_("Message"), _THREAD_HELP)


class ReplyForm(forms.Form):
    body = _body_field(_("Your reply"))
    quote = forms.CharField(required=False, widget=forms.HiddenInput)


class ReplyEditForm(forms.Form):
    body = _body_field(_("Reply"))


class ReactionForm(forms.Form):
    kind = forms.ChoiceField(choices=Reaction.Kind.choices)
    reply = forms.CharField(required=False)


class AnswerForm(forms.Form):
    reply = forms.CharField(required=False)


class ModerateForm(forms.Form):
    # Hiding an earlier version has its own form, on the history page.
    action = forms.ChoiceField(
        choices=[
            choice
            for choice in ThreadModeration.Action.choices
            if choice[0] != ThreadModeration.Action.HIDE
        ]
    )


class QuoteForm(forms.Form):
    quote = forms.CharField(required=False)
