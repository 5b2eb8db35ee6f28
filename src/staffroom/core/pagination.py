"""One way to paginate every list (DESIGN rule 3)."""

from django import forms
from django.core.paginator import Page, Paginator
from django.db.models import QuerySet

PER_PAGE = 25


class PageForm(forms.Form):
    page = forms.IntegerField(min_value=1, required=False)


def paginate(request, items, per_page: int = PER_PAGE) -> Page:
    """Return the page of ``items`` that ``?page=`` asks for; a bad or too-large
    number gives the nearest real page rather than an error."""
    return Paginator(items, per_page).get_page(page_number(request))


class _KeyPaginator(Paginator):
    """Counts and skips over the ordered primary keys only, then reads the page's rows
    with one query whose subquery picks their keys."""

    def __init__(self, items: QuerySet, per_page: int):
        super().__init__(items.values_list("pk", flat=True), per_page)
        self.items = items

    def _get_page(self, keys, number, paginator):
        return Page(self.items.filter(pk__in=keys), number, paginator)


def paginate_by_key(request, items: QuerySet, per_page: int = PER_PAGE) -> Page:
    """``paginate`` for long lists whose order an index holds (a community's 50,000
    threads): the count and the skipping to a deep page run over that index alone
    (``OFFSET`` never reads the rows it skips), and only the page's rows are read, so
    page 2,000 costs about what page 1 does, in the same number of queries."""
    return _KeyPaginator(items, per_page).get_page(page_number(request))


def page_number(request) -> int:
    """The page ``?page=`` asks for; 1 when it is missing or not a number."""
    form = PageForm(request.GET)
    return (form.cleaned_data.get("page") if form.is_valid() else None) or 1
