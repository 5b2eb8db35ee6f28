"""The notifications URLs in the access walk (run by communities/tests/test_access.py).

A person's notifications and settings are theirs alone: each signed-in persona sees
their own; another person's notification is a 404, as is one that does not exist. The
unsubscribe link in an email works for whoever holds it, signed in or not; a forged one
is a 404."""

from django.conf import settings

from staffroom.notifications import kinds, services
from staffroom.walk import DONE, LOGIN, SIGNED_IN, Case, answers

SIGNED_IN_POST = answers(LOGIN, DONE, DONE, DONE, DONE)
ANYONE = answers(200, 200, 200, 200, 200)
NOT_FOUND_SIGNED_IN = answers(LOGIN, 404, 404, 404, 404)
# The mail provider's webhook answers no person: without its secret, a 403 for everyone,
# or a 404 where reply by email is not set up (as in a test run without INBOUND_EMAIL_*;
# test_inbound.py sets it up and sends the secret).
_INBOUND_SET_UP = bool(settings.INBOUND_EMAIL_DOMAIN and settings.INBOUND_EMAIL_SECRET)
WEBHOOK_WITHOUT_SECRET = answers(*[403 if _INBOUND_SET_UP else 404] * 5)


def every_kind_answered() -> dict:
    """The settings form for all communities with every registered kind answered (the
    parts above register theirs) and the digests' hour and day."""
    data = {kind.key: kind.default for kind in kinds.kinds()}
    data.update({"community": "", "mention": "off", "digest_hour": "7", "digest_weekday": "0"})
    return data


def members_notification(world, slug) -> dict:
    notification = services.notify(
        recipient=world.member, kind="mention", actor=world.facilitator,
        community=world.public, text="Fran mentioned you.", url="/",
    )  # fmt: skip
    return {"public_id": notification.public_id}


def token(state: str):
    def build(world, slug) -> dict:
        if state == "forged":
            return {"token": "eyJ1IjoieCJ9:forged:signature"}
        return {"token": services.unsubscribe_token(world.member, "mention", world.public)}

    return build


CASES = [
    Case("notifications:notification_list", "-", SIGNED_IN),
    Case("notifications:mark_read", "-", SIGNED_IN_POST, method="post"),
    Case("notifications:notification_open", "member's", answers(LOGIN, 404, DONE, 404, 404),
         method="post", kwargs=members_notification),
    Case("notifications:notification_open", "missing", NOT_FOUND_SIGNED_IN, method="post",
         kwargs=lambda world, slug: {"public_id": "000000000000"}),
    Case("notifications:preference_edit", "-", SIGNED_IN),
    Case("notifications:preference_edit", "-", SIGNED_IN_POST, method="post",
         data=lambda world, slug: every_kind_answered()),
    Case("notifications:unsubscribe", "good", ANYONE, kwargs=token("good")),
    Case("notifications:unsubscribe", "good", ANYONE, method="post", kwargs=token("good"),
         data=lambda world, slug: {"List-Unsubscribe": "One-Click"}),
    Case("notifications:unsubscribe", "forged", answers(404, 404, 404, 404, 404),
         kwargs=token("forged")),
    Case("notifications:unsubscribe", "forged", answers(404, 404, 404, 404, 404),
         method="post", kwargs=token("forged")),
    Case("notifications:inbound_email", "no secret", WEBHOOK_WITHOUT_SECRET, method="post",
         data=lambda world, slug: {"email": "From: someone@example.org\n\nHello"}),
]  # fmt: skip
