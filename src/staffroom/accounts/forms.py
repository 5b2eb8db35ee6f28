from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from staffroom.accounts.models import (
    BIO_MAX_LENGTH,
    GradeBand,
    Locale,
    ProfessionalRole,
    State,
    Subject,
    known_time_zones,
    validate_time_zone,
)


class SignupExtraForm(forms.Form):
    """Asked at sign-up besides email and password: the name colleagues will see."""

    display_name = forms.CharField(
        label=_("Your name"),
        max_length=80,
        help_text=_("How colleagues will see you, for example “Maria Lopez”."),
    )

    def signup(self, request, user):
        user.display_name = self.cleaned_data["display_name"].strip()
        user.save(update_fields=["display_name"])


def time_zone_choices():
    zones = sorted(z for z in known_time_zones() if "/" in z and "Etc" not in z)
    return [(zone, zone.replace("_", " ")) for zone in zones]


class ProfileForm(forms.Form):
    display_name = forms.CharField(label=_("Your name"), max_length=80)
    pronouns = forms.CharField(label=_("Pronouns"), max_length=30, required=False)
    role = forms.ChoiceField(label=_("Your role"), choices=ProfessionalRole.choices)
    subjects = forms.ModelMultipleChoiceField(
        label=_("Subjects you teach or support"),
        queryset=Subject.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    grade_bands = forms.ModelMultipleChoiceField(
        label=_("Grade bands"),
        queryset=GradeBand.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    years_in_profession = forms.IntegerField(
        label=_("Years in the profession"), min_value=0, max_value=70, required=False
    )
    languages = forms.CharField(
        label=_("Languages you speak"),
        max_length=120,
        required=False,
        help_text=_("For example: English, Spanish"),
    )
    bio = forms.CharField(
        label=_("Short bio"),
        max_length=BIO_MAX_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Up to %(limit)s characters. Markdown works: *italic*, **bold**, lists.")
        % {"limit": BIO_MAX_LENGTH},
    )
    time_zone = forms.CharField(
        label=_("Time zone"),
        validators=[validate_time_zone],
        widget=forms.TextInput(attrs={"list": "time-zones", "autocomplete": "off"}),
        help_text=_("Sessions are shown in this zone, for example America/Denver."),
    )
    language = forms.ChoiceField(
        label=_("Language"),
        choices=[("", _("Follow my browser")), *settings.LANGUAGES],
        required=False,
    )
    school_name = forms.CharField(label=_("School"), max_length=120, required=False)
    school_district = forms.CharField(label=_("District"), max_length=120, required=False)
    school_state = forms.ChoiceField(
        label=_("State"), choices=[("", "—"), *State.choices], required=False
    )
    school_locale = forms.ChoiceField(
        label=_("Locale"),
        choices=[("", "—"), *Locale.choices],
        required=False,
        help_text=_("The NCES category of the school's area."),
    )

    def clean(self):
        data = super().clean()
        school_fields = ("school_name", "school_state", "school_locale")
        given = [name for name in school_fields if data.get(name)]
        if given and len(given) < len(school_fields):
            for name in school_fields:
                if not data.get(name):
                    self.add_error(name, _("Needed to describe your school."))
        return data

    def school(self) -> dict | None:
        data = self.cleaned_data
        if not data.get("school_name"):
            return None
        return {
            "name": data["school_name"],
            "district": data.get("school_district", ""),
            "state": data["school_state"],
            "locale": data["school_locale"],
        }

    @classmethod
    def initial_for(cls, user) -> dict:
        profile = user.profile
        school = profile.school
        return {
            "display_name": user.display_name,
            "pronouns": profile.pronouns,
            "role": profile.role,
            "subjects": list(profile.subjects.all()),
            "grade_bands": list(profile.grade_bands.all()),
            "years_in_profession": profile.years_in_profession,
            "languages": profile.languages,
            "bio": profile.bio,
            "time_zone": user.time_zone,
            "language": user.language,
            "school_name": school.name if school else "",
            "school_district": school.district if school else "",
            "school_state": school.state if school else "",
            "school_locale": school.locale if school else "",
        }


class LanguageForm(forms.Form):
    language = forms.ChoiceField(label=_("Language"), choices=settings.LANGUAGES)
    next = forms.CharField(required=False)
