import zoneinfo

from django.utils import timezone, translation


class UserPreferencesMiddleware:
    """Show each signed-in person the site in their language and time zone.

    Runs after LocaleMiddleware (which follows the browser) and overrides it only when
    the person chose a language."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if user.is_authenticated:
            if user.language:
                translation.activate(user.language)
                request.LANGUAGE_CODE = user.language
            timezone.activate(zoneinfo.ZoneInfo(user.time_zone))
        else:
            timezone.deactivate()
        return self.get_response(request)
