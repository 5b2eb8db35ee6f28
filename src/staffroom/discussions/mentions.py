"""@mentions in threads and replies, and who is told about a post.

A mention is "@" and the person's display name as others see it ("@Ana Ruiz"), after a
space, a bracket or the start of a line (so "ana@school.org" mentions no one), matched
without regard to case. The longest run of up to five words that is exactly one
person's name wins ("@Ana Ruiz thanks" mentions Ana Ruiz, not a person named "Ana").
Names are matched only among the people who may read the thread's community, so a
stranger who shares a member's name neither steals nor blocks the mention; a name two
of those readers share is ambiguous and mentions no one.

Who is told of a post, each person once, in this order of precedence: those it newly
mentions ("mention"); for a new reply, the thread's author and the quoted reply's
author ("reply") and those who watch the thread ("watched"); for a new thread, those
who follow one of its tags ("followed_tag"). An edit tells only the newly mentioned:
a tag an edit adds tells no one, since the thread is not new. Whoever has muted the
thread is told nothing, and only those who may read the thread's community now are
told (one who followed a tag of a community that has since become private is not).
A post costs the same number of queries however many people it tells.
"""

import re

from django.conf import settings
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from staffroom.accounts.models import User
from staffroom.communities import permissions
from staffroom.communities.models import HubRole, Membership, Visibility
from staffroom.discussions.models import TagFollow, ThreadSubscription, ThreadTag
from staffroom.notifications.services import notify_many

MENTION, REPLY, WATCHED, FOLLOWED_TAG = "mention", "reply", "watched", "followed_tag"
MAX_MENTIONS = 20  # a post that names more people than this is a broadcast, not a mention
# "@" and up to five words of a name.
_MENTION = re.compile(r"(?:^|(?<=[\s(\[]))@(\w[\w.'’-]*(?:[ \t]+[\w.'’-]+){0,4})")


def _candidates(text: str) -> list[list[str]]:
    """For each "@", the names it could stand for, longest first."""
    found = []
    for match in _MENTION.finditer(text or ""):
        words = match.group(1).split()
        names = [" ".join(words[:n]).rstrip(".,;:!?'’-") for n in range(len(words), 0, -1)]
        found.append([name for name in names if name])
        if len(found) == MAX_MENTIONS:
            break
    return found


def _readers(community):
    """The active people who may read ``community`` (the READ capability of
    ``permissions``), as a query to narrow further: anyone for a public one."""
    users = User.objects.filter(is_active=True)
    if community.visibility == Visibility.PUBLIC:
        return users
    member = Membership.objects.filter(
        user=OuterRef("pk"),
        community=community,
        status=Membership.Status.ACTIVE,
        role__in=permissions.membership_roles_granting(permissions.READ),
    )
    hub_staff = HubRole.objects.filter(
        user=OuterRef("pk"),
        hub_id=community.hub_id,
        role__in=permissions.hub_roles_granting(permissions.READ),
    )
    # A site admin reads every community (``permissions.capabilities_for``).
    return users.filter(Q(is_superuser=True) | Exists(member) | Exists(hub_staff))


def mentions_parse(text: str, community) -> list[User]:
    """The people who may read ``community`` that ``text`` mentions, each once, in
    order of first mention; found in one query however many names ``text`` holds."""
    candidates = _candidates(text)
    names = {name.casefold() for names in candidates for name in names}
    if not names:
        return []
    query = Q()
    for name in names:
        query |= Q(display_name__iexact=name)
    by_name: dict[str, list[User]] = {}
    for user in _readers(community).filter(query):
        by_name.setdefault(user.display_name.casefold(), []).append(user)
    mentioned: list[User] = []
    for names_here in candidates:
        for name in names_here:
            people = by_name.get(name.casefold(), [])
            if len(people) == 1:
                if people[0] not in mentioned:
                    mentioned.append(people[0])
                break
            if people:  # a shared name: ambiguous, and a shorter one would be wrong
                break
    return mentioned


def _text(actor, thread, message: str, tags: dict[int, str] | None = None):
    """The notification's text for each recipient, in their own language."""

    def text(recipient) -> str:
        with translation.override(recipient.language or settings.LANGUAGE_CODE):
            values = {"name": actor.display_name, "title": thread.title}
            if tags is not None:
                values["tag"] = tags[recipient.pk]
            return _(message) % values

    return text


def _tell(recipients, kind, actor, thread, url, message, tags=None) -> None:
    if recipients:  # an empty call would still cost a savepoint
        notify_many(
            recipients=recipients, kind=kind, actor=actor, community=thread.community,
            text=_text(actor, thread, message, tags), url=url,
            reply_to=("thread", thread.public_id),
        )  # fmt: skip


def _mentioned(thread, body, earlier_body, skip: set[int]) -> list[User]:
    community = thread.community
    already = set()
    if earlier_body is not None:
        already = {user.pk for user in mentions_parse(earlier_body, community)}
    return [user for user in mentions_parse(body, community)
            if user.pk not in already and user.pk not in skip]  # fmt: skip


def _replied_to(thread, reply, skip: set[int]) -> list[tuple[User, str]]:
    """The thread's author and the quoted reply's author, if they may read the thread."""
    replied_to = [(thread.author, gettext_noop("%(name)s replied to your thread “%(title)s”."))]
    if reply.quoting is not None:
        quoted = gettext_noop("%(name)s quoted your reply in “%(title)s”.")
        replied_to.append((reply.quoting.author, quoted))
    candidates = {user.pk for user, _message in replied_to if user is not None} - skip
    readers = set(_readers(thread.community).filter(pk__in=candidates).values_list("pk", flat=True))
    return [(user, message) for user, message in replied_to
            if user is not None and user.pk in readers]  # fmt: skip


def _watchers(thread) -> list[User]:
    watching = ThreadSubscription.objects.filter(
        thread=thread, user=OuterRef("pk"), level=ThreadSubscription.Level.WATCHING
    )
    return list(_readers(thread.community).filter(Exists(watching)).order_by("pk"))


def _tag_followers(thread) -> tuple[list[User], dict[int, str]]:
    """Those who follow a tag of ``thread`` and may read it, and the first of its tags
    each follows (the one their notification names)."""
    follows = (
        TagFollow.objects.filter(
            community_id=thread.community_id,
            name__in=ThreadTag.objects.filter(thread=thread).values("name"),
            user__in=_readers(thread.community).values("pk"),
        )
        .select_related("user")
        .order_by("user_id", "name")
    )
    people, tags = [], {}
    for follow in follows:
        if follow.user_id not in tags:
            tags[follow.user_id] = follow.name
            people.append(follow.user)
    return people, tags


def post_notify(*, actor, thread, body: str, earlier_body: str | None = None, reply=None) -> None:
    """Tell the people a new or edited post concerns (see the module's docstring): each
    once, none who muted the thread, none who may not read it; one ``notify_many`` per
    kind of message, so a fixed number of queries however many are told."""
    if reply is None:
        url = reverse("discussions:thread_detail", args=[thread.community.slug, thread.public_id])
    else:
        url = reverse(
            "discussions:reply_detail",
            args=[thread.community.slug, thread.public_id, reply.public_id],
        )
    edited = earlier_body is not None
    muted = set(
        ThreadSubscription.objects.filter(
            thread=thread, level=ThreadSubscription.Level.MUTED
        ).values_list("user_id", flat=True)
    )
    told = {actor.pk} | muted
    mentioned = _mentioned(thread, body, earlier_body, told)
    told |= {user.pk for user in mentioned}
    _tell(mentioned, MENTION, actor, thread, url,
          gettext_noop("%(name)s mentioned you in “%(title)s”."))  # fmt: skip
    if edited:
        return
    if reply is None:
        followers, tags = _tag_followers(thread)
        _tell([user for user in followers if user.pk not in told], FOLLOWED_TAG, actor, thread,
              url, gettext_noop("%(name)s started “%(title)s”, tagged #%(tag)s, which you follow."),
              tags)  # fmt: skip
        return
    for user, message in _replied_to(thread, reply, told):
        if user.pk not in told:  # the thread's author whose reply is quoted: told once
            told.add(user.pk)
            _tell([user], REPLY, actor, thread, url, message)
    _tell([user for user in _watchers(thread) if user.pk not in told], WATCHED, actor, thread,
          url, gettext_noop("%(name)s replied in “%(title)s”, a thread you watch."))  # fmt: skip
