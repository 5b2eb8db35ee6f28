"""The search page: everything the registered parts indexed (``core.search``), only
from the communities the viewer may read, with filters by community and kind.

The community filter offers, of the communities the search covers, those the viewer
takes part in (an active membership) or works for (a role in its hub; a site admin, all
of them); a visitor, who belongs nowhere, is offered the public ones the search covers.
A signed-in person's search still covers every public community ("all")."""

from django import forms
from django.core.paginator import Paginator
from django.shortcuts import render
from django.urls import path
from django.utils.translation import gettext_lazy as _

from staffroom.communities.models import Community
from staffroom.communities.selectors import community_filter_list, community_readable_ids
from staffroom.core import search
from staffroom.core.pagination import page_number

PER_PAGE = 20


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search for"), max_length=200, required=False)
    community = forms.ChoiceField(label=_("Community"), required=False)
    kind = forms.ChoiceField(label=_("Kind"), required=False)

    def __init__(self, data, *, communities, **kwargs):
        super().__init__(data, **kwargs)
        self.fields["community"].choices = [("", _("All communities I can read"))] + [
            (community.slug, community.name) for community in communities
        ]
        self.fields["kind"].choices = [("", _("Everything"))] + [
            (name, kind.label) for name, kind in sorted(search.kinds().items())
        ]


class _Results:
    """What ``Paginator`` needs (a length and slices) over one search: the page asked
    for is fetched once, with its total; another slice searches again."""

    def __init__(self, query: str, offset: int, **filters):
        self.query, self.filters = query, filters
        found = search.search(query, offset=offset, limit=PER_PAGE, **filters)
        self.total, self.offset, self.page = found.total, offset, found.results

    def count(self) -> int:
        return self.total

    def __getitem__(self, window: slice):
        if window.start == self.offset:
            return self.page
        found = search.search(
            self.query, offset=window.start, limit=window.stop - window.start, **self.filters
        )
        return found.results


def search_page(request):
    readable = community_readable_ids(request.user)
    communities = community_filter_list(request.user, readable)
    form = SearchForm(request.GET, communities=communities)
    context = {"form": form, "page": None, "query": ""}
    if form.is_valid() and form.cleaned_data["q"].strip():
        data = form.cleaned_data
        by_slug = {community.slug: community for community in communities}
        scope = [by_slug[data["community"]].pk] if data["community"] else readable
        number = page_number(request)
        offset = (number - 1) * PER_PAGE
        narrower = {
            name: kind.scopes(request.user)
            for name, kind in search.kinds().items()
            if kind.scopes is not None
        }
        results = _Results(
            data["q"], offset, scope_ids=scope, kind_scopes=narrower,
            kinds=[data["kind"]] if data["kind"] else None,
        )  # fmt: skip
        page = Paginator(results, PER_PAGE).get_page(number)
        # Results also come from public communities the filter does not offer.
        scopes = {result.scope_id for result in page.object_list}
        names = dict(Community.objects.filter(pk__in=scopes).values_list("pk", "name"))
        context.update(
            query=data["q"],
            page=page,
            rows=[(result, names.get(result.scope_id, "")) for result in page.object_list],
        )
    return render(request, "communities/search.html", context)


urlpatterns = [path("search/", search_page, name="search")]
