"""The discussion pages people reach, filled as a community would use them: within the
page-weight budget and with nothing the CSP would block."""

from django.urls import reverse

from staffroom.communities.access import community_access_for
from staffroom.core.tests.test_page_budgets import pages_problems
from staffroom.discussions import services
from staffroom.discussions.tests.factories import question, reply, thread

ANSWER = (
    "We run labs with **kitchen supplies**: vinegar, baking soda, red cabbage as a pH "
    "indicator. Students write a one-paragraph claim, evidence and reasoning after each. "
    "#chemistry #labs"
)


def fill(world) -> dict:
    asked = question(
        world,
        body="I teach every science class in a K-12 school with no lab "
        "room. What hands-on work has worked for you? #labs #rural",
    )
    first = reply(world, asked, body=ANSWER)
    for n in range(24):
        made = reply(
            world,
            asked,
            user=world.facilitator if n % 2 else world.member,
            body=f"{ANSWER} Reply {n}.",
            quoting=first if n % 5 == 0 else None,
        )
        if n % 2:
            services.reaction_toggle(
                actor=world.member,
                access=world.access(world.member),
                thread=asked,
                reply=made,
                kind="helpful",
            )
    services.answer_mark(
        actor=world.member, access=world.access(world.member), thread=asked, reply=first
    )
    services.thread_edit(
        actor=world.member,
        access=world.access(world.member),
        thread=asked,
        title=asked.title,
        body=asked.body + " Thanks in advance!",
    )
    for n in range(20):
        thread(world, title=f"Morning routines, week {n} #sel", body=ANSWER)
    pinned = thread(
        world,
        user=world.facilitator,
        kind="announcement",
        title="Welcome to the community",
        body="Introduce yourself! #welcome",
    )
    services.thread_moderate(
        actor=world.facilitator,
        access=community_access_for(world.facilitator, world.public),
        thread=pinned,
        action="pin",
    )
    services.bookmark_toggle(actor=world.member, access=world.access(world.member), thread=asked)
    return {"question": asked, "first": first}


def pages(world, made) -> list[tuple[str, object, str]]:
    def url(name, *args):
        return reverse(f"discussions:{name}", args=["open-science", *args])

    asked, first = made["question"].public_id, made["first"].public_id
    return [
        ("threads (signed out)", None, url("thread_list")),
        ("threads", world.member, url("thread_list")),
        ("unanswered", world.member, url("question_list")),
        ("tag", world.member, url("tag_detail", "labs")),
        ("thread (signed out)", None, url("thread_detail", asked)),
        ("thread", world.member, url("thread_detail", asked)),
        ("new thread", world.member, url("thread_create")),
        ("reply with a quote", world.member, url("reply_create", asked) + f"?quote={first}"),
        ("edit thread", world.member, url("thread_edit", asked)),
        ("thread history", world.member, url("thread_history", asked)),
        ("bookmarks", world.member, reverse("discussions:bookmark_list")),
        ("thread (facilitator)", world.facilitator, url("thread_detail", asked)),
        ("edit reply", world.facilitator, url("reply_edit", asked, first)),
    ]


def test_discussion_pages_fit_the_budget_and_the_csp(client, world):
    problems = pages_problems(client, pages(world, fill(world)))
    assert not problems, "\n".join(problems)
