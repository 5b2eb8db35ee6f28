"""The survey pages people reach, filled as a community would use them: within the
page-weight budget and with nothing the CSP would block."""

from django.urls import reverse

from staffroom.communities.services import membership_join, membership_leave
from staffroom.conftest import make_user
from staffroom.core.tests.test_page_budgets import pages_problems
from staffroom.evaluation import surveys
from staffroom.evaluation.models import Invitation
from staffroom.evaluation.tests.survey_factories import (
    invite,
    make_matrix_version,
    make_survey,
    make_version,
    many_items,
    wave_spec,
)


def fill(world) -> dict:
    """A pre/post survey with the pre wave open, answered by one of the three invited
    (one of the others has left since), an anonymous one whose 40-item
    questionnaire the member has started, and one whose statements form a matrix."""
    version = make_version(world)
    named = make_survey(world, version=version, waves=[wave_spec(), wave_spec("post", opens_in=30)])
    leaver = make_user("leaver@example.org", "Lee Leaver")
    membership_join(actor=leaver, access=world.access(leaver))
    for invitation in invite(named.waves.first()):
        if invitation.user == world.facilitator:
            surveys.response_save(
                invitation=invitation, submit=True, items=list(version.items.all()),
                answers={"confident": "3", "supported": "4"},
            )  # fmt: skip
    membership_leave(actor=leaver, access=world.access(leaver))
    forty = make_version(world, rows=many_items(40), title="Forty statements")
    secret = make_survey(world, version=forty, anonymous=True,
                         waves=[wave_spec(), wave_spec("post", opens_in=30)])  # fmt: skip
    invite(secret.waves.first())
    grid = make_survey(world, version=make_matrix_version(world))
    invite(grid.waves.first())
    return {
        "named": named, "secret": secret,
        "named_link": Invitation.objects.get(wave__survey=named, user=world.member).token,
        "secret_link": Invitation.objects.get(wave__survey=secret, user=world.member).token,
        "later": named.waves.get(position=2),
        "grid_link": Invitation.objects.get(wave__survey=grid, user=world.member).token,
    }  # fmt: skip


def pages(world, made) -> list[tuple[str, object, str]]:
    def url(name, *args):
        return reverse(f"evaluation:{name}", args=args)

    named = made["named"]
    return [
        ("my surveys", world.member, url("my_surveys")),
        ("questionnaire", world.member, url("survey_respond", made["named_link"])),
        ("anonymous questionnaire", world.member, url("survey_respond", made["secret_link"])),
        ("questionnaire with a matrix", world.member, url("survey_respond", made["grid_link"])),
        ("surveys of a community", world.facilitator, url("survey_list", "open-science")),
        ("new survey", world.facilitator, url("survey_create", "open-science")),
        ("survey page", world.facilitator, url("survey_detail", named.public_id)),
        ("edit a wave", world.facilitator,
         url("wave_edit", named.public_id, made["later"].public_id)),
        ("surveys of the hub", world.hub_admin, url("hub_survey_list", world.hub.slug)),
        ("new hub survey", world.hub_admin, url("hub_survey_create", world.hub.slug)),
    ]  # fmt: skip


def test_survey_pages_fit_the_budget_and_the_csp(client, world):
    problems = pages_problems(client, pages(world, fill(world)))
    assert not problems, "\n".join(problems)
