"""The builder's pages, filled as an evaluator would use them: within the page-weight
budget and with nothing the CSP would block."""

from django.urls import reverse

from staffroom.core.tests.test_page_budgets import pages_problems
from staffroom.evaluation import instruments
from staffroom.evaluation.tests.instrument_factories import (
    builder_access,
    likert,
    make_instrument,
    scaled_specs,
)


def fill(world) -> dict:
    draft = make_instrument(world, *scaled_specs()).versions.get()
    published = make_instrument(
        world, *(likert(f"calm_{n}", subscale="calm", reverse=n == 3) for n in range(1, 9)),
        title="Calm in a crisis",
    ).versions.get()  # fmt: skip
    instruments.version_publish(
        actor=world.hub_admin, hub_access=builder_access(world), version=published
    )
    return {"draft": draft, "published": published}


def pages(world, made) -> list[tuple[str, object, str]]:
    draft, published = made["draft"], made["published"]

    def url(name, version=None, *args):
        if version is None:
            return reverse(f"evaluation:{name}", args=["plains", *args])
        return reverse(
            f"evaluation:{name}",
            args=["plains", version.instrument.public_id, version.number, *args],
        )

    section = draft.sections.get()
    item = draft.items.get(name="years")
    admin = world.hub_admin
    return [
        ("instruments", admin, url("instrument_list")),
        ("new instrument", admin, url("instrument_create")),
        ("import dictionary", admin, url("instrument_import")),
        ("instrument", admin, reverse("evaluation:instrument_detail",
                                      args=["plains", published.instrument.public_id])),
        ("import version", admin, reverse("evaluation:version_import",
                                          args=["plains", published.instrument.public_id])),
        ("draft version", admin, url("version_detail", draft)),
        ("published version", admin, url("version_detail", published)),
        ("preview", admin, url("version_preview", draft)),
        ("new section", admin, url("section_create", draft)),
        ("edit section", admin, url("section_edit", draft, section.public_id)),
        ("new item", admin, url("item_create", draft, section.public_id)),
        ("edit item", admin, url("item_edit", draft, item.public_id)),
        ("hub with instruments link", admin, reverse("communities:hub_detail", args=["plains"])),
    ]  # fmt: skip


def test_instrument_pages_fit_the_budget_and_the_csp(client, world):
    problems = pages_problems(client, pages(world, fill(world)))
    assert not problems, "\n".join(problems)
