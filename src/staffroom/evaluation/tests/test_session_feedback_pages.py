"""The pages of the form after a session, full of answers: within the HTML budget
(14 KB gzipped) and nothing the CSP blocks. The same pages in a real Chromium are in
``test_session_feedback_browser.py``."""

from django.urls import reverse

from staffroom.communities.access import community_access_for
from staffroom.core.tests.test_page_budgets import pages_problems
from staffroom.evaluation.session_feedback import feedback_submit
from staffroom.meetings.tests.factories_credit import attend, colleague, past_session

LONG = "The opener, the protocol for the case discussion and the exit ticket at the end"


def fill(world) -> dict:
    """A session with 25 answers to every question (the member's among them) and
    another the member attended without answering yet."""
    answered = past_session(world, days_ago=1, title="A session with many answers")
    people = [world.member, *(colleague(world, f"Colleague Number {n:02d}") for n in range(24))]
    for n, person in enumerate(people):
        attend(answered, person)
        feedback_submit(
            actor=person, access=community_access_for(person, world.public), session=answered,
            answers={
                "overall": str(1 + n % 5), "overall_why": LONG, "usefulness": str(1 + n % 5),
                "will_apply": "4", "pace": "2", "most_useful": LONG, "will_use": LONG,
                "change": "A little more time for questions at the end",
            },
        )  # fmt: skip
    unanswered = past_session(world, days_ago=2, title="A session to give feedback on")
    attend(unanswered, world.member)
    return {"answered": answered, "unanswered": unanswered}


def pages(world, made) -> list[tuple[str, object, str]]:
    slug = world.public.slug
    answered, unanswered = made["answered"].public_id, made["unanswered"].public_id
    return [
        ("feedback form", world.member,
         reverse("evaluation:feedback_form", args=[slug, unanswered])),
        ("feedback form answered", world.member,
         reverse("evaluation:feedback_form", args=[slug, answered])),
        ("session with the form", world.member,
         reverse("meetings:session_detail", args=[slug, unanswered])),
        ("feedback answers", world.facilitator,
         reverse("evaluation:feedback_results", args=[slug, answered])),
        ("session with the summary", world.facilitator,
         reverse("meetings:session_detail", args=[slug, answered])),
    ]  # fmt: skip


def test_session_feedback_pages_fit_the_budget_and_the_csp(client, world):
    problems = pages_problems(client, pages(world, fill(world)))
    assert not problems, "\n".join(problems)
