from django.urls import path

from staffroom.discussions import views

app_name = "discussions"

_C = "c/<slug:slug>/discussions/"
_ONE = _C + "<str:public_id>/"
_REPLY = _ONE + "replies/<str:reply_id>/"

urlpatterns = [
    path("discussions/bookmarks/", views.bookmark_list, name="bookmark_list"),
    path(_C, views.thread_list, name="thread_list"),
    path(_C + "unanswered/", views.question_list, name="question_list"),
    path(_C + "new/", views.thread_create, name="thread_create"),
    path(_C + "tags/<str:tag>/", views.tag_detail, name="tag_detail"),
    path(_ONE, views.thread_detail, name="thread_detail"),
    path(_ONE + "edit/", views.thread_edit, name="thread_edit"),
    path(_ONE + "history/", views.thread_history, name="thread_history"),
    path(_ONE + "history/<int:revision_id>/hide/", views.revision_hide, name="revision_hide"),
    path(_ONE + "reply/", views.reply_create, name="reply_create"),
    path(_ONE + "react/", views.reaction_toggle, name="reaction_toggle"),
    path(_ONE + "bookmark/", views.bookmark_toggle, name="bookmark_toggle"),
    path(_ONE + "answer/", views.answer_mark, name="answer_mark"),
    path(_ONE + "moderate/", views.thread_moderate, name="thread_moderate"),
    path(_REPLY, views.reply_detail, name="reply_detail"),
    path(_REPLY + "edit/", views.reply_edit, name="reply_edit"),
    path(_REPLY + "history/", views.reply_history, name="reply_history"),
]
