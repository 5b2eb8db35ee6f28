"""The registration area's URLs in the access walk (communities/tests/test_access.py)."""

from staffroom.meetings import registration
from staffroom.meetings.tests.factories import make_series, make_session
from staffroom.walk import (
    DONE,
    LOGIN,
    MISSING,
    NOT_FOUND,
    RUN_COMMUNITY,
    SLUGS,
    Case,
    answers,
    scoped,
)

NO_SUCH_SESSION = "no-such-sess"


def _community(world, slug):
    return {c.slug: c for c in (world.public, world.private, world.hidden)}[slug]


def one_off_session(world, slug) -> dict:
    """A session of no series: it takes members only, no guests."""
    if slug == MISSING:
        return {"public_id": NO_SUCH_SESSION}
    return {"public_id": make_session(world, _community(world, slug)).public_id}


def _guest_session(world, slug):
    series = make_series(world, _community(world, slug), allow_guests=True)
    return series.sessions.order_by("starts_at").first()


def guest_session(world, slug) -> dict:
    """A session of a series that takes guests."""
    if slug == MISSING:
        return {"public_id": NO_SUCH_SESSION}
    return {"public_id": _guest_session(world, slug).public_id}


def no_guests(variant: str):
    """The guest form of a session that takes no guests, in the ``variant`` community."""
    return lambda world, slug: {"slug": SLUGS[variant], **one_off_session(world, SLUGS[variant])}


def guest_token(state: str):
    def build(world, slug) -> dict:
        if state == "forged":
            return {"token": "not-a-real-token-at-all"}
        session = _guest_session(world, SLUGS["private"])
        made = registration.guest_register(
            session=session, name="Pat Para", email="pat@example.org"
        )
        return {"token": made.token}

    return build


GUEST = {"name": "Pat Paraprofessional", "email": "pat.para@example.org"}
REGISTER = dict(
    public=answers(LOGIN, 403, DONE, DONE, 403),
    private=answers(LOGIN, 404, DONE, DONE, 403),
    hidden=answers(404, 404, DONE, DONE, 403),
)

CASES = [
    *scoped("meetings:registration_create", method="post", kwargs=one_off_session, **REGISTER),
    *scoped("meetings:registration_cancel", method="post", kwargs=one_off_session, **REGISTER),
    *scoped("meetings:registration_list", kwargs=one_off_session, **RUN_COMMUNITY),
    # A session that takes guests: its link works for anyone where the community is
    # listed; a hidden community stays hidden.
    *scoped(
        "meetings:guest_register", kwargs=guest_session,
        public=answers(200, 200, 200, 200, 200),
        private=answers(200, 200, 200, 200, 200),
        hidden=answers(404, 404, 200, 200, 200),
    ),
    *scoped(
        "meetings:guest_register", method="post", kwargs=guest_session, data=lambda w, s: GUEST,
        public=answers(DONE, DONE, DONE, DONE, DONE),
        private=answers(DONE, DONE, DONE, DONE, DONE),
        hidden=answers(404, 404, DONE, DONE, DONE),
    ),
    # A session that takes no guests: readers see it but may not (403), others 404.
    Case("meetings:guest_register", "public, no guests", answers(403, 403, 403, 403, 403),
         kwargs=no_guests("public")),
    Case("meetings:guest_register", "private, no guests", answers(404, 404, 403, 403, 403),
         kwargs=no_guests("private")),
    Case("meetings:guest_register", "hidden, no guests", answers(404, 404, 403, 403, 403),
         kwargs=no_guests("hidden")),
    Case("meetings:guest_register", "private, no guests", answers(404, 404, 403, 403, 403),
         method="post", kwargs=no_guests("private"), data=lambda w, s: GUEST),
    # A guest's personal link is the key: whoever holds it may use it.
    Case("meetings:guest_detail", "guest", answers(200, 200, 200, 200, 200),
         kwargs=guest_token("valid")),
    Case("meetings:guest_detail", "forged", NOT_FOUND, kwargs=guest_token("forged")),
    Case("meetings:guest_calendar", "guest", answers(200, 200, 200, 200, 200),
         kwargs=guest_token("valid")),
    Case("meetings:guest_calendar", "forged", NOT_FOUND, kwargs=guest_token("forged")),
    Case("meetings:guest_cancel", "guest", answers(DONE, DONE, DONE, DONE, DONE),
         method="post", kwargs=guest_token("valid")),
    Case("meetings:guest_cancel", "forged", NOT_FOUND, method="post",
         kwargs=guest_token("forged")),
    Case("meetings:guest_check_in", "guest", answers(DONE, DONE, DONE, DONE, DONE),
         method="post", kwargs=guest_token("valid")),
    Case("meetings:guest_check_in", "forged", NOT_FOUND, method="post",
         kwargs=guest_token("forged")),
]  # fmt: skip
