from django.conf import settings


def absolute_url(path: str) -> str:
    """A full URL for links in email, which has no request to build one from."""
    return f"{settings.SITE_URL}{path}"
