"""The search page: everything the registered parts indexed (``core.search``), only
from the communities the viewer may read, with filters by community, kind, author, tag
and date (days in the viewer's time zone, both ends included).

The community filter offers, of the communities the search covers, those the viewer
takes part in (an active membership) or works for (a role in its hub; a site admin, all
of them); a visitor, who belongs nowhere, is offered the public ones the search covers.
A signed-in person's search still covers every public community ("all")."""

import datetime as dt

from django import forms
from django.core.paginator import Paginator
from django.shortcuts import render
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from staffroom.accounts.models import User
from staffroom.communities.models import Community
from staffroom.communities.selectors import community_filter_list, community_readable_ids
from staffroom.core import search
from staffroom.core.pagination import page_number

PER_PAGE = 20


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search for"), max_length=200, required=False)
    community = forms.ChoiceField(label=_("Community"), required=False)
    kind = forms.ChoiceField(label=_("Kind"), required=False)
    author = forms.CharField(
        label=_("Author"), max_length=150, required=False,
        help_text=_("Their name as it is shown on their posts."),
    )  # fmt: skip
    tag = forms.CharField(label=_("Tag"), max_length=60, required=False)
    since = forms.DateField(
        label=pgettext_lazy("first day of a range", "From"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    until = forms.DateField(
        label=pgettext_lazy("last day of a range", "To"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def __init__(self, data, *, communities, **kwargs):
        super().__init__(data, **kwargs)
        self.fields["community"].choices = [("", _("All communities I can read"))] + [
            (community.slug, community.name) for community in communities
        ]
        self.fields["kind"].choices = [("", _("Everything"))] + [
            (name, kind.label) for name, kind in sorted(search.kinds().items())
        ]

    def clean_author(self) -> int | None:
        """The id of the one active person shown by that name; a name nobody or several
        people go by is refused, so a search never silently covers the wrong person."""
        name = " ".join(self.cleaned_data["author"].split())
        if not name:
            return None
        ids = list(
            User.objects.filter(display_name__iexact=name, is_active=True).values_list(
                "pk", flat=True
            )[:2]
        )
        if not ids:
            raise forms.ValidationError(_("No one goes by that name here."))
        if len(ids) > 1:
            raise forms.ValidationError(
                _("More than one person goes by that name; search without it and look at "
                  "who wrote each result.")
            )  # fmt: skip
        return ids[0]

    def clean_tag(self) -> str:
        return self.cleaned_data["tag"].strip().lstrip("#")

    def clean(self):
        data = super().clean()
        since, until = data.get("since"), data.get("until")
        if since and until and until < since:
            self.add_error("until", _("Choose a day on or after the first one."))
        return data

    def window(self) -> dict:
        """``since`` and ``until`` as moments: from the start of the first day to the
        end of the last, in the viewer's time zone."""
        zone = timezone.get_current_timezone()

        def start(day: dt.date) -> dt.datetime:
            return dt.datetime.combine(day, dt.time.min, tzinfo=zone)

        since, until = self.cleaned_data.get("since"), self.cleaned_data.get("until")
        return {
            "since": start(since) if since else None,
            "until": start(until + dt.timedelta(days=1)) if until else None,
        }


class _Results:
    """What ``Paginator`` needs (a length and slices) over one search: the page asked
    for is fetched once, with its total; another slice searches again."""

    def __init__(self, query: str, offset: int, **filters):
        self.query, self.filters = query, filters
        found = search.search(query, offset=offset, limit=PER_PAGE, **filters)
        self.total, self.offset, self.page = found.total, offset, found.results
        self.capped = found.capped

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
            author_id=data["author"], tag=data["tag"] or None, **form.window(),
        )  # fmt: skip
        page = Paginator(results, PER_PAGE).get_page(number)
        # Results also come from public communities the filter does not offer.
        scopes = {result.scope_id for result in page.object_list}
        names = dict(Community.objects.filter(pk__in=scopes).values_list("pk", "name"))
        people = {result.author_id for result in page.object_list} - {None}
        authors = dict(User.objects.filter(pk__in=people).values_list("pk", "display_name"))
        context.update(
            query=data["q"],
            page=page,
            rows=[
                (result, names.get(result.scope_id, ""), authors.get(result.author_id, ""))
                for result in page.object_list
            ],
        )
    return render(request, "communities/search.html", context)


urlpatterns = [path("search/", search_page, name="search")]
