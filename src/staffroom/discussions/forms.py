"""Forms of the discussions part: they parse what people enter; the services decide,
and their refusals are put back beside the field they name. Lengths are checked by the
services, so the message names the limit the same way wherever a post comes from."""

from django import forms
from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from staffroom.discussions.attachments import ACCEPT, attachment_formats
from staffroom.discussions.models import BODY_MAX, TITLE_MAX, Reaction, Thread, ThreadModeration
from staffroom.discussions.sharing import NOTE_MAX

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


class MultipleFileInput(forms.FileInput):
    allow_multiple_selected = True


class FilesField(forms.FileField):
    """Any number of files, as a list (how many and what they are is the services'
    to decide, so a refusal names the file the same way wherever it comes from)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ACCEPT}))
        super().__init__(**kwargs)

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else [data] if data else []
        return [super(FilesField, self).clean(file, initial) for file in files]


def _files_help() -> str:
    return gettext("Attach %(formats)s.") % {"formats": attachment_formats()}


def _files_field():
    return FilesField(label=_("Files"), required=False, help_text=lazy(_files_help, str)())


class AttachedForm(forms.Form):
    """A post's form with its files: new ones to add and, when editing a post that has
    some, those to remove."""

    def __init__(self, *args, attachments=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["files"] = _files_field()
        if attachments:
            self.fields["remove"] = forms.MultipleChoiceField(
                label=_("Remove files"),
                required=False,
                choices=[(attachment.public_id, attachment.name) for attachment in attachments],
                widget=forms.CheckboxSelectMultiple,
            )


class ThreadForm(AttachedForm):
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


class ThreadEditForm(AttachedForm):
    title = forms.CharField(
        label=_("Title"), widget=forms.TextInput(attrs={"maxlength": TITLE_MAX})
    )
    body = _body_field(_("Message"), _THREAD_HELP)


class ReplyForm(AttachedForm):
    body = _body_field(_("Your reply"))
    quote = forms.CharField(required=False, widget=forms.HiddenInput)


class ReplyEditForm(AttachedForm):
    body = _body_field(_("Reply"))


class ReactionForm(forms.Form):
    kind = forms.ChoiceField(choices=Reaction.Kind.choices)
    reply = forms.CharField(required=False)


class AnswerForm(forms.Form):
    reply = forms.CharField(required=False)


class ModerateForm(forms.Form):
    # Hiding an earlier version has its own form, on the history page; moving, its page.
    action = forms.ChoiceField(
        choices=[
            choice
            for choice in ThreadModeration.Action.choices
            if choice[0] not in (ThreadModeration.Action.HIDE, ThreadModeration.Action.MOVE)
        ]
    )


class QuoteForm(forms.Form):
    quote = forms.CharField(required=False)


class _DestinationForm(forms.Form):
    """A community of the viewer's to move or share a thread into, of ``choices`` (the
    sharing module's ``community_choices`` or ``share_choices``, already fetched so the
    thread page spends one query on them); ``community`` cleans to the community."""

    def __init__(self, *args, choices, **kwargs):
        super().__init__(*args, **kwargs)
        self.communities = {community.slug: community for community in choices}
        self.fields["community"].choices = [
            ("", gettext("Choose a community")),
            *((community.slug, community.name) for community in choices),
        ]

    def clean_community(self):
        return self.communities[self.cleaned_data["community"]]


def _destination_field(label):
    return forms.ChoiceField(
        label=label,
        error_messages={
            "required": _("Choose a community."),
            "invalid_choice": _("Choose a community you take part in."),
        },
    )


class MoveForm(_DestinationForm):
    community = _destination_field(_("Move to"))


class ShareForm(_DestinationForm):
    prefix = "share"  # its fields sit on the thread page beside other forms

    community = _destination_field(_("Share into"))
    note = forms.CharField(
        label=_("Note (optional)"),
        required=False,
        help_text=_("Why it is worth reading there, in a sentence."),
        widget=forms.TextInput(attrs={"maxlength": NOTE_MAX}),
    )
