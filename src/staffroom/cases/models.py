"""Cases a member brings to their community, their attachments, the presenter's
"not identifying" decisions on the de-identification guard's findings, and what happens
once a case is accepted: its session, the group's questions and recommendations, the
summary, the follow-up, the versions of its text and the history of its workflow.

The guard's findings are not stored: they are recomputed from the current text on each
check (``cases.guard``), so an edit can never leave a stale finding behind. Only the
presenter's decisions are kept, keyed by where (a field or an attachment), the flagged
text and its category.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from staffroom.accounts.models import GRADE_BANDS, Locale, ProfessionalRole, new_public_id
from staffroom.communities.models import Community
from staffroom.meetings.models import Session


class SchoolKind(models.TextChoices):
    PUBLIC = "public", _("Public school")
    CHARTER = "charter", _("Charter school")
    PRIVATE = "private", _("Private or religious school")
    TRIBAL = "tribal", _("Tribal or BIE school")
    OTHER = "other", _("Other setting")


class Case(models.Model):
    """A case presentation: drafted by its presenter, checked by the de-identification
    guard, submitted, returned with a note or accepted by a facilitator, scheduled into
    a session, presented, answered with a summary of the group's recommendations, and
    followed up by its presenter weeks later."""

    class State(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")
        RETURNED = "returned", _("Returned to the presenter")
        ACCEPTED = "accepted", _("Accepted")
        SCHEDULED = "scheduled", _("Scheduled")
        PRESENTED = "presented", _("Presented")
        SUMMARIZED = "summarized", _("Recommendations sent")
        FOLLOWED_UP = "followed_up", _("Follow-up done")

    class Outcome(models.IntegerChoices):
        WORSE = 1, _("Things got worse")
        NO_CHANGE = 2, _("No change yet")
        SOME = 3, _("Somewhat better")
        BETTER = 4, _("Much better")
        RESOLVED = 5, _("Resolved")

    # The free-text fields the guard checks, in the order the form shows them.
    GUARDED_FIELDS = ("title", "background", "tried", "strengths", "questions", "outcome", "tags")
    # Accepted and every state after it: the community's members may read the case.
    SHARED_STATES = (
        State.ACCEPTED,
        State.SCHEDULED,
        State.PRESENTED,
        State.SUMMARIZED,
        State.FOLLOWED_UP,
    )
    # Once presented, the text the group answered is kept in versions.
    PRESENTED_STATES = (State.PRESENTED, State.SUMMARIZED, State.FOLLOWED_UP)

    public_id = models.CharField(max_length=16, unique=True, default=new_public_id, editable=False)
    community = models.ForeignKey(Community, on_delete=models.CASCADE, related_name="cases")
    presenter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="case_presentations"
    )
    state = models.CharField(
        _("state"), max_length=12, choices=State.choices, default=State.DRAFT, db_index=True
    )
    title = models.CharField(_("title"), max_length=200)
    presenter_role = models.CharField(
        _("your role"), max_length=20, choices=ProfessionalRole.choices, blank=True
    )
    grade_band = models.CharField(_("grade band"), max_length=10, choices=GRADE_BANDS, blank=True)
    locale = models.CharField(_("locale"), max_length=8, choices=Locale.choices, blank=True)
    school_kind = models.CharField(
        _("kind of school"), max_length=10, choices=SchoolKind.choices, blank=True
    )
    background = models.TextField(_("background"), blank=True)
    tried = models.TextField(_("what has been tried"), blank=True)
    strengths = models.TextField(_("strengths to build on"), blank=True)
    questions = models.TextField(_("questions for the group"), blank=True)
    outcome = models.TextField(_("what a good outcome would look like"), blank=True)
    tags = models.CharField(_("tags"), max_length=200, blank=True)
    # Members see "a member of this community" instead of the presenter's name; the
    # presenter and those who review cases still see the name (they must know whose
    # case they accept or return).
    anonymous = models.BooleanField(
        _("Show me as “a member of this community” instead of my name"), default=False
    )
    return_note = models.TextField(_("note to the presenter"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    session = models.ForeignKey(
        Session, null=True, blank=True, on_delete=models.SET_NULL, related_name="cases",
        verbose_name=_("session"),
    )  # fmt: skip
    presented_at = models.DateTimeField(null=True, blank=True)
    summary = models.TextField(_("recommendation summary"), blank=True, max_length=20_000)
    summary_sent_at = models.DateTimeField(null=True, blank=True)
    summary_sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )  # fmt: skip
    followup_due_at = models.DateTimeField(_("follow-up due"), null=True, blank=True)
    followup_reminded_at = models.DateTimeField(null=True, blank=True)
    followup_tried = models.TextField(_("what you tried"), blank=True, max_length=10_000)
    followup_happened = models.TextField(_("what happened"), blank=True, max_length=10_000)
    outcome_rating = models.PositiveSmallIntegerField(
        _("how it turned out"), null=True, blank=True, choices=Outcome.choices
    )
    followed_up_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("case")
        verbose_name_plural = _("cases")
        ordering = ["-updated_at"]

    def __str__(self):
        return self.title

    @property
    def question_list(self) -> list[str]:
        """The questions for the group, one per line."""
        return [line.strip() for line in self.questions.splitlines() if line.strip()]

    @property
    def tag_list(self) -> list[str]:
        return [tag.strip() for tag in self.tags.split(",") if tag.strip()]

    @property
    def is_editable(self) -> bool:
        return self.state in (self.State.DRAFT, self.State.RETURNED)

    @property
    def is_shared(self) -> bool:
        return self.state in self.SHARED_STATES

    @property
    def takes_contributions(self) -> bool:
        """Questions and recommendations are recorded in the session and until the
        summary is sent."""
        return self.state in (self.State.SCHEDULED, self.State.PRESENTED)


class CaseAttachment(models.Model):
    """A de-identified work sample (at most 20 MB). Its kind comes from its content;
    ``text`` is what the guard checks, ``None`` when it could not be read (a scan), in
    which case the presenter must confirm it holds no student information."""

    public_id = models.CharField(max_length=16, unique=True, default=new_public_id, editable=False)
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(upload_to="cases/%Y/%m/")
    name = models.CharField(_("file name"), max_length=200)
    kind = models.CharField(max_length=8)
    size = models.PositiveIntegerField()
    text = models.TextField(null=True, blank=True)
    confirmed_clean = models.BooleanField(
        _("presenter confirmed it holds no student information"), default=False
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["created_at", "id"]

    def __str__(self):
        return self.name

    @property
    def checkable(self) -> bool:
        return self.text is not None

    @property
    def guard_key(self) -> str:
        """How the guard names this attachment among a case's fields."""
        return f"attachment:{self.public_id}"


class CaseClearance(models.Model):
    """The presenter's word that one flagged text is not identifying, and why. It
    applies to that text, in that field, for that category, wherever it appears."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="clearances")
    field = models.CharField(max_length=40)
    text = models.TextField()
    category = models.CharField(max_length=12)
    reason = models.TextField(_("why it is not identifying"))
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("“not identifying” decision")
        verbose_name_plural = _("“not identifying” decisions")
        constraints = [
            models.UniqueConstraint(
                fields=["case", "field", "text", "category"], name="caseclearance_once"
            )
        ]

    def __str__(self):
        return f"{self.text} ({self.category})"


class CaseVersion(models.Model):
    """The case's text as it stood at one moment after it was shared: version 1 is the
    text the group heard; the presenter's later edits make the next ones. Each
    contribution points at the version it answered."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    text = models.JSONField()  # {field: value} for Case.GUARDED_FIELDS
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["number"]
        constraints = [models.UniqueConstraint(fields=["case", "number"], name="caseversion_once")]

    def __str__(self):
        return f"{self.case} v{self.number}"

    def value(self, name: str) -> str:
        return self.text.get(name, "")


class Contribution(models.Model):
    """A clarifying question or a recommendation recorded in or after the session, by a
    member or by the facilitator."""

    class Kind(models.TextChoices):
        QUESTION = "question", _("Clarifying question")
        STRATEGY = "strategy", _("Strategy")
        RESOURCE = "resource", _("Resource")
        REFERRAL = "referral", _("Referral")
        OTHER = "other", _("Other recommendation")

    public_id = models.CharField(max_length=16, unique=True, default=new_public_id, editable=False)
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="contributions")
    version = models.ForeignKey(CaseVersion, on_delete=models.CASCADE, related_name="+")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    text = models.TextField(_("text"), max_length=4000)
    link = models.URLField(_("link"), blank=True, max_length=500)
    thanked_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("question or recommendation")
        verbose_name_plural = _("questions and recommendations")
        ordering = ["created_at", "id"]

    def __str__(self):
        return self.text[:60]


class CaseEvent(models.Model):
    """One step of a case's workflow, for its history: who did what, and when."""

    class Action(models.TextChoices):
        SUBMITTED = "submitted", _("submitted the case")
        RETURNED = "returned", _("returned the case to the presenter")
        ACCEPTED = "accepted", _("accepted the case")
        SCHEDULED = "scheduled", _("scheduled the case")
        UNSCHEDULED = "unscheduled", _("took the case off its session")
        PRESENTED = "presented", _("marked the case presented")
        REVISED = "revised", _("edited the case after it was shared")
        SUMMARY_SENT = "summary_sent", _("sent the recommendation summary")
        FOLLOWUP_MOVED = "followup_moved", _("changed the follow-up date")
        FOLLOWUP_ASKED = "followup_asked", _("sent the follow-up reminder")
        FOLLOWED_UP = "followed_up", _("recorded the follow-up")
        NOT_IDENTIFYING = "not_identifying", _("marked flagged text “not identifying”")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="events")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )  # fmt: skip
    action = models.CharField(max_length=20, choices=Action.choices)
    note = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self):
        return f"{self.case} {self.action}"
