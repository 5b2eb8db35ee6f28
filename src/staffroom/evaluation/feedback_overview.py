"""Session feedback across a community's sessions: the overview its facilitators and
the hub's evaluators read (attendance, answers, response rate, mean usefulness and
``session_value`` score of each past session), and the two downloads that
``staffroom analyze`` reads.

The page and the downloads share one table (``feedback_table``), and the page's
numbers come from the engine behind ``staffroom analyze`` (``analysis.analyze``) run on
its rows, so ``staffroom analyze dictionary.csv answers.csv`` prints the same means.
Its layout:

- ``record_id``: a pseudonym for the person, the same in every session of the
  community and different in every other community (a keyed digest of their public
  id: never the id, never the name), so a person's answers pair across sessions
  without naming them. An answer whose account was deleted gets an id of its own;
- ``wave``: the session's start in its own time zone (``2026-03-03T16:00``), so each
  session is a wave and the waves come in the order they took place; two sessions
  starting at the same minute get ``_2``, ``_3``... after the second one's;
- ``session_title``, then every question of the form in dictionary order: choice
  codes as they are, text with a ``'`` in front when a spreadsheet would run it as a
  formula (``survey_exports.cell_safe``).

Both files are in English whatever the viewer's language: the Spanish form shares its
variable names and codes, so answers given in either language sit in one column.
"""

import hashlib
import hmac
import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import Count, IntegerField, OuterRef, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from staffroom.communities.models import Community
from staffroom.evaluation import redcap
from staffroom.evaluation.analysis import Analysis, ResponsesError, analyze
from staffroom.evaluation.instruments import dictionary_export
from staffroom.evaluation.models import SessionFeedback
from staffroom.evaluation.session_feedback import SCORE, USEFULNESS, feedback_dictionary
from staffroom.evaluation.survey_exports import (
    RESPONDENT_ID_LENGTH,
    WAVE_COLUMN,
    cell_safe,
    responses_csv,
)
from staffroom.meetings.models import Attendance, Series, Session

PER_PAGE = 20
TITLE_COLUMN = "session_title"
ANSWERS_FILE = "answers.csv"
DICTIONARY_FILE = "dictionary.csv"


def dictionary_csv() -> bytes:
    """The form's data dictionary as REDCap's CSV, safe to open in a spreadsheet."""
    return dictionary_export(feedback_dictionary())


def _count_of(rows: QuerySet) -> Coalesce:
    """The number of ``rows`` (filtered on ``OuterRef``) for each session, as one
    subquery: two joined counts would multiply each other's rows."""
    counted = rows.order_by().values("session_id").annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def past_session_list(community: Community, series: Series | None = None) -> QuerySet[Session]:
    """The community's sessions that have ended and were not cancelled (those the form
    was asked about), newest first, with ``answer_count``, ``attended`` (whom the form
    is for: people with an attendance record, and the former members who answered,
    whose record went with their account; guests without an account are not asked)
    and ``responded`` (the answers of those ``attended`` counts)."""
    sessions = Session.objects.filter(
        community=community, status=Session.Status.SCHEDULED, ends_at__lte=timezone.now()
    )
    if series is not None:
        sessions = sessions.filter(series=series)
    answers = SessionFeedback.objects.filter(session=OuterRef("pk"))
    former = _count_of(answers.filter(user__isnull=True))
    return sessions.order_by("-starts_at", "-pk").annotate(
        answer_count=_count_of(answers),
        attended=former
        + _count_of(Attendance.objects.filter(session=OuterRef("pk"), user__isnull=False)),
        responded=former + _count_of(answers.filter(user__attendance__session=OuterRef("pk"))),
    )


def record_id(community: Community, user_public_id: str | None, answer_pk: int) -> str:
    """The person's pseudonym in this community's downloads (see the module's notes)."""
    if user_public_id:
        key = f"{settings.SECRET_KEY}:session-feedback:{community.pk}".encode()
        digest = hmac.new(key, user_public_id.encode(), hashlib.sha256).hexdigest()
        return digest[:RESPONDENT_ID_LENGTH]
    # Not a hex digit first, so it never equals a person's pseudonym.
    key = f"{settings.SECRET_KEY}:session-feedback-deleted:{community.pk}".encode()
    return (
        "u"
        + hmac.new(key, str(answer_pk).encode(), hashlib.sha256).hexdigest()[
            : RESPONDENT_ID_LENGTH - 1
        ]
    )


def wave_names(sessions: Iterable[Session]) -> dict[str, Session]:
    """Each session's wave in the downloads, oldest first: its local start."""
    names: dict[str, Session] = {}
    for session in sorted(sessions, key=lambda s: (s.starts_at, s.pk)):
        local = timezone.localtime(session.starts_at, timezone=ZoneInfo(session.time_zone))
        base = name = local.replace(tzinfo=None).isoformat(timespec="minutes")
        repeat = 1
        while name in names:
            repeat += 1
            name = f"{base}_{repeat}"
        names[name] = session
    return names


@dataclass(frozen=True)
class FeedbackTable:
    """The answers to the form about ``waves`` (wave name -> session, oldest first)
    as CSV rows, one per answer."""

    dictionary: redcap.Dictionary
    header: list[str]
    rows: list[list[str]]
    waves: dict[str, Session]

    @property
    def csv_rows(self) -> list[list[str]]:
        return [self.header, *self.rows]


def feedback_table(community: Community, sessions: Iterable[Session]) -> FeedbackTable:
    """The answers about ``sessions`` (of ``community``), sessions in the order they
    took place, then by when each answer was first given; one query."""
    dictionary = feedback_dictionary()
    waves = wave_names(sessions)
    wave_of = {session.pk: name for name, session in waves.items()}
    fields = dictionary.fields[1:]
    text = [not f.is_numeric for f in fields]
    answers = (
        SessionFeedback.objects.filter(session_id__in=wave_of)
        .order_by("session__starts_at", "session_id", "created_at", "pk")
        .values_list("pk", "session_id", "session__title", "user__public_id", "answers")
    )
    rows = []
    for pk, session_id, title, user_public_id, given in answers:
        given = given or {}
        cells = [str(given.get(f.name, "")) for f in fields]
        rows.append(
            [
                record_id(community, user_public_id, pk),
                wave_of[session_id],
                cell_safe(title),
                *(cell_safe(c) if is_text else c for c, is_text in zip(cells, text, strict=True)),
            ]
        )
    header = [dictionary.record_id, WAVE_COLUMN, TITLE_COLUMN, *(f.name for f in fields)]
    return FeedbackTable(dictionary, header, rows, waves)


def community_answers_csv(community: Community, series: Series | None = None) -> bytes:
    """Every answer about the community's past sessions (of ``series`` only, if given)."""
    return responses_csv(feedback_table(community, past_session_list(community, series)))


@dataclass(frozen=True)
class SessionLine:
    """One session on the overview. A mean is None when no answer gives one; the
    response rate (a percentage) when no one attended."""

    session: Session
    wave: str
    attended: int
    answers: int
    response_rate: int | None
    usefulness: float | None
    session_value: float | None


@dataclass
class Overview:
    """The overview's page of sessions; ``problem`` says why the means are missing
    when the answers could not be analysed."""

    lines: list[SessionLine] = field(default_factory=list)
    problem: str = ""


def _finite(value: float) -> float | None:
    return value if math.isfinite(value) else None


def feedback_overview(community: Community, sessions: Iterable[Session]) -> Overview:
    """The numbers of ``sessions`` (from ``past_session_list``, in the order given):
    one query for their answers, however many sessions and answers there are."""
    sessions = list(sessions)
    table = feedback_table(community, sessions)
    analysis: Analysis | None = None
    overview = Overview()
    if table.rows:
        # Each answer its own respondent: the page wants each session's means, not the
        # comparison of a person's sessions (its tests would load scipy on every view).
        rows = [[str(n), *row[1:]] for n, row in enumerate(table.rows)]
        try:
            analysis = analyze(table.dictionary, [table.header, *rows])
        except ResponsesError as error:
            overview.problem = error.message
    wave_of = {session.pk: name for name, session in table.waves.items()}
    for session in sessions:
        wave = wave_of[session.pk]
        usefulness = session_value = None
        if analysis is not None and wave in analysis.waves:
            usefulness = _finite(analysis.items[USEFULNESS].waves[wave].mean)
            session_value = _finite(analysis.scales[SCORE].waves[wave].mean)
        rate = round(100 * session.responded / session.attended) if session.attended else None
        overview.lines.append(
            SessionLine(
                session=session,
                wave=wave,
                attended=session.attended,
                answers=session.answer_count,
                response_rate=rate,
                usefulness=usefulness,
                session_value=session_value,
            )
        )
    return overview
