from django.urls import path

from staffroom.discussions import conversation_views as dm
from staffroom.discussions import following_views, views

app_name = "discussions"

_C = "c/<slug:slug>/discussions/"
_ONE = _C + "<str:public_id>/"
_REPLY = _ONE + "replies/<str:reply_id>/"
_M = "messages/<str:public_id>/"
_PERSON = "messages/people/<str:person_id>/"

urlpatterns = [
    path("discussions/bookmarks/", views.bookmark_list, name="bookmark_list"),
    path("messages/", dm.conversation_list, name="conversation_list"),
    path("messages/new/", dm.conversation_create, name="conversation_create"),
    path("messages/blocked/", dm.block_list, name="block_list"),
    path(_PERSON + "block/", dm.person_block, name="person_block"),
    path(_PERSON + "unblock/", dm.person_unblock, name="person_unblock"),
    path(_M, dm.conversation_detail, name="conversation_detail"),
    path(_M + "send/", dm.message_create, name="message_create"),
    path(_M + "add/", dm.conversation_add, name="conversation_add"),
    path(_M + "leave/", dm.conversation_leave, name="conversation_leave"),
    path(_M + "mute/", dm.conversation_mute, name="conversation_mute"),
    path("discussions/following/", following_views.following_list, name="following_list"),
    path("discussions/following/tags/", following_views.following_tags, name="following_tags"),
    path("discussions/since/", following_views.since_list, name="since_list"),
    path(_C, views.thread_list, name="thread_list"),
    path(_C + "unanswered/", views.question_list, name="question_list"),
    path(_C + "new/", views.thread_create, name="thread_create"),
    path(_C + "tags/<str:tag>/", views.tag_detail, name="tag_detail"),
    path(_C + "shared/", views.share_list, name="share_list"),
    path(_C + "shared/<str:public_id>/remove/", views.share_remove, name="share_remove"),
    path(_C + "tags/<str:tag>/follow/", following_views.tag_follow, name="tag_follow"),
    path(_ONE, views.thread_detail, name="thread_detail"),
    path(_ONE + "edit/", views.thread_edit, name="thread_edit"),
    path(_ONE + "history/", views.thread_history, name="thread_history"),
    path(_ONE + "history/<int:revision_id>/hide/", views.revision_hide, name="revision_hide"),
    path(_ONE + "reply/", views.reply_create, name="reply_create"),
    path(_ONE + "react/", views.reaction_toggle, name="reaction_toggle"),
    path(_ONE + "bookmark/", views.bookmark_toggle, name="bookmark_toggle"),
    path(_ONE + "notifications/", following_views.thread_subscription, name="thread_subscription"),
    path(_ONE + "answer/", views.answer_mark, name="answer_mark"),
    path(_ONE + "moderate/", views.thread_moderate, name="thread_moderate"),
    path(_ONE + "move/", views.thread_move, name="thread_move"),
    path(_ONE + "share/", views.thread_share, name="thread_share"),
    path(
        _ONE + "files/<str:attachment_id>/", views.attachment_download, name="attachment_download"
    ),
    path(_REPLY, views.reply_detail, name="reply_detail"),
    path(_REPLY + "edit/", views.reply_edit, name="reply_edit"),
    path(_REPLY + "history/", views.reply_history, name="reply_history"),
]
