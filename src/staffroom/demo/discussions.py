"""Load the demo hub's discussion threads (``content_discussions.py``) through the
discussions services.

A member starts a thread; others reply over the following hours and days, some quoting
an earlier reply; the asker marks the reply that answered the question; members react
("helpful", "thank you") to what helped them; a facilitator pins the welcome and locks
the board's norms; teacher@example.org bookmarks a few threads to come back to. Like the
sessions and cases, each step is told at its invented moment with the sessions'
``_Clock``, so every timestamp the services write (a thread's start and last activity,
a reply, a reaction, a bookmark, a moderation record) is the invented one, and the
search index holds the same. Nobody posts before they joined the community, and
nothing is told after a few minutes ago. Nothing is emailed (``demo_load`` runs inside
``email_suppressed``).
"""

import datetime as dt
import random

from staffroom.accounts.models import User
from staffroom.communities.access import CommunityAccess, community_access_for
from staffroom.communities.models import Community, Membership
from staffroom.demo import content_discussions as content
from staffroom.demo.sessions import _Clock
from staffroom.discussions import services
from staffroom.discussions.models import Reaction, Reply, Thread, ThreadModeration

MINUTE = dt.timedelta(minutes=1)
HOUR = dt.timedelta(hours=1)
DAY = dt.timedelta(days=1)
BOOKMARKER = "teacher@example.org"
MODERATION = {"pin": ThreadModeration.Action.PIN, "lock": ThreadModeration.Action.LOCK}
REACTIONS = {"helpful": Reaction.Kind.HELPFUL, "thanks": Reaction.Kind.THANKS}


def discussions_load(*, users: dict[str, User], now: dt.datetime) -> None:
    """Create the demo's threads with their replies, answers, reactions, bookmarks and
    moderation. ``users`` are the demo's people by email; ``now`` is the moment the demo
    is loaded."""
    loader = _DiscussionsLoader(users, now)
    with loader.clock.running():
        for spec in content.THREADS:
            loader.load_thread(spec)


class _DiscussionsLoader:
    def __init__(self, users: dict[str, User], now: dt.datetime):
        self.users = users
        self.clock = _Clock(now)
        # The last moment anything is told: a thread is never newer than a few minutes.
        self.latest = now - 5 * MINUTE
        self.now = now
        # Its own seed, so the threads never change the story of the rest of the hub.
        self.rng = random.Random("prairie-pine-discussions")
        self.accesses: dict[tuple[int, int], CommunityAccess] = {}
        self.communities: dict[str, tuple[Community, dict[User, dt.datetime]]] = {}

    def community(self, slug: str) -> tuple[Community, dict[User, dt.datetime]]:
        """The community ``slug`` and when each of its active members joined."""
        if slug not in self.communities:
            memberships = list(
                Membership.objects.filter(community__slug=slug, status=Membership.Status.ACTIVE)
                .select_related("community", "user")
                .order_by("joined_at", "pk")
            )
            joined = {m.user: m.joined_at for m in memberships}
            self.communities[slug] = (memberships[0].community, joined)
        return self.communities[slug]

    def access(self, user: User, community: Community) -> CommunityAccess:
        key = (user.pk, community.pk)
        if key not in self.accesses:
            self.accesses[key] = community_access_for(user, community)
        return self.accesses[key]

    def when(self, moment: dt.datetime, *, after: dt.datetime, what: str) -> dt.datetime:
        """``moment``, but no earlier than ``after``; a content error if that is still
        to come."""
        moment = max(moment, after)
        if moment >= self.latest:
            raise ValueError(f"{what} would be told after now: start it earlier.")
        return moment

    def soon(self, moment: dt.datetime, low: float, high: float) -> dt.datetime:
        """A few hours after ``moment`` (between ``low`` and ``high``), capped at now."""
        return min(moment + self.rng.uniform(low, high) * HOUR, self.latest)

    # -- a thread ----------------------------------------------------------------------

    def load_thread(self, spec: dict) -> None:
        community, joined = self.community(spec["community"])
        author = self.users[spec["by"]]
        access = self.access(author, community)
        started = self.when(
            self.now - spec["days_ago"] * DAY, after=joined[author] + DAY, what=spec["title"]
        )
        with self.clock.at(started):
            thread = services.thread_create(
                actor=author,
                access=access,
                kind=spec["kind"],
                title=spec["title"],
                body=spec["body"],
            )
        for flag, action in MODERATION.items():
            if spec.get(flag):
                with self.clock.at(self.soon(started, 0.1, 0.3)):
                    services.thread_moderate(
                        actor=author, access=access, thread=thread, action=action
                    )
        replies = self.reply(spec, thread, joined, started)
        if "answer" in spec:
            answer = replies[spec["answer"]]
            with self.clock.at(self.soon(answer.created_at, 1, 10)):
                services.answer_mark(actor=author, access=access, thread=thread, reply=answer)
        for key, kind in REACTIONS.items():
            for target, count in spec.get(key, {}).items():
                post = None if target == "post" else replies[target]
                self.react(thread, post, kind, count, joined)
        if spec.get("bookmark"):
            reader = self.users[BOOKMARKER]
            with self.clock.at(self.soon(max(started, joined[reader]), 2, 72)):
                services.bookmark_toggle(
                    actor=reader, access=self.access(reader, community), thread=thread
                )

    def reply(
        self, spec: dict, thread: Thread, joined: dict[User, dt.datetime], started: dt.datetime
    ) -> list[Reply]:
        """The thread's replies in order: each a few hours after the one before (days
        where ``later`` says so), and never before its author joined."""
        made: list[Reply] = []
        moment = started
        later = spec.get("later", {})
        specs = spec["replies"]
        for i, (email, body, *quoted) in enumerate(specs):
            user = self.users[email]
            if i in later:
                gap = later[i] * DAY + self.rng.uniform(-4, 4) * HOUR
            else:
                # Spread what is left of the time to now, so recent threads still fit.
                room = (self.latest - moment) / (len(specs) - i + 1)
                gap = min(room, DAY) * self.rng.uniform(0.15, 1)
            moment = self.when(moment + gap, after=joined[user] + HOUR, what=spec["title"])
            with self.clock.at(moment):
                made.append(
                    services.reply_create(
                        actor=user,
                        access=self.access(user, thread.community),
                        thread=thread,
                        body=body,
                        quoting=made[quoted[0]] if quoted else None,
                    )
                )
        return made

    def react(
        self,
        thread: Thread,
        post: Reply | None,
        kind: str,
        count: int,
        joined: dict[User, dt.datetime],
    ) -> None:
        """``count`` members other than the post's author react ``kind`` to it, each some
        hours after the post appeared or after they joined."""
        author_id = post.author_id if post is not None else thread.author_id
        posted = post.created_at if post is not None else thread.created_at
        others = [user for user in joined if user.pk != author_id]
        for user in self.rng.sample(others, count):
            with self.clock.at(self.soon(max(posted, joined[user]), 1, 60)):
                services.reaction_toggle(
                    actor=user,
                    access=self.access(user, thread.community),
                    thread=thread,
                    reply=post,
                    kind=kind,
                )
