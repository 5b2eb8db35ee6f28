"""One way to paginate every list (DESIGN rule 3)."""

from django import forms
from django.core.paginator import Page, Paginator

PER_PAGE = 25


class PageForm(forms.Form):
    page = forms.IntegerField(min_value=1, required=False)


def paginate(request, items, per_page: int = PER_PAGE) -> Page:
    """Return the page of ``items`` that ``?page=`` asks for; a bad or too-large
    number gives the nearest real page rather than an error."""
    form = PageForm(request.GET)
    number = form.cleaned_data.get("page") if form.is_valid() else None
    return Paginator(items, per_page).get_page(number or 1)
