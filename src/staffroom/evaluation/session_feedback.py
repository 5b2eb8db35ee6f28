"""The form after a session: the library's ``session_feedback`` instrument, asked of
those who attended, in each person's language. It replaced the sessions part's short
form (usefulness, what you will use, what to change), whose answers it took over
under the same names; ``library.py`` has the mapping.

The questions come from the library's data dictionary, not from a hub's instrument:
the English and Spanish files share variable names and codes, so everyone is asked in
their own language and the answers are analysed together. They are built as unsaved
``Item`` rows, so the questionnaire's form, its "show if" and its required check are
the surveys' own.

Who may answer: whoever has an attendance record for the session (any mode), once it
has ended. Half an hour after the end (meetings' follow-ups, registered in
``apps.py``) the form is emailed to the active members with an attendance record at
that moment who have not answered yet: people who registered but did not come have
nothing to rate.
"""

import math
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import transaction
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from staffroom.communities import permissions
from staffroom.communities.access import CommunityAccess
from staffroom.communities.models import Membership
from staffroom.core.email import email_enqueue, email_render
from staffroom.core.errors import DomainError
from staffroom.core.urls import absolute_url
from staffroom.evaluation import instruments
from staffroom.evaluation.access import may_read_feedback
from staffroom.evaluation.analysis import analyze
from staffroom.evaluation.library import DEFAULT_LANGUAGE, library_dictionary
from staffroom.evaluation.models import Item, SessionFeedback
from staffroom.evaluation.questions import Group
from staffroom.evaluation.redcap import Dictionary
from staffroom.evaluation.survey_exports import TEXT_KINDS, WAVE_COLUMN
from staffroom.evaluation.surveys import required_problems, visible_items
from staffroom.meetings.models import Attendance, Session

FORM_KEY = "session_feedback"
FORM_RECORD_ID = instruments.RECORD_ID
SCORE = "session_value"  # the form's scale: overall rating, usefulness, will apply
USEFULNESS = "usefulness"
# One code per answer, so each choice is counted (multiple choice is not on the form).
COUNTED_KINDS = instruments.MATRIX_KINDS
TEXT_LONGEST = 10_000  # as the questionnaire's long text field allows
_WAVE = "session"  # the one wave the analysis of a session's answers sees


class FeedbackError(DomainError):
    """A refused answer; ``problems`` maps an item's name to what is wrong with its
    answer (empty when the refusal is about the person or the session)."""

    def __init__(self, message: str, *, problems: dict[str, str] | None = None):
        super().__init__(message)
        self.problems = problems or {}


# -- the questions ------------------------------------------------------------------------


def feedback_dictionary() -> Dictionary:
    """The form's English data dictionary: the names and codes answers are kept and
    downloaded under, whatever language they were given in."""
    return library_dictionary(FORM_KEY, DEFAULT_LANGUAGE)


def feedback_items(language: str | None = None) -> list[Item]:
    """The form's questions in ``language`` (default: the active one), in order,
    without the record id. Section headers are on the first item of each section as
    ``section_title`` (empty elsewhere)."""
    dictionary = library_dictionary(FORM_KEY, language or get_language())
    items = []
    for position, field in enumerate(dictionary.fields):
        if field.name == FORM_RECORD_ID:
            continue
        spec = instruments.field_item_spec(field)
        item = Item(position=position)
        instruments.item_fill(item, spec, None)
        item.reverse = spec.reverse
        item.section_title = field.section_header.strip()
        items.append(item)
    return items


def feedback_groups(items: list[Item]) -> list[Group]:
    """The questions as the questionnaire page lays them out: a group for each section
    header (the items before the first one, if any, make an untitled group)."""
    groups: list[Group] = []
    for item in items:
        if item.section_title or not groups:
            groups.append(Group(item.section_title, "", []))
        groups[-1].items.append(item)
    return groups


# -- answering ------------------------------------------------------------------------------


def feedback_is_open(session: Session, now=None) -> bool:
    now = now or timezone.now()
    return session.status == Session.Status.SCHEDULED and session.ends_at <= now


def attended(session: Session, user) -> bool:
    return user.is_authenticated and Attendance.objects.filter(session=session, user=user).exists()


def _cleaned(items: list[Item], answers: dict) -> tuple[dict, dict[str, str]]:
    """The answers to the form's items (others left out, texts stripped, empty ones
    dropped) and the problems with them: a choice that is not one of the item's, a
    text longer than the questionnaire takes."""
    kept, problems = {}, {}
    for item in items:
        value = answers.get(item.name)
        if value is None:
            continue
        value = str(value).strip()
        if not value:
            continue
        if item.kind in COUNTED_KINDS and value not in {str(code) for code, _ in item.choices}:
            problems[item.name] = _("Choose one of the answers offered.")
        elif len(value) > TEXT_LONGEST:
            problems[item.name] = _("Keep this answer under %(count)d characters.") % {
                "count": TEXT_LONGEST
            }
        kept[item.name] = value
    return kept, problems


@transaction.atomic
def feedback_submit(
    *, actor, access: CommunityAccess, session: Session, answers: dict, language: str = ""
) -> SessionFeedback:
    """Record (or update) ``actor``'s answers (``{variable: value}``, choices as their
    codes) to the form in ``language`` (default: the active one). Refused without
    read access, for a cancelled session, before it ends and for someone without an
    attendance record; refused with ``problems`` when a required question shown is
    unanswered or a choice is not one offered. Answers to questions hidden by their
    condition are dropped."""
    if not access.has(permissions.READ):
        raise FeedbackError(_("You are not allowed to do that in this community."))
    # Locked: two quick submits of the same form must not both create an answer.
    session = Session.objects.select_for_update().get(pk=session.pk)
    if session.status == Session.Status.CANCELLED:
        raise FeedbackError(_("This session was cancelled."))
    now = timezone.now()
    if session.ends_at > now:
        raise FeedbackError(_("The feedback form opens when the session ends."))
    if not attended(session, actor):
        raise FeedbackError(_("Only people who attended this session can give feedback."))
    language = language or get_language() or DEFAULT_LANGUAGE
    items = feedback_items(language)
    answers, problems = _cleaned(items, answers)
    problems = {**required_problems(items, answers), **problems}
    if problems:
        raise FeedbackError(_("Some answers need your attention."), problems=problems)
    shown = {item.name for item in visible_items(items, answers)}
    feedback = SessionFeedback.objects.filter(session=session, user=actor).first()
    # The time is read here, not left to the field's default, so a clock the demo
    # sets for its invented history reaches it.
    feedback = feedback or SessionFeedback(session=session, user=actor, created_at=now)
    feedback.answers = {name: value for name, value in answers.items() if name in shown}
    feedback.language = language[:8]
    feedback.updated_at = now
    feedback.save()
    return feedback


# -- reads -----------------------------------------------------------------------------------


def feedback_get(session: Session, user) -> SessionFeedback | None:
    if not user.is_authenticated:
        return None
    return SessionFeedback.objects.filter(session=session, user=user).first()


def feedback_list(session: Session) -> QuerySet:
    return (
        SessionFeedback.objects.filter(session=session)
        .select_related("user")
        .order_by("-created_at", "-pk")
    )


@dataclass(frozen=True)
class TextAnswer:
    label: str
    text: str


@dataclass(frozen=True)
class AnswerRow:
    """One person's answers as the results page lists them."""

    feedback: SessionFeedback
    usefulness: str
    texts: list[TextAnswer]


def feedback_rows(answers: Iterable[SessionFeedback], items: list[Item]) -> list[AnswerRow]:
    """``answers`` (a page of ``feedback_list``) with their text answers, labelled
    with ``items``' questions."""
    texts = [item for item in items if item.kind in TEXT_KINDS]
    return [
        AnswerRow(
            feedback, str(feedback.answers.get(USEFULNESS, "")),
            [TextAnswer(item.label, feedback.answers[item.name])
             for item in texts if feedback.answers.get(item.name)],
        )
        for feedback in answers
    ]  # fmt: skip


@dataclass(frozen=True)
class ChoiceCount:
    code: str
    label: str
    count: int
    percent: int  # of those who answered the question


@dataclass(frozen=True)
class ChoiceSummary:
    """The answers to one choice question; ``mean`` for a rating (Likert) only."""

    name: str
    label: str
    answered: int
    choices: list[ChoiceCount]
    mean: float | None


@dataclass(frozen=True)
class FeedbackSummary:
    answers: int
    questions: list[ChoiceSummary]
    usefulness: float | None  # the mean usefulness, 1 to 5
    score: float | None  # the mean session_value score
    scored: int  # answers with a session_value score


def _mean(value: float) -> float | None:
    return None if math.isnan(value) else value  # NaN: nobody answered


def feedback_summary(session: Session, language: str | None = None) -> FeedbackSummary:
    """The session's answers counted, in one query: for each choice question, how
    many chose each answer (labels in ``language``) and, for a rating, the mean; the
    mean usefulness and the mean ``session_value`` score. Both come from the survey
    analysis (``analysis.analyze``), so a score needs 75% of its items answered: an
    answer carried over from the earlier form (usefulness alone) counts in its
    questions but has no score."""
    rows = list(SessionFeedback.objects.filter(session=session).values_list("pk", "answers"))
    items = [item for item in feedback_items(language) if item.kind in COUNTED_KINDS]
    if not rows:
        return FeedbackSummary(0, [], None, None, 0)
    # The analysis reads the answers as a responses file: one row per answer, in a
    # single wave, choices as their codes.
    dictionary = feedback_dictionary()
    names = [item.name for item in items]
    table = [[dictionary.record_id, WAVE_COLUMN, *names]]
    table += [
        [str(pk), _WAVE, *(str(answers.get(name, "")) for name in names)] for pk, answers in rows
    ]
    result = analyze(dictionary, table)
    questions = []
    for item in items:
        described = result.items[item.name].waves[_WAVE]
        choices = [
            ChoiceCount(
                str(code), label, described.counts[str(code)],
                round(described.counts[str(code)] * 100 / described.n) if described.n else 0,
            )
            for code, label in item.choices
        ]  # fmt: skip
        mean = _mean(described.mean) if item.kind == Item.Kind.LIKERT else None
        questions.append(ChoiceSummary(item.name, item.label, described.n, choices, mean))
    score = result.scales[SCORE].waves[_WAVE]
    usefulness = next(q.mean for q in questions if q.name == USEFULNESS)
    return FeedbackSummary(len(rows), questions, usefulness, _mean(score.mean), score.n)


# -- the email after the session -------------------------------------------------------


def feedback_request(session: Session) -> int:
    """Email the form to each active member with an attendance record who has not
    answered, in their language and time zone. A follow-up of meetings: it runs half
    an hour after the end, for a session still scheduled, inside the follow-ups'
    transaction. Returns how many were sent."""
    answered = SessionFeedback.objects.filter(session=session, user__isnull=False)
    # Someone who has left the community since would find the link refuses them.
    members = Membership.objects.filter(
        community_id=session.community_id, status=Membership.Status.ACTIVE
    )
    attendees = (
        Attendance.objects.filter(session=session, user__isnull=False, user__is_active=True)
        .filter(user_id__in=members.values("user_id"))
        .exclude(user_id__in=answered.values("user_id"))
        .select_related("user")
        .order_by("pk")
    )
    form_url = absolute_url(
        reverse("evaluation:feedback_form", args=[session.community.slug, session.public_id])
    )
    sent = 0
    for attendance in attendees:
        user = attendance.user
        with timezone.override(user.time_zone):
            message = email_render(
                "evaluation/feedback/email/request",
                {"user": user, "session": session, "form_url": form_url},
                language=user.language or None,
            )
        email_enqueue(to=[user.email], **message)
        sent += 1
    return sent


# -- the session page panel -------------------------------------------------------------


def feedback_panel(request, access: CommunityAccess, session: Session) -> dict | None:
    """After the session: the form for those who attended (their answer, if any, to
    update) and, for those who read the answers, how many answered and the mean
    usefulness."""
    if not feedback_is_open(session):
        return None
    may_read = may_read_feedback(access)
    was_there = attended(session, access.user)
    if not (was_there or may_read):
        return None
    return {
        "session": session, "community": access.community, "attended": was_there,
        "may_read": may_read,
        "mine": feedback_get(session, access.user) if was_there else None,
        "summary": feedback_summary(session) if may_read else None,
    }  # fmt: skip
