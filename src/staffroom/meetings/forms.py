"""Forms of the schedule: they parse and type what people enter; the services decide
(a rule that gives no dates, a link that is not http(s)...) and their errors are put
back beside the field they name (``core.forms.add_domain_error``)."""

import datetime as dt
from zoneinfo import ZoneInfo

from django import forms
from django.utils.translation import gettext_lazy as _

from staffroom.accounts.models import known_time_zones, validate_time_zone
from staffroom.core.errors import DomainError
from staffroom.core.forms import add_domain_error
from staffroom.meetings.recurrence import Kind, rule_build, rule_kind
from staffroom.meetings.services import MAX_CASE_SLOTS, MAX_DURATION_MINUTES

REMINDER_CHOICES = [
    (10080, _("A week before")),
    (1440, _("The day before")),
    (60, _("An hour before")),
    (15, _("15 minutes before")),
]


def time_zone_choices() -> list[str]:
    return sorted(zone for zone in known_time_zones() if "/" in zone and "Etc" not in zone)


def _date_input():
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _time_input():
    return forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


def _zone_field():
    return forms.CharField(
        label=_("Time zone"),
        max_length=64,
        validators=[validate_time_zone],
        widget=forms.TextInput(attrs={"list": "time-zones", "autocomplete": "off"}),
        help_text=_("The zone the session is held in, for example America/Chicago."),
    )


def _link_field(label, **kwargs):
    # A text field, not a URLField: the service explains what a meeting link must be.
    return forms.CharField(
        label=label,
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "url"}),
        **kwargs,
    )


class SeriesForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=160)
    description = forms.CharField(
        label=_("Description"),
        max_length=20_000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Who it is for and how a session runs. Markdown works."),
    )
    recurrence = forms.ChoiceField(
        label=_("How often"), choices=Kind.choices, widget=forms.RadioSelect
    )
    custom_rule = forms.CharField(
        label=_("Custom rule"),
        max_length=500,
        required=False,
        help_text=_(
            "Only for a custom rule, in RFC 5545 form. Example: every third Wednesday is "
            "FREQ=WEEKLY;INTERVAL=3;BYDAY=WE."
        ),
    )
    first_date = forms.DateField(
        label=_("First date"),
        widget=_date_input(),
        help_text=_("Weekly and monthly series meet on this date's weekday."),
    )
    last_date = forms.DateField(
        label=_("Last date"),
        required=False,
        widget=_date_input(),
        help_text=_("Leave empty for a series with no end date."),
    )
    start_time = forms.TimeField(label=_("Start time"), widget=_time_input())
    duration_minutes = forms.IntegerField(
        label=_("Length in minutes"), min_value=5, max_value=MAX_DURATION_MINUTES, initial=60
    )
    time_zone = _zone_field()
    meeting_url = _link_field(
        _("Meeting link"), help_text=_("The Zoom, Meet, Teams or Jitsi link.")
    )
    dial_in = forms.CharField(
        label=_("Dial-in"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Phone numbers and meeting ID, for those who join by phone."),
    )
    capacity = forms.IntegerField(
        label=_("Capacity"),
        min_value=1,
        required=False,
        help_text=_("Leave empty for no limit."),
    )
    reminder_offsets = forms.TypedMultipleChoiceField(
        label=_("Reminders"),
        choices=REMINDER_CHOICES,
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    allow_guests = forms.BooleanField(
        label=_("Guests without an account may register"), required=False
    )
    credit_share = forms.IntegerField(
        label=_("Share of a session's minutes that counts as attended (%)"),
        min_value=0,
        max_value=100,
        initial=75,
    )
    phone_counts = forms.BooleanField(label=_("Joining by phone counts"), required=False)
    async_counts = forms.BooleanField(
        label=_("Watching the recording and posting a reflection counts"), required=False
    )
    certificate_share = forms.IntegerField(
        label=_("Share of the series' sessions needed for a series certificate (%)"),
        min_value=0,
        max_value=100,
        initial=75,
    )

    def clean(self):
        data = super().clean()
        if data.get("recurrence") == Kind.CUSTOM and not data.get("custom_rule", "").strip():
            self.add_error("custom_rule", _("Enter the rule, or choose one of the other options."))
        return data

    @classmethod
    def initial_for(cls, series) -> dict:
        kind = rule_kind(series.rrule, series.first_date)
        initial = {name: getattr(series, name) for name in cls.base_fields if hasattr(series, name)}
        initial["recurrence"] = kind
        initial["custom_rule"] = series.rrule if kind == Kind.CUSTOM else ""
        return initial

    def service_fields(self) -> dict:
        """The cleaned data as ``series_create`` / ``series_update`` take it."""
        data = dict(self.cleaned_data)
        kind, custom = data.pop("recurrence"), data.pop("custom_rule")
        data["rrule"] = rule_build(kind, first_date=data["first_date"], custom=custom)
        data["dial_in"] = data["dial_in"].strip()
        return data

    def add_service_error(self, error: DomainError) -> None:
        custom = self.cleaned_data.get("recurrence") == Kind.CUSTOM
        add_domain_error(self, error, {"rrule": "custom_rule" if custom else "recurrence"})


class SessionForm(forms.Form):
    title = forms.CharField(label=_("Topic"), max_length=200)
    description = forms.CharField(
        label=_("Description"),
        max_length=20_000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("What the talk covers and what to bring. Markdown works."),
    )
    date = forms.DateField(label=_("Date"), widget=_date_input())
    start_time = forms.TimeField(label=_("Start time"), widget=_time_input())
    time_zone = _zone_field()
    duration_minutes = forms.IntegerField(
        label=_("Length in minutes"), min_value=5, max_value=MAX_DURATION_MINUTES, initial=60
    )
    meeting_url = _link_field(_("Meeting link"))
    dial_in = forms.CharField(
        label=_("Dial-in"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    capacity = forms.IntegerField(
        label=_("Capacity"), min_value=1, required=False, help_text=_("Leave empty for no limit.")
    )
    presenter = forms.ModelChoiceField(
        label=_("Presenter (a member)"), queryset=None, required=False
    )
    guest_presenter = forms.CharField(
        label=_("Or a guest presenter"),
        max_length=120,
        required=False,
        help_text=_("Name and role of a presenter who is not a member."),
    )
    focus_area = forms.ModelChoiceField(
        label=_("Focus area or standard"), queryset=None, required=False
    )
    tags = forms.CharField(
        label=_("Tags"), max_length=300, required=False, help_text=_("Separate tags with commas.")
    )
    case_slots = forms.IntegerField(
        label=_("Case slots"),
        min_value=0,
        max_value=MAX_CASE_SLOTS,
        initial=1,
        help_text=_("How many participants can present a case in this session."),
    )

    def __init__(self, *args, presenters, focus_areas, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["presenter"].queryset = presenters
        self.fields["presenter"].label_from_instance = lambda user: user.display_name
        self.fields["focus_area"].queryset = focus_areas

    def clean(self):
        data = super().clean()
        day, start, zone = data.get("date"), data.get("start_time"), data.get("time_zone")
        if day and start and zone:
            data["starts_at"] = dt.datetime.combine(day, start, tzinfo=ZoneInfo(zone))
        return data

    @classmethod
    def initial_for(cls, session) -> dict:
        local = session.starts_at.astimezone(ZoneInfo(session.time_zone))
        initial = {
            name: getattr(session, name) for name in cls.base_fields if hasattr(session, name)
        }
        initial.update(date=local.date(), start_time=local.time(), meeting_url=session.join_url)
        return initial

    def service_fields(self) -> dict:
        data = dict(self.cleaned_data)
        for name in ("date", "start_time"):
            data.pop(name)
        return data

    def add_service_error(self, error: DomainError) -> None:
        add_domain_error(self, error, {"starts_at": "date"})


class CancelForm(forms.Form):
    reason = forms.CharField(
        label=_("Why is it cancelled?"),
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Sent to everyone registered, with the updated calendar entry."),
    )


class RecordForm(forms.Form):
    recording_url = _link_field(_("Recording link"))
    notes = forms.CharField(
        label=_("Notes"),
        max_length=50_000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_("What was discussed and what people agreed to try. Markdown works."),
    )


class MaterialForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200, required=False)
    url = _link_field(_("Link"))
    file = forms.FileField(
        label=_("Or a file"),
        required=False,
        help_text=_("PDF, Word or PowerPoint (DOCX, PPTX) or an image; at most 20 MB."),
    )

    def clean(self):
        data = super().clean()
        if not self.errors and bool(data.get("url")) == bool(data.get("file")):
            self.add_error("url", _("Add either a link or a file."))
        return data


class SessionListForm(forms.Form):
    TABS = [("upcoming", _("Upcoming")), ("past", _("Past"))]
    tab = forms.ChoiceField(choices=TABS, required=False)
