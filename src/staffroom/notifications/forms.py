import datetime as dt

from django import forms
from django.utils import formats
from django.utils.dates import WEEKDAYS
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
    so a later change there still reaches it. For all communities, also when the
    digests go out, in the person's ``time_zone``."""

    def __init__(self, *args, time_zone: str, **kwargs):
        super().__init__(*args, **kwargs)
        scope = (self.data if self.is_bound else self.initial).get("community")
        inherit = [(INHERIT, _("As for all my communities"))] if scope in self.communities else []
        for kind in kinds.kinds():
            offered = [(value, label) for value, label in Frequency.choices
                       if value in kind.frequencies]  # fmt: skip
            self.fields[kind.key] = forms.ChoiceField(
                label=kind.label, choices=inherit + offered, widget=forms.RadioSelect
            )
        if scope not in self.communities:
            self.fields["digest_hour"] = forms.TypedChoiceField(
                label=_("Digest hour"),
                coerce=int,
                choices=[(hour, formats.time_format(dt.time(hour))) for hour in range(24)],
                help_text=_("In your time zone, %(zone)s; you can change it in your profile.")
                % {"zone": time_zone},
            )
            self.fields["digest_weekday"] = forms.TypedChoiceField(
                label=_("Day of the weekly digest"), coerce=int, choices=list(WEEKDAYS.items())
            )

    def schedule(self) -> dict | None:
        """``{"hour", "weekday"}`` of the digests as chosen; None for one community."""
        if "digest_hour" not in self.fields:
            return None
        return {"hour": self.cleaned_data["digest_hour"],
                "weekday": self.cleaned_data["digest_weekday"]}  # fmt: skip

    def frequencies(self) -> dict[str, str | None]:
        """``{kind: frequency}`` as chosen, None where the kind follows all communities."""
        chosen = {kind.key: self.cleaned_data[kind.key] for kind in kinds.kinds()}
        return {key: None if value == INHERIT else value for key, value in chosen.items()}
