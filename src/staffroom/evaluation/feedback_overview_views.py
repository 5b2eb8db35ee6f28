"""The session feedback overview of a community and its two downloads, for those who
manage its surveys (its facilitators, the hub's admins and evaluators): a 403 for its
members, a 404 for anyone who may not read the community."""

from django import forms
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from staffroom.communities import permissions as perms
from staffroom.communities.access import community_view
from staffroom.core.pagination import paginate
from staffroom.evaluation import feedback_overview as overviews
from staffroom.meetings.models import Series

CSV = "text/csv; charset=utf-8"


class SeriesFilterForm(forms.Form):
    """``?series=``: one of the community's series, or every session. A series that is
    not the community's is ignored (the page then shows every session)."""

    series = forms.ModelChoiceField(
        queryset=Series.objects.none(),
        to_field_name="public_id",
        required=False,
        empty_label=_("Every session"),
        label=_("Series"),
    )

    def __init__(self, data, *, community):
        super().__init__(data)
        self.fields["series"].queryset = Series.objects.filter(community=community)

    def chosen(self) -> Series | None:
        return self.cleaned_data["series"] if self.is_valid() else None


@community_view(need=perms.MANAGE_SURVEYS)
def feedback_overview(request, access):
    form = SeriesFilterForm(request.GET, community=access.community)
    series = form.chosen()
    sessions = overviews.past_session_list(access.community, series)
    page = paginate(request, sessions, per_page=overviews.PER_PAGE)
    context = {
        "access": access, "community": access.community, "form": form, "series": series,
        "page": page, "overview": overviews.feedback_overview(access.community, page),
    }  # fmt: skip
    return render(request, "evaluation/feedback/overview.html", context)


def _download(content: bytes, name: str) -> HttpResponse:
    response = HttpResponse(content, content_type=CSV)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@community_view(need=perms.MANAGE_SURVEYS)
def feedback_answers_csv(request, access):
    series = SeriesFilterForm(request.GET, community=access.community).chosen()
    content = overviews.community_answers_csv(access.community, series)
    return _download(content, f"{access.community.slug}-session-feedback-{overviews.ANSWERS_FILE}")


@community_view(need=perms.MANAGE_SURVEYS)
def feedback_dictionary_csv(request, access):
    name = f"{access.community.slug}-session-feedback-{overviews.DICTIONARY_FILE}"
    return _download(overviews.dictionary_csv(), name)
