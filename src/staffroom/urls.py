from django.contrib import admin
from django.urls import include, path

from staffroom.core import views as core_views

urlpatterns = [
    path("", core_views.home, name="home"),
    path("", include("staffroom.communities.urls")),
    path("", include("staffroom.accounts.urls")),
    path("", include("staffroom.meetings.urls")),
    path("", include("staffroom.evaluation.urls")),
    path("", include("staffroom.cases.urls")),
    path("", include("staffroom.discussions.urls")),
    path("", include("staffroom.notifications.urls")),
    path("accounts/", include("allauth.urls")),
    path("admin/", admin.site.urls),
]
