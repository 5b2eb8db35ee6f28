from django.urls import path

from staffroom.accounts import views

app_name = "accounts"

urlpatterns = [
    path("profile/", views.profile_edit, name="profile_edit"),
    path("language/", views.language_set, name="language_set"),
]
