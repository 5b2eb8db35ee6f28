"""Links other parts add to the main navigation (DESIGN: a lower part owns a small
registry; the parts above register with it in ``AppConfig.ready``). Each link is a
URL name without arguments, so the header costs no query, except a link's optional
``count`` (a callable taking the signed-in user, e.g. unread notifications): one query
each, for signed-in visitors only."""

from collections.abc import Callable
from dataclasses import dataclass

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
    return [
        (
            reverse(link.url_name),
            str(link.label),
            link.count(user) if link.count and signed_in else 0,
        )
        for link in _LINKS
        if signed_in or not link.signed_in
    ]
