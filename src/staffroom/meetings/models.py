"""Series and sessions, who presents, who registers, who attended, and the credit
attendance earns. Times are stored in UTC; a series recurs in its own time zone."""

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from staffroom.accounts.models import new_public_id, validate_time_zone
from staffroom.communities.models import Community, Hub


def _token() -> str:
    return secrets.token_urlsafe(24)


class FocusArea(models.Model):
    """A strand of standards or a focus area a hub aligns its sessions to."""

    hub = models.ForeignKey(Hub, on_delete=models.CASCADE, related_name="focus_areas")
    code = models.CharField(_("code"), max_length=30)
    name = models.CharField(_("name"), max_length=160)

    class Meta:
        ordering = ["code"]
        constraints = [
            models.UniqueConstraint(fields=["hub", "code"], name="focusarea_unique_code")
        ]

    def __str__(self):
        return f"{self.code} {self.name}"


class Series(models.Model):
    """A recurring session: an RFC 5545 rule read in ``time_zone``, so that 4 pm stays
    4 pm across daylight saving. Sessions are generated from it within a rolling
    horizon; a session moved or edited on its own is ``detached`` and kept as it is."""

    public_id = models.CharField(max_length=16, unique=True, default=new_public_id, editable=False)
    community = models.ForeignKey(Community, on_delete=models.CASCADE, related_name="series")
    title = models.CharField(_("title"), max_length=160)
    description = models.TextField(_("description"), blank=True, max_length=20_000)
    description_html = models.TextField(editable=False, blank=True)
    time_zone = models.CharField(
        _("time zone"), max_length=64, default="America/Chicago", validators=[validate_time_zone]
    )
    start_time = models.TimeField(_("start time"))
    duration_minutes = models.PositiveSmallIntegerField(_("length in minutes"), default=60)
    rrule = models.CharField(_("recurrence rule"), max_length=500)
    first_date = models.DateField(_("first date"))
    last_date = models.DateField(_("last date"), null=True, blank=True)
    meeting_url = models.URLField(_("meeting link"), blank=True)
    dial_in = models.TextField(_("dial-in"), blank=True, max_length=1000)
    capacity = models.PositiveIntegerField(_("capacity"), null=True, blank=True)
    # Minutes before the start; [1440, 60] is the day before and an hour before.
    reminder_offsets = models.JSONField(default=list, blank=True)
    allow_guests = models.BooleanField(_("guests without an account may register"), default=False)
    # What earns professional-development credit.
    credit_share = models.PositiveSmallIntegerField(
        _("share of a session's minutes that counts as attended (%)"), default=75
    )
    phone_counts = models.BooleanField(_("joining by phone counts"), default=True)
    async_counts = models.BooleanField(
        _("watching the recording and reflecting counts"), default=False
    )
    certificate_share = models.PositiveSmallIntegerField(
        _("share of the series' sessions needed for a series certificate (%)"), default=75
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("series")
        verbose_name_plural = _("series")
        ordering = ["title"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(last_date__isnull=True)
                | models.Q(last_date__gte=models.F("first_date")),
                name="series_last_after_first",
            ),
            models.CheckConstraint(
                condition=models.Q(credit_share__lte=100) & models.Q(certificate_share__lte=100),
                name="series_shares_are_percentages",
            ),
        ]

    def __str__(self):
        return self.title


class Session(models.Model):
    """One meeting. ``sequence`` rises with every change people's calendars must see
    (RFC 5545 SEQUENCE); the UID never changes."""

    class Status(models.TextChoices):
        SCHEDULED = "scheduled", _("Scheduled")
        CANCELLED = "cancelled", _("Cancelled")

    public_id = models.CharField(max_length=16, unique=True, default=new_public_id, editable=False)
    community = models.ForeignKey(Community, on_delete=models.CASCADE, related_name="sessions")
    series = models.ForeignKey(
        Series, null=True, blank=True, on_delete=models.SET_NULL, related_name="sessions"
    )
    # The date the series' rule gave this session (RFC 5545 RECURRENCE-ID), kept when
    # the session is moved, so regeneration never makes it twice.
    occurrence_date = models.DateField(null=True, blank=True)
    detached = models.BooleanField(default=False)
    title = models.CharField(_("topic"), max_length=200)
    description = models.TextField(_("description"), blank=True, max_length=20_000)
    description_html = models.TextField(editable=False, blank=True)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    time_zone = models.CharField(
        max_length=64, default="America/Chicago", validators=[validate_time_zone]
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.SCHEDULED)
    sequence = models.PositiveIntegerField(default=0)
    meeting_url = models.URLField(_("meeting link"), blank=True)
    dial_in = models.TextField(_("dial-in"), blank=True, max_length=1000)
    capacity = models.PositiveIntegerField(_("capacity"), null=True, blank=True)
    presenter = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", verbose_name=_("presenter"),
    )  # fmt: skip
    guest_presenter = models.CharField(_("guest presenter"), max_length=120, blank=True)
    focus_area = models.ForeignKey(
        FocusArea, null=True, blank=True, on_delete=models.SET_NULL, related_name="sessions"
    )
    tags = models.CharField(_("tags"), max_length=300, blank=True)
    case_slots = models.PositiveSmallIntegerField(_("case slots"), default=1)
    recording_url = models.URLField(_("recording link"), blank=True)
    notes = models.TextField(_("notes"), blank=True, max_length=50_000)
    notes_html = models.TextField(editable=False, blank=True)
    cancel_reason = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")),
                name="session_ends_after_start",
            ),
            models.UniqueConstraint(
                fields=["series", "occurrence_date"],
                condition=models.Q(series__isnull=False),
                name="session_one_per_occurrence",
            ),
        ]
        indexes = [models.Index(fields=["community", "starts_at"])]

    def __str__(self):
        return self.title

    @property
    def duration_minutes(self) -> int:
        return int((self.ends_at - self.starts_at).total_seconds() // 60)

    @property
    def join_url(self) -> str:
        return self.meeting_url or (self.series.meeting_url if self.series_id else "")


class Material(models.Model):
    """A link or a file handed out with a session."""

    public_id = models.CharField(max_length=16, unique=True, default=new_public_id, editable=False)
    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="materials")
    title = models.CharField(_("title"), max_length=200)
    url = models.URLField(_("link"), blank=True)
    file = models.FileField(_("file"), upload_to="sessions/materials/%Y/", blank=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at"]

    def __str__(self):
        return self.title


class PresenterSlot(models.Model):
    """A member volunteering (or being asked) to give the didactic or bring a case."""

    class Kind(models.TextChoices):
        DIDACTIC = "didactic", _("Didactic talk")
        CASE = "case", _("Case")

    class Status(models.TextChoices):
        VOLUNTEERED = "volunteered", _("Volunteered")
        CONFIRMED = "confirmed", _("Confirmed")
        DECLINED = "declined", pgettext_lazy("a presenter's offer", "Declined")
        WITHDRAWN = "withdrawn", pgettext_lazy("a presenter's offer", "Withdrawn")

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="presenter_slots")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="presenter_slots"
    )
    kind = models.CharField(max_length=10, choices=Kind.choices)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.VOLUNTEERED)
    note = models.CharField(_("what you would present"), max_length=500, blank=True)
    # A case presented as "a member of this community": the session page does not name
    # the presenter to the members either.
    anonymous = models.BooleanField(default=False)
    prep_email_sent_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(fields=["session", "user", "kind"], name="presenterslot_unique")
        ]

    def __str__(self):
        return f"{self.user} – {self.get_kind_display()} – {self.session}"


class Registration(models.Model):
    """An RSVP by a member or by a guest without an account (name and email). The
    ``token`` is the guest's personal check-in and cancel link."""

    class Status(models.TextChoices):
        REGISTERED = "registered", _("Registered")
        WAITLISTED = "waitlisted", _("On the waitlist")
        CANCELLED = "cancelled", _("Cancelled")

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="registrations")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE,
        related_name="registrations",
    )  # fmt: skip
    guest_name = models.CharField(_("name"), max_length=120, blank=True)
    guest_email = models.EmailField(_("email"), blank=True)
    # The language a guest registered in: their email comes in it (members' comes in
    # the language of their account).
    guest_language = models.CharField(max_length=8, blank=True)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.REGISTERED)
    token = models.CharField(max_length=64, unique=True, default=_token)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "user"], condition=models.Q(user__isnull=False),
                name="registration_one_per_member",
            ),
            models.UniqueConstraint(
                fields=["session", "guest_email"], condition=models.Q(user__isnull=True),
                name="registration_one_per_guest",
            ),
            models.CheckConstraint(
                condition=models.Q(user__isnull=False) | ~models.Q(guest_email=""),
                name="registration_member_or_guest",
            ),
        ]  # fmt: skip

    def __str__(self):
        return f"{self.user or self.guest_name} → {self.session}"

    @property
    def email(self) -> str:
        return self.user.email if self.user_id else self.guest_email

    @property
    def name(self) -> str:
        return self.user.display_name if self.user_id else self.guest_name


class ReminderSent(models.Model):
    """One reminder sent for one registration at one offset, so a reminder is never
    sent twice, whichever worker runs it."""

    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="+")
    offset_minutes = models.PositiveIntegerField()
    # The session's sequence when sent: a moved session earns a fresh reminder.
    sequence = models.PositiveIntegerField(default=0)
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["registration", "offset_minutes", "sequence"], name="remindersent_once"
            )
        ]

    def __str__(self):
        return f"{self.offset_minutes} min reminder for {self.registration}"


class Attendance(models.Model):
    """One record per person per session, merged from check-in, roll call and imported
    reports. ``minutes`` is what counts toward credit."""

    class Mode(models.TextChoices):
        LIVE = "live", _("Live")
        PHONE = "phone", _("By phone")
        ASYNC = "async", _("Recording and reflection")

    class Source(models.TextChoices):
        CHECK_IN = "check_in", _("Checked in")
        ROLL_CALL = "roll_call", _("Roll call")
        IMPORT = "import", _("Imported report")
        SELF_REPORT = "self_report", _("Reported by the member")

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="attendance")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE,
        related_name="attendance",
    )  # fmt: skip
    registration = models.ForeignKey(
        Registration, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    guest_name = models.CharField(max_length=120, blank=True)
    guest_email = models.EmailField(blank=True)
    mode = models.CharField(max_length=8, choices=Mode.choices, default=Mode.LIVE)
    source = models.CharField(max_length=12, choices=Source.choices)
    minutes = models.PositiveIntegerField(default=0)
    # Phone attendance waits for a facilitator to confirm it.
    confirmed = models.BooleanField(default=True)
    reflection = models.TextField(blank=True, max_length=10_000)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["session", "user"], condition=models.Q(user__isnull=False),
                name="attendance_one_per_member",
            ),
            # A guest recorded from a report may have no email: only emails are unique.
            models.UniqueConstraint(
                fields=["session", "guest_email"],
                condition=models.Q(user__isnull=True) & ~models.Q(guest_email=""),
                name="attendance_one_per_guest",
            ),
        ]  # fmt: skip

    def __str__(self):
        return f"{self.user or self.guest_name} at {self.session}: {self.minutes} min"

    @property
    def name(self) -> str:
        return self.user.display_name if self.user_id else self.guest_name

    @property
    def email(self) -> str:
        return self.user.email if self.user_id else self.guest_email


class AttendanceChange(models.Model):
    """Who changed a person's attendance by hand, when, and why (facilitators see it).
    It names the session and the person itself, so it outlives the record: marking
    someone absent deletes their attendance, and the change saying so stays."""

    session = models.ForeignKey(
        Session, on_delete=models.CASCADE, related_name="attendance_changes"
    )
    attendance = models.ForeignKey(
        Attendance, null=True, blank=True, on_delete=models.SET_NULL, related_name="changes"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )  # fmt: skip
    guest_name = models.CharField(max_length=120, blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    summary = models.CharField(max_length=300)
    reason = models.CharField(max_length=500, blank=True)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["session", "-at"])]

    def __str__(self):
        return self.summary


class AttendanceImport(models.Model):
    """An uploaded attendance report. The same file (by content hash) imports once."""

    class Platform(models.TextChoices):
        ZOOM = "zoom", "Zoom"
        MEET = "meet", "Google Meet"
        TEAMS = "teams", "Microsoft Teams"

    public_id = models.CharField(max_length=16, unique=True, default=new_public_id, editable=False)
    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="imports")
    platform = models.CharField(max_length=8, choices=Platform.choices)
    sha256 = models.CharField(max_length=64)
    filename = models.CharField(max_length=255)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["session", "sha256"], name="attendanceimport_once")
        ]

    def __str__(self):
        return self.filename


class ImportedRow(models.Model):
    """A person in an imported report after merging their join/leave rows; unmatched
    ones wait on the review screen for a facilitator."""

    class State(models.TextChoices):
        MATCHED = "matched", _("Matched")
        UNMATCHED = "unmatched", _("Needs review")
        LINKED = "linked", _("Linked by a facilitator")
        GUEST = "guest", _("Recorded as a guest")
        IGNORED = "ignored", _("Ignored")

    public_id = models.CharField(max_length=16, unique=True, default=new_public_id, editable=False)
    source = models.ForeignKey(AttendanceImport, on_delete=models.CASCADE, related_name="rows")
    name = models.CharField(max_length=200)
    email = models.CharField(max_length=254, blank=True)
    minutes = models.PositiveIntegerField()
    row_numbers = models.CharField(max_length=200)
    state = models.CharField(max_length=10, choices=State.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return f"{self.name}: {self.minutes} min ({self.state})"


class CalendarToken(models.Model):
    """The secret in a person's calendar feed URL; revoking it makes a new one."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_token"
    )
    token = models.CharField(max_length=64, unique=True, default=_token)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return f"calendar of {self.user}"


class Certificate(models.Model):
    """A certificate of professional-development hours; anyone with the code can
    confirm it at its public verification URL."""

    code = models.CharField(max_length=16, unique=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="certificates"
    )
    hub = models.ForeignKey(Hub, on_delete=models.PROTECT, related_name="certificates")
    series = models.ForeignKey(
        Series, null=True, blank=True, on_delete=models.PROTECT, related_name="certificates"
    )
    date_from = models.DateField()
    date_to = models.DateField()
    minutes = models.PositiveIntegerField()
    sessions = models.PositiveIntegerField()
    signer_name = models.CharField(max_length=120)
    signer_title = models.CharField(max_length=120, blank=True)
    issued_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-issued_at"]

    def __str__(self):
        return self.code
