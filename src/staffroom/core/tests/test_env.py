import pytest
from django.core.exceptions import ImproperlyConfigured

from staffroom.env import env_bool, env_email_url, env_int, env_list


def test_env_bool_reads_common_spellings(monkeypatch):
    monkeypatch.setenv("FLAG", "Yes")
    assert env_bool("FLAG", default=False) is True
    monkeypatch.setenv("FLAG", "off")
    assert env_bool("FLAG", default=True) is False
    monkeypatch.delenv("FLAG")
    assert env_bool("FLAG", default=True) is True


def test_env_bool_and_int_fail_loudly_naming_the_variable(monkeypatch):
    monkeypatch.setenv("FLAG", "maybe")
    with pytest.raises(ImproperlyConfigured, match="FLAG"):
        env_bool("FLAG", default=False)
    monkeypatch.setenv("COUNT", "ten")
    with pytest.raises(ImproperlyConfigured, match="COUNT"):
        env_int("COUNT", 1)


def test_env_list_splits_on_commas(monkeypatch):
    monkeypatch.setenv("HOSTS", "a.org, b.org,,")
    assert env_list("HOSTS", []) == ["a.org", "b.org"]


def test_env_email_url_builds_mailers(monkeypatch):
    assert env_email_url("EMAIL_URL", "console:")["BACKEND"].endswith("console.EmailBackend")
    monkeypatch.setenv("EMAIL_URL", "smtp://me%40x.org:p%2Fss@mail.x.org:587?tls=1")
    mailer = env_email_url("EMAIL_URL", "console:")
    assert mailer["OPTIONS"] == {
        "host": "mail.x.org", "port": 587, "username": "me@x.org", "password": "p/ss",
        "use_ssl": False, "use_tls": True, "timeout": 20,
    }  # fmt: skip
    monkeypatch.setenv("EMAIL_URL", "smtps://u:p@mail.x.org")
    assert env_email_url("EMAIL_URL", "console:")["OPTIONS"]["use_ssl"] is True


def test_env_email_url_refuses_what_it_cannot_read(monkeypatch):
    monkeypatch.setenv("EMAIL_URL", "carrier-pigeon://coop")
    with pytest.raises(ImproperlyConfigured, match="EMAIL_URL"):
        env_email_url("EMAIL_URL", "console:")
