"""The credit area's URLs in the access walk: presenters, the transcript and
certificates, with what each persona gets on the public, private and hidden
community (and on a community that does not exist)."""

from django.utils import timezone

from staffroom.meetings.tests.factories import CHICAGO
from staffroom.meetings.tests.factories_credit import (
    attend,
    certificate_for,
    past_session,
    series_with_past,
    upcoming_session,
    volunteer,
)
from staffroom.walk import (
    DONE,
    LOGIN,
    MEMBERS_ONLY,
    MISSING,
    NOT_FOUND,
    RUN_COMMUNITY,
    RUN_COMMUNITY_POST,
    SIGNED_IN,
    Case,
    answers,
    scoped,
)

NO_SUCH_ID = "000000000000"
NO_SUCH_CODE = "ZZZZZZZZZZ"


def _community(world, slug):
    return {c.slug: c for c in (world.public, world.private, world.hidden)}[slug]


def member_id(world, slug) -> dict:
    return {"member": world.member.public_id}


def upcoming_id(world, slug) -> dict:
    if slug == MISSING:
        return {"public_id": NO_SUCH_ID}
    return {"public_id": upcoming_session(world, _community(world, slug)).public_id}


def offer(world, slug) -> dict:
    """An upcoming session the member offered to give the talk at."""
    if slug == MISSING:
        return {"public_id": NO_SUCH_ID, "member": world.member.public_id, "kind": "didactic"}
    session = upcoming_session(world, _community(world, slug))
    volunteer(world, session)
    return {"public_id": session.public_id, "member": world.member.public_id, "kind": "didactic"}


def own_offer(world, slug) -> dict:
    kwargs = offer(world, slug)
    del kwargs["member"]
    return kwargs


def certificate_data(world, slug) -> dict:
    """The member attended a session; the form asks for the day it took place."""
    session = past_session(world, world.public)
    attend(session, world.member)
    day = timezone.localdate(session.starts_at, CHICAGO).isoformat()
    return {"hub": world.hub.slug, "date_from": day, "date_to": day}


def attended_series_id(world, slug) -> dict:
    series, past = series_with_past(world, world.public, weeks_back=3)
    for session in past:
        attend(session, world.member)
    return {"public_id": series.public_id}


def certificate_code(world, slug) -> dict:
    return {"code": certificate_for(world).code}


VOLUNTEER = dict(  # members volunteer; those who only run the community (hub admin) do not
    public=answers(LOGIN, 403, 200, 200, 403),
    private=answers(LOGIN, 404, 200, 200, 403),
    hidden=answers(404, 404, 200, 200, 403),
)
VOLUNTEER_POST = {
    variant: {persona: DONE if status == 200 else status for persona, status in expect.items()}
    for variant, expect in VOLUNTEER.items()
}

CASES: list[Case] = [
    *scoped("meetings:presenter_signup", **MEMBERS_ONLY),
    *scoped("meetings:presenter_board", **RUN_COMMUNITY),
    *scoped("meetings:presenter_history", **RUN_COMMUNITY),
    *scoped("meetings:presenter_invite", method="post", kwargs=member_id, **RUN_COMMUNITY_POST),
    *scoped("meetings:presenter_volunteer", kwargs=upcoming_id, **VOLUNTEER),
    *scoped(
        "meetings:presenter_volunteer", method="post", kwargs=upcoming_id, **VOLUNTEER_POST,
        data=lambda world, slug: {"kind": "case", "note": "A student who will not read aloud"},
    ),
    # The facilitator has no offer to withdraw: told so, not refused.
    *scoped("meetings:presenter_withdraw", method="post", kwargs=own_offer, **VOLUNTEER_POST),
    *scoped("meetings:presenter_confirm", method="post", kwargs=offer, **RUN_COMMUNITY_POST),
    *scoped(
        "meetings:presenter_decline", method="post", kwargs=offer, **RUN_COMMUNITY_POST,
        data=lambda world, slug: {"reason": "We have a talk on this in March."},
    ),
    Case("meetings:transcript", "-", SIGNED_IN),
    Case("meetings:certificate_list", "-", SIGNED_IN),
    Case("meetings:certificate_create", "-", SIGNED_IN),
    # Only the member has credited attendance; the others' form comes back refused.
    Case("meetings:certificate_create", "-", answers(LOGIN, 400, DONE, 400, 400),
         method="post", data=certificate_data),
    Case("meetings:certificate_series_create", "attended by the member",
         answers(LOGIN, 404, DONE, 404, 404), method="post", kwargs=attended_series_id),
    Case("meetings:certificate_series_create", "missing", answers(LOGIN, 404, 404, 404, 404),
         method="post", kwargs=lambda world, slug: {"public_id": NO_SUCH_ID}),
    Case("meetings:certificate_detail", "the member's", answers(LOGIN, 404, 200, 404, 404),
         kwargs=certificate_code),
    Case("meetings:certificate_detail", "missing", answers(LOGIN, 404, 404, 404, 404),
         kwargs=lambda world, slug: {"code": NO_SUCH_CODE}),
    Case("meetings:certificate_verify", "the member's", answers(200, 200, 200, 200, 200),
         kwargs=certificate_code),
    Case("meetings:certificate_verify", "missing", NOT_FOUND,
         kwargs=lambda world, slug: {"code": NO_SUCH_CODE}),
]  # fmt: skip
