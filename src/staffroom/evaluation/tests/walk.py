"""The evaluation URLs in the access walk (run by communities/tests/test_access.py).

Every URL in ``evaluation/urls.py`` is listed with what each persona gets; see
``staffroom.walk`` for the vocabulary."""

from staffroom.evaluation.models import Poll
from staffroom.evaluation.tests.factories import make_poll
from staffroom.evaluation.tests.walk_feedback_overview import CASES as OVERVIEW_CASES
from staffroom.evaluation.tests.walk_instruments import CASES as INSTRUMENT_CASES
from staffroom.evaluation.tests.walk_session_feedback import CASES as FEEDBACK_CASES
from staffroom.evaluation.tests.walk_survey_analysis import CASES as ANALYSIS_CASES
from staffroom.evaluation.tests.walk_surveys import CASES as SURVEY_CASES
from staffroom.meetings.tests.factories import make_session
from staffroom.walk import (
    DONE,
    LOGIN,
    MISSING,
    NOT_FOUND,
    RUN_COMMUNITY,
    RUN_COMMUNITY_POST,
    Case,
    answers,
    scoped,
)

NO_SUCH_POLL = "no-such-poll"
NO_SUCH_SESSION = "000000000000"
READ_PAGE = dict(
    public=answers(200, 200, 200, 200, 200),
    private=answers(LOGIN, 404, 200, 200, 200),
    hidden=answers(404, 404, 200, 200, 200),
)
VOTE = dict(  # members and facilitators vote; the hub admin runs it but does not take part
    public=answers(LOGIN, 403, DONE, DONE, 403),
    private=answers(LOGIN, 404, DONE, DONE, 403),
    hidden=answers(404, 404, DONE, DONE, 403),
)


def _community(world, slug):
    return {c.slug: c for c in (world.public, world.private, world.hidden)}[slug]


def poll_id(world, slug) -> dict:
    if slug == MISSING:
        return {"public_id": NO_SUCH_POLL}
    return {"public_id": make_poll(world, _community(world, slug)).public_id}


def session_with_poll(world, slug) -> dict:
    if slug == MISSING:
        return {"session_id": NO_SUCH_SESSION}
    community = _community(world, slug)
    session = make_session(world, community)
    make_poll(world, community, session=session)
    return {"session_id": session.public_id}


def first_option(world, slug) -> dict:
    poll = Poll.objects.filter(community__slug=slug).order_by("-pk").first()
    return {"choices": str(poll.options.first().pk)} if poll else {}


def poll_data(world, slug) -> dict:
    return {"question": "Which day suits you?", "options": "Monday\nThursday",
            "show_results": "after_vote"}  # fmt: skip


CASES = [
    *scoped("evaluation:poll_list", **READ_PAGE),
    *scoped("evaluation:poll_detail", kwargs=poll_id, **READ_PAGE),
    Case("evaluation:poll_detail", "public", NOT_FOUND, community_scoped=True,
         kwargs=lambda world, slug: {"public_id": NO_SUCH_POLL}),
    *scoped("evaluation:poll_session_list", kwargs=session_with_poll, **READ_PAGE),
    Case("evaluation:poll_session_list", "public", NOT_FOUND, community_scoped=True,
         kwargs=lambda world, slug: {"session_id": NO_SUCH_SESSION}),
    *scoped("evaluation:poll_create", **RUN_COMMUNITY),
    *scoped("evaluation:poll_create", method="post", data=poll_data, **RUN_COMMUNITY_POST),
    *scoped("evaluation:poll_vote", method="post", kwargs=poll_id, data=first_option, **VOTE),
    *scoped("evaluation:poll_close", method="post", kwargs=poll_id, **RUN_COMMUNITY_POST),
    *INSTRUMENT_CASES,
    *SURVEY_CASES,
    *ANALYSIS_CASES,
    *OVERVIEW_CASES,
    *FEEDBACK_CASES,
]  # fmt: skip
