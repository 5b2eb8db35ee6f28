"""Every page of the credit area (presenters, PD hours), full of rows: within
the HTML budget (14 KB gzipped) and nothing the CSP blocks. The same pages in a real
Chromium are in ``test_credit_browser.py``."""

from django.urls import reverse

from staffroom.core.tests.test_page_budgets import pages_problems
from staffroom.meetings.models import Certificate
from staffroom.meetings.tests.factories_credit import (
    attend,
    certificate_for,
    colleague,
    past_session,
    upcoming_session,
    volunteer,
)


def fill(world) -> dict:
    """A busy community: 25 upcoming sessions with offers, 25 more members, a session
    25 of them attended, a member with 25 attended sessions."""
    people = [colleague(world, f"Colleague Number {n:02d}") for n in range(25)]
    upcoming = []
    for n, person in enumerate(people):
        session = upcoming_session(world, days=1 + n, title=f"Upcoming session number {n:02d}")
        volunteer(world, session, person, note="A twelve-word note about what I would bring along")
        upcoming.append(session)
    attended = past_session(world, days_ago=1, title="A session many attended")
    for person in [world.member, *people[:24]]:
        attend(attended, person)
    for n in range(24):
        attend(past_session(world, days_ago=2 + n, title=f"Past session number {n:02d}"),
               world.member)  # fmt: skip
    certificate = certificate_for(world)
    return {"upcoming": upcoming[0], "attended": attended, "certificate": certificate}


def pages(world, made) -> list[tuple[str, object, str]]:
    slug = world.public.slug
    session, attended = made["upcoming"], made["attended"]
    code = made["certificate"].code
    return [
        ("sign-up", world.member, reverse("meetings:presenter_signup", args=[slug])),
        ("volunteer", world.member,
         reverse("meetings:presenter_volunteer", args=[slug, session.public_id])),
        ("board", world.facilitator, reverse("meetings:presenter_board", args=[slug])),
        ("history", world.facilitator, reverse("meetings:presenter_history", args=[slug])),
        ("session with panels", world.facilitator,
         reverse("meetings:session_detail", args=[slug, attended.public_id])),
        ("transcript", world.member, reverse("meetings:transcript")),
        ("certificate form", world.member, reverse("meetings:certificate_create")),
        ("certificates", world.member, reverse("meetings:certificate_list")),
        ("certificate", world.member, reverse("meetings:certificate_detail", args=[code])),
        ("verification", None, reverse("meetings:certificate_verify", args=[code])),
    ]  # fmt: skip


def test_credit_pages_fit_the_budget_and_the_csp(client, world):
    made = fill(world)
    problems = pages_problems(client, pages(world, made))
    assert not problems, "\n".join(problems)
    assert Certificate.objects.count() == 1
