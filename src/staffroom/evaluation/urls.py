from django.urls import path

from staffroom.evaluation import feedback_overview_views as fo
from staffroom.evaluation import instrument_views as iv
from staffroom.evaluation import session_feedback_views as fv
from staffroom.evaluation import survey_analysis_views as av
from staffroom.evaluation import survey_views as sv
from staffroom.evaluation import views

app_name = "evaluation"

_P = "c/<slug:slug>/polls/"
_ONE = _P + "<str:public_id>/"
_H = "hubs/<slug:hub_slug>/instruments/"
_I = _H + "<str:public_id>/"
_V = _I + "v<int:number>/"
_CS = "c/<slug:slug>/surveys/"
_HS = "hubs/<slug:hub_slug>/surveys/"
_S = "surveys/<str:public_id>/"
_FO = "c/<slug:slug>/feedback/"
# The sessions part's paths of the form, kept so links already emailed still work.
_F = "c/<slug:slug>/sessions/<str:public_id>/feedback/"

urlpatterns = [
    path(_P, views.poll_list, name="poll_list"),
    path(_P + "new/", views.poll_create, name="poll_create"),
    path(_P + "session/<str:session_id>/", views.poll_session_list, name="poll_session_list"),
    path(_ONE, views.poll_detail, name="poll_detail"),
    path(_ONE + "vote/", views.poll_vote, name="poll_vote"),
    path(_ONE + "close/", views.poll_close, name="poll_close"),
    path(_H, iv.instrument_list, name="instrument_list"),
    path(_H + "new/", iv.instrument_create, name="instrument_create"),
    path(_H + "import/", iv.instrument_import, name="instrument_import"),
    path(_H + "library/", iv.instrument_library_add, name="instrument_library_add"),
    path(_I, iv.instrument_detail, name="instrument_detail"),
    path(_I + "import/", iv.version_import, name="version_import"),
    path(_I + "new-version/", iv.version_create, name="version_create"),
    path(_V, iv.version_detail, name="version_detail"),
    path(_V + "preview/", iv.version_preview, name="version_preview"),
    path(_V + "dictionary.csv", iv.version_export, name="version_export"),
    path(_V + "publish/", iv.version_publish, name="version_publish"),
    path(_V + "discard/", iv.version_discard, name="version_discard"),
    path(_V + "scoring/", iv.version_scoring, name="version_scoring"),
    path(_V + "sections/new/", iv.section_create, name="section_create"),
    path(_V + "sections/<str:section_id>/", iv.section_edit, name="section_edit"),
    path(_V + "sections/<str:section_id>/delete/", iv.section_delete, name="section_delete"),
    path(_V + "sections/<str:section_id>/move/", iv.section_move, name="section_move"),
    path(_V + "sections/<str:section_id>/items/new/", iv.item_create, name="item_create"),
    path(_V + "items/<str:item_id>/", iv.item_edit, name="item_edit"),
    path(_V + "items/<str:item_id>/delete/", iv.item_delete, name="item_delete"),
    path(_V + "items/<str:item_id>/move/", iv.item_move, name="item_move"),
    path(_CS, sv.survey_list, name="survey_list"),
    path(_CS + "new/", sv.survey_create, name="survey_create"),
    path(_HS, sv.hub_survey_list, name="hub_survey_list"),
    path(_HS + "new/", sv.hub_survey_create, name="hub_survey_create"),
    path("surveys/mine/", sv.my_surveys, name="my_surveys"),
    path("surveys/answer/<str:token>/", sv.survey_respond, name="survey_respond"),
    path(_S, sv.survey_detail, name="survey_detail"),
    path(_S + "waves/<str:wave_id>/", sv.wave_edit, name="wave_edit"),
    path(_S + "waves/<str:wave_id>/close/", sv.wave_close, name="wave_close"),
    path(_S + "analysis/", av.survey_analysis, name="survey_analysis"),
    path(_S + "analysis/items/", av.survey_analysis_items, name="survey_analysis_items"),
    path(_S + "export/<str:kind>", av.survey_export, name="survey_export"),
    path(_FO, fo.feedback_overview, name="feedback_overview"),
    path(_FO + "answers.csv", fo.feedback_answers_csv, name="feedback_answers_csv"),
    path(_FO + "dictionary.csv", fo.feedback_dictionary_csv, name="feedback_dictionary_csv"),
    path(_F, fv.feedback_form, name="feedback_form"),
    path(_F + "answers/", fv.feedback_results, name="feedback_results"),
]
