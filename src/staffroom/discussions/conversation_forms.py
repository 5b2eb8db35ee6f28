"""Forms of direct conversations. People are chosen by ticking boxes in a list of those
one may write to, narrowed by a name search in the same form (so a search loses
nothing already typed, and no JavaScript is needed). The services decide the rest."""

from django import forms
from django.utils.translation import gettext_lazy as _

from staffroom.discussions.forms import _MARKDOWN_HELP
from staffroom.discussions.models import BODY_MAX, TITLE_MAX

SHOWN = 50  # people listed to choose from at once; a search narrows the list


def _people_field(queryset, label):
    return forms.ModelMultipleChoiceField(
        label=label,
        queryset=queryset,
        to_field_name="public_id",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "invalid_choice": _("You can write only to people who share a community with you."),
            "invalid_pk_value": _("You can write only to people who share a community with you."),
        },
    )


def _body_field(label):
    return forms.CharField(
        label=label,
        strip=False,
        help_text=_MARKDOWN_HELP,
        widget=forms.Textarea(attrs={"rows": 6, "maxlength": BODY_MAX}),
    )


def _search_field():
    return forms.CharField(label=_("Find people by name"), required=False, max_length=80)


class PeopleSearchForm(forms.Form):
    q = _search_field()


class _PeopleForm(forms.Form):
    """A form with ``people``: it accepts anyone of the ``people`` query it is given,
    and shows as checkboxes only those ``show`` names (the chosen, then the found)."""

    q = _search_field()

    def __init__(self, *args, people, label, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["people"] = _people_field(people, label)
        self.order_fields(["q", "people"])

    def show(self, candidates) -> None:
        self.fields["people"].widget.choices = [
            (person.public_id, person.display_name) for person in candidates
        ]


class ConversationStartForm(_PeopleForm):
    title = forms.CharField(
        label=_("Title (optional)"),
        required=False,
        widget=forms.TextInput(attrs={"maxlength": TITLE_MAX}),
    )
    body = _body_field(_("Message"))

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, people=people, label=_("To"), **kwargs)


class ConversationAddForm(_PeopleForm):
    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, people=people, label=_("People to add"), **kwargs)


class MessageForm(forms.Form):
    body = _body_field(_("Your message"))


class MuteForm(forms.Form):
    muted = forms.BooleanField(required=False)
