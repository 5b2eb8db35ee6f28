from django.urls import path

from staffroom.evaluation import views

app_name = "evaluation"

_P = "c/<slug:slug>/polls/"
_ONE = _P + "<str:public_id>/"

urlpatterns = [
    path(_P, views.poll_list, name="poll_list"),
    path(_P + "new/", views.poll_create, name="poll_create"),
    path(_P + "session/<str:session_id>/", views.poll_session_list, name="poll_session_list"),
    path(_ONE, views.poll_detail, name="poll_detail"),
    path(_ONE + "vote/", views.poll_vote, name="poll_vote"),
    path(_ONE + "close/", views.poll_close, name="poll_close"),
]
