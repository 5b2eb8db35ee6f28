"""Threads in a community and their replies, with what people add to them: an edit
history, reactions, bookmarks, attachments, shares into other communities, how far each
person has read and which threads and tags they watch or mute; and direct
conversations between people who share a community.

Text is Markdown, rendered and sanitised once on save (``body_html``); tags are the
``#hashtags`` of a thread's title and body, kept as rows so a tag page is one indexed
query. An author who deletes their account leaves their posts behind, attributed to
"former member" (``author`` is then empty)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from staffroom.accounts.models import new_public_id
from staffroom.communities.models import Community

TITLE_MAX = 200
BODY_MAX = 50_000
TAG_MAX = 50


class Thread(models.Model):
    """A discussion, a question (whose asker or a facilitator marks the reply that
    answered it) or an announcement (facilitators only)."""

    class Kind(models.TextChoices):
        DISCUSSION = "discussion", _("Discussion")
        QUESTION = "question", _("Question")
        ANNOUNCEMENT = "announcement", _("Announcement")

    public_id = models.CharField(max_length=16, unique=True, default=new_public_id, editable=False)
    community = models.ForeignKey(Community, on_delete=models.CASCADE, related_name="threads")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="threads",
    )
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices, default=Kind.DISCUSSION)
    title = models.CharField(_("title"), max_length=TITLE_MAX)
    body = models.TextField(_("message"))
    body_html = models.TextField(editable=False)
    pinned = models.BooleanField(_("pinned"), default=False)
    locked = models.BooleanField(_("locked"), default=False)
    closed = models.BooleanField(_("closed"), default=False)
    answer = models.ForeignKey(
        "Reply", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reply_count = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    last_activity_at = models.DateTimeField(auto_now_add=True)
    edited_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("thread")
        verbose_name_plural = _("threads")
        indexes = [
            models.Index(
                fields=["community", "-pinned", "-last_activity_at"], name="thread_latest"
            ),
            # The unanswered questions, oldest first, straight from the index: every
            # filter of ``unanswered_list`` is an equality on a column before the order.
            models.Index(
                fields=["community", "kind", "answer", "closed", "locked", "created_at"],
                name="thread_unanswered",
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def is_question(self) -> bool:
        return self.kind == self.Kind.QUESTION

    @property
    def takes_replies(self) -> bool:
        return not (self.locked or self.closed)


class Reply(models.Model):
    """A reply in a thread, perhaps quoting an earlier reply of the same thread."""

    public_id = models.CharField(max_length=16, unique=True, default=new_public_id, editable=False)
    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="replies")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="thread_replies",
    )
    body = models.TextField(_("reply"))
    body_html = models.TextField(editable=False)
    quoting = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    edited_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("reply")
        verbose_name_plural = _("replies")
        indexes = [models.Index(fields=["thread", "created_at", "id"], name="reply_in_order")]

    def __str__(self):
        return f"{self.thread} #{self.pk}"


class ThreadTag(models.Model):
    """One ``#hashtag`` of a thread, folded to lower case."""

    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="tags")
    community = models.ForeignKey(Community, on_delete=models.CASCADE, related_name="+")
    name = models.CharField(max_length=TAG_MAX)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["thread", "name"], name="threadtag_once")]
        indexes = [models.Index(fields=["community", "name"], name="threadtag_page")]

    def __str__(self):
        return f"#{self.name}"


class ThreadModeration(models.Model):
    """Who pinned, locked or closed a thread (or undid it), and when: the audit record
    of moderation."""

    class Action(models.TextChoices):
        PIN = "pin", _("Pinned")
        UNPIN = "unpin", _("Unpinned")
        LOCK = "lock", _("Locked")
        UNLOCK = "unlock", _("Unlocked")
        CLOSE = "close", _("Closed")
        REOPEN = "reopen", _("Reopened")
        HIDE = "hide", _("Earlier version hidden")
        MOVE = "move", _("Moved")

    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="moderations")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    action = models.CharField(max_length=8, choices=Action.choices)
    # For a move, the name of the community it came from (that community may be gone).
    detail = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("moderation")
        verbose_name_plural = _("moderation")
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return f"{self.action} {self.thread}"


class Revision(models.Model):
    """What a thread's opening post (``reply`` empty) or a reply said before an edit,
    and who changed it: the visible edit history. A facilitator may hide an earlier
    version (its text is then erased, so no one can read it again, not even in the
    admin); the history still shows that there was one."""

    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="revisions")
    reply = models.ForeignKey(
        Reply, null=True, blank=True, on_delete=models.CASCADE, related_name="revisions"
    )
    title = models.CharField(max_length=TITLE_MAX, blank=True)
    body = models.TextField()
    body_html = models.TextField()
    edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )  # fmt: skip
    hidden_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("earlier version")
        verbose_name_plural = _("earlier versions")
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return f"{self.thread} ({self.created_at:%Y-%m-%d %H:%M})"


class Reaction(models.Model):
    """ "Helpful" or "thank you" on a thread's opening post (``reply`` empty) or on a
    reply: one of each kind per person per post."""

    class Kind(models.TextChoices):
        HELPFUL = "helpful", _("Helpful")
        THANKS = "thanks", _("Thank you")

    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="reactions")
    reply = models.ForeignKey(
        Reply, null=True, blank=True, on_delete=models.CASCADE, related_name="reactions"
    )
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=8, choices=Kind.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["thread", "user", "kind"],
                condition=Q(reply__isnull=True),
                name="reaction_once_on_thread",
            ),
            models.UniqueConstraint(
                fields=["reply", "user", "kind"],
                condition=Q(reply__isnull=False),
                name="reaction_once_on_reply",
            ),
        ]

    def __str__(self):
        return f"{self.kind} on {self.thread}"


class Bookmark(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="thread_bookmarks"
    )
    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="bookmarks")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "thread"], name="bookmark_once")]

    def __str__(self):
        return str(self.thread)


class ReadMarker(models.Model):
    """How many of a thread's replies (in order) ``user`` has had on screen, so the next
    one is the first unread. Deleting a reply moves back the markers that had counted it
    (``removal.reply_delete``)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="+")
    read_count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "thread"], name="readmarker_once")]

    def __str__(self):
        return f"{self.thread}: {self.read_count}"


class Attachment(models.Model):
    """An image or document attached to a thread's opening post (``reply`` empty) or to
    a reply; checked by its content, not its name, when it is uploaded."""

    public_id = models.CharField(max_length=16, unique=True, default=new_public_id, editable=False)
    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="attachments")
    reply = models.ForeignKey(
        Reply, null=True, blank=True, on_delete=models.CASCADE, related_name="attachments"
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    file = models.FileField(upload_to="discussions/%Y/%m/")
    name = models.CharField(max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["created_at", "id"]

    def __str__(self):
        return self.name


class ThreadShare(models.Model):
    """A thread shown in another ``community`` as an attributed link card: there, only
    those who may read the thread's own community see it."""

    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="shares")
    community = models.ForeignKey(Community, on_delete=models.CASCADE, related_name="+")
    shared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    note = models.CharField(_("note"), max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["thread", "community"], name="threadshare_once")
        ]
        indexes = [models.Index(fields=["community", "-created_at"], name="threadshare_latest")]

    def __str__(self):
        return f"{self.thread} in {self.community}"


class ThreadSubscription(models.Model):
    """A thread ``user`` watches (told of every reply) or has muted (told of nothing in
    it, mentions included)."""

    class Level(models.TextChoices):
        WATCHING = "watching", _("Watching")
        MUTED = "muted", _("Muted")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="subscriptions")
    level = models.CharField(max_length=8, choices=Level.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "thread"], name="threadsubscription_once")
        ]
        indexes = [models.Index(fields=["thread", "level"], name="threadsubscription_level")]

    def __str__(self):
        return f"{self.user} {self.level} {self.thread}"


class TagFollow(models.Model):
    """A tag of one community that ``user`` follows: they are told of each new thread
    carrying it."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="followed_tags"
    )
    community = models.ForeignKey(Community, on_delete=models.CASCADE, related_name="+")
    name = models.CharField(max_length=TAG_MAX)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "community", "name"], name="tagfollow_once")
        ]
        indexes = [models.Index(fields=["community", "name"], name="tagfollow_tag")]

    def __str__(self):
        return f"{self.user} #{self.name}"


class DiscussionVisit(models.Model):
    """When ``user`` last came to the discussions, and the visit before: "since you were
    last here" starts at ``previous_seen_at``."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="discussion_visit"
    )
    last_seen_at = models.DateTimeField()
    previous_seen_at = models.DateTimeField(null=True, blank=True)

    def __str__(self):
        return f"{self.user}: {self.last_seen_at}"


class Conversation(models.Model):
    """A direct conversation: two people, or a small group of up to
    ``CONVERSATION_MAX`` who share a community."""

    public_id = models.CharField(max_length=16, unique=True, default=new_public_id, editable=False)
    title = models.CharField(_("title"), max_length=TITLE_MAX, blank=True)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    last_message_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("conversation")
        verbose_name_plural = _("conversations")

    def __str__(self):
        return self.title or self.public_id


CONVERSATION_MAX = 20


class ConversationMember(models.Model):
    """One person in a conversation: until they leave (``left_at``); ``muted`` stops its
    notifications; ``read_at`` is when they last read it."""

    conversation = models.ForeignKey(Conversation, on_delete=models.CASCADE, related_name="members")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="conversation_memberships"
    )
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    joined_at = models.DateTimeField(auto_now_add=True)
    left_at = models.DateTimeField(null=True, blank=True)
    muted = models.BooleanField(default=False)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["conversation", "user"], name="conversationmember_once")
        ]

    def __str__(self):
        return f"{self.user} in {self.conversation}"


class Message(models.Model):
    """One message in a conversation, Markdown rendered and sanitised on save."""

    public_id = models.CharField(max_length=16, unique=True, default=new_public_id, editable=False)
    conversation = models.ForeignKey(
        Conversation, on_delete=models.CASCADE, related_name="messages"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    body = models.TextField(_("message"))
    body_html = models.TextField(editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("message")
        verbose_name_plural = _("messages")
        indexes = [
            models.Index(fields=["conversation", "created_at", "id"], name="message_in_order")
        ]

    def __str__(self):
        return f"{self.conversation} #{self.pk}"


class Block(models.Model):
    """``blocker`` no longer receives direct messages from ``blocked``: no new
    conversation with both, and no message from ``blocked`` where ``blocker`` is."""

    blocker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    blocked = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["blocker", "blocked"], name="block_once"),
            models.CheckConstraint(
                condition=~Q(blocker=models.F("blocked")), name="block_not_self"
            ),
        ]

    def __str__(self):
        return f"{self.blocker} blocks {self.blocked}"
