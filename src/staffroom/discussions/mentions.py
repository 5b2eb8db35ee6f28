"""@mentions in threads and replies, and who is told about a post.

A mention is "@" and the person's display name as others see it ("@Ana Ruiz"), after a
space, a bracket or the start of a line (so "ana@school.org" mentions no one), matched
without regard to case. The longest run of up to five words that is exactly one
person's name wins ("@Ana Ruiz thanks" mentions Ana Ruiz, not a person named "Ana").
Names are matched only among the people who may read the thread's community, so a
stranger who shares a member's name neither steals nor blocks the mention; a name two
of those readers share is ambiguous and mentions no one. Whoever is replied to or
quoted is told only if they may read the thread.
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
from staffroom.communities.access import community_access_for
from staffroom.communities.models import HubRole, Membership, Visibility
from staffroom.notifications.services import notify

MENTION, REPLY = "mention", "reply"
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


def _may_read(user, community) -> bool:
    return community_access_for(user, community).has(permissions.READ)


def _tell(recipient, kind, actor, thread, url, message) -> None:
    with translation.override(recipient.language or settings.LANGUAGE_CODE):
        text = _(message) % {"name": actor.display_name, "title": thread.title}
    notify(recipient=recipient, kind=kind, actor=actor, community=thread.community, text=text,
           url=url)  # fmt: skip


def post_notify(*, actor, thread, body: str, earlier_body: str | None = None, reply=None) -> None:
    """Tell the people a new or edited post concerns: those it newly mentions, and, for
    a new reply, the thread's author and the author of the reply it quotes. Each person
    is told once, and only if they may read the thread (those mentioned are found only
    among its readers)."""
    if reply is None:
        url = reverse("discussions:thread_detail", args=[thread.community.slug, thread.public_id])
    else:
        url = reverse(
            "discussions:reply_detail",
            args=[thread.community.slug, thread.public_id, reply.public_id],
        )
    edited = earlier_body is not None
    community = thread.community
    already = {user.pk for user in mentions_parse(earlier_body, community)} if edited else set()
    told = {actor.pk}
    for user in mentions_parse(body, community):
        if user.pk not in already and user.pk not in told:
            told.add(user.pk)
            _tell(user, MENTION, actor, thread, url,
                  gettext_noop("%(name)s mentioned you in “%(title)s”."))  # fmt: skip
    if reply is None or edited:
        return
    replied_to = [(thread.author, gettext_noop("%(name)s replied to your thread “%(title)s”."))]
    if reply.quoting is not None:
        quoted = gettext_noop("%(name)s quoted your reply in “%(title)s”.")
        replied_to.append((reply.quoting.author, quoted))
    for user, message in replied_to:
        if user is not None and user.pk not in told and _may_read(user, thread.community):
            told.add(user.pk)
            _tell(user, REPLY, actor, thread, url, message)
