"""The calendar area's URLs in the access walk (communities/tests/test_access.py)."""

from staffroom.meetings import calendar
from staffroom.meetings.tests.walk_registration import one_off_session
from staffroom.walk import DONE, LOGIN, NOT_FOUND, SIGNED_IN, Case, answers, scoped


def feed_token(state: str):
    def build(world, slug) -> dict:
        if state == "forged":
            return {"token": "not-a-real-token-at-all"}
        token = calendar.calendar_token_for(world.member).token
        if state == "revoked":
            calendar.calendar_token_revoke(actor=world.member)
        return {"token": token}

    return build


READERS = answers(200, 200, 200, 200, 200)

CASES = [
    Case("meetings:calendar_detail", "-", SIGNED_IN),
    Case("meetings:calendar_revoke", "-", answers(LOGIN, DONE, DONE, DONE, DONE), method="post"),
    # The personal feed: the token is the key (calendar apps cannot sign in).
    Case("meetings:calendar_feed", "valid", READERS, kwargs=feed_token("valid")),
    Case("meetings:calendar_feed", "revoked", NOT_FOUND, kwargs=feed_token("revoked")),
    Case("meetings:calendar_feed", "forged", NOT_FOUND, kwargs=feed_token("forged")),
    # A community's feed: no sign-in redirect, a 404 for whoever may not read it.
    *scoped(
        "meetings:community_calendar_feed",
        public=READERS,
        private=answers(404, 404, 200, 200, 200),
        hidden=answers(404, 404, 200, 200, 200),
    ),
    *scoped(
        "meetings:session_calendar", kwargs=one_off_session,
        public=READERS,
        private=answers(LOGIN, 404, 200, 200, 200),
        hidden=answers(404, 404, 200, 200, 200),
    ),
]  # fmt: skip
