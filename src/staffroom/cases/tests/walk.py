"""The cases URLs in the access walk (run by communities/tests/test_access.py).

A member drafts and submits their own cases (``participate``); those who run the
community review them (``review_cases``: facilitators and hub admins). Before it is
submitted a case is invisible (404) to everyone but its presenter: no one reads text
the de-identification guard has not passed. Submitted, its reviewers see it too."""

import datetime as dt

from django.utils import timezone

from staffroom.cases.tests.factories import (
    IDENTIFYING,
    accepted,
    attach,
    blank_pdf,
    draft,
    presented,
    scheduled,
    submitted,
    summarized,
)
from staffroom.meetings.tests.factories import make_session
from staffroom.walk import DONE, LOGIN, MISSING, RUN_COMMUNITY, RUN_COMMUNITY_POST, answers, scoped

NO_SUCH_ID = "000000000000"
# A member's own actions: members and facilitators; the hub admin runs the community
# but does not take part in it (403); the outsider sees a public community (403).
TAKE_PART = dict(
    public=answers(LOGIN, 403, 200, 200, 403),
    private=answers(LOGIN, 404, 200, 200, 403),
    hidden=answers(404, 404, 200, 200, 403),
)
TAKE_PART_POST = {
    variant: {persona: DONE if status == 200 else status for persona, status in expect.items()}
    for variant, expect in TAKE_PART.items()
}
# Anyone who takes part in the community or reviews its cases.
CASES_PAGE = dict(
    public=answers(LOGIN, 403, 200, 200, 200),
    private=answers(LOGIN, 404, 200, 200, 200),
    hidden=answers(404, 404, 200, 200, 200),
)
# The member's own draft: theirs alone. To a facilitator it does not exist until it is
# submitted (404); the hub admin does not take part, so these pages are not for them (403).
OWN_DRAFT = dict(
    public=answers(LOGIN, 403, 200, 404, 403),
    private=answers(LOGIN, 404, 200, 404, 403),
    hidden=answers(404, 404, 200, 404, 403),
)
# The member's draft's page: to every reviewer it does not exist until it is submitted.
DRAFT_PAGE = dict(
    public=answers(LOGIN, 403, 200, 404, 404),
    private=answers(LOGIN, 404, 200, 404, 404),
    hidden=answers(404, 404, 200, 404, 404),
)
OWN_DRAFT_POST = {
    variant: {persona: DONE if status == 200 else status for persona, status in expect.items()}
    for variant, expect in OWN_DRAFT.items()
}
# The facilitator's draft: it does not exist for the member or the hub admin.
OTHERS_DRAFT = dict(
    public=answers(LOGIN, 403, 404, 200, 404),
    private=answers(LOGIN, 404, 404, 200, 404),
    hidden=answers(404, 404, 404, 200, 404),
)


# The presenter's own steps once the case is shared (the follow-up, later edits,
# thanks): the facilitator reads the case but it is not theirs (403).
PRESENTERS = dict(
    public=answers(LOGIN, 403, 200, 403, 403),
    private=answers(LOGIN, 404, 200, 403, 403),
    hidden=answers(404, 404, 200, 403, 403),
)
PRESENTERS_POST = {
    variant: {persona: DONE if status == 200 else status for persona, status in expect.items()}
    for variant, expect in PRESENTERS.items()
}

# Recording a recommendation: to anyone outside the community the case does not exist,
# even when the community is public.
NOT_A_MEMBER_404 = {
    variant: answers(404, 404, DONE, DONE, DONE) for variant in ("public", "private", "hidden")
}


def _community(world, slug):
    return {c.slug: c for c in (world.public, world.private, world.hidden)}[slug]


def case_id(make, **extra):
    def build(world, slug) -> dict:
        if slug == MISSING:
            return {"public_id": NO_SUCH_ID}
        return {"public_id": make(world, _community(world, slug), **extra).public_id}

    return build


def _facilitators_draft(world, community):
    return draft(world, community, user=world.facilitator)


def _scan(world, community):
    case = draft(world, community)
    return case, attach(world, case, "scan.pdf", blank_pdf())


def attachment_id(world, slug) -> dict:
    if slug == MISSING:
        return {"public_id": NO_SUCH_ID, "attachment_id": NO_SUCH_ID}
    case, attachment = _scan(world, _community(world, slug))
    return {"public_id": case.public_id, "attachment_id": attachment.public_id}


def _session(world, slug) -> dict:
    if slug == MISSING:
        return {"session": NO_SUCH_ID}
    return {"session": make_session(world, _community(world, slug)).public_id}


def contribution_id(world, slug) -> dict:
    if slug == MISSING:
        return {"public_id": NO_SUCH_ID, "contribution_id": NO_SUCH_ID}
    case = presented(world, _community(world, slug))
    theirs = case.contributions.get(author=world.facilitator)
    return {"public_id": case.public_id, "contribution_id": theirs.public_id}


def version(world, slug) -> dict:
    if slug == MISSING:
        return {"public_id": NO_SUCH_ID, "number": 1}
    return {"public_id": presented(world, _community(world, slug)).public_id, "number": 1}


def _later(world, slug) -> dict:
    return {"due": (timezone.localdate() + dt.timedelta(days=20)).isoformat()}


def finding(world, slug) -> dict:
    return {"key": "background", "start": 0, "category": "name", "reason": "An invented name."}


CASES = [
    *scoped("cases:case_list", **CASES_PAGE),
    *scoped("cases:case_create", **TAKE_PART),
    *scoped("cases:case_create", method="post", data=lambda world, slug: {"title": "A case"},
            **TAKE_PART_POST),
    *scoped("cases:case_queue", **RUN_COMMUNITY),
    *scoped("cases:case_library", **CASES_PAGE),
    *scoped("cases:case_detail", kwargs=case_id(draft), **DRAFT_PAGE),
    *scoped("cases:case_detail", kwargs=case_id(_facilitators_draft), **OTHERS_DRAFT),
    *scoped("cases:case_detail", kwargs=case_id(accepted), **CASES_PAGE),
    *scoped("cases:case_edit", kwargs=case_id(draft), **OWN_DRAFT),
    *scoped("cases:case_edit", method="post", kwargs=case_id(draft),
            data=lambda world, slug: {"title": "Renamed"}, **OWN_DRAFT_POST),
    *scoped("cases:case_edit", kwargs=case_id(_facilitators_draft),
            public=answers(LOGIN, 403, 404, 200, 403), private=answers(LOGIN, 404, 404, 200, 403),
            hidden=answers(404, 404, 404, 200, 403)),
    *scoped("cases:attachment_add", method="post", kwargs=case_id(draft),
            public=answers(LOGIN, 403, 400, 404, 403), private=answers(LOGIN, 404, 400, 404, 403),
            hidden=answers(404, 404, 400, 404, 403)),
    *scoped("cases:attachment_confirm", method="post", kwargs=attachment_id, **OWN_DRAFT_POST),
    *scoped("cases:case_check", kwargs=case_id(draft, background=IDENTIFYING), **OWN_DRAFT),
    *scoped("cases:finding_replace", method="post", kwargs=case_id(draft, background=IDENTIFYING),
            data=finding, **OWN_DRAFT_POST),
    *scoped("cases:finding_clear", method="post", kwargs=case_id(draft, background=IDENTIFYING),
            data=finding, **OWN_DRAFT_POST),
    *scoped("cases:case_submit", method="post", kwargs=case_id(draft), **OWN_DRAFT_POST),
    *scoped("cases:case_accept", method="post", kwargs=case_id(submitted), **RUN_COMMUNITY_POST),
    *scoped("cases:case_return", method="post", kwargs=case_id(submitted),
            data=lambda world, slug: {"note": "Please shorten the background."},
            **RUN_COMMUNITY_POST),
    *scoped("cases:case_schedule", method="post", kwargs=case_id(accepted), data=_session,
            **RUN_COMMUNITY_POST),
    *scoped("cases:case_unschedule", method="post", kwargs=case_id(scheduled),
            **RUN_COMMUNITY_POST),
    *scoped("cases:case_mark_presented", method="post", kwargs=case_id(scheduled),
            **RUN_COMMUNITY_POST),
    *scoped("cases:case_project", kwargs=case_id(scheduled), **CASES_PAGE),
    *scoped("cases:contribution_add", method="post", kwargs=case_id(scheduled),
            data=lambda world, slug: {"kind": "strategy", "text": "A two-minute check-in."},
            **NOT_A_MEMBER_404),
    *scoped("cases:contribution_thank", method="post", kwargs=contribution_id,
            **PRESENTERS_POST),
    *scoped("cases:case_summary", kwargs=case_id(presented), **RUN_COMMUNITY),
    *scoped("cases:followup", kwargs=case_id(summarized), **PRESENTERS),
    *scoped("cases:followup_move", method="post", kwargs=case_id(summarized), data=_later,
            **RUN_COMMUNITY_POST),
    *scoped("cases:case_revise", kwargs=case_id(accepted), **PRESENTERS),
    *scoped("cases:case_version", kwargs=version, **CASES_PAGE),
]  # fmt: skip
