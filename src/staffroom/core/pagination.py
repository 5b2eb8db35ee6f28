"""One way to paginate every list (DESIGN rule 3)."""

from django import forms
from django.core.paginator import Page, Paginator

PER_PAGE = 25


class PageForm(forms.Form):
    page = forms.IntegerField(min_value=1, required=False)


def paginate(request, items, per_page: int = PER_PAGE) -> Page:
    """Return the page of ``items`` that ``?page=`` asks for; a bad or too-large
    number gives the nearest real page rather than an error."""
    return Paginator(items, per_page).get_page(page_number(request))


def page_number(request) -> int:
    """The page ``?page=`` asks for; 1 when it is missing or not a number."""
    form = PageForm(request.GET)
    return (form.cleaned_data.get("page") if form.is_valid() else None) or 1
