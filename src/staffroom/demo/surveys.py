"""The demo hub's pre/post survey: the library's community-of-practice scale, asked of
the Trauma-Informed Classrooms ECHO before the series (closed months ago) and after
it (open now, most members have answered; the demo teacher has not yet, so "My
surveys" has something waiting).

Everything goes through the survey services, with the waves open at load time; then
their dates and the responses' times are moved into the past, as the loader does for
the rest of the hub. The answers come from a seeded generator in which agreement
rises a little between the waves, so the analysis has a change to find."""

import random
from datetime import datetime, timedelta

from django.db.models import F

from staffroom.accounts.models import User
from staffroom.communities.models import Community
from staffroom.evaluation import surveys
from staffroom.evaluation.models import Instrument, Invitation, Item, Response, Survey, Wave

COMMUNITY = "trauma-informed-classrooms"
FACILITATOR = "facilitator@example.org"
WAITING = "teacher@example.org"  # has answered the pre wave, not yet the post wave
INSTRUMENT_SOURCE = "library:community_of_practice"
# Days before "now": the pre wave ran before the series began; the post wave opened
# near its end and is still open.
PRE_OPENED, PRE_DAYS = 150, 21
POST_OPENED, POST_DAYS = 12, 21
POST_SKIPS = 5  # members who have not answered the post wave yet, the teacher among them


def surveys_load(*, users: dict[str, User], now: datetime) -> None:
    """Deploy the survey, collect the answers, then move both waves into the past."""
    community = Community.objects.get(slug=COMMUNITY)
    version = (
        Instrument.objects.get(hub=community.hub, source=INSTRUMENT_SOURCE)
        .versions.filter(status="published")
        .get()
    )
    open_now = now - timedelta(minutes=1)
    spec = {"opens_at": open_now, "closes_at": now + timedelta(days=POST_DAYS)}
    survey = surveys.survey_create(
        actor=users[FACILITATOR], hub=community.hub, community=community, version=version,
        title="Community of practice: before and after the ECHO series", anonymous=False,
        waves=[
            surveys.WaveSpec(kind="pre", **spec),
            surveys.WaveSpec(kind="post", first_reminder_days=3, second_reminder_days=7, **spec),
        ],
    )  # fmt: skip
    pre, post = survey.waves.order_by("position")
    items = list(version.items.select_related("section").order_by("section__position", "position"))
    rng = random.Random(COMMUNITY)
    for wave, lift in ((pre, 0.0), (post, 0.45)):
        surveys.wave_invite(wave_id=wave.pk)
        invitations = list(
            Invitation.objects.filter(wave=wave).select_related("user").order_by("user__email")
        )
        skipped = set()
        if wave == post:
            others = [i for i in invitations if i.user.email != WAITING]
            skipped = {WAITING, *(i.user.email for i in rng.sample(others, POST_SKIPS - 1))}
        for invitation in invitations:
            if invitation.user.email in skipped:
                continue
            answers = _answers(items, rng, lift + _leaning(invitation.user))
            saved = surveys.response_save(
                invitation=invitation, answers=answers, submit=True, items=items
            )
            assert saved.status == surveys.Outcome.SUBMITTED, saved.problems
    _backdate(pre, PRE_OPENED, PRE_DAYS, now, rng)
    _backdate(post, POST_OPENED, POST_DAYS, now, rng)
    survey_started = now - timedelta(days=PRE_OPENED + 3)
    Survey.objects.filter(pk=survey.pk).update(created_at=survey_started)


def _leaning(person: User) -> float:
    """A steady difference between people, the same in both waves (so pairs correlate)."""
    return (sum(map(ord, person.email)) % 7 - 3) / 6


def _answers(items: list[Item], rng: random.Random, shift: float) -> dict:
    answers = {}
    for item in items:
        if item.kind != Item.Kind.LIKERT:
            continue
        codes = [code for code, _label in item.choices]
        middle = (len(codes) - 1) / 2 + 0.4
        lean = -shift if item.reverse else shift
        index = round(rng.gauss(middle + lean, 0.8))
        answers[item.name] = codes[min(max(index, 0), len(codes) - 1)]
    return answers


def _backdate(wave: Wave, ago: int, days: int, now: datetime, rng: random.Random) -> None:
    """Move the wave to open ``ago`` days before ``now`` for ``days`` days, and its
    responses to days within it."""
    opened = now - timedelta(days=ago)
    shift = opened - wave.opens_at
    Wave.objects.filter(pk=wave.pk).update(
        opens_at=opened, closes_at=opened + timedelta(days=days),
        created_at=F("created_at") + shift, invited_at=opened,
    )  # fmt: skip
    Invitation.objects.filter(wave=wave).update(sent_at=opened)
    # Reminders whose days have passed went out back then, not when the demo starts.
    due = [d for d in (wave.first_reminder_days, wave.second_reminder_days) if d and d <= ago]
    Invitation.objects.filter(wave=wave, responded=False).update(reminded_count=len(due))
    for response in Response.objects.filter(wave=wave):
        taken = opened + timedelta(days=rng.uniform(0.2, min(days, ago) - 0.5))
        response.started_at = response.saved_at = response.submitted_at = taken
        response.save(update_fields=["started_at", "saved_at", "submitted_at"])
