from importlib import import_module

app_name = "meetings"

# Each area's views module declares its own URL patterns (see views/__init__.py).
AREAS = ["schedule", "registration", "calendar", "attendance", "credit"]

urlpatterns = []
for area in AREAS:
    urlpatterns += import_module(f"staffroom.meetings.views.{area}").urlpatterns
