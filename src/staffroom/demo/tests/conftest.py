"""The demo, loaded once per test module that asks for it."""

import pytest
from django.db import transaction
from django.test import TestCase, override_settings

from staffroom.demo.loader import demo_load

FAST_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    """Load the demo once for the module, run what it left for commit time (that is
    where tasks are queued), and roll it all back afterwards, so other modules still
    start from an empty database. Media (attachments, a PDF) goes to a temporary
    directory."""
    media = tmp_path_factory.mktemp("media")
    with (
        django_db_blocker.unblock(),
        override_settings(PASSWORD_HASHERS=FAST_HASHERS, MEDIA_ROOT=media),
        transaction.atomic(),
    ):
        with TestCase.captureOnCommitCallbacks(execute=True):
            loaded = demo_load()
        yield loaded
        transaction.set_rollback(True)
