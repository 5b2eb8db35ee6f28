from django.urls import path

from staffroom.notifications import inbound_views, views

app_name = "notifications"

urlpatterns = [
    path("notifications/", views.notification_list, name="notification_list"),
    path("notifications/read/", views.notifications_mark_read, name="mark_read"),
    path("notifications/<str:public_id>/open/", views.notification_open, name="notification_open"),
    path("notifications/settings/", views.preference_edit, name="preference_edit"),
    path("notifications/unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("inbound/email/", inbound_views.inbound_email, name="inbound_email"),
]
