"""The pages of the schedule, registration and calendar areas, full of rows: within the
HTML budget (14 KB gzipped) and nothing the CSP blocks. (In a real Chromium with
axe-core: see test_schedule_browser.py.)"""

import datetime as dt

from django.urls import reverse
from django.utils import timezone

from staffroom.core.tests.test_page_budgets import pages_problems
from staffroom.meetings import registration, services
from staffroom.meetings.tests.factories import CHICAGO, make_series, make_session
from staffroom.meetings.tests.factories_credit import colleague


def fill(world) -> dict:
    """A weekly series that takes guests, with 30 sessions to come and 25 members and a
    guest registered for the next one; a session held, with its recording, notes and
    ten materials; sessions to come in the member's two other communities."""
    today = timezone.now().astimezone(CHICAGO).date()
    series = make_series(
        world, title="Trauma-informed classrooms ECHO", allow_guests=True, capacity=40,
        first_date=today + dt.timedelta(days=1), last_date=today + dt.timedelta(weeks=30),
    )  # fmt: skip
    upcoming = series.sessions.order_by("starts_at").first()
    for n in range(25):
        person = colleague(world, f"Colleague Number {n:02d}")
        registration.registration_create(
            actor=person, access=world.access(person), session=upcoming
        )
    registration.registration_create(
        actor=world.member, access=world.access(world.member), session=upcoming
    )
    guest = registration.guest_register(
        session=upcoming, name="Gil Guest", email="gil.guest@example.org"
    )
    held = make_session(
        world, title="Restorative circles after a hard week",
        starts_at=timezone.now() - dt.timedelta(days=3),
    )  # fmt: skip
    access = world.access(world.facilitator)
    services.session_record(
        actor=world.facilitator, access=access, session=held,
        recording_url="https://video.example.org/restorative-circles",
        notes="We tried a **check-in circle** and talked about what to do when one "
              "student will not speak. Next time: the closing round.",
    )  # fmt: skip
    for n in range(10):
        services.material_add(
            actor=world.facilitator, access=access, session=held,
            title=f"Handout {n + 1}: circle prompts for grades 6 to 8",
            url=f"https://example.org/handouts/{n + 1}",
        )  # fmt: skip
    for community in (world.private, world.hidden):
        for n in range(3):
            day = today + dt.timedelta(days=2 + n)
            starts_at = dt.datetime.combine(day, dt.time(10), tzinfo=CHICAGO)
            make_session(
                world, community, title=f"{community.name}: meeting {n + 1}", starts_at=starts_at
            )
    return {"series": series, "upcoming": upcoming, "held": held, "guest": guest}


def pages(world, made) -> list[tuple[str, object, str]]:
    slug = world.public.slug
    series, upcoming, held = made["series"], made["upcoming"], made["held"]

    def url(name, *args):
        return reverse(f"meetings:{name}", args=[slug, *args])

    return [
        ("sessions", None, url("session_list")),
        ("session", None, url("session_detail", upcoming.public_id)),
        ("guest registration", None, url("guest_register", upcoming.public_id)),
        ("guest page", None, reverse("meetings:guest_detail", args=[made["guest"].token])),
        ("sessions", world.member, url("session_list")),
        ("past sessions", world.member, url("session_list") + "?tab=past"),
        ("session", world.member, url("session_detail", upcoming.public_id)),
        ("session held", world.member, url("session_detail", held.public_id)),
        ("series", world.member, url("series_detail", series.public_id)),
        ("my sessions", world.member, reverse("meetings:my_sessions")),
        ("calendar", world.member, reverse("meetings:calendar_detail")),
        ("sessions", world.facilitator, url("session_list")),
        ("session to come", world.facilitator, url("session_detail", upcoming.public_id)),
        ("registrations", world.facilitator, url("registration_list", upcoming.public_id)),
        ("new series", world.facilitator, url("series_create")),
        ("series edit", world.facilitator, url("series_edit", series.public_id)),
        ("new session", world.facilitator, url("session_create")),
        ("session edit", world.facilitator, url("session_edit", upcoming.public_id)),
        ("session cancel", world.facilitator, url("session_cancel", upcoming.public_id)),
        ("recording and notes", world.facilitator, url("session_record", held.public_id)),
        ("material", world.facilitator, url("material_add", held.public_id)),
    ]  # fmt: skip


def test_schedule_pages_fit_the_budget_and_the_csp(client, world):
    made = fill(world)
    problems = pages_problems(client, pages(world, made))
    assert not problems, "\n".join(problems)
