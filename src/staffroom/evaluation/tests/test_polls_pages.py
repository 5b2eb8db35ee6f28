"""The poll pages people reach, filled as a community would use them: within the
page-weight budget and with nothing the CSP would block."""

from django.urls import reverse

from staffroom.conftest import make_user
from staffroom.core.tests.test_page_budgets import pages_problems
from staffroom.evaluation.models import Poll
from staffroom.evaluation.tests.factories import make_poll, vote
from staffroom.meetings.tests.factories import make_session


def fill(world) -> dict:
    session = make_session(world)
    named = make_poll(world, question="Which routine will you try first?", session=session)
    secret = make_poll(
        world, question="How stretched do you feel this month?", anonymous=True,
        options=["Fine", "Busy", "Underwater"], show_results=Poll.ShowResults.AFTER_CLOSE,
    )  # fmt: skip
    for number in range(12):
        person = make_user(f"voter{number}@example.org", f"Voter {number}")
        world.public.memberships.create(user=person, role="member", status="active")
        vote(world, named, person, ["Turn and talk", "Exit tickets"][number % 2])
    vote(world, named, world.member, "Think-pair-share")
    return {"named": named, "secret": secret, "session": session}


def pages(world, made) -> list[tuple[str, object, str]]:
    def url(name, *args):
        return reverse(f"evaluation:{name}", args=["open-science", *args])

    session_page = reverse(
        "meetings:session_detail", args=["open-science", made["session"].public_id]
    )
    return [
        ("polls", world.member, url("poll_list")),
        ("poll voted", world.member, url("poll_detail", made["named"].public_id)),
        ("anonymous poll", world.member, url("poll_detail", made["secret"].public_id)),
        ("poll visitor", None, url("poll_detail", made["named"].public_id)),
        ("session with its poll", world.member, session_page),
        ("session polls", world.member, url("poll_session_list", made["session"].public_id)),
        ("polls facilitator", world.facilitator, url("poll_list")),
        (
            "poll results facilitator",
            world.facilitator,
            url("poll_detail", made["named"].public_id),
        ),
        ("new poll", world.facilitator, url("poll_create")),
    ]


def test_poll_pages_fit_the_budget_and_the_csp(client, world):
    problems = pages_problems(client, pages(world, fill(world)))
    assert not problems, "\n".join(problems)
