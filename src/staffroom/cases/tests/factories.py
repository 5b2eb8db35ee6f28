"""Cases made through the real services (never raw ORM writes)."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from pypdf import PdfWriter

from staffroom.cases import followup, recommendations, scheduling, services
from staffroom.communities.access import community_access_for
from staffroom.meetings.tests.factories import make_session

CLEAN = {
    "title": "A quiet seventh grader stops turning in work",
    "background": "A seventh grader in a rural school has stopped turning in work since winter.",
    "tried": "Check-ins at the door; a weekly note home.",
    "strengths": "She is kind and loves drawing.",
    "questions": "How can I rebuild trust with the family?\nWhat small step could come first?",
    "outcome": "She turns in most work by spring.",
    "tags": "engagement, family",
}
IDENTIFYING = "Maria Lopez, a 9-year-old, stopped turning in work after March 14."


def draft(world, community=None, *, user=None, **fields):
    user = user or world.member
    community = community or world.public
    return services.case_create(
        actor=user, access=community_access_for(user, community), **{**CLEAN, **fields}
    )


def submitted(world, community=None, **fields):
    case = draft(world, community, **fields)
    return services.case_submit(
        actor=case.presenter, access=community_access_for(case.presenter, case.community), case=case
    )


def accepted(world, community=None, **fields):
    case = submitted(world, community, **fields)
    return services.case_accept(
        actor=world.facilitator,
        access=community_access_for(world.facilitator, case.community),
        case=case,
    )


def attach(world, case, name: str, data: bytes):
    return services.attachment_add(
        actor=case.presenter,
        access=community_access_for(case.presenter, case.community),
        case=case,
        file=SimpleUploadedFile(name, data),
    )


def blank_pdf() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=612, height=792)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def _facilitating(world, case):
    return {
        "actor": world.facilitator,
        "access": community_access_for(world.facilitator, case.community),
    }


def scheduled(world, community=None, *, session=None, **fields):
    """An accepted case scheduled into ``session`` (default: a new one a week ahead)."""
    case = accepted(world, community, **fields)
    session = session or make_session(world, case.community)
    return scheduling.case_schedule(**_facilitating(world, case), case=case,
                                    session=session.public_id)  # fmt: skip


def presented(world, community=None, **fields):
    case = scheduled(world, community, **fields)
    recommendations.contribution_add(
        actor=world.member, access=community_access_for(world.member, case.community),
        case=case, kind="question", text="What does she enjoy outside school?",
    )  # fmt: skip
    recommendations.contribution_add(
        **_facilitating(world, case), case=case, kind="strategy",
        text="Start each week with a two-minute check-in about her drawing.",
    )  # fmt: skip
    return scheduling.case_present(**_facilitating(world, case), case=case)


def summarized(world, community=None, **fields):
    case = presented(world, community, **fields)
    return recommendations.summary_save(
        **_facilitating(world, case), case=case, send=True,
        summary="Strategy: a weekly check-in about her drawing.",
    )  # fmt: skip


def followed_up(world, community=None, **fields):
    case = summarized(world, community, **fields)
    return followup.followup_record(
        actor=case.presenter, access=community_access_for(case.presenter, case.community),
        case=case, tried="Weekly check-ins about drawing.",
        happened="She turns in most of her work again.", rating=4,
    )  # fmt: skip
