"""``staffroom inbound-email`` as a real process reading standard input, as an MTA
pipe runs it, on this test run's database.

Its tests commit (``transaction=True``), so this module holds nothing else: the test
runner puts transactional tests after all others, and a module of only those runs
last on its worker, after which the flush of the database harms no one."""

import subprocess
import sys
from email.message import EmailMessage

import pytest

from staffroom.conftest import process_env
from staffroom.discussions.models import Reply
from staffroom.discussions.tests.factories import thread
from staffroom.notifications.inbound import reply_addresses_ensure
from staffroom.notifications.models import InboundMessage

pytestmark = pytest.mark.django_db(transaction=True)

DOMAIN = "reply.example.org"


@pytest.fixture(autouse=True)
def _inbound_set_up(settings):
    settings.INBOUND_EMAIL_DOMAIN = DOMAIN


def _staffroom(message: bytes, *, domain: str = DOMAIN) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "staffroom.cli", "inbound-email"], input=message,
        env=process_env(INBOUND_EMAIL_DOMAIN=domain), capture_output=True, timeout=120,
    )  # fmt: skip


def _message(to: str, text: str, sender: str = "member@example.org") -> bytes:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = to
    message["Subject"] = "Re: a thread"
    message["Message-ID"] = f"<{text.split()[0].lower()}@mail.example.org>"
    message.set_content(text)
    return message.as_bytes()


def test_the_command_posts_a_reply_and_exits_zero(world):
    made = thread(world)
    address = reply_addresses_ensure([world.member.pk], "thread", made.public_id)[world.member.pk]
    done = _staffroom(_message(address, "Piped in.\n\nOn Mon, Fran wrote:\n> earlier"))
    assert done.returncode == 0, done.stderr
    assert Reply.objects.get(thread=made, author=world.member).body == "Piped in."
    again = _staffroom(_message(address, "Piped in.\n\nOn Mon, Fran wrote:\n> earlier"))
    assert again.returncode == 0, again.stderr
    assert Reply.objects.filter(thread=made, author=world.member).count() == 1


def test_the_command_exits_with_sysexits_codes_when_it_refuses(world):
    made = thread(world)
    address = reply_addresses_ensure([world.member.pk], "thread", made.public_id)[world.member.pk]
    forged = _staffroom(_message(f"reply+nosuchkey@{DOMAIN}", "Forged."))
    assert forged.returncode == 67  # EX_NOUSER
    assert b"no such reply address" in forged.stderr
    stranger = _staffroom(_message(address, "Stranger.", sender="stranger@example.net"))
    assert stranger.returncode == 77  # EX_NOPERM
    garbage = _staffroom(b"\x00\xff\xfe\x01 not an email at all")
    assert garbage.returncode == 65  # EX_DATAERR
    unset = _staffroom(_message(address, "Unset."), domain="")
    assert unset.returncode == 75  # EX_TEMPFAIL: the MTA keeps it and tries again
    assert not Reply.objects.filter(author=world.member).exists()
    assert InboundMessage.objects.get().outcome == InboundMessage.Outcome.REFUSED
