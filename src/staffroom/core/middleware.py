"""Requests refused before any part sees them."""

from django.http import HttpResponseNotFound


class NullCharacterMiddleware:
    """A path with a NUL character names nothing here: a 404, before a view passes it to
    the database (PostgreSQL refuses NUL in text and the view would fail with a 500)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path:
            return HttpResponseNotFound()
        return self.get_response(request)
