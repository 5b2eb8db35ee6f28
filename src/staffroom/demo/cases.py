"""Load the demo hub's cases and polls (``content_cases.py``) through the cases and
evaluation services.

A presenter drafts a case, attaches a work sample, marks a flagged phrase "not
identifying" with a reason, and submits; a facilitator of the community accepts it
(which puts it in the search index) or returns it with a note. Facilitators ask
polls, members vote, and some polls are closed. Like the sessions, each step is told
at its invented moment with the sessions' ``_Clock``; only the time a vote was cast,
which its model stamps with a default the clock cannot reach, is moved afterwards.
Run after ``sessions_load``: a poll may be tied to an upcoming session.
"""

import datetime as dt
import random

from django.core.files.base import ContentFile

from staffroom.accounts.models import User
from staffroom.cases import services as cases
from staffroom.cases.guard import case_guard
from staffroom.communities.access import CommunityAccess, community_access_for
from staffroom.communities.models import Community, Membership
from staffroom.demo import content, content_cases
from staffroom.demo.sessions import _Clock
from staffroom.evaluation import services as evaluation
from staffroom.evaluation.models import PollVoter
from staffroom.meetings.models import Session

HOUR = dt.timedelta(hours=1)
DAY = dt.timedelta(days=1)
# Who reviews a community's cases and asks its polls: its first facilitator.
LEADS = {spec["slug"]: spec["facilitators"][0] for spec in content.COMMUNITIES}


def cases_load(*, users: dict[str, User], now: dt.datetime) -> None:
    """Create the demo's cases, each taken as far as its story goes, and its polls.
    ``users`` are the demo's people by email; ``now`` is the moment the demo is loaded."""
    loader = _CasesLoader(users, now)
    with loader.clock.running():
        for spec in content_cases.CASES:
            loader.load_case(spec)
        for spec in content_cases.POLLS:
            loader.load_poll(spec)


class _CasesLoader:
    def __init__(self, users: dict[str, User], now: dt.datetime):
        self.users = users
        self.now = now
        self.clock = _Clock(now)
        # Its own seed, so the cases never change the story of the rest of the hub.
        self.rng = random.Random("prairie-pine-cases")
        self.accesses: dict[tuple[int, int], CommunityAccess] = {}
        self.communities: dict[str, Community] = {}

    def community(self, slug: str) -> Community:
        if slug not in self.communities:
            self.communities[slug] = Community.objects.get(slug=slug)
        return self.communities[slug]

    def access(self, user: User, community: Community) -> CommunityAccess:
        key = (user.pk, community.pk)
        if key not in self.accesses:
            self.accesses[key] = community_access_for(user, community)
        return self.accesses[key]

    def joined(self, user: User, community: Community) -> dt.datetime:
        return Membership.objects.get(user=user, community=community).joined_at

    def moment(self, at: dt.datetime) -> dt.datetime:
        """``at``, but never later than a few minutes ago: nothing is told ahead."""
        return min(at, self.now - dt.timedelta(minutes=5))

    # -- cases -------------------------------------------------------------------------

    def load_case(self, spec: dict) -> None:
        community = self.community(spec["community"])
        presenter = self.users[spec["presenter"]]
        access = self.access(presenter, community)
        started = self.moment(
            max(self.now - spec["days_ago"] * DAY, self.joined(presenter, community) + DAY)
        )
        fields = {name: spec[name] for name in cases.CASE_FIELDS if name in spec}
        with self.clock.at(started):
            case = cases.case_create(
                actor=presenter, access=access, **cases.case_defaults(presenter) | fields
            )
        if "attachment" in spec:
            name, text = spec["attachment"]
            with self.clock.at(self.moment(started + 20 * dt.timedelta(minutes=1))):
                cases.attachment_add(
                    actor=presenter,
                    access=access,
                    case=case,
                    file=ContentFile(text.encode(), name=name),
                )
        for key, text, reason in spec.get("clear", []):
            found = next(f for f in case_guard(case).findings if f.key == key and f.text == text)
            with self.clock.at(self.moment(started + HOUR)):
                cases.finding_clear(
                    actor=presenter,
                    access=access,
                    case=case,
                    key=key,
                    start=found.finding.start,
                    category=found.finding.category,
                    reason=reason,
                )
        if spec["state"] == "draft":
            return
        submitted = self.moment(started + self.rng.uniform(0.5, 2) * DAY)
        with self.clock.at(submitted):
            case = cases.case_submit(actor=presenter, access=access, case=case)
        if spec["state"] == "submitted":
            return
        lead = self.users[LEADS[community.slug]]
        lead_access = self.access(lead, community)
        decided = self.moment(submitted + self.rng.uniform(1, 3) * DAY)
        with self.clock.at(decided):
            if spec["state"] == "returned":
                cases.case_return(actor=lead, access=lead_access, case=case, note=spec["note"])
            else:
                cases.case_accept(actor=lead, access=lead_access, case=case)

    # -- polls -------------------------------------------------------------------------

    def load_poll(self, spec: dict) -> None:
        community = self.community(spec["community"])
        author = self.users[spec["by"]]
        author_access = self.access(author, community)
        asked = self.now - spec["days_ago"] * DAY
        session = closes_at = None
        if spec.get("session") == "next":
            session = (
                Session.objects.filter(
                    community=community, status=Session.Status.SCHEDULED, starts_at__gt=self.now
                )
                .order_by("starts_at")
                .first()
            )
            closes_at = session.starts_at
        with self.clock.at(asked):
            poll = evaluation.poll_create(
                actor=author,
                access=author_access,
                question=spec["question"],
                options=spec["options"],
                multiple=spec.get("multiple", False),
                show_results=spec.get("show_results", "after_vote"),
                anonymous=spec.get("anonymous", False),
                closes_at=closes_at,
                session=session,
            )
        options = list(poll.options.order_by("position").values_list("pk", flat=True))
        voters = (
            Membership.objects.filter(
                community=community, status=Membership.Status.ACTIVE, joined_at__lt=asked
            )
            .exclude(user=author)
            .exclude(user__email__in=spec.get("spare", []))
            .select_related("user")
            .order_by("joined_at", "pk")
        )
        closed = self.now - spec["closed_days_ago"] * DAY if "closed_days_ago" in spec else None
        last = closed or self.now
        step = (last - asked) / (len(spec["votes"]) + 1)
        for i, (membership, choice) in enumerate(zip(voters, spec["votes"], strict=False)):
            user = membership.user
            chosen = choice if isinstance(choice, list) else [choice]
            voted = asked + step * (i + self.rng.uniform(0.5, 1.2))
            with self.clock.at(voted):
                evaluation.poll_vote(
                    actor=user,
                    access=self.access(user, community),
                    poll=poll,
                    option_ids=[options[n - 1] for n in chosen],
                )
            # ``voted_at`` defaults to the real clock (bound when the model was defined).
            PollVoter.objects.filter(poll=poll, user=user).update(voted_at=voted)
        if closed is not None:
            with self.clock.at(closed):
                evaluation.poll_close(actor=author, access=author_access, poll=poll)
