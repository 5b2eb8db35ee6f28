"""Every write about notifications: telling someone (in the app, and by email when they
want it at once), marking read, choosing how often, unsubscribing.

The parts above call ``notify``; they decide who may be told (this part cannot know who
may see a thread) and pass plain text, which is stored and shown as text, never HTML."""

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from staffroom.accounts.models import User
from staffroom.communities.models import Community
from staffroom.core.email import email_enqueue, email_render
from staffroom.core.errors import DomainError
from staffroom.core.urls import absolute_url
from staffroom.notifications import inbound, kinds, selectors
from staffroom.notifications.models import (
    TEXT_MAX,
    DigestSchedule,
    Frequency,
    Notification,
    Preference,
)

UNSUBSCRIBE_SALT = "staffroom.notifications.unsubscribe"


class NotificationError(DomainError):
    pass


def unsubscribe_token(user, kind: str, community, *, digest: str | None = None) -> str:
    """A signed token that turns ``kind`` off for ``user`` in that community (or in all):
    whoever holds the email may use it without signing in, and it can be for nothing
    else. With ``digest`` (daily or weekly) it is the token of that digest email, and
    turns the whole digest off (``digest_stop``)."""
    # The community's slug, not its database id: nothing sequential goes into a URL.
    slug = community.slug if community is not None else None
    data = {"u": user.public_id, "k": kind, "c": slug}
    if digest is not None:
        data["d"] = digest
    return signing.dumps(data, salt=UNSUBSCRIBE_SALT)


def unsubscribe_read(token: str) -> dict | None:
    """The ``{"u", "k", "c"}`` a token carries (and ``"d"``, a digest's), or None when
    it is forged or damaged."""
    try:
        data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict) or not {"u", "k", "c"} <= data.keys():
        return None
    return data


def _email(notification: Notification, reply_address: str | None = None, reply_hint=None) -> None:
    """Queue the email of one notification; with ``reply_address``, an answer to it
    is posted where it came from (``inbound``), and ``reply_hint`` says so."""
    recipient = notification.recipient
    token = unsubscribe_token(recipient, notification.kind, notification.community)
    unsubscribe = absolute_url(reverse("notifications:unsubscribe", args=[token]))
    context = {
        "notification": notification,
        "user": recipient,
        "url": absolute_url(notification.url),
        "unsubscribe_url": unsubscribe,
        "settings_url": absolute_url(reverse("notifications:preference_edit")),
        "reply_hint": reply_hint if reply_address else None,
    }
    with timezone.override(recipient.time_zone):
        message = email_render(
            "notifications/email/notification",
            context,
            language=recipient.language or settings.LANGUAGE_CODE,
        )
    headers = {
        "List-Unsubscribe": f"<{unsubscribe}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }
    if reply_address:
        headers["Reply-To"] = reply_address
    email_enqueue(to=[recipient.email], headers=headers, **message)


def _reply_addresses(notifications: list[Notification], reply_to) -> tuple[dict[int, str], object]:
    """Each recipient's reply address for ``reply_to`` (``(route, target)``), and the
    route's hint; none when reply by email is not set up or the route is unknown."""
    route = None
    if reply_to and notifications and inbound.inbound_configured():
        route = inbound.inbound_route_get(reply_to[0])
    if route is None:
        return {}, None
    recipient_ids = [notification.recipient_id for notification in notifications]
    return inbound.reply_addresses_ensure(recipient_ids, route.key, reply_to[1]), route.hint


def _fit(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= TEXT_MAX else text[: TEXT_MAX - 1] + "…"


@transaction.atomic
def notify_many(
    *, recipients, kind: str, actor, community, text, url: str, reply_to=None
) -> list[Notification]:
    """Tell each of ``recipients`` that ``actor`` did something at ``url``; ``text`` is
    plain text, or a function of the recipient giving it (say, in their language).
    Each is emailed on commit if they want ``kind`` from ``community`` at once; the
    others' notifications wait for their digest (``delivery``). No one is told twice,
    nor of what they did themself, nor while their account is inactive. A fixed number
    of queries, however many are told, besides the emails queued. ``reply_to``,
    ``(route, target public id)``, lets the emails be answered by email (``inbound``)."""
    people, seen = [], {actor.pk} if actor is not None else set()
    for recipient in recipients:
        if recipient.pk not in seen and recipient.is_active:
            seen.add(recipient.pk)
            people.append(recipient)
    if not people:
        return []
    community_id = community.pk if community is not None else None
    frequencies = selectors.frequencies_get([person.pk for person in people], kind, community_id)
    notifications = Notification.objects.bulk_create(
        Notification(
            recipient=person,
            actor=actor,
            community=community,
            kind=kind,
            url=url,
            text=_fit(text(person) if callable(text) else text),
            delivery=frequencies[person.pk],
        )
        for person in people
    )
    emailed = [n for n in notifications if n.delivery == kinds.IMMEDIATELY]
    addresses, hint = _reply_addresses(emailed, reply_to)
    for notification in emailed:
        _email(notification, addresses.get(notification.recipient_id), hint)
    return notifications


def notify(
    *, recipient, kind: str, actor, community, text: str, url: str, reply_to=None
) -> Notification | None:
    """``notify_many`` for one person: their notification, or None when they are not
    told (it was their own doing, or their account is inactive)."""
    told = notify_many(
        recipients=[recipient], kind=kind, actor=actor, community=community, text=text, url=url,
        reply_to=reply_to,
    )  # fmt: skip
    return told[0] if told else None


def notification_open(*, user, notification: Notification) -> str:
    """Mark one of ``user``'s notifications read; the URL to go on to."""
    if notification.recipient_id != user.pk:
        raise NotificationError(_("That notification is not yours."))
    if notification.read_at is None:
        Notification.objects.filter(pk=notification.pk, read_at__isnull=True).update(
            read_at=timezone.now()
        )
    return notification.url


def notifications_mark_read(*, user) -> int:
    """Mark every unread notification of ``user`` read; how many were."""
    return Notification.objects.filter(recipient=user, read_at__isnull=True).update(
        read_at=timezone.now()
    )


@transaction.atomic
def preference_set(*, user, community, kind: str, frequency: str) -> Preference:
    """Choose how ``kind`` is emailed to ``user`` from ``community`` (None: the default
    for all their communities)."""
    if kinds.kind_get(kind) is None:
        raise NotificationError(_("There is no such kind of notification."), field=kind)
    if frequency not in kinds.kind_get(kind).frequencies:
        raise NotificationError(_("Choose how often to be emailed."), field=kind)
    preference, _created = Preference.objects.update_or_create(
        user=user, community=community, kind=kind, defaults={"frequency": frequency}
    )
    return preference


@transaction.atomic
def preference_clear(*, user, community, kind: str) -> None:
    """Let ``kind`` from ``community`` follow ``user``'s choice for all their
    communities again: their own choice for it is forgotten."""
    if community is None:
        raise NotificationError(_("Choose how often to be emailed."), field=kind)
    if kinds.kind_get(kind) is None:
        raise NotificationError(_("There is no such kind of notification."), field=kind)
    Preference.objects.filter(user=user, community=community, kind=kind).delete()


@transaction.atomic
def preferences_set(*, user, community, choices: dict[str, str | None]) -> None:
    """Several ``{kind: frequency}`` choices at once (None: as for all communities):
    all are saved, or none."""
    for kind, frequency in choices.items():
        if frequency is None:
            preference_clear(user=user, community=community, kind=kind)
        else:
            preference_set(user=user, community=community, kind=kind, frequency=frequency)


def unsubscribe_target(token: str) -> tuple:
    """``(user, kind, community or None)`` a token turns off; refuses a forged or
    damaged token, or one for an account or community that no longer exists."""
    data = unsubscribe_read(token)
    user = User.objects.filter(public_id=data["u"]).first() if data else None
    kind = kinds.kind_get(data["k"]) if data else None
    community = None
    if data and data["c"] is not None:
        community = Community.objects.filter(slug=data["c"]).first()
        if community is None:
            user = None
    if data and data.get("d", kinds.DAILY) not in (kinds.DAILY, kinds.WEEKLY):
        user = None
    if user is None or kind is None:
        raise NotificationError(_("This unsubscribe link is not valid."))
    return user, kind, community


@transaction.atomic
def unsubscribe(*, token: str) -> tuple:
    """Turn off the email a token names; ``(kind, community or None)``."""
    user, kind, community = unsubscribe_target(token)
    digest = unsubscribe_read(token).get("d")
    if digest is not None:
        digest_stop(user=user, frequency=digest)
    else:
        preference_set(user=user, community=community, kind=kind.key, frequency=Frequency.OFF)
    return kind, community


@transaction.atomic
def digest_stop(*, user, frequency: str) -> None:
    """Turn ``user``'s daily or weekly digest (``frequency``) off: each of their choices
    that sends something in it becomes "no email", for all communities and for each,
    and so does each kind that goes in it by default, and each notification still waiting
    for it. Nothing is left for it to hold."""
    Preference.objects.filter(user=user, frequency=frequency).update(frequency=Frequency.OFF)
    # Those made since the last digest would otherwise make one more go out.
    sent = DigestSchedule.objects.filter(user=user).values_list(f"{frequency}_sent_at", flat=True)
    last = sent.first()
    waiting = Notification.objects.filter(recipient=user, delivery=frequency)
    if last is not None:
        waiting = waiting.filter(created_at__gt=last)
    waiting.update(delivery=Frequency.OFF)
    chosen = set(
        Preference.objects.filter(user=user, community=None).values_list("kind", flat=True)
    )
    Preference.objects.bulk_create(
        Preference(user=user, community=None, kind=kind.key, frequency=Frequency.OFF)
        for kind in kinds.kinds()
        if kind.default == frequency and kind.key not in chosen
    )
