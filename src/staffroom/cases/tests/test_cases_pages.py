"""The case pages people reach, filled as a community would use them: within the
page-weight budget and with nothing the CSP would block."""

from django.urls import reverse

from staffroom.cases import versions
from staffroom.cases.tests.factories import (
    CLEAN,
    IDENTIFYING,
    accepted,
    attach,
    blank_pdf,
    draft,
    followed_up,
    presented,
    scheduled,
    submitted,
    summarized,
)
from staffroom.core.tests.test_page_budgets import pages_problems


def fill(world) -> dict:
    flagged = draft(world, title="A student who shuts down", background=IDENTIFYING)
    attach(world, flagged, "scan.pdf", blank_pdf())
    return {
        "draft": flagged,
        "submitted": submitted(world, title="Family we cannot reach"),
        "accepted": accepted(world, title="Rebuilding trust after a suspension"),
        "scheduled": scheduled(world, title="A colleague resists peer observation"),
        "presented": presented(world, title="Math anxiety in a mixed-grade room"),
        "summarized": summarized(world, title="Chronic absence in the spring"),
        "followed_up": _revised(
            world, followed_up(world, title="A new teacher's first parent night")
        ),
    }


def _revised(world, case):
    """A case its presenter edited after it was presented: two versions."""
    fields = {**CLEAN, "title": case.title, "background": CLEAN["background"] + " Update: better."}
    access = world.access(world.member, case.community)
    return versions.case_revise(actor=world.member, access=access, case=case, **fields)


def pages(world, made) -> list[tuple[str, object, str]]:
    def url(name, *args):
        return reverse(f"cases:{name}", args=["open-science", *args])

    return [
        ("cases", world.member, url("case_list")),
        ("case library", world.member, url("case_library") + "?words=trust&grade_band=bad"),
        ("new case", world.member, url("case_create")),
        ("draft", world.member, url("case_detail", made["draft"].public_id)),
        ("edit draft", world.member, url("case_edit", made["draft"].public_id)),
        ("check before submitting", world.member, url("case_check", made["draft"].public_id)),
        ("accepted case", world.member, url("case_detail", made["accepted"].public_id)),
        ("queue", world.facilitator, url("case_queue")),
        ("submitted case", world.facilitator, url("case_detail", made["submitted"].public_id)),
        ("scheduled case", world.facilitator, url("case_detail", made["scheduled"].public_id)),
        ("projected case", world.facilitator, url("case_project", made["presented"].public_id)),
        ("presented case", world.member, url("case_detail", made["presented"].public_id)),
        ("summary", world.facilitator, url("case_summary", made["presented"].public_id)),
        ("summarized case", world.facilitator, url("case_detail", made["summarized"].public_id)),
        ("follow-up", world.member, url("followup", made["summarized"].public_id)),
        ("followed-up case", world.member, url("case_detail", made["followed_up"].public_id)),
        ("edit a shared case", world.member, url("case_revise", made["followed_up"].public_id)),
        ("version 1", world.member, url("case_version", made["followed_up"].public_id, 1)),
        (
            "session with a case",
            world.facilitator,
            reverse(
                "meetings:session_detail",
                args=["open-science", made["scheduled"].session.public_id],
            ),
        ),
    ]


def test_case_pages_fit_the_budget_and_the_csp(client, world):
    problems = pages_problems(client, pages(world, fill(world)))
    assert not problems, "\n".join(problems)
