"""notify, preferences and unsubscribing."""

import pytest
from django.conf import settings
from django.core import signing

from staffroom.communities.models import Community
from staffroom.core.email import email_suppressed
from staffroom.notifications import selectors, services
from staffroom.notifications.models import Notification, Preference

pytestmark = pytest.mark.django_db


def tell(world, recipient=None, *, kind="mention", actor=None, community="public", text=None):
    return services.notify(
        recipient=recipient or world.member,
        kind=kind,
        actor=actor or world.facilitator,
        community=getattr(world, community) if community else None,
        text=text or "Fran Facilitator mentioned you in “Labs”.",
        url="/c/open-science/discussions/",
    )


def test_notify_stores_plain_text_for_the_recipient(world):
    made = tell(world, text="<script>alert(1)</script>  spread\nover lines")
    assert made.recipient == world.member and made.read_at is None
    assert made.text == "<script>alert(1)</script> spread over lines"
    assert selectors.unread_count(world.member) == 1
    assert list(selectors.notification_list(world.member)) == [made]
    assert selectors.unread_count(world.facilitator) == 0


def test_notify_cuts_a_long_text_to_fit(world):
    made = tell(world, text="word " * 200)
    assert len(made.text) == 300 and made.text.endswith("…")


def test_no_one_is_notified_of_what_they_did_themself(world, mailoutbox, deliver):
    with deliver():
        assert tell(world, world.member, actor=world.member) is None
    assert not Notification.objects.exists()
    assert mailoutbox == []


def test_an_immediate_kind_is_emailed_with_one_click_unsubscribe(world, mailoutbox, deliver):
    with deliver():
        tell(world)
    [message] = mailoutbox
    assert message.to == [world.member.email]
    assert "mentioned you" in message.subject
    assert f"{settings.SITE_URL}/c/open-science/discussions/" in message.body
    unsubscribe = message.extra_headers["List-Unsubscribe"]
    assert unsubscribe.startswith("<http") and "/notifications/unsubscribe/" in unsubscribe
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert unsubscribe[1:-1] in message.body


def test_email_is_in_the_recipients_language(world, mailoutbox, deliver):
    world.member.language = "es"
    world.member.save()
    with deliver():
        tell(world)
    assert "Hola" in mailoutbox[0].body


def test_a_weekly_kind_is_listed_but_not_emailed(world, mailoutbox, deliver):
    with deliver():
        tell(world, kind="digest-only-kind")
    assert Notification.objects.count() == 1
    assert mailoutbox == []


@pytest.mark.parametrize("frequency", ["daily", "weekly", "off"])
def test_a_kind_not_chosen_immediately_is_not_emailed(world, mailoutbox, deliver, frequency):
    services.preference_set(user=world.member, community=None, kind="mention", frequency=frequency)
    with deliver():
        tell(world)
    assert Notification.objects.count() == 1
    assert mailoutbox == []


def test_email_is_suppressed_for_invented_history(world, mailoutbox, deliver):
    with deliver(), email_suppressed():
        tell(world)
    assert Notification.objects.count() == 1
    assert mailoutbox == []


def test_a_community_choice_wins_over_the_default_which_wins_over_the_kind(world):
    assert selectors.frequency_get(world.member, "mention", world.public.pk) == "immediately"
    assert selectors.frequency_get(world.member, "unregistered", None) == "weekly"
    services.preference_set(user=world.member, community=None, kind="mention", frequency="daily")
    assert selectors.frequency_get(world.member, "mention", world.public.pk) == "daily"
    services.preference_set(
        user=world.member, community=world.public, kind="mention", frequency="off"
    )
    assert selectors.frequency_get(world.member, "mention", world.public.pk) == "off"
    assert selectors.frequency_get(world.member, "mention", world.private.pk) == "daily"
    assert selectors.preferences_get(world.member, world.public.pk)["mention"] == "off"
    chosen = selectors.preferences_get(world.member, None)
    assert (chosen["mention"], chosen["reply"]) == ("daily", "immediately")
    # Choosing again changes the one row.
    services.preference_set(user=world.member, community=None, kind="mention", frequency="weekly")
    assert Preference.objects.filter(user=world.member, community=None).count() == 1


@pytest.mark.parametrize(("kind", "frequency"), [("mention", "hourly"), ("nonsense", "off")])
def test_preference_set_refuses_what_does_not_exist(world, kind, frequency):
    with pytest.raises(services.NotificationError):
        services.preference_set(user=world.member, community=None, kind=kind, frequency=frequency)
    assert not Preference.objects.exists()


def test_preferences_set_none_forgets_a_communitys_own_choice(world):
    services.preference_set(user=world.member, community=None, kind="mention", frequency="daily")
    services.preferences_set(user=world.member, community=world.public,
                             choices={"mention": "off", "reply": None})  # fmt: skip
    assert selectors.preferences_own(world.member, world.public.pk) == {"mention": "off"}
    services.preferences_set(user=world.member, community=world.public, choices={"mention": None})
    assert selectors.preferences_own(world.member, world.public.pk) == {}
    assert selectors.frequency_get(world.member, "mention", world.public.pk) == "daily"


def test_preference_clear_refuses_all_communities_and_unknown_kinds(world):
    services.preference_set(user=world.member, community=None, kind="mention", frequency="daily")
    with pytest.raises(services.NotificationError):
        services.preference_clear(user=world.member, community=None, kind="mention")
    with pytest.raises(services.NotificationError):
        services.preference_clear(user=world.member, community=world.public, kind="nonsense")
    assert Preference.objects.count() == 1


def test_opening_marks_one_read_and_mark_all_read_marks_the_rest(world):
    first, second = tell(world), tell(world)
    assert services.notification_open(user=world.member, notification=first) == first.url
    first.refresh_from_db()
    assert first.read_at is not None
    assert selectors.unread_count(world.member) == 1
    assert services.notifications_mark_read(user=world.member) == 1
    assert selectors.unread_count(world.member) == 0
    with pytest.raises(services.NotificationError):
        services.notification_open(user=world.facilitator, notification=second)


def test_unsubscribe_turns_that_kind_off_for_that_community(world):
    token = services.unsubscribe_token(world.member, "mention", world.public)
    kind, community = services.unsubscribe(token=token)
    assert (kind.key, community) == ("mention", world.public)
    assert selectors.frequency_get(world.member, "mention", world.public.pk) == "off"
    assert selectors.frequency_get(world.member, "mention", world.private.pk) == "immediately"


def test_unsubscribe_without_a_community_turns_the_default_off(world):
    services.unsubscribe(token=services.unsubscribe_token(world.member, "reply", None))
    assert selectors.frequency_get(world.member, "reply", world.hidden.pk) == "off"


def _tampered(token: str) -> str:
    signature = token.rsplit(":", 1)[1]
    payload = signing.loads(token, salt=services.UNSUBSCRIBE_SALT)
    forged = signing.dumps({**payload, "u": "someoneElse1"}, salt="another salt")
    return forged.rsplit(":", 1)[0] + ":" + signature


@pytest.mark.parametrize(
    "make",
    [
        lambda world: "not-a-token",
        lambda world: _tampered(services.unsubscribe_token(world.member, "mention", None)),
        # Signed with another salt (an invitation's, say): not an unsubscribe token.
        lambda world: signing.dumps({"u": world.member.public_id, "k": "mention", "c": None}),
        lambda world: services.unsubscribe_token(world.member, "no-such-kind", None),
        lambda world: services.unsubscribe_token(
            world.member, "mention", Community(slug="no-such-community")
        ),
        lambda world: signing.dumps({"u": world.member.public_id}, salt=services.UNSUBSCRIBE_SALT),
    ],
    ids=["garbage", "tampered", "other-salt", "unknown-kind", "gone-community", "incomplete"],
)
def test_unsubscribe_refuses_a_bad_token(world, make):
    with pytest.raises(services.NotificationError):
        services.unsubscribe(token=make(world))
    assert not Preference.objects.exists()
