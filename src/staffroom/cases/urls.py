from django.urls import path

from staffroom.cases import views, workflow_views

app_name = "cases"

_C = "c/<slug:slug>/cases/"
_ONE = _C + "<str:public_id>/"

urlpatterns = [
    path(_C, views.case_list, name="case_list"),
    path(_C + "new/", views.case_create, name="case_create"),
    path(_C + "queue/", views.case_queue, name="case_queue"),
    path(_C + "library/", views.case_library, name="case_library"),
    path(_ONE, views.case_detail, name="case_detail"),
    path(_ONE + "edit/", views.case_edit, name="case_edit"),
    path(_ONE + "attachments/", views.attachment_add, name="attachment_add"),
    path(_ONE + "attachments/<str:attachment_id>/confirm/", views.attachment_confirm,
         name="attachment_confirm"),
    path(_ONE + "check/", views.case_check, name="case_check"),
    path(_ONE + "check/replace/", views.finding_replace, name="finding_replace"),
    path(_ONE + "check/clear/", views.finding_clear, name="finding_clear"),
    path(_ONE + "submit/", views.case_submit, name="case_submit"),
    path(_ONE + "accept/", views.case_accept, name="case_accept"),
    path(_ONE + "return/", views.case_return, name="case_return"),
    path(_ONE + "schedule/", workflow_views.case_schedule, name="case_schedule"),
    path(_ONE + "unschedule/", workflow_views.case_unschedule, name="case_unschedule"),
    path(_ONE + "presented/", workflow_views.case_mark_presented, name="case_mark_presented"),
    path(_ONE + "project/", workflow_views.case_project, name="case_project"),
    path(_ONE + "contributions/", workflow_views.contribution_add, name="contribution_add"),
    path(_ONE + "contributions/<str:contribution_id>/thank/", workflow_views.contribution_thank,
         name="contribution_thank"),
    path(_ONE + "summary/", workflow_views.case_summary, name="case_summary"),
    path(_ONE + "followup/", workflow_views.case_followup, name="followup"),
    path(_ONE + "followup/date/", workflow_views.followup_move, name="followup_move"),
    path(_ONE + "revise/", workflow_views.case_revise, name="case_revise"),
    path(_ONE + "versions/<int:number>/", workflow_views.case_version, name="case_version"),
]  # fmt: skip
