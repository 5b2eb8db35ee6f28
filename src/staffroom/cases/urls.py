from django.urls import path

from staffroom.cases import views

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
    path(_ONE + "attachments/<str:attachment_id>/remove/", views.attachment_remove,
         name="attachment_remove"),
    path(_ONE + "attachments/<str:attachment_id>/confirm/", views.attachment_confirm,
         name="attachment_confirm"),
    path(_ONE + "check/", views.case_check, name="case_check"),
    path(_ONE + "check/replace/", views.finding_replace, name="finding_replace"),
    path(_ONE + "check/clear/", views.finding_clear, name="finding_clear"),
    path(_ONE + "submit/", views.case_submit, name="case_submit"),
    path(_ONE + "accept/", views.case_accept, name="case_accept"),
    path(_ONE + "return/", views.case_return, name="case_return"),
]  # fmt: skip
