"""``staffroom inbound-email``: one email on standard input, posted as a reply or
refused; for an MTA to pipe mail for reply addresses into (README: Reply by email)."""

import os
import sys

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import OperationalError

from staffroom.notifications.inbound import inbound_receive

_CHUNK = 64 * 1024


class Command(BaseCommand):
    help = (
        "Read one email from standard input and post it as a reply. Exits 0 when it is "
        "posted, or with a sysexits.h code when refused (65 unreadable or too large, "
        "67 no such reply address, 77 not allowed, 75 try again later: the database is "
        "away or reply by email is not set up)."
    )

    def handle(self, *args, **options):
        stream = sys.stdin.buffer
        raw = stream.read(settings.INBOUND_EMAIL_MAX_BYTES + 1)
        # Read the rest of a message too large to keep, so the MTA sees our answer
        # rather than a broken pipe.
        while stream.read(_CHUNK):
            pass
        try:
            outcome = inbound_receive(raw)
        except OperationalError as error:
            # The database is away: the MTA keeps the message and tries again.
            self.stderr.write(f"Cannot reach the database: {error}")
            raise SystemExit(os.EX_TEMPFAIL) from None
        (self.stdout if outcome.accepted else self.stderr).write(outcome.reason)
        if outcome.exit_code != os.EX_OK:
            raise SystemExit(outcome.exit_code)
