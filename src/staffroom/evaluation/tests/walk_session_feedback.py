"""The form after a session and its answers in the access walk (moved here from the
sessions part with the form): what each persona gets on the public, private and
hidden community, on a community that does not exist and on a session that does not."""

from staffroom.meetings.tests.factories_credit import attend, past_session
from staffroom.walk import (
    DONE,
    LOGIN,
    MEMBERS_ONLY,
    MISSING,
    RUN_COMMUNITY,
    Case,
    answers,
    scoped,
)

NO_SUCH_SESSION = "000000000000"


def _community(world, slug):
    return {c.slug: c for c in (world.public, world.private, world.hidden)}[slug]


def attended_id(world, slug) -> dict:
    """A session that took place, which the member attended."""
    if slug == MISSING:
        return {"public_id": NO_SUCH_SESSION}
    session = past_session(world, _community(world, slug))
    attend(session, world.member)
    return {"public_id": session.public_id}


def no_such_session(world, slug) -> dict:
    return {"public_id": NO_SUCH_SESSION}


def answer(world, slug) -> dict:
    return {"a-overall": "4", "a-usefulness": "4", "a-will_use": "Exit tickets"}


# Only the member attended: the others are refused beside the form.
FEEDBACK_POST = dict(
    public=answers(LOGIN, 403, DONE, 400, 400),
    private=answers(LOGIN, 404, DONE, 400, 400),
    hidden=answers(404, 404, DONE, 400, 400),
)

CASES = [
    *scoped("evaluation:feedback_form", kwargs=attended_id, **MEMBERS_ONLY),
    *scoped("evaluation:feedback_form", method="post", kwargs=attended_id, data=answer,
            **FEEDBACK_POST),
    # The community's own refusal comes first; past it, no such session is a 404.
    Case("evaluation:feedback_form", "public", answers(LOGIN, 403, 404, 404, 404),
         community_scoped=True, kwargs=no_such_session),
    *scoped("evaluation:feedback_results", kwargs=attended_id, **RUN_COMMUNITY),
    Case("evaluation:feedback_results", "public", answers(LOGIN, 403, 403, 404, 404),
         community_scoped=True, kwargs=no_such_session),
]  # fmt: skip
