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

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

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
