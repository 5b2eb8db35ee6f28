from django.urls import path

from staffroom.communities import people, search_page, views

app_name = "communities"

urlpatterns = [
    path("communities/", views.community_list, name="community_list"),
    path("hubs/<slug:hub_slug>/", views.hub_detail, name="hub_detail"),
    path("hubs/<slug:hub_slug>/new/", views.community_create, name="community_create"),
    path("c/<slug:slug>/", views.community_detail, name="community_detail"),
    path("c/<slug:slug>/join/", views.community_join, name="community_join"),
    path("c/<slug:slug>/request/", views.community_request, name="community_request"),
    path("c/<slug:slug>/withdraw/", views.community_withdraw, name="community_withdraw"),
    path("c/<slug:slug>/leave/", views.community_leave, name="community_leave"),
    path("c/<slug:slug>/settings/", views.community_edit, name="community_edit"),
    path("c/<slug:slug>/members/", people.community_members, name="community_members"),
    path("c/<slug:slug>/manage/", views.member_manage, name="member_manage"),
    path(
        "c/<slug:slug>/requests/<str:member>/approve/",
        views.request_approve,
        name="request_approve",
    ),
    path(
        "c/<slug:slug>/requests/<str:member>/decline/",
        views.request_decline,
        name="request_decline",
    ),
    path("c/<slug:slug>/members/<str:member>/role/", views.member_role, name="member_role"),
    path("c/<slug:slug>/members/<str:member>/remove/", views.member_remove, name="member_remove"),
    path("c/<slug:slug>/invitations/", views.invitation_create, name="invitation_create"),
    path(
        "c/<slug:slug>/invitations/<str:invitation>/revoke/",
        views.invitation_revoke,
        name="invitation_revoke",
    ),
    path("invitations/<str:token>/", views.invitation_accept, name="invitation_accept"),
    path("people/", people.directory, name="directory"),
    path("people/peers/", people.peers, name="peers"),
    path("people/<str:public_id>/", people.person_detail, name="person_detail"),
]
urlpatterns += search_page.urlpatterns
