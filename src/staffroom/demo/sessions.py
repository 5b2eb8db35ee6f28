"""Load the demo hub's sessions (``content_sessions.py``) through the meetings services.

Each series is created by its facilitator; topics are planned, presenters volunteer
and are confirmed, members register, check in or are marked at roll call, report
joining by phone, watch the recording and reflect, and answer the feedback form,
through the same services a person would use, so the demo obeys the same rules. One
shortcut, for speed: members' registrations for sessions that already took place are
written as the rows the service would write (``write_past_registrations``).

The history is told *at the moment it describes*: ``_Clock`` sets
``django.utils.timezone.now`` to the invented moment while each service runs. That
way the services' own rules about time hold as written (registration closes when a
session starts, check-in is open only during it, the recording, reports by phone,
reflections and feedback come after it), and every timestamp they write (registered
on, checked in at, answered on) is the invented one instead of a backdated guess.
The patch is process-wide for the few seconds of the load, which runs in a command
before any server starts. Nothing is told that has not happened yet: a step whose
moment is after the real now is skipped. Nothing is emailed or queued
(``demo_load`` runs inside ``email_suppressed``).
"""

import datetime as dt
import random
import textwrap
from contextlib import contextmanager
from dataclasses import dataclass
from unittest import mock
from zoneinfo import ZoneInfo

from django.core.files.base import ContentFile
from django.utils import timezone

from staffroom.accounts.models import User
from staffroom.communities.access import CommunityAccess, community_access_for
from staffroom.communities.models import Community, Membership
from staffroom.demo import content_sessions as content
from staffroom.evaluation import session_feedback
from staffroom.meetings import attendance, presenters, registration, services
from staffroom.meetings.models import PresenterSlot, Registration, Series, Session
from staffroom.meetings.recurrence import Rule

MINUTE = dt.timedelta(minutes=1)
HOUR = dt.timedelta(hours=1)
DAY = dt.timedelta(days=1)
DIDACTIC = PresenterSlot.Kind.DIDACTIC
CASE = PresenterSlot.Kind.CASE
# How likely a member is to register for an upcoming session, by how far ahead it is.
UPCOMING_INTEREST = [0.8, 0.6, 0.45, 0.3, 0.2, 0.12, 0.08, 0.05, 0.03]
CORRECTION_REASON = "Left after the talk for a parent meeting; said so in the chat."


def sessions_load(*, users: dict[str, User], now: dt.datetime) -> None:
    """Create the demo's series with a term of past sessions and a few weeks to come.
    ``users`` are the demo's people by email; ``now`` is the moment the demo is loaded."""
    loader = _SessionsLoader(users, now)
    with loader.clock.running():
        for spec in content.SERIES:
            loader.load_series(spec)


class _Clock:
    """The demo's own "now": inside ``running()``, ``timezone.now()`` reads it, and
    ``at()`` moves it to an invented moment for the services called inside."""

    def __init__(self, real_now: dt.datetime):
        self.moment = real_now

    @contextmanager
    def running(self):
        # Patched on the module, where every caller looks it up when it calls it
        # (``timezone.now()``), the ``auto_now`` fields that stamp rows included.
        with mock.patch.object(timezone, "now", lambda: self.moment):
            yield

    @contextmanager
    def at(self, moment: dt.datetime):
        before, self.moment = self.moment, moment
        try:
            yield
        finally:
            self.moment = before


@dataclass
class _Run:
    """One series being told: its community, the people who run it and its members."""

    spec: dict
    community: Community
    series: Series
    runners: list[User]
    joined: dict[User, dt.datetime]  # active members, when they joined
    keenness: dict[int, float]  # how often each member registers
    regulars: dict[str, dict]

    def runner(self, index: int) -> User:
        return self.runners[index % len(self.runners)]


class _SessionsLoader:
    def __init__(self, users: dict[str, User], now: dt.datetime):
        self.users = users
        self.now = now
        self.clock = _Clock(now)
        # Its own seed, so the sessions never change the story of the rest of the hub.
        self.rng = random.Random("prairie-pine-sessions")
        self.feedback_rng = random.Random("prairie-pine-feedback")
        self.accesses: dict[tuple[int, int], CommunityAccess] = {}
        # Who is registered when, so nobody is in two sessions at the same hour.
        self.busy: dict[int, list[tuple[dt.datetime, dt.datetime]]] = {}

    # -- time --------------------------------------------------------------------------

    def past(self, moment: dt.datetime, *, after: dt.datetime | None = None):
        """``moment`` (no earlier than ``after``), or None when it is still to come."""
        if after is not None:
            moment = max(moment, after)
        return moment if moment < self.now else None

    def before_now(self, moment: dt.datetime, *, after: dt.datetime) -> dt.datetime:
        """For what has already happened to an upcoming session: ``moment``, no earlier
        than ``after`` (the session or the person did not exist before) nor later than now."""
        return min(max(moment, after), self.now)

    def hours(self, low: float, high: float) -> dt.timedelta:
        return dt.timedelta(hours=self.rng.uniform(low, high))

    # -- people ------------------------------------------------------------------------

    def access(self, user: User, community: Community) -> CommunityAccess:
        key = (user.pk, community.pk)
        if key not in self.accesses:
            self.accesses[key] = community_access_for(user, community)
        return self.accesses[key]

    def free(self, user: User, session: Session) -> bool:
        return not any(
            start < session.ends_at and session.starts_at < end
            for start, end in self.busy.get(user.pk, [])
        )

    def register(self, run: _Run, user: User, session: Session, moment: dt.datetime):
        with self.clock.at(moment):
            made = registration.registration_create(
                actor=user, access=self.access(user, run.community), session=session
            )
        self.busy.setdefault(user.pk, []).append((session.starts_at, session.ends_at))
        return made

    # -- a series ----------------------------------------------------------------------

    def load_series(self, spec: dict) -> None:
        community = Community.objects.get(slug=spec["community"])
        runners = [self.users[email] for email in spec["runs"]]
        lead = runners[0]
        zone = ZoneInfo(spec["time_zone"])
        today = self.now.astimezone(zone).date()
        start_time = dt.time.fromisoformat(spec["start_time"])
        first_date = Rule(
            rrule=spec["rrule"],
            time_zone=spec["time_zone"],
            start_time=start_time,
            duration_minutes=spec["duration"],
            first_date=today - dt.timedelta(weeks=spec["first_weeks_ago"]),
        ).first_occurrence()
        ahead = spec["last_weeks_ahead"]
        first_start = dt.datetime.combine(first_date, start_time, tzinfo=zone)
        # The facilitators set the term up a couple of weeks before it began.
        with self.clock.at(first_start - 12 * DAY):
            series = services.series_create(
                actor=lead,
                access=self.access(lead, community),
                title=spec["title"],
                description=spec["description"],
                time_zone=spec["time_zone"],
                start_time=start_time,
                duration_minutes=spec["duration"],
                rrule=spec["rrule"],
                first_date=first_date,
                last_date=today + dt.timedelta(weeks=ahead) if ahead else None,
                meeting_url=spec["meeting_url"],
                dial_in=spec["dial_in"],
                capacity=spec["capacity"],
                reminder_offsets=[1440, 60],
                allow_guests=spec["allow_guests"],
                credit_share=75,
                phone_counts=True,
                async_counts=spec["async_counts"],
                certificate_share=75,
            )
        # Since then, the daily task has rolled the horizon forward.
        services.series_generate(series)
        memberships = Membership.objects.filter(
            community=community, status=Membership.Status.ACTIVE
        ).select_related("user")
        joined = {m.user: m.joined_at for m in memberships.order_by("pk")}
        run = _Run(
            spec=spec,
            community=community,
            series=series,
            runners=runners,
            joined=joined,
            keenness={user.pk: self.rng.uniform(0.5, 0.92) for user in joined},
            regulars=spec["regulars"],
        )
        sessions = list(series.sessions.order_by("starts_at"))
        past = [session for session in sessions if session.starts_at < self.now]
        upcoming = [session for session in sessions if session.starts_at >= self.now]
        for index, (session, topic) in enumerate(zip(past, spec["past"], strict=False)):
            self.tell_past(run, index, session, topic)
        for index, session in enumerate(upcoming):
            topics = spec["upcoming"]
            self.plan_upcoming(run, index, session, topics[index] if index < len(topics) else {})

    # -- a session that took place -----------------------------------------------------

    def tell_past(self, run: _Run, index: int, session: Session, topic: dict) -> None:
        runner = run.runner(index)
        runner_access = self.access(runner, run.community)
        planned = self.past(session.starts_at - 16 * DAY, after=session.created_at + HOUR)
        if "cancelled" in topic:
            # Cancelled weeks ahead, before anyone registered: nobody is told anything.
            with self.clock.at(planned):
                services.session_cancel(
                    actor=runner, access=runner_access, session=session, reason=topic["cancelled"]
                )
            return
        presenter = self.users[topic["presenter"]]
        with self.clock.at(planned):
            session = services.session_update(
                actor=runner,
                access=runner_access,
                session=session,
                title=topic["topic"],
                description=topic["summary"],
                presenter=presenter,
            )
        case_email, case_note = topic["case"]
        case_presenter = self.users[case_email]
        self.offer(run, session, case_presenter, CASE, case_note, runner, confirmed=True)
        self.add_materials(run, session, topic, runner, at=session.starts_at - DAY)

        forced = {runner, presenter, case_presenter}
        registered = self.past_registrations(run, index, session, forced)
        guests = self.past_guests(session, topic.get("guests", []))
        records = self.past_attendance(run, index, session, registered, forced, guests)

        recorded = self.past(session.ends_at + self.hours(3, 20))
        if recorded:
            with self.clock.at(recorded):
                session = services.session_record(
                    actor=runner,
                    access=runner_access,
                    session=session,
                    recording_url=run.spec["recording"].format(date=session.occurrence_date),
                    notes=topic["notes"],
                )
            if run.series.async_counts:
                missed = [
                    user
                    for user, joined_at in run.joined.items()
                    if user not in records and joined_at < session.starts_at
                ]
                records.update(self.reflections(run, session, missed, after=recorded))
        if topic.get("file"):
            self.add_file(run, session, topic["file"], runner, at=session.ends_at + 4 * HOUR)
        self.past_feedback(run, session, topic, records, exclude={runner, presenter})

    def offer(self, run, session, user, kind, note, runner, *, confirmed, at=None) -> None:
        """``user`` offers to give the talk or bring a case (``kind``), by default
        about ten days before a past session, and if ``confirmed`` whoever runs the
        session confirms it a day or so later."""
        floor = max(session.created_at, run.joined[user]) + HOUR
        if floor >= session.starts_at:
            raise ValueError(f"{user.email} joins {run.community.slug} after “{session}”.")
        if at is None:
            at = self.past(session.starts_at - self.rng.uniform(9, 14) * DAY, after=floor)
        with self.clock.at(at):
            presenters.presenter_volunteer(
                actor=user,
                access=self.access(user, run.community),
                session=session,
                kind=kind,
                note=note,
            )
        if confirmed:
            answered = min(at + self.hours(6, 40), max(self.now, at), session.starts_at - HOUR)
            with self.clock.at(max(answered, at)):
                presenters.presenter_confirm(
                    actor=runner,
                    access=self.access(runner, run.community),
                    session=session,
                    member_public_id=user.public_id,
                    kind=kind,
                )

    def add_materials(self, run, session, topic, runner, *, at) -> None:
        moment = self.before_now(at, after=session.created_at + HOUR)
        for title, url in topic.get("materials", []):
            with self.clock.at(moment):
                services.material_add(
                    actor=runner,
                    access=self.access(runner, run.community),
                    session=session,
                    title=title,
                    url=url,
                )
            moment += 2 * MINUTE

    def add_file(self, run, session, card: dict, runner, *, at) -> None:
        moment = self.past(at)
        if moment is None:
            return
        with self.clock.at(moment):
            services.material_add(
                actor=runner,
                access=self.access(runner, run.community),
                session=session,
                title=f"{card['title']} (one page to print)",
                file=ContentFile(text_pdf(card["title"], card["lines"]), name="card.pdf"),
            )

    def past_registrations(self, run, index, session, forced) -> list[User]:
        """Members who had joined by then register over the ten days before; the
        regulars as their plan says; whoever runs or presents, always."""
        registered = []
        for user, joined_at in run.joined.items():
            if joined_at > session.starts_at - 2 * DAY:
                continue
            if user not in forced and not self.free(user, session):
                continue
            plan = run.regulars.get(user.email)
            if plan is not None:
                wants = plan["attends"] == "all" or index in plan["attends"]
            else:
                wants = user in forced or self.rng.random() < run.keenness[user.pk]
            if not wants:
                continue
            floor = max(joined_at, session.created_at) + HOUR
            moment = session.starts_at - self.rng.uniform(0.02, 10) * DAY
            registered.append((user, max(moment, floor)))
        self.write_past_registrations(session, registered)
        return [user for user, _at in registered]

    def write_past_registrations(self, session, registered) -> None:
        """Members' registrations for a session that has taken place, written as the
        rows ``registration_create`` would write for a session without a capacity
        (registered, at the moment they registered): two queries for the session
        instead of seven for each person, which keeps the first ``staffroom demo``
        quick. Sessions to come, where capacity and the waitlist matter, register
        through the service."""
        if registration.session_capacity(session) is not None:
            raise ValueError(f"“{session}” has a capacity: register through the service.")
        rows = [Registration(session=session, user=user) for user, _at in registered]
        Registration.objects.bulk_create(rows)
        for row, (user, at) in zip(rows, registered, strict=True):
            row.created_at = row.updated_at = at
            self.busy.setdefault(user.pk, []).append((session.starts_at, session.ends_at))
        Registration.objects.bulk_update(rows, ["created_at", "updated_at"])

    def past_guests(self, session, guests) -> list:
        made = []
        for name, email in guests:
            with self.clock.at(session.starts_at - self.hours(20, 120)):
                made.append(registration.guest_register(session=session, name=name, email=email))
        return made

    def past_attendance(self, run, index, session, registered, forced, guests) -> dict:
        """Who came and how: a share of those registered (and now and then someone who
        had not registered), some checking in themselves, the rest marked at roll call
        with the minutes they stayed, the odd one by phone. Returns when each person's
        record came to be."""
        sure, maybe = [], []
        for user in registered:
            plan = run.regulars.get(user.email)
            if user in forced or (plan is not None and index not in plan["misses"]):
                sure.append(user)
            elif plan is None:
                maybe.append(user)
        turnout = round(self.rng.uniform(0.65, 0.88) * len(registered)) - len(sure)
        came = sure + self.rng.sample(maybe, min(max(turnout, 0), len(maybe)))
        walk_ins = [
            user
            for user, joined_at in run.joined.items()
            if user not in registered
            and user.email not in run.regulars
            and joined_at < session.starts_at - 2 * DAY
            and self.free(user, session)
        ]
        if walk_ins and self.rng.random() < 0.3:
            came.append(self.rng.choice(walk_ins))

        records: dict[User, dt.datetime] = {}
        length = session.duration_minutes
        check_ins, marks, phones = [], [], []
        for user in came:
            plan = run.regulars.get(user.email) or {}
            if index in plan.get("phone", []) or (
                user not in forced and not plan and self.rng.random() < 0.06
            ):
                phones.append(user)
            elif self.rng.random() < 0.3:
                check_ins.append(user)
            else:
                marks.append(attendance.Mark(user, True, self.minutes(user, forced, plan, length)))
        for user in check_ins:
            moment = self.past(session.starts_at + dt.timedelta(minutes=self.rng.uniform(-12, 9)))
            if moment:
                with self.clock.at(moment):
                    attendance.attendance_check_in(
                        actor=user, access=self.access(user, run.community), session=session
                    )
                records[user] = moment
        for guest in guests:
            moment = self.past(session.starts_at + dt.timedelta(minutes=self.rng.uniform(-5, 5)))
            if moment:
                with self.clock.at(moment):
                    attendance.check_in_guest(guest)
        runner = run.runner(index)
        runner_access = self.access(runner, run.community)
        roll_call = self.past(session.ends_at + self.hours(0.1, 1.5))
        if roll_call and marks:
            with self.clock.at(roll_call):
                attendance.attendance_roll_call(
                    actor=runner, access=runner_access, session=session, marks=marks
                )
            records.update({mark.user: roll_call for mark in marks})
        left_early = [
            user
            for user in check_ins
            if user not in forced and user.email not in run.regulars and user in records
        ]
        correction = self.past(session.ends_at + self.hours(2, 6))
        if index == 2 and left_early and correction:
            # Someone checked in, then left after the talk: the facilitator corrects it.
            with self.clock.at(correction):
                attendance.attendance_roll_call(
                    actor=runner,
                    access=runner_access,
                    session=session,
                    marks=[attendance.Mark(left_early[0], True, 25)],
                    reason=CORRECTION_REASON,
                )
        for user in phones:
            reported = self.past(session.ends_at + self.hours(2, 30))
            if reported is None:
                continue
            with self.clock.at(reported):
                attendance.attendance_report_phone(
                    actor=user, access=self.access(user, run.community), session=session
                )
            records[user] = reported
            confirmed = self.past(reported + self.hours(12, 48))
            if confirmed:
                with self.clock.at(confirmed):
                    attendance.attendance_confirm(
                        actor=runner, access=runner_access, session=session, user=user
                    )
        return records

    def minutes(self, user, forced, plan, length: int) -> int:
        """Most stay to the end; some come late or leave early."""
        draw = self.rng.random()
        if user in forced or plan or draw < 0.72:
            return length
        if draw < 0.92:
            return self.rng.randint(length * 3 // 4, length - 1)
        return self.rng.randint(length // 3, length * 3 // 4 - 1)

    def reflections(self, run, session, missed, *, after) -> dict:
        """Where the series counts it, one or two of those who missed the session (at
        work, or in another session at that hour) watch the recording and post a
        reflection within the two weeks."""
        written = {}
        pool = run.spec["reflections"]
        for user in self.rng.sample(missed, min(len(missed), 2)):
            moment = self.past(after + self.hours(20, 24 * 9))
            if moment is None or (written and self.rng.random() < 0.5):
                continue
            with self.clock.at(moment):
                attendance.attendance_reflect(
                    actor=user,
                    access=self.access(user, run.community),
                    session=session,
                    reflection=self.rng.choice(pool),
                )
            written[user] = moment
        return written

    def past_feedback(self, run, session, topic, records, *, exclude) -> None:
        """About half of those who came answer the form within two days: a rating and
        how useful it was, mostly what they will use from the talk, now and then what
        was most useful or something to change."""
        pool = run.spec["feedback"]
        points = _key_points(topic["notes"])
        will_use = self.rng.sample(points, len(points)) + self.rng.sample(
            pool["will_use"], len(pool["will_use"])
        )
        for user, recorded_at in records.items():
            if user in exclude or self.rng.random() > 0.55:
                continue
            moment = self.past(session.ends_at + self.hours(0.5, 50), after=recorded_at + MINUTE)
            if moment is None:
                continue
            rating = self.rng.choices([5, 4, 3, 2], weights=[45, 38, 13, 4])[0]
            change = self.rng.choice(pool["change"]) if self.rng.random() < 0.3 else ""
            use = self.will_use(will_use) if self.rng.random() < 0.85 else ""
            answers = {"usefulness": rating, "will_use": use, "change": change}
            answers.update(self.more_answers(pool, rating, use, change))
            with self.clock.at(moment):
                session_feedback.feedback_submit(
                    actor=user,
                    access=self.access(user, run.community),
                    session=session,
                    answers=answers,
                    language=user.language,
                )

    def more_answers(self, pool: dict, rating: int, will_use: str, change: str) -> dict:
        """The questions the form gained when it moved to the evaluation part, answered
        in keeping with the rest: an overall rating near the usefulness, the intention
        to use something higher for those who named what, the pace mostly about right.
        From a generator of their own, so the rest of the story stays as it was."""
        rng = self.feedback_rng
        overall = min(5, max(1, rating + rng.choices([-1, 0, 1], weights=[15, 65, 20])[0]))
        apply = rng.choice([4, 5, 5] if rating >= 4 else [3, 4]) if will_use else rng.choice([2, 3])
        answers = {
            "overall": overall,
            "will_apply": apply,
            "pace": rng.choices([1, 2, 3], weights=[6, 80, 14])[0],
        }
        if overall <= 2 and change:
            answers["overall_why"] = change
        if rng.random() < 0.4:
            answers["most_useful"] = rng.choice(pool["most_useful"])
        return answers

    def will_use(self, answers: list[str]) -> str:
        """The next answer (a key point of the talk, then the series' general ones),
        as people write it: sometimes with a few words of their own before it."""
        if not answers:
            return ""
        answer = answers.pop(0)
        lead = self.rng.choice(["", "", "", "Trying this next week: ", "For my room: "])
        if lead and not answer[1:2].isupper() and not answer.startswith("I "):
            answer = answer[0].lower() + answer[1:]
        return lead + answer

    # -- a session to come -------------------------------------------------------------

    def plan_upcoming(self, run: _Run, index: int, session: Session, topic: dict) -> None:
        runner = run.runner(index)
        runner_access = self.access(runner, run.community)
        created = session.created_at + HOUR
        if topic:
            changes = {"title": topic["topic"], "description": topic["summary"]}
            changes.update({k: topic[k] for k in ("capacity", "case_slots") if k in topic})
            planned = self.before_now(self.now - self.rng.uniform(14, 21) * DAY, after=created)
            with self.clock.at(planned):
                session = services.session_update(
                    actor=runner, access=runner_access, session=session, **changes
                )
        self.add_materials(run, session, topic, runner, at=self.now - self.rng.uniform(1, 4) * DAY)
        forced = [runner]
        for key in ("presenter", "case"):
            if key not in topic:
                continue
            email, status, *note = topic[key]
            user = self.users[email]
            floor = max(created, run.joined[user] + HOUR)
            offered = self.before_now(self.now - self.rng.uniform(7, 13) * DAY, after=floor)
            kind = CASE if key == "case" else DIDACTIC
            note = note[0] if note else topic["topic"]
            self.offer(run, session, user, kind, note, runner,
                       confirmed=status == "confirmed", at=offered)  # fmt: skip
            if status == "confirmed":
                forced.append(user)
        forced += [
            self.users[email]
            for email, plan in run.regulars.items()
            if index in plan.get("upcoming", [])
        ]
        self.upcoming_registrations(run, index, session, topic, forced)
        for name, email in topic.get("guests", []):
            with self.clock.at(self.before_now(self.now - self.hours(10, 90), after=created)):
                registration.guest_register(session=session, name=name, email=email)

    def upcoming_registrations(self, run, index, session, topic, forced) -> None:
        """Those who present or run it, and a share of the members that shrinks the
        further ahead the session is. A session with room for only a few fills up;
        the people in ``waitlist`` then wait, and ``cancels`` gives up a place."""
        waitlist = [self.users[email] for email in topic.get("waitlist", [])]
        cancels = self.users.get(topic.get("cancels", ""))
        interest = UPCOMING_INTEREST[min(index, len(UPCOMING_INTEREST) - 1)]
        candidates = [
            user for user in run.joined if user not in waitlist and self.free(user, session)
        ]
        self.rng.shuffle(candidates)
        wanted = [user for user in forced if user in run.joined]
        if cancels:
            wanted.append(cancels)
        for user in candidates:
            if user in wanted:
                continue
            if topic.get("capacity"):
                if len(wanted) < topic["capacity"]:
                    wanted.append(user)
            elif self.rng.random() < interest * run.keenness[user.pk]:
                wanted.append(user)
        moment = self.now - self.rng.uniform(8, 12) * DAY
        for user in [*wanted, *waitlist]:
            if user not in forced and not self.free(user, session):
                continue
            moment += self.hours(1, 8)
            floor = max(session.created_at, run.joined[user]) + HOUR
            self.register(run, user, session, self.before_now(moment, after=floor))
        if cancels:
            mine = session.registrations.get(user=cancels)
            at = self.before_now(moment + self.hours(4, 20), after=mine.created_at + HOUR)
            with self.clock.at(at):
                registration.registration_cancel(actor=cancels, registration=mine)


def _key_points(notes: str) -> list[str]:
    """The bullets under "### Key points" in a session's notes."""
    points, inside = [], False
    for line in notes.splitlines():
        if line.startswith("#"):
            inside = line == "### Key points"
        elif inside and line.startswith("- "):
            points.append(line.removeprefix("- "))
    return points


def text_pdf(title: str, lines: list[str]) -> bytes:
    """A one-page PDF of ``title`` and ``lines`` in Helvetica, small enough to write by
    hand instead of adding a PDF library for the demo."""

    def text(value: str) -> str:
        return value.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    body = ["BT", "/F2 18 Tf", "72 720 Td", f"({text(title)}) Tj", "/F1 11 Tf", "16 TL", "T* T*"]
    for line in lines:
        body += [f"({text(part)}) Tj T*" for part in textwrap.wrap(line, 90) or [""]]
    body.append("ET")
    stream = "\n".join(body).encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 6 0 R "
        b"/Resources << /Font << /F1 4 0 R /F2 5 0 R >> >> >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
    ]
    pdf = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, obj in enumerate(objects, start=1):
        offsets.append(len(pdf))
        pdf += b"%d 0 obj\n%s\nendobj\n" % (number, obj)
    xref = len(pdf)
    pdf += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    pdf += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    pdf += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(pdf)
