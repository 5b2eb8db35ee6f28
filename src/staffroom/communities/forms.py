from django import forms
from django.utils.translation import gettext_lazy as _

from staffroom.accounts.models import GradeBand, Locale, ProfessionalRole, State, Subject
from staffroom.communities.models import Community, JoinPolicy, Membership, Visibility


class CommunitySearchForm(forms.Form):
    SCOPES = [("mine", _("Your communities")), ("discover", _("Find a community"))]
    q = forms.CharField(label=_("Search communities"), max_length=100, required=False)
    scope = forms.ChoiceField(choices=SCOPES, required=False)


class CommunityForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=120)
    tagline = forms.CharField(label=_("One-line summary"), max_length=160, required=False)
    description = forms.CharField(
        label=_("Description"),
        max_length=20_000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Who it is for, what you do together, when you meet. Markdown works."),
    )
    visibility = forms.ChoiceField(
        label=_("Visibility"), choices=Visibility.choices, widget=forms.RadioSelect
    )
    join_policy = forms.ChoiceField(
        label=_("Who can join"), choices=JoinPolicy.choices, widget=forms.RadioSelect
    )


class CommunityCreateForm(CommunityForm):
    slug = forms.SlugField(
        label=_("Web address"),
        max_length=60,
        help_text=_("Letters, numbers and hyphens, for example rural-science."),
    )
    field_order = ["name", "slug"]

    def clean_slug(self):
        slug = self.cleaned_data["slug"].lower()
        if Community.objects.filter(slug=slug).exists():
            raise forms.ValidationError(_("Another community already uses this web address."))
        return slug


class JoinRequestForm(forms.Form):
    message = forms.CharField(
        label=_("A note to the facilitators (optional)"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class DeclineForm(forms.Form):
    reason = forms.CharField(label=_("Reason (sent to the person)"), max_length=500, required=False)


class RemoveForm(forms.Form):
    reason = forms.CharField(label=_("Reason (kept in the log)"), max_length=500, required=False)


class RoleForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=Membership.Role.choices)


class InvitationForm(forms.Form):
    email = forms.EmailField(label=_("Email address"))
    role = forms.ChoiceField(
        label=_("Invite as"), choices=Membership.Role.choices, initial=Membership.Role.MEMBER
    )
    message = forms.CharField(
        label=_("Personal note (optional)"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class MemberSearchForm(forms.Form):
    q = forms.CharField(label=_("Find a member"), max_length=100, required=False)


class PeopleFilterForm(forms.Form):
    """Filters of the member directory; every field optional, bad values ignored."""

    q = forms.CharField(label=_("Name"), max_length=100, required=False)
    community = forms.ModelChoiceField(
        label=_("Community"), queryset=Community.objects.none(), required=False,
        to_field_name="slug",
    )  # fmt: skip
    role = forms.ChoiceField(
        label=_("Role"), choices=[("", _("Any role")), *ProfessionalRole.choices], required=False
    )
    subject = forms.ModelChoiceField(
        label=_("Subject"), queryset=Subject.objects.all(), required=False, to_field_name="code",
        empty_label=_("Any subject"),
    )  # fmt: skip
    grade_band = forms.ModelChoiceField(
        label=_("Grade band"), queryset=GradeBand.objects.all(), required=False,
        to_field_name="code", empty_label=_("Any grade band"),
    )  # fmt: skip
    locale = forms.ChoiceField(
        label=_("Locale"), choices=[("", _("Any locale")), *Locale.choices], required=False
    )
    state = forms.ChoiceField(
        label=_("State"), choices=[("", _("Any state")), *State.choices], required=False
    )

    def __init__(self, *args, communities=None, **kwargs):
        super().__init__(*args, **kwargs)
        if communities is None:
            del self.fields["community"]
        else:
            self.fields["community"].queryset = communities
            self.fields["community"].empty_label = _("All my communities")

    def filters(self) -> dict:
        if not self.is_valid():
            return {
                name: value
                for name, value in self.cleaned_data.items()
                if name not in self.errors and value
            }
        return {name: value for name, value in self.cleaned_data.items() if value}
