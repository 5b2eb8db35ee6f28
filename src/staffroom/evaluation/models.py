"""Brief polls: one question in a community, or during one of its sessions.

How anonymity is kept (the evaluation issue, item 4). Every poll keeps one
``PollVoter`` row per person who voted: it is what refuses a second vote and lets a
person change theirs. The choices themselves are ``Ballot`` rows:

- in an ordinary poll a ballot points to its ``PollVoter`` (so facilitators can see
  who voted what, and a changed vote replaces the person's ballots);
- an anonymous poll writes no ballot at all: each chosen option's
  ``anonymous_votes`` counter goes up by one. A row per vote, even without a key to
  the voter, could be matched to the ``PollVoter`` rows by the order the database
  stored them in; a counter keeps nothing to match. The price: a vote in an
  anonymous poll cannot be changed (nothing says which options were whose), and
  voting again is answered "already counted" without touching anything.

A poll is open until a facilitator closes it (``closed_at``) or its close time
(``closes_at``) passes, whichever comes first.
"""

import secrets
import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from staffroom.accounts.models import new_public_id
from staffroom.communities.models import Community
from staffroom.meetings.models import Session

MIN_OPTIONS, MAX_OPTIONS = 2, 10


class Poll(models.Model):
    """One question with 2 to 10 options, in one community (optionally tied to one
    of its sessions)."""

    class ShowResults(models.TextChoices):
        AFTER_VOTE = "after_vote", _("After voting")
        AFTER_CLOSE = "after_close", _("After the poll closes")

    public_id = models.CharField(max_length=16, unique=True, default=new_public_id, editable=False)
    community = models.ForeignKey(Community, on_delete=models.CASCADE, related_name="polls")
    session = models.ForeignKey(
        Session, null=True, blank=True, on_delete=models.SET_NULL, related_name="polls"
    )
    question = models.CharField(_("question"), max_length=300)
    multiple = models.BooleanField(_("people may choose more than one option"), default=False)
    show_results = models.CharField(
        _("show the results"), max_length=12, choices=ShowResults.choices,
        default=ShowResults.AFTER_VOTE,
    )  # fmt: skip
    anonymous = models.BooleanField(_("anonymous"), default=False)
    closes_at = models.DateTimeField(_("closes"), null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["community", "closed_at", "closes_at"])]

    def __str__(self):
        return self.question

    def is_open(self, now=None) -> bool:
        now = now or timezone.now()
        return self.closed_at is None and (self.closes_at is None or self.closes_at > now)

    @property
    def ended_at(self):
        """When the poll closed (early or at its close time), or ``None`` while open."""
        if self.closed_at:
            return self.closed_at
        if self.closes_at and self.closes_at <= timezone.now():
            return self.closes_at
        return None


class PollOption(models.Model):
    poll = models.ForeignKey(Poll, on_delete=models.CASCADE, related_name="options")
    position = models.PositiveSmallIntegerField()
    label = models.CharField(_("option"), max_length=200)
    anonymous_votes = models.PositiveIntegerField(default=0, editable=False)

    class Meta:
        ordering = ["position"]
        constraints = [
            models.UniqueConstraint(fields=["poll", "position"], name="poll_option_position"),
        ]

    def __str__(self):
        return self.label


class PollVoter(models.Model):
    """That ``user`` voted in ``poll`` (one row per person and poll). In an anonymous
    poll this is all that is kept about the person.

    A deleted account leaves its rows with no ``user``, so the counts and an ordinary
    poll's ballots stay as they were; the unique constraint still allows one row per
    live person, as databases treat no two missing users as the same."""

    poll = models.ForeignKey(Poll, on_delete=models.CASCADE, related_name="voters")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="poll_votes"
    )
    voted_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["poll", "user"], name="poll_vote_once")]

    def __str__(self):
        return f"{self.user or _('former member')} in {self.poll}"


class Ballot(models.Model):
    """One chosen option of an ordinary poll (anonymous polls keep counters on their
    options instead: see the module docstring)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    poll = models.ForeignKey(Poll, on_delete=models.CASCADE, related_name="ballots")
    option = models.ForeignKey(PollOption, on_delete=models.CASCADE, related_name="ballots")
    voter = models.ForeignKey(
        PollVoter, null=True, blank=True, on_delete=models.CASCADE, related_name="ballots"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["voter", "option"], condition=models.Q(voter__isnull=False),
                name="ballot_option_once",
            ),
        ]  # fmt: skip

    def __str__(self):
        return str(self.option)


# -- instruments ------------------------------------------------------------------------
#
# An instrument (a questionnaire of a hub) lives in versions: a draft is edited, then
# published and frozen; editing a published instrument makes the next version as a
# draft copy, so surveys point at an ``InstrumentVersion`` and their responses keep the
# questions they answered. Items follow REDCap's rules (variable names, choice codes,
# branching logic, matrix groups) so a version writes to a data dictionary and back.

MIN_ANSWERED_DEFAULT = 75  # percent of a subscale's items, as ``staffroom analyze`` uses
VARIABLE_MAX = 100  # REDCap's longest variable name


class Instrument(models.Model):
    """A questionnaire of one hub. ``source`` says where it came from
    (``library:<key>`` for the instrument library, blank when built or imported)."""

    public_id = models.CharField(max_length=16, unique=True, default=new_public_id, editable=False)
    hub = models.ForeignKey("communities.Hub", on_delete=models.CASCADE, related_name="instruments")
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    source = models.CharField(max_length=100, blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.title


class InstrumentVersion(models.Model):
    """Version ``number`` of an instrument: a draft (at most one per instrument) is
    editable; a published version never changes again."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", pgettext_lazy("instrument version status", "Published")

    instrument = models.ForeignKey(Instrument, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    created_at = models.DateTimeField(auto_now_add=True)
    published_at = models.DateTimeField(null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["instrument", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["instrument", "number"], name="instrument_version_number"
            ),
            models.UniqueConstraint(
                fields=["instrument"], condition=models.Q(status="draft"),
                name="instrument_one_draft",
            ),
        ]  # fmt: skip

    def __str__(self):
        return f"{self.instrument} v{self.number}"

    @property
    def is_draft(self) -> bool:
        return self.status == self.Status.DRAFT


class Subscale(models.Model):
    """A subscale of one version and its scoring rule: the mean of its answered items
    (reverse-scored ones recoded) when at least ``min_answered`` percent are answered."""

    version = models.ForeignKey(
        InstrumentVersion, on_delete=models.CASCADE, related_name="subscales"
    )
    name = models.CharField(_("subscale"), max_length=60)
    min_answered = models.PositiveSmallIntegerField(
        _("minimum answered (%)"), default=MIN_ANSWERED_DEFAULT
    )

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["version", "name"], name="subscale_name_once"),
            models.CheckConstraint(
                condition=models.Q(min_answered__gte=1, min_answered__lte=100),
                name="subscale_min_answered_percent",
            ),
        ]

    def __str__(self):
        return self.name


class Section(models.Model):
    public_id = models.CharField(max_length=16, unique=True, default=new_public_id, editable=False)
    version = models.ForeignKey(
        InstrumentVersion, on_delete=models.CASCADE, related_name="sections"
    )
    position = models.PositiveIntegerField()
    title = models.CharField(_("title"), max_length=200, blank=True)
    intro = models.TextField(_("introduction"), blank=True)

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self):
        return self.title


class Item(models.Model):
    """One question. ``choices`` is a list of ``[code, label]`` pairs (Likert, single
    and multiple choice); items of a matrix share a ``matrix_group`` and their choices,
    as in REDCap. ``show_if`` is REDCap branching logic on earlier items."""

    class Kind(models.TextChoices):
        LIKERT = "likert", _("Likert (4, 5 or 7 labelled points)")
        SINGLE = "single", _("Single choice")
        MULTIPLE = "multiple", _("Multiple choice")
        NUMERIC = "numeric", _("Number")
        SHORT_TEXT = "short_text", _("Short text")
        LONG_TEXT = "long_text", _("Long text")

    public_id = models.CharField(max_length=16, unique=True, default=new_public_id, editable=False)
    version = models.ForeignKey(InstrumentVersion, on_delete=models.CASCADE, related_name="items")
    section = models.ForeignKey(Section, on_delete=models.CASCADE, related_name="items")
    position = models.PositiveIntegerField()
    name = models.CharField(_("variable name"), max_length=VARIABLE_MAX)
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    label = models.TextField(_("question"))
    note = models.CharField(_("help or note"), max_length=500, blank=True)
    required = models.BooleanField(_("required"), default=False)
    choices = models.JSONField(default=list, blank=True)
    matrix_group = models.CharField(_("matrix group"), max_length=60, blank=True)
    min_value = models.FloatField(_("minimum"), null=True, blank=True)
    max_value = models.FloatField(_("maximum"), null=True, blank=True)
    integer = models.BooleanField(_("whole numbers only"), default=False)
    show_if = models.TextField(_("show if"), blank=True)
    subscale = models.ForeignKey(
        Subscale, null=True, blank=True, on_delete=models.SET_NULL, related_name="items"
    )
    reverse = models.BooleanField(_("reverse scored"), default=False)

    class Meta:
        ordering = ["section__position", "position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["version", "name"], name="item_name_once_per_version"),
        ]

    def __str__(self):
        return self.name


# -- surveys ----------------------------------------------------------------------------
#
# A survey deploys one published instrument version to a community, a series of
# sessions or a whole hub, in waves (pre, post, follow-up) that open and close on
# dates. Each person asked gets an ``Invitation`` (their personal link); what they
# answer is a ``Response``.
#
# Anonymity (the evaluation issue, item 3). In an anonymous survey:
# - the invitation keeps only *whether* its person responded (no time, no link);
# - the submitted ``Response`` has no user and no invitation. While the person is still
#   answering, their draft is a ``Response`` the invitation points to
#   (``Invitation.draft``), so they can finish later; submitting writes the answers to
#   a new row, deletes the draft and cuts that pointer in the same transaction, and the
#   new row's times are only the day (UTC), so no key or exact time matches the draft,
#   the invitation or a log line of the personal link;
# - pre and post answers are paired by a *pairing code* the respondent chooses (or
#   takes from the suggestion the page offers). The code is typed at submission and
#   never saved with a draft; the response keeps only an HMAC of it (keyed by the
#   site's secret and the survey), so two waves' responses pair by equal digests while
#   the database holds nothing that names the person or reveals the code itself (which
#   people often build from birthdays or initials). That holds while ``SECRET_KEY``
#   stays secret: whoever has both the key and the database can try every short code
#   (all 4-digit ones in a moment) and so match responses to codes they know;
# - attributes are kept coarse (years in the profession as a band) so that a rare
#   combination points at nobody; the analysis also suppresses cells under 5.


class Survey(models.Model):
    """A published ``version`` deployed to a community (``series`` empty), a series of
    a community, or a hub (``community`` empty). ``hub`` is always set: hub evaluators
    and admins manage every survey of their hub, facilitators those of their community."""

    public_id = models.CharField(max_length=16, unique=True, default=new_public_id, editable=False)
    hub = models.ForeignKey("communities.Hub", on_delete=models.CASCADE, related_name="surveys")
    community = models.ForeignKey(
        Community, null=True, blank=True, on_delete=models.CASCADE, related_name="surveys"
    )
    series = models.ForeignKey(
        "meetings.Series", null=True, blank=True, on_delete=models.CASCADE, related_name="surveys"
    )
    version = models.ForeignKey(
        InstrumentVersion, on_delete=models.PROTECT, related_name="surveys",
        verbose_name=_("instrument"),
    )  # fmt: skip
    title = models.CharField(_("title"), max_length=200)
    anonymous = models.BooleanField(_("anonymous"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(series__isnull=True) | models.Q(community__isnull=False),
                name="survey_series_in_community",
            ),
        ]

    def __str__(self):
        return self.title


class Wave(models.Model):
    """One round of a survey, open from ``opens_at`` to ``closes_at`` (or until
    ``closed_at``, when closed early). Non-responders get up to two reminders,
    ``first_reminder_days`` and ``second_reminder_days`` after it opens."""

    class Kind(models.TextChoices):
        PRE = "pre", _("Pre")
        POST = "post", _("Post")
        FOLLOW_UP = "follow_up", _("Follow-up")
        OTHER = "other", _("Other")

    public_id = models.CharField(max_length=16, unique=True, default=new_public_id, editable=False)
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="waves")
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.PRE)
    label = models.CharField(_("label"), max_length=80, blank=True)
    position = models.PositiveSmallIntegerField()
    opens_at = models.DateTimeField(_("opens"))
    closes_at = models.DateTimeField(_("closes"))
    closed_at = models.DateTimeField(null=True, blank=True, editable=False)
    first_reminder_days = models.PositiveSmallIntegerField(
        _("first reminder (days after opening)"), null=True, blank=True
    )
    second_reminder_days = models.PositiveSmallIntegerField(
        _("second reminder (days after opening)"), null=True, blank=True
    )
    invited_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["survey", "position"]
        constraints = [
            models.UniqueConstraint(fields=["survey", "position"], name="wave_position_once"),
            models.CheckConstraint(
                condition=models.Q(closes_at__gt=models.F("opens_at")),
                name="wave_closes_after_opening",
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def name(self) -> str:
        return self.label or self.get_kind_display()

    @property
    def ends_at(self):
        return min(self.closed_at, self.closes_at) if self.closed_at else self.closes_at

    def is_open(self, now=None) -> bool:
        now = now or timezone.now()
        return self.opens_at <= now < self.ends_at

    def has_opened(self, now=None) -> bool:
        return self.opens_at <= (now or timezone.now())


def _survey_token() -> str:
    return secrets.token_urlsafe(32)


class Invitation(models.Model):
    """One person asked to answer one wave. ``token`` is their personal link, which
    also authenticates what they post (a session that expired while they typed loses
    nothing). ``responded`` is all an anonymous survey keeps about their answer;
    ``draft`` points at their unfinished response until they submit."""

    wave = models.ForeignKey(Wave, on_delete=models.CASCADE, related_name="invitations")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="survey_invitations"
    )
    token = models.CharField(max_length=64, unique=True, default=_survey_token, editable=False)
    sent_at = models.DateTimeField(null=True, blank=True)
    reminded_count = models.PositiveSmallIntegerField(default=0)
    responded = models.BooleanField(default=False)
    draft = models.OneToOneField(
        "Response", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["wave", "user"], name="survey_invitation_once"),
        ]
        indexes = [models.Index(fields=["wave", "responded"])]

    def __str__(self):
        return f"{self.user} — {self.wave}"


class Response(models.Model):
    """What one respondent answered in one wave: ``answers`` maps item variable names
    to values (a choice code as text, a list of codes for multiple choice, a number, or
    text). ``user`` is empty in an anonymous survey, where ``pairing_code`` (a digest,
    see the notes above) pairs waves. The attributes are copied from the profile when
    the response is submitted, so later profile edits do not rewrite history."""

    class Status(models.TextChoices):
        IN_PROGRESS = "in_progress", _("In progress")
        SUBMITTED = "submitted", _("Submitted")

    class Years(models.TextChoices):
        UP_TO_3 = "0-3", _("0 to 3 years")
        UP_TO_10 = "4-10", _("4 to 10 years")
        UP_TO_20 = "11-20", _("11 to 20 years")
        MORE = "21+", _("21 years or more")

    wave = models.ForeignKey(Wave, on_delete=models.CASCADE, related_name="responses")
    version = models.ForeignKey(
        InstrumentVersion, on_delete=models.PROTECT, related_name="responses"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="survey_responses",
    )  # fmt: skip
    pairing_code = models.CharField(max_length=64, blank=True)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.IN_PROGRESS)
    started_at = models.DateTimeField(default=timezone.now)
    saved_at = models.DateTimeField(default=timezone.now)
    submitted_at = models.DateTimeField(null=True, blank=True)
    answers = models.JSONField(default=dict, blank=True)
    language = models.CharField(max_length=8, blank=True)
    locale = models.CharField(max_length=8, blank=True)
    role = models.CharField(max_length=20, blank=True)
    years = models.CharField(max_length=5, choices=Years.choices, blank=True)

    class Meta:
        ordering = ["wave", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["wave", "user"], condition=models.Q(user__isnull=False),
                name="survey_response_once_per_person",
            ),
            models.UniqueConstraint(
                fields=["wave", "pairing_code"], condition=~models.Q(pairing_code=""),
                name="survey_pairing_code_once_per_wave",
            ),
        ]  # fmt: skip
        indexes = [models.Index(fields=["wave", "status"])]

    def __str__(self):
        return f"{self.wave} #{self.pk}"


class SessionFeedback(models.Model):
    """One person's answers to the form after a session: the library's
    ``session_feedback`` instrument, asked in the person's language (the English and
    Spanish files share variable names and codes). ``answers`` is kept as
    ``Response.answers`` is. It replaced the sessions part's short form, whose answers
    it took over (migration 0006; the field mapping is in ``library.py``). Answering
    again updates the row; ``user`` is emptied when the account is deleted, so the
    session's results stay true."""

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="feedback")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="session_feedback",
    )  # fmt: skip
    answers = models.JSONField(default=dict, blank=True)
    language = models.CharField(max_length=8, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "user"], condition=models.Q(user__isnull=False),
                name="session_feedback_once",
            ),
        ]  # fmt: skip

    def __str__(self):
        return f"{self.user} on {self.session}"
