"""Load the demo hub's cases and polls (``content_cases.py``) through the cases and
evaluation services.

A presenter drafts a case, attaches a work sample, marks a flagged phrase "not
identifying" with a reason, and submits; a facilitator of the community accepts it
(which puts it in the search index) or returns it with a note. An accepted case may
go on: the facilitator schedules it into the session where the sessions' story gave
its presenter a case slot; members who came record questions and recommendations
during it; the facilitator marks it presented at the end and sends the summary a day
or two later; the presenter edits it, thanks contributors and, once the follow-up is
due, says what they tried and how it went. Facilitators ask
polls, members vote, and some polls are closed. Like the sessions, each step is told
at its invented moment with the sessions' ``_Clock``; only the time a vote was cast,
which its model stamps with a default the clock cannot reach, is moved afterwards.
Run after ``sessions_load``: a poll may be tied to an upcoming session.
"""

import datetime as dt
import random

from django.core.files.base import ContentFile

from staffroom.accounts.models import User
from staffroom.cases import followup, recommendations, scheduling, versions
from staffroom.cases import services as cases
from staffroom.cases.guard import case_guard
from staffroom.cases.models import Case, Contribution
from staffroom.communities.access import CommunityAccess, community_access_for
from staffroom.communities.models import Community, Membership
from staffroom.demo import content, content_cases
from staffroom.demo.sessions import _Clock
from staffroom.evaluation import services as evaluation
from staffroom.evaluation.models import PollVoter
from staffroom.meetings.models import Attendance, PresenterSlot, Session

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
                return
            cases.case_accept(actor=lead, access=lead_access, case=case)
        if spec["state"] != "accepted":
            self.tell_session(spec, case, lead, decided)

    # -- in and after the session ------------------------------------------------------

    def tell_session(self, spec: dict, case: Case, lead: User, decided: dt.datetime) -> None:
        """Schedule the case into its session; once the session is over, the group's
        questions and recommendations, the presenter's edit, the summary, the thanks and
        the follow-up, as far as ``spec["state"]`` goes."""
        community, presenter = case.community, case.presenter
        access, lead_access = self.access(presenter, community), self.access(lead, community)
        session = self.case_session(case, decided, upcoming=spec["state"] == "scheduled")
        scheduled = max(
            min(decided + self.rng.uniform(1, 3) * DAY, session.starts_at - 2 * DAY),
            decided + HOUR,
        )
        with self.clock.at(self.moment(scheduled)):
            case = scheduling.case_schedule(
                actor=lead, access=lead_access, case=case, session=session.public_id
            )
        if spec["state"] == "scheduled":
            return
        contributions = self.contribute(spec["contributions"], case, session)
        with self.clock.at(session.ends_at):
            case = scheduling.case_present(actor=lead, access=lead_access, case=case)
        if "revise" in spec:
            with self.clock.at(self.moment(session.ends_at + self.rng.uniform(2, 6) * HOUR)):
                case = versions.case_revise(
                    actor=presenter, access=access, case=case, **spec["revise"]
                )
        if spec["state"] == "presented":
            return
        # The morning after the session, or the one after that.
        sent = session.ends_at + self.rng.choice([1, 2]) * DAY - self.rng.uniform(3, 7) * HOUR
        sent = self.moment(sent)
        with self.clock.at(sent):
            case = recommendations.summary_save(
                actor=lead,
                access=lead_access,
                case=case,
                summary=spec["summary"],
                send=True,
                followup_weeks=spec.get("followup_weeks", recommendations.FOLLOWUP_WEEKS),
            )
        for index in spec.get("thank", []):
            with self.clock.at(self.moment(sent + self.rng.uniform(3, 9) * HOUR)):
                recommendations.contribution_thank(
                    actor=presenter, access=access, case=case, contribution=contributions[index]
                )
        if spec["state"] == "summarized":
            return
        due = case.followup_due_at
        if due >= self.now:
            raise ValueError(f"The follow-up of “{case}” is not due yet: start it earlier.")
        with self.clock.at(due):
            followup.followup_remind(case_id=case.pk, due=due.isoformat())
        answer = spec["followup"]
        answered = due + self.rng.randint(1, 5) * DAY + self.rng.uniform(0, 8) * HOUR
        with self.clock.at(self.moment(answered)):
            followup.followup_record(
                actor=presenter,
                access=access,
                case=case,
                tried=answer["tried"],
                happened=answer["happened"],
                rating=answer["rating"],
            )

    def case_session(self, case: Case, decided: dt.datetime, *, upcoming: bool) -> Session:
        """The session the sessions' story gave the case's presenter a case slot at: the
        first upcoming one, or the first one held after the case was accepted."""
        sessions = Session.objects.filter(
            community=case.community,
            status=Session.Status.SCHEDULED,
            presenter_slots__user=case.presenter,
            presenter_slots__kind=PresenterSlot.Kind.CASE,
            presenter_slots__status=PresenterSlot.Status.CONFIRMED,
        )
        if upcoming:
            sessions = sessions.filter(starts_at__gt=self.now)
        else:
            sessions = sessions.filter(starts_at__gt=decided + DAY, ends_at__lt=self.now)
        session = sessions.order_by("starts_at").first()
        if session is None:
            raise ValueError(f"No session for “{case}”: its presenter holds no case slot then.")
        return session

    def contribute(self, specs: list[tuple], case: Case, session: Session) -> list[Contribution]:
        """The group's questions, then its recommendations, during the case discussion,
        each from a different member who was there live or by phone (while there are
        enough)."""
        people = [
            row.user
            for row in Attendance.objects.filter(session=session, user__isnull=False)
            .exclude(user=case.presenter)
            .exclude(mode=Attendance.Mode.ASYNC)
            .select_related("user")
            .order_by("pk")
        ]
        self.rng.shuffle(people)
        step = dt.timedelta(minutes=30) / len(specs)
        made = []
        for i, (kind, text, *link) in enumerate(specs):
            author = people[i % len(people)]
            with self.clock.at(session.starts_at + dt.timedelta(minutes=22) + step * i):
                made.append(
                    recommendations.contribution_add(
                        actor=author,
                        access=self.access(author, case.community),
                        case=case,
                        kind=kind,
                        text=text,
                        link=link[0] if link else "",
                    )
                )
        return made

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
