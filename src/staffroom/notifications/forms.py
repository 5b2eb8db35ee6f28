from django import forms
from django.utils.translation import gettext_lazy as _

from staffroom.notifications import kinds
from staffroom.notifications.models import Frequency


class PreferenceScopeForm(forms.Form):
    """Which settings to show: for all communities (empty) or one of mine."""

    community = forms.ChoiceField(
        label=_("Settings for"),
        required=False,
        error_messages={
            "invalid_choice": _(
                "That community is not one you can choose settings for: choose again."
            )
        },
    )

    def __init__(self, *args, communities, **kwargs):
        super().__init__(*args, **kwargs)
        self.communities = {community.slug: community for community in communities}
        self.fields["community"].choices = [("", _("All my communities"))] + [
            (community.slug, community.name) for community in communities
        ]

    def chosen(self):
        """The chosen community, or None for all (also when the choice is not valid)."""
        if not self.is_valid():
            return None
        return self.communities.get(self.cleaned_data["community"])


# Not a frequency: the kind follows the choice for all communities (no row of its own).
INHERIT = "inherit"


class PreferenceForm(PreferenceScopeForm):
    """How often each kind of notification is emailed, for the chosen scope. For one
    community each kind may also follow the choice for all of them (cleaned to None),
    so a later change there still reaches it."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        scope = (self.data if self.is_bound else self.initial).get("community")
        choices = list(Frequency.choices)
        if scope in self.communities:
            choices.insert(0, (INHERIT, _("As for all my communities")))
        for kind in kinds.kinds():
            self.fields[kind.key] = forms.ChoiceField(
                label=kind.label, choices=choices, widget=forms.RadioSelect
            )

    def frequencies(self) -> dict[str, str | None]:
        """``{kind: frequency}`` as chosen, None where the kind follows all communities."""
        chosen = {kind.key: self.cleaned_data[kind.key] for kind in kinds.kinds()}
        return {key: None if value == INHERIT else value for key, value in chosen.items()}
