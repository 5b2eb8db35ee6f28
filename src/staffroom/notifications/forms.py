from django import forms
from django.utils.translation import gettext_lazy as _

from staffroom.notifications import kinds
from staffroom.notifications.models import Frequency


class PreferenceScopeForm(forms.Form):
    """Which settings to show: for all communities (empty) or one of mine."""

    community = forms.ChoiceField(label=_("Settings for"), required=False)

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


class PreferenceForm(PreferenceScopeForm):
    """How often each kind of notification is emailed, for the chosen scope."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for kind in kinds.kinds():
            self.fields[kind.key] = forms.ChoiceField(
                label=kind.label, choices=Frequency.choices, widget=forms.RadioSelect
            )
