"""The vocabulary of the access walk (DESIGN rule 1), shared by every app's table.

The walk itself is ``communities/tests/test_access.py``; an app whose URLs it must
cover lists them as ``CASES`` in ``<app>/tests/walk.py``, built with ``Case`` and
``scoped`` from here and the ``world`` of ``staffroom.conftest``.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.urls import reverse

LOGIN = "login"  # 302 to the sign-in page, coming back here afterwards
DONE = "done"  # 302 somewhere else than the sign-in page
PERSONAS = ("anonymous", "outsider", "member", "facilitator", "hub_admin")

PUBLIC, PRIVATE, HIDDEN = "open-science", "rural-counselors", "district-leaders"
MISSING = "no-such-community"
SLUGS = {"public": PUBLIC, "private": PRIVATE, "hidden": HIDDEN, "missing": MISSING}
COMMUNITY_NAMES = {PUBLIC: "Open Science", PRIVATE: "Rural Counselors", HIDDEN: "District Leaders"}


def answers(anonymous, outsider, member, facilitator, hub_admin) -> dict:
    return dict(zip(PERSONAS, (anonymous, outsider, member, facilitator, hub_admin), strict=True))


NOT_FOUND = answers(404, 404, 404, 404, 404)


@dataclass(frozen=True)
class Case:
    """One URL name, on one kind of object (``variant``), with one method."""

    name: str
    variant: str
    expect: dict
    method: str = "get"
    # (world, slug) -> the URL's kwargs besides ``slug``; and -> the POST body.
    kwargs: Callable = field(default=lambda world, slug: {})
    data: Callable = field(default=lambda world, slug: {})
    community_scoped: bool = False

    @property
    def id(self) -> str:
        return f"{self.method.upper()} {self.name} [{self.variant}]"

    def url(self, world) -> str:
        kwargs = self.kwargs(world, SLUGS.get(self.variant))
        if self.community_scoped:
            kwargs = {"slug": SLUGS[self.variant], **kwargs}
        return reverse(self.name, kwargs=kwargs)


def scoped(name, *, public, private, hidden, method="get", kwargs=None, data=None) -> list[Case]:
    """A community-scoped URL on the public, private and hidden community, and on a
    slug that does not exist (404 for everyone)."""
    extra = {k: v for k, v in (("kwargs", kwargs), ("data", data)) if v}
    return [
        Case(name, variant, expect, method=method, community_scoped=True, **extra)
        for variant, expect in (
            ("public", public),
            ("private", private),
            ("hidden", hidden),
            ("missing", NOT_FOUND),
        )
    ]


# What each persona holds in the world: the facilitator runs all three communities,
# the member belongs to all three, the hub admin runs them through their hub role
# (not a member), the outsider belongs to none.
# Columns:        anonymous  outsider  member  facilitator  hub_admin
RUN_COMMUNITY = dict(  # pages and actions for those who run the community
    public=answers(LOGIN, 403, 403, 200, 200),
    private=answers(LOGIN, 404, 403, 200, 200),
    hidden=answers(404, 404, 403, 200, 200),
)
RUN_COMMUNITY_POST = {
    variant: {persona: DONE if status == 200 else status for persona, status in expect.items()}
    for variant, expect in RUN_COMMUNITY.items()
}
MEMBERS_ONLY = dict(
    public=answers(LOGIN, 403, 200, 200, 200),
    private=answers(LOGIN, 404, 200, 200, 200),
    hidden=answers(404, 404, 200, 200, 200),
)
SIGNED_IN = answers(LOGIN, 200, 200, 200, 200)
