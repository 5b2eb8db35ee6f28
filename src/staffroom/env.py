"""Typed readers for configuration from environment variables.

Each helper returns the default when the variable is unset and raises
``ImproperlyConfigured`` naming the variable when the value cannot be read,
so a typo in production fails at start-up instead of being silently guessed.
"""

import os
from urllib.parse import parse_qs, unquote, urlsplit

from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {raw!r}")


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None:
        return default
    try:
        return int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {raw!r}") from None


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


def env_email_url(name: str, default: str) -> dict:
    """Read a mailer from a URL: ``console:``, ``smtp://user:pass@host:587?tls=1``,
    ``smtps://...`` (implicit TLS), ``locmem:`` or ``dummy:``; return a MAILERS entry."""
    raw = os.environ.get(name, default)
    url = urlsplit(raw)
    simple = {
        "console": "django.core.mail.backends.console.EmailBackend",
        "locmem": "django.core.mail.backends.locmem.EmailBackend",
        "dummy": "django.core.mail.backends.dummy.EmailBackend",
    }
    if url.scheme in simple:
        return {"BACKEND": simple[url.scheme]}
    if url.scheme in {"smtp", "smtps"} and url.hostname:
        query = {key: values[-1] for key, values in parse_qs(url.query).items()}
        options = {
            "host": url.hostname,
            "username": unquote(url.username or ""),
            "password": unquote(url.password or ""),
            "use_ssl": url.scheme == "smtps",
            "use_tls": url.scheme == "smtp" and query.get("tls", "") in _TRUE,
            "timeout": 20,
        }
        if url.port:
            options["port"] = url.port
        return {"BACKEND": "django.core.mail.backends.smtp.EmailBackend", "OPTIONS": options}
    raise ImproperlyConfigured(
        f"{name} must look like console:, smtp://user:password@host:587?tls=1 "
        f"or smtps://user:password@host:465, not {raw!r}"
    )
