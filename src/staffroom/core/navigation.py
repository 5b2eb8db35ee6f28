"""Links other parts add to the main navigation (DESIGN: a lower part owns a small
registry; the parts above register with it in ``AppConfig.ready``). Each link is a
URL name without arguments, so the header costs no query, except the links' optional
``count`` (a callable taking the signed-in user and giving the query whose rows are
counted, e.g. their unread notifications): all of them together in one query, for
signed-in visitors only."""

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db.models import Count, IntegerField, QuerySet, Subquery, Value
from django.urls import reverse


@dataclass(frozen=True)
class NavLink:
    order: int
    label: str  # a lazy translation: it is shown in the reader's language
    url_name: str
    signed_in: bool
    count: Callable | None = None


_LINKS: list[NavLink] = []


def nav_link_register(
    *, order: int, label, url_name: str, signed_in: bool = True, count: Callable | None = None
) -> None:
    _LINKS.append(NavLink(order, label, url_name, signed_in, count))
    _LINKS.sort(key=lambda link: link.order)


def nav_links(user) -> list[tuple[str, str, int]]:
    """``(url, label, count)`` of each registered link this visitor should see, in
    order; ``count`` is 0 for a link without one."""
    signed_in = user.is_authenticated
    links = [link for link in _LINKS if signed_in or not link.signed_in]
    counted = [link.count(user) for link in links if link.count and signed_in]
    counts = iter(_counts(user, counted))
    return [
        (reverse(link.url_name), str(link.label), next(counts) if link.count and signed_in else 0)
        for link in links
    ]


def _counts(user, queries: list[QuerySet]) -> list[int]:
    """How many rows each of ``queries`` has, in one query: each a subquery of a select
    of the user's own row."""
    if not queries:
        return []
    counts = {
        f"n{i}": Subquery(
            query.order_by().annotate(one=Value(1)).values("one").annotate(n=Count("*"))
            .values("n"),
            output_field=IntegerField(),
        )
        for i, query in enumerate(queries)
    }  # fmt: skip
    row = get_user_model().objects.filter(pk=user.pk).values(**counts).first() or {}
    return [row.get(f"n{i}") or 0 for i in range(len(queries))]
