"""The attendance area's URLs in the access walk (communities/tests/test_access.py):
a member checks in, reports joining by phone or reflects (``participate``); those who
run the community take the roll call, import reports, review and export
(``schedule``); whoever holds a reminder's check-in link may use it."""

from django.core.files.uploadedfile import SimpleUploadedFile

from staffroom.meetings.tests.factories_attendance import (
    guest_registration,
    import_report,
    live_session,
    past_series_session,
    past_session,
    zoom_csv,
)
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
REFLECTION = "I will try the two-minute check-in at the door tomorrow. " * 3
REPORT = zoom_csv([
    ("Mo Member", "member@example.org", "01/14/2025 03:58:00 PM", "01/14/2025 04:50:00 PM"),
    ("Dial-in 555 0101", "", "01/14/2025 04:02:00 PM", "01/14/2025 04:40:00 PM"),
])  # fmt: skip


def _community(world, slug):
    return {c.slug: c for c in (world.public, world.private, world.hidden)}[slug]


def session_id(make):
    def build(world, slug) -> dict:
        if slug == MISSING:
            return {"public_id": NO_SUCH_ID}
        return {"public_id": make(world, _community(world, slug)).public_id}

    return build


def _reflectable(world, community):
    return past_series_session(world, community, async_counts=True)


def series_id(world, slug) -> dict:
    if slug == MISSING:
        return {"public_id": NO_SUCH_ID}
    return {"public_id": past_series_session(world, _community(world, slug)).series.public_id}


def member_on(make):
    def build(world, slug) -> dict:
        return {**session_id(make)(world, slug), "member": world.member.public_id}

    return build


def _imported(world, slug):
    session = past_session(world, _community(world, slug))
    return session, import_report(world, session, REPORT, "zoom.csv").source


def import_id(world, slug) -> dict:
    if slug == MISSING:
        return {"public_id": NO_SUCH_ID, "import_id": NO_SUCH_ID}
    session, source = _imported(world, slug)
    return {"public_id": session.public_id, "import_id": source.public_id}


def row_id(world, slug) -> dict:
    if slug == MISSING:
        return {"public_id": NO_SUCH_ID, "row_id": NO_SUCH_ID}
    session, source = _imported(world, slug)
    return {"public_id": session.public_id,
            "row_id": source.rows.get(state="unmatched").public_id}  # fmt: skip


def check_in_token(state: str):
    def build(world, slug) -> dict:
        if state == "forged":
            return {"token": "not-a-real-token-at-all"}
        return {"token": guest_registration(world, world.hidden).token}

    return build


def zoom_upload(world, slug) -> dict:
    return {"file": SimpleUploadedFile("zoom.csv", REPORT, "text/csv")}


CASES = [
    *scoped("meetings:attendance_check_in", method="post", kwargs=session_id(live_session),
            **TAKE_PART_POST),
    *scoped("meetings:attendance_phone", method="post", kwargs=session_id(past_session),
            **TAKE_PART_POST),
    *scoped("meetings:attendance_reflect", kwargs=session_id(_reflectable), **TAKE_PART),
    *scoped("meetings:attendance_reflect", method="post", kwargs=session_id(_reflectable),
            data=lambda world, slug: {"reflection": REFLECTION}, **TAKE_PART_POST),
    *scoped("meetings:attendance_roll_call", kwargs=session_id(past_session), **RUN_COMMUNITY),
    *scoped("meetings:attendance_roll_call", method="post", kwargs=session_id(past_session),
            **RUN_COMMUNITY_POST),
    *scoped("meetings:attendance_confirm", method="post", kwargs=member_on(past_session),
            **RUN_COMMUNITY_POST),
    *scoped("meetings:attendance_changes", kwargs=session_id(past_session), **RUN_COMMUNITY),
    *scoped("meetings:attendance_import", kwargs=session_id(past_session), **RUN_COMMUNITY),
    *scoped("meetings:attendance_import", method="post", kwargs=session_id(past_session),
            data=zoom_upload, **RUN_COMMUNITY_POST),
    *scoped("meetings:attendance_import_good_rows", method="post",
            kwargs=session_id(past_session), **RUN_COMMUNITY_POST),
    *scoped("meetings:attendance_import_detail", kwargs=import_id, **RUN_COMMUNITY),
    *scoped("meetings:attendance_review", kwargs=session_id(past_session), **RUN_COMMUNITY),
    *scoped("meetings:attendance_review_resolve", method="post", kwargs=row_id,
            data=lambda world, slug: {"action": "ignore"}, **RUN_COMMUNITY_POST),
    *scoped("meetings:attendance_export", kwargs=session_id(past_session), **RUN_COMMUNITY),
    *scoped("meetings:attendance_series_export", kwargs=series_id, **RUN_COMMUNITY),
    # The check-in link of a reminder: holding it is the permission, even for a
    # session in a hidden community; a forged token is a 404.
    Case("meetings:attendance_token", "guest, hidden community", answers(200, 200, 200, 200, 200),
         kwargs=check_in_token("valid")),
    Case("meetings:attendance_token", "guest, hidden community",
         answers(DONE, DONE, DONE, DONE, DONE), method="post", kwargs=check_in_token("valid")),
    Case("meetings:attendance_token", "forged", NOT_FOUND, kwargs=check_in_token("forged")),
    Case("meetings:attendance_token", "forged", NOT_FOUND, method="post",
         kwargs=check_in_token("forged")),
]  # fmt: skip
