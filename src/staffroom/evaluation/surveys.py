"""Every write of surveys: deploying a published instrument version in waves,
inviting and reminding people, and saving what they answer.

How anonymity and pairing work is told in ``models.py`` (the surveys part). What
is kept when something goes wrong while a person answers:

- their personal link (``Invitation.token``) authenticates what they post, so a
  session that expired while they typed loses nothing;
- every post saves the draft first: "Save and finish later", a submission missing a
  required answer, and a submission after the wave closed all keep what was typed,
  and the page shows it back;
- a submission that arrives twice counts once (the second is told it was received).

Invitations go out when a wave opens (a task queued for that moment) and two
reminders to those who have not responded, at the wave's chosen days; an hourly
sweep does whatever a lost task left undone and invites people who joined since.
"""

import datetime as dt
import hashlib
import hmac
import secrets
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from staffroom.accounts.models import User
from staffroom.communities.models import Community, Hub, Membership
from staffroom.core.email import email_enqueue, email_is_suppressed, email_render
from staffroom.core.errors import DomainError
from staffroom.core.urls import absolute_url
from staffroom.evaluation.access import survey_manageable
from staffroom.evaluation.logic import LogicError, _logic_tokens
from staffroom.evaluation.models import (
    InstrumentVersion,
    Invitation,
    Item,
    Response,
    Survey,
    Wave,
)
from staffroom.meetings.models import Registration, Series

# A wave lasts at most a year: a later close is a typing slip.
LONGEST_WAVE = dt.timedelta(days=366)
PAIRING_MIN, PAIRING_MAX = 4, 40
# A task that wakes up this much early (clocks, queue latency) still acts.
TOLERANCE = dt.timedelta(minutes=5)


class SurveyError(DomainError):
    pass


# -- who is asked -------------------------------------------------------------------------


def survey_respondents(survey: Survey) -> QuerySet:
    """The people a survey asks: the active members of its community; of a series,
    those of them registered for one of its sessions; of a hub, the active members of
    any of its communities."""
    active = Membership.objects.filter(status=Membership.Status.ACTIVE)
    if survey.series_id:
        registered = Registration.objects.filter(
            session__series_id=survey.series_id, status=Registration.Status.REGISTERED
        ).values("user_id")
        members = active.filter(community_id=survey.community_id, user_id__in=registered)
    elif survey.community_id:
        members = active.filter(community_id=survey.community_id)
    else:
        members = active.filter(community__hub_id=survey.hub_id)
    return User.objects.filter(is_active=True, pk__in=members.values("user_id"))


# -- deploying ------------------------------------------------------------------------------


@dataclass
class WaveSpec:
    """What a facilitator sets for a wave."""

    kind: str
    opens_at: dt.datetime
    closes_at: dt.datetime
    label: str = ""
    first_reminder_days: int | None = None
    second_reminder_days: int | None = None
    reminders: list[int] = field(init=False)

    def __post_init__(self):
        self.reminders = [
            days for days in (self.first_reminder_days, self.second_reminder_days) if days
        ]


def _check_wave(spec: WaveSpec, prefix: str = "") -> None:
    if spec.kind not in Wave.Kind.values:
        raise SurveyError(_("Choose what kind of wave this is."), field=f"{prefix}kind")
    if spec.closes_at <= spec.opens_at:
        raise SurveyError(_("A wave must close after it opens."), field=f"{prefix}closes_at")
    if spec.closes_at - spec.opens_at > LONGEST_WAVE:
        raise SurveyError(_("Keep a wave open for at most a year."), field=f"{prefix}closes_at")
    if spec.kind == Wave.Kind.OTHER and not spec.label.strip():
        raise SurveyError(_("Name this wave."), field=f"{prefix}label")
    days = spec.reminders
    if len(days) == 2 and days[1] <= days[0]:
        raise SurveyError(
            _("The second reminder must come after the first."),
            field=f"{prefix}second_reminder_days",
        )
    if days and spec.opens_at + dt.timedelta(days=days[-1]) >= spec.closes_at:
        raise SurveyError(
            _("Reminders must go out before the wave closes."), field=f"{prefix}closes_at"
        )


def _require_manager(actor, survey: Survey) -> None:
    if not survey_manageable(actor, survey):
        raise SurveyError(_("Only the survey's facilitators and the hub's evaluators can do this."))


@transaction.atomic
def survey_create(
    *, actor, hub: Hub, community: Community | None, series: Series | None = None,
    version: InstrumentVersion, title: str, anonymous: bool, waves: list[WaveSpec],
) -> Survey:  # fmt: skip
    """Deploy ``version`` (published, of the hub) to the community, one of its series,
    or (no community) the whole hub, with at least one wave. Each wave's invitations
    are queued for its opening."""
    if community is not None and community.hub_id != hub.pk:
        raise SurveyError(_("That community belongs to another hub."))
    if series is not None and (community is None or series.community_id != community.pk):
        raise SurveyError(_("Choose a series of this community."), field="series")
    if version.status != InstrumentVersion.Status.PUBLISHED or version.instrument.hub_id != hub.pk:
        raise SurveyError(_("Choose a published instrument of this hub."), field="version")
    title = " ".join(title.split())
    if not title:
        raise SurveyError(_("Give the survey a title."), field="title")
    if not waves:
        raise SurveyError(_("Add at least one wave."))
    for number, spec in enumerate(waves):
        _check_wave(spec, prefix=f"wave{number}-")
    survey = Survey(
        hub=hub, community=community, series=series, version=version, title=title[:200],
        anonymous=anonymous, created_by=actor,
    )  # fmt: skip
    _require_manager(actor, survey)
    survey.save()
    for position, spec in enumerate(waves, start=1):
        wave = Wave(survey=survey, position=position)
        _apply(wave, spec)
        wave.save()
        _schedule(wave)
    return survey


def _apply(wave: Wave, spec: WaveSpec) -> None:
    wave.kind, wave.label = spec.kind, " ".join(spec.label.split())[:80]
    wave.opens_at, wave.closes_at = spec.opens_at, spec.closes_at
    wave.first_reminder_days, wave.second_reminder_days = [*spec.reminders, None, None][:2]


@transaction.atomic
def wave_update(*, actor, wave: Wave, spec: WaveSpec) -> Wave:
    """New dates, kind or reminders for a wave that has not opened yet (once people
    may have been invited, its dates are what they were told)."""
    wave = Wave.objects.select_for_update().select_related("survey").get(pk=wave.pk)
    _require_manager(actor, wave.survey)
    if wave.has_opened() or wave.closed_at:
        raise SurveyError(_("This wave has opened: its dates can no longer change."))
    _check_wave(spec)
    _apply(wave, spec)
    wave.save()
    _schedule(wave)
    return wave


@transaction.atomic
def wave_close(*, actor, wave: Wave) -> bool:
    """Close a wave now; returns False when it was not open (already closed, or not
    yet opened: edit its dates instead)."""
    wave = Wave.objects.select_for_update().select_related("survey").get(pk=wave.pk)
    _require_manager(actor, wave.survey)
    if not wave.is_open():
        return False
    wave.closed_at = timezone.now()
    wave.save(update_fields=["closed_at"])
    return True


def _schedule(wave: Wave) -> None:
    """Queue, on commit, the wave's invitations at its opening and each reminder at
    its day. A task finds out when it runs whether it is still wanted."""
    from staffroom.evaluation.tasks import wave_invite_task, wave_remind_task

    if email_is_suppressed():
        return
    moments = [(wave_invite_task, wave.opens_at, {})]
    for number, days in enumerate(_reminder_days(wave), start=1):
        when = wave.opens_at + dt.timedelta(days=days)
        moments.append((wave_remind_task, when, {"number": number}))
    for task, when, extra in moments:
        queued = task.using(run_after=when) if when > timezone.now() else task
        kwargs = {"wave_id": wave.pk, **extra}
        transaction.on_commit(lambda queued=queued, kwargs=kwargs: queued.enqueue(**kwargs))


def _reminder_days(wave: Wave) -> list[int]:
    return [days for days in (wave.first_reminder_days, wave.second_reminder_days) if days]


# -- invitations and reminders ----------------------------------------------------------------


def _wave_locked(wave_id: int) -> Wave | None:
    return (
        Wave.objects.select_for_update(of=("self",))
        .select_related("survey__community", "survey__hub")
        .filter(pk=wave_id)
        .first()
    )


@transaction.atomic
def wave_invite(*, wave_id: int) -> int:
    """Invite everyone the survey asks who has no invitation to this open wave yet
    (all of them when it opens; later, people who joined since). Returns how many."""
    wave = _wave_locked(wave_id)
    if wave is None or not wave.is_open(timezone.now() + TOLERANCE):
        return 0
    invited = Invitation.objects.filter(wave=wave).values("user_id")
    people = list(survey_respondents(wave.survey).exclude(pk__in=invited).order_by("pk"))
    now = timezone.now()
    made = Invitation.objects.bulk_create(
        [Invitation(wave=wave, user=person, sent_at=now) for person in people]
    )
    for invitation in made:
        _mail(invitation, "invitation")
    if wave.invited_at is None:
        wave.invited_at = now
        wave.save(update_fields=["invited_at"])
    return len(made)


@transaction.atomic
def wave_remind(*, wave_id: int, number: int) -> int:
    """Reminder ``number`` (1 or 2) to everyone invited who has not responded and has
    not had it, if the wave is open and the reminder's day has come. Returns how many."""
    wave = _wave_locked(wave_id)
    if wave is None or not wave.is_open():
        return 0
    days = _reminder_days(wave)
    if number > len(days):
        return 0
    due = wave.opens_at + dt.timedelta(days=days[number - 1])
    if due > timezone.now() + TOLERANCE:
        return 0
    # Someone invited after the reminder's day (they joined late) has just had the
    # invitation; someone who has left is no longer asked.
    pending = list(
        Invitation.objects.filter(
            wave=wave, responded=False, reminded_count__lt=number, sent_at__lt=due,
            user__in=survey_respondents(wave.survey),
        )
        .select_related("user")
        .order_by("pk")
    )  # fmt: skip
    for invitation in pending:
        invitation.wave = wave
        _mail(invitation, "reminder")
        invitation.reminded_count = number
    Invitation.objects.bulk_update(pending, ["reminded_count"])
    return len(pending)


def survey_sweep() -> int:
    """Invite and remind for every open wave whatever is due and was not done (a task
    was lost, or people joined after the wave opened). Returns how many emails."""
    now = timezone.now()
    sent = 0
    waves = Wave.objects.filter(opens_at__lte=now, closes_at__gt=now, closed_at__isnull=True)
    for wave in waves.only("pk", "opens_at", "first_reminder_days", "second_reminder_days"):
        sent += wave_invite(wave_id=wave.pk)
        for number in range(1, len(_reminder_days(wave)) + 1):
            sent += wave_remind(wave_id=wave.pk, number=number)
    return sent


def invitation_url(invitation: Invitation) -> str:
    return reverse("evaluation:survey_respond", args=[invitation.token])


def _mail(invitation: Invitation, kind: str) -> None:
    """The invitation or a reminder, in the person's language and time zone."""
    person = invitation.user
    context = {
        "person": person, "wave": invitation.wave, "survey": invitation.wave.survey,
        "url": absolute_url(invitation_url(invitation)), "kind": kind,
    }  # fmt: skip
    with timezone.override(ZoneInfo(person.time_zone)):
        message = email_render(
            "evaluation/surveys/email/survey", context,
            language=person.language or settings.LANGUAGE_CODE,
        )  # fmt: skip
    email_enqueue(to=[person.email], **message)


# -- "show if" ------------------------------------------------------------------------------


def show_if_met(show_if: str, answers: dict) -> bool:
    """Whether an item with REDCap branching logic ``show_if`` is shown, given the
    answers so far. Logic the evaluator cannot follow (REDCap's functions, other
    events) shows the item: asking one question too many is safer than hiding one."""
    if not show_if.strip():
        return True
    try:
        return bool(_Evaluator(_logic_tokens(show_if), answers).run())
    except (LogicError, _Unsupported, IndexError, ZeroDivisionError):
        return True


class _Unsupported(Exception):
    pass


def _number(value):
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return value
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


class _Evaluator:
    """REDCap's semantics, as far as a questionnaire needs them: a field is its value
    as text ('' when unanswered); ``[box(code)]`` is '1' when ticked, else '0';
    comparisons are numeric when both sides are numbers, else on the text, and ``<``
    and its kin are false against an empty value."""

    def __init__(self, tokens, answers: dict):
        self.tokens, self.position, self.answers = tokens, 0, answers

    def run(self):
        value = self.expression()
        if self.position != len(self.tokens):
            raise _Unsupported
        return value

    def peek(self):
        return self.tokens[self.position] if self.position < len(self.tokens) else (None, None)

    def at(self, *values) -> bool:
        kind, value = self.peek()
        return kind in ("op", "word") and value.lower() in values

    def take(self):
        token = self.tokens[self.position]
        self.position += 1
        return token

    def expression(self):
        value = self.conjunction()
        while self.at("or", "||"):
            self.take()
            right = self.conjunction()
            value = bool(value) or bool(right)
        return value

    def conjunction(self):
        value = self.comparison()
        while self.at("and", "&&"):
            self.take()
            right = self.comparison()
            value = bool(value) and bool(right)
        return value

    def comparison(self):
        left = self.arithmetic()
        if not self.at("=", "==", "<>", "!=", "<", "<=", ">", ">="):
            return left
        operator = self.take()[1]
        right = self.arithmetic()
        a, b = _number(left), _number(right)
        if operator in ("=", "=="):
            return a == b if a is not None and b is not None else str(left) == str(right)
        if operator in ("<>", "!="):
            return a != b if a is not None and b is not None else str(left) != str(right)
        if a is None or b is None:
            return False
        return {"<": a < b, "<=": a <= b, ">": a > b, ">=": a >= b}[operator]

    def arithmetic(self):
        value = self.operand()
        while self.at("+", "-", "*", "/"):
            operator = self.take()[1]
            right = self.operand()
            a, b = _number(value), _number(right)
            if a is None or b is None:
                return ""
            value = {"+": a + b, "-": a - b, "*": a * b, "/": a / b if b else 0}[operator]
        return value

    def operand(self):
        kind, value = self.take()
        if kind == "op" and value == "-":
            number = _number(self.operand())
            return -number if number is not None else ""
        if kind == "op" and value == "(":
            inner = self.expression()
            if not self.at(")"):
                raise _Unsupported
            self.take()
            return inner
        if kind == "number":
            return float(value)
        if kind == "string":
            return value[1:-1]
        if kind == "ref":
            return self.reference(value)
        raise _Unsupported

    def reference(self, text: str):
        name, _paren, code = text.partition("(")
        answer = self.answers.get(name.strip())
        if code:
            ticked = isinstance(answer, list) and code.rstrip(")").strip() in answer
            return "1" if ticked else "0"
        if answer is None or isinstance(answer, list):
            return ""
        return answer


def visible_items(items: list[Item], answers: dict) -> list[Item]:
    """The items shown given ``answers``: an item hidden by its condition counts as
    unanswered, so an item that depends on it is judged without its answer."""
    shown: list[Item] = []
    seen: dict = {}
    for item in items:
        if show_if_met(item.show_if, seen):
            shown.append(item)
            if item.name in answers:
                seen[item.name] = answers[item.name]
    return shown


# -- answering -------------------------------------------------------------------------------


def pairing_digest(survey: Survey, code: str) -> str:
    """What an anonymous response keeps of its pairing code: an HMAC keyed by the
    site's secret and the survey, of the code ignoring case, spaces and dashes. Equal
    codes in two waves give equal digests; the digest does not give the code back."""
    normal = "".join(code.split()).replace("-", "").casefold()
    key = f"{settings.SECRET_KEY}:survey-pairing:{survey.public_id}".encode()
    return hmac.new(key, normal.encode(), hashlib.sha256).hexdigest()


def pairing_needed(survey: Survey, waves: int) -> bool:
    return survey.anonymous and waves > 1


# No 0/O, 1/I/L: a code copied by hand onto paper must read back the same.
_SUGGESTION_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"


def pairing_suggestion() -> str:
    """A code for someone who has none, e.g. ``K7QM-4XPA``: random, made afresh for
    each page and stored nowhere, so it is as unlinked to the account as a code the
    person makes up (about 40 bits: no one else in the wave will draw it)."""
    code = "".join(secrets.choice(_SUGGESTION_ALPHABET) for _ in range(8))
    return f"{code[:4]}-{code[4:]}"


def _years_band(years: int | None) -> str:
    if years is None:
        return ""
    for limit, band in ((3, "0-3"), (10, "4-10"), (20, "11-20")):
        if years <= limit:
            return band
    return "21+"


class Outcome:
    SAVED, SUBMITTED, ALREADY, CLOSED, NOT_OPEN, REFUSED = (
        "saved", "submitted", "already", "closed", "not_open", "refused",
    )  # fmt: skip


@dataclass
class Saved:
    """What became of a post: ``status`` (an ``Outcome``) and, when the submission was
    refused, the problems by item name (``pairing_code`` for the code)."""

    status: str
    problems: dict[str, str] = field(default_factory=dict)


@transaction.atomic
def response_save(
    *, invitation: Invitation, answers: dict, submit: bool, pairing_code: str = "",
    items: list[Item],
) -> Saved:  # fmt: skip
    """Save the person's answers (``{variable: value}``, unanswered items left out)
    as their draft, then, when ``submit`` and the wave is open, check them (required
    items among those shown, the pairing code) and submit. Once submitted, later
    posts change nothing (``ALREADY``). ``items`` are the version's items in order."""
    invitation = (
        Invitation.objects.select_for_update(of=("self",))
        .select_related("wave__survey", "user__profile__school", "draft")
        .get(pk=invitation.pk)
    )
    wave, survey = invitation.wave, invitation.wave.survey
    now = timezone.now()
    if invitation.responded:
        return Saved(Outcome.ALREADY)
    if not wave.has_opened(now):
        return Saved(Outcome.NOT_OPEN)
    response = invitation.draft or Response(
        wave=wave, version_id=survey.version_id, started_at=now,
        user=None if survey.anonymous else invitation.user,
    )  # fmt: skip
    response.answers = answers
    response.saved_at = now
    response.language = translation.get_language() or ""
    response.save()
    if invitation.draft_id is None:
        invitation.draft = response
        invitation.save(update_fields=["draft"])
    if not wave.is_open(now):
        return Saved(Outcome.CLOSED)
    if not submit:
        return Saved(Outcome.SAVED)
    problems = required_problems(items, answers)
    code = ""
    if pairing_needed(survey, survey.waves.count()):
        code, problem = _pairing(survey, wave, pairing_code)
        if problem:
            problems["pairing_code"] = problem
    if problems:
        return Saved(Outcome.REFUSED, problems)
    draft, response = response, _submitted(response, anonymous=survey.anonymous, now=now)
    shown = {item.name for item in visible_items(items, answers)}
    response.answers = {name: value for name, value in answers.items() if name in shown}
    response.status = Response.Status.SUBMITTED
    response.pairing_code = code
    _snapshot(response, invitation.user)
    try:
        with transaction.atomic():
            response.save()
    except IntegrityError:
        # Someone else took the same code between our check and our save.
        return Saved(Outcome.REFUSED, {"pairing_code": _code_taken()})
    invitation.responded = True
    invitation.draft = None
    invitation.save(update_fields=["responded", "draft"])
    if draft.pk != response.pk:
        draft.delete()
    return Saved(Outcome.SUBMITTED)


def _submitted(draft: Response, *, anonymous: bool, now: dt.datetime) -> Response:
    """The row the submitted answers go in. An identified response is its draft. An
    anonymous one is a new row, so it shares no key with the draft its invitation
    pointed at (in a backup, say), and its times are only the day (UTC): an exact
    time would match the server's log line of the person's personal link."""
    if not anonymous:
        draft.submitted_at = now
        return draft
    day = now.replace(hour=0, minute=0, second=0, microsecond=0)
    return Response(
        wave=draft.wave, version_id=draft.version_id, language=draft.language,
        started_at=day, saved_at=day, submitted_at=day,
    )  # fmt: skip


def required_problems(items: list[Item], answers: dict) -> dict[str, str]:
    """Each required item among those ``answers`` shows, left unanswered: item name ->
    the message to show beside it."""
    return {
        item.name: _("Answer this question.")
        for item in visible_items(items, answers)
        if item.required and answers.get(item.name) in (None, "", [])
    }


def _code_taken() -> str:
    return _("This code is already taken in this wave. Choose another one.")


def _pairing(survey: Survey, wave: Wave, code: str) -> tuple[str, str]:
    """The digest of ``code`` and the problem with it (empty when none). A code used
    by another response of the wave is refused without saying whose it is."""
    # Counted as the digest reads it: "1-2-" is the two-character code "12".
    normal = "".join(code.split()).replace("-", "")
    if not PAIRING_MIN <= len(normal) <= PAIRING_MAX:
        return "", _("Choose a code of %(min)d to %(max)d characters.") % {
            "min": PAIRING_MIN, "max": PAIRING_MAX,
        }  # fmt: skip
    digest = pairing_digest(survey, normal)
    if Response.objects.filter(wave=wave, pairing_code=digest).exists():
        return "", _code_taken()
    return digest, ""


def _snapshot(response: Response, person: User) -> None:
    profile = getattr(person, "profile", None)
    if profile is None:
        return
    response.role = profile.role
    response.years = _years_band(profile.years_in_profession)
    response.locale = profile.school.locale if profile.school_id else ""
