"""Every attendance page, full of rows: within the HTML budget (14 KB gzipped) and
with nothing the CSP blocks. (In a real Chromium with axe-core: see
test_attendance_browser.py.)"""

from django.urls import reverse

from staffroom.core.tests.test_page_budgets import page_problems, pages_problems
from staffroom.meetings import attendance
from staffroom.meetings.tests.factories_attendance import (
    add_member,
    guest_registration,
    import_report,
    live_session,
    past_series_session,
    past_session,
    upload,
    zoom_csv,
)


def fill(world) -> dict:
    """A session with 25 more members present, 25 changes in the log and a report
    with 25 people to review; a session on now; one with a recording to reflect on; a
    guest's check-in link."""
    past = past_session(world, title="Counselling a grieving student: a case")
    access = world.access(world.facilitator)
    for n in range(25):
        person = add_member(world, f"Teacher Number {n:02d}", f"teacher{n}@example.org")
        attendance.attendance_roll_call(
            actor=world.facilitator, access=access, session=past,
            marks=[attendance.Mark(person, True, 30 + n)], reason="Counted from the chat log.",
        )  # fmt: skip
    rows = [(f"Phone participant {n:02d}", "", "01/14/2025 04:00:00 PM", "01/14/2025 04:40:00 PM")
            for n in range(25)]  # fmt: skip
    source = import_report(world, past, zoom_csv(rows), "zoom.csv").source
    return {
        "past": past,
        "source": source,
        "live": live_session(world),
        "recorded": past_series_session(world, async_counts=True),
        "guest": guest_registration(world),
    }


def pages(world, made) -> list[tuple[str, object, str]]:
    past, live, recorded = made["past"], made["live"], made["recorded"]

    def url(name, session, *args):
        return reverse(f"meetings:{name}", args=[session.community.slug, session.public_id, *args])

    return [
        ("session, checking in", world.member, url("session_detail", live)),
        ("session, after, reflecting", world.member, url("session_detail", recorded)),
        ("session, facilitator", world.facilitator, url("session_detail", past)),
        ("reflection", world.member, url("attendance_reflect", recorded)),
        ("roll call", world.facilitator, url("attendance_roll_call", past)),
        ("changes", world.facilitator, url("attendance_changes", past)),
        ("import", world.facilitator, url("attendance_import", past)),
        ("import detail", world.facilitator,
         url("attendance_import_detail", past, made["source"].public_id)),
        ("review", world.facilitator, url("attendance_review", past)),
        ("check-in link", None, reverse("meetings:attendance_token", args=[made["guest"].token])),
    ]  # fmt: skip


def test_attendance_pages_fit_the_budget_and_the_csp(client, world):
    made = fill(world)
    problems = pages_problems(client, pages(world, made))
    client.force_login(world.facilitator)
    bad_rows = client.post(
        reverse("meetings:attendance_import", args=["open-science", made["past"].public_id]),
        {"file": upload("zoom_bad_times.csv")},
    )  # fmt: skip
    assert bad_rows.status_code == 400
    problems += page_problems("import with bad rows", bad_rows)
    assert not problems, "\n".join(problems)
