"""The case pages people reach, filled as a community would use them: within the
page-weight budget and with nothing the CSP would block."""

from django.urls import reverse

from staffroom.cases.tests.factories import (
    IDENTIFYING,
    accepted,
    attach,
    blank_pdf,
    draft,
    submitted,
)
from staffroom.core.tests.test_page_budgets import pages_problems


def fill(world) -> dict:
    flagged = draft(world, title="A student who shuts down", background=IDENTIFYING)
    attach(world, flagged, "scan.pdf", blank_pdf())
    return {
        "draft": flagged,
        "submitted": submitted(world, title="Family we cannot reach"),
        "accepted": accepted(world, title="Rebuilding trust after a suspension"),
    }


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
    ]


def test_case_pages_fit_the_budget_and_the_csp(client, world):
    problems = pages_problems(client, pages(world, fill(world)))
    assert not problems, "\n".join(problems)
