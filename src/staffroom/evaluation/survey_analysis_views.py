"""A survey's analysis (scales, pre/post, correlations, subgroups), its item
descriptives, and its downloads, for those who manage the survey (``access_survey``:
the community's facilitators, the hub's evaluators and admins; 404 for anyone else)."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.safestring import mark_safe

from staffroom.core.pagination import paginate
from staffroom.evaluation import survey_analysis as analyses
from staffroom.evaluation import survey_exports as exports
from staffroom.evaluation.access import access_survey

T = "evaluation/surveys/"


@login_required
def survey_analysis(request, public_id):
    survey = access_survey(request.user, public_id)
    result = analyses.survey_analysis(survey)
    context = {"survey": survey, "result": result}
    if result.analysis is not None:
        context.update(
            scales=analyses.scale_sections(result),
            # Built with ElementTree, which escapes every name and label it holds.
            chart=mark_safe(analyses.prepost_chart(result)),
            correlations=analyses.correlation_sections(result),
            groups=analyses.group_sections(result),
        )
    return render(request, T + "analysis.html", context)


@login_required
def survey_analysis_items(request, public_id):
    survey = access_survey(request.user, public_id)
    result = analyses.survey_analysis(survey)
    found = list(result.analysis.items.values()) if result.analysis is not None else []
    page = paginate(request, found, per_page=analyses.ITEMS_PER_PAGE)
    items = analyses.item_sections(result, page.object_list) if found else []
    for item in items:  # SVG built with ElementTree, which escaped every label in it
        item["chart"] = mark_safe(item["chart"])
    context = {"survey": survey, "result": result, "page": page, "items": items}
    return render(request, T + "analysis_items.html", context)


@login_required
def survey_export(request, public_id, kind):
    survey = access_survey(request.user, public_id)
    if kind not in exports.EXPORTS:
        raise Http404
    content = exports.export_content(survey, exports.survey_table(survey), kind)
    response = HttpResponse(content, content_type=exports.EXPORTS[kind])
    response["Content-Disposition"] = f'attachment; filename="{exports.export_name(survey, kind)}"'
    return response
