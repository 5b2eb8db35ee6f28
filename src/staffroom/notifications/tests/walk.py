"""The notifications URLs in the access walk (run by communities/tests/test_access.py).

A person's notifications and settings are theirs alone: each signed-in persona sees
their own; another person's notification is a 404, as is one that does not exist. The
unsubscribe link in an email works for whoever holds it, signed in or not; a forged one
is a 404."""

from staffroom.notifications import services
from staffroom.walk import DONE, LOGIN, SIGNED_IN, Case, answers

SIGNED_IN_POST = answers(LOGIN, DONE, DONE, DONE, DONE)
ANYONE = answers(200, 200, 200, 200, 200)
NOT_FOUND_SIGNED_IN = answers(LOGIN, 404, 404, 404, 404)


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
         data=lambda world, slug: {"community": "", "mention": "off", "reply": "daily"}),
    Case("notifications:unsubscribe", "good", ANYONE, kwargs=token("good")),
    Case("notifications:unsubscribe", "good", ANYONE, method="post", kwargs=token("good"),
         data=lambda world, slug: {"List-Unsubscribe": "One-Click"}),
    Case("notifications:unsubscribe", "forged", answers(404, 404, 404, 404, 404),
         kwargs=token("forged")),
    Case("notifications:unsubscribe", "forged", answers(404, 404, 404, 404, 404),
         method="post", kwargs=token("forged")),
]  # fmt: skip
