"""Reply by email: the reply address a notification email carries, and what becomes of
mail sent to it (``inbound_receive`` and the provider webhook). The command, as a real
process, is in test_inbound_process.py."""

import base64
import os
import re
from email.message import EmailMessage

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from staffroom.accounts.models import User
from staffroom.communities import services as community_services
from staffroom.conftest import make_user
from staffroom.discussions import conversations
from staffroom.discussions import services as discussion_services
from staffroom.discussions.models import Message, Reply
from staffroom.discussions.tests.factories import reply, thread
from staffroom.notifications import inbound, services
from staffroom.notifications.inbound import (
    html_to_text,
    inbound_receive,
    reply_addresses_ensure,
    reply_text_strip,
)
from staffroom.notifications.models import InboundMessage, ReplyAddress

pytestmark = pytest.mark.django_db

DOMAIN = "reply.example.org"
SECRET = "a-long-shared-secret-for-tests"


@pytest.fixture(autouse=True)
def _inbound_set_up(settings):
    settings.INBOUND_EMAIL_DOMAIN = DOMAIN
    settings.INBOUND_EMAIL_SECRET = SECRET


def compose(to, *, sender="member@example.org", text=None, html=None, message_id=None,
            headers=None) -> bytes:  # fmt: skip
    message = EmailMessage()
    message["From"] = sender
    message["To"] = to
    message["Subject"] = "Re: Fran Facilitator replied to your thread"
    message["Message-ID"] = message_id or f"<{os.urandom(8).hex()}@mail.example.org>"
    for name, value in (headers or {}).items():
        message[name] = value
    if text is not None:
        message.set_content(text)
        if html is not None:
            message.add_alternative(html, subtype="html")
    else:
        message.set_content(html, subtype="html")
    return message.as_bytes()


@pytest.fixture
def asked(world, mailoutbox, deliver):
    """The member's thread, a facilitator's reply to it, and the reply address of the
    email that told the member (read from the email itself)."""
    with deliver():
        made = thread(world)
        reply(world, made)
    [told] = mailoutbox
    mailoutbox.clear()
    return made, told.extra_headers["Reply-To"]


def receive(raw, deliver):
    with deliver():
        return inbound_receive(raw)


REPLY_TEXT = """Thanks, Fran! We tried a two-minute breathing exercise and it helped.

Next week I will try the check-in cards too.

On Mon, Nov 30, 2026 at 9:14 AM Fran Facilitator <notifications@staffroom.example.org> wrote:
> Fran Facilitator replied to your thread “How do you start the morning?”.
> http://127.0.0.1:8000/c/open-science/
"""


# -- the reply address ------------------------------------------------------------------


def test_a_notification_email_carries_the_recipients_own_reply_address(world, asked):
    made, address = asked
    key = re.fullmatch(rf"reply\+([a-z0-9]{{24}})@{re.escape(DOMAIN)}", address).group(1)
    stored = ReplyAddress.objects.get(key=key)
    assert (stored.user, stored.route, stored.target) == (world.member, "thread", made.public_id)


def test_the_email_says_it_can_be_answered(world, mailoutbox, deliver):
    with deliver():
        reply(world, thread(world))
    [told] = mailoutbox
    assert told.message()["Reply-To"] == told.extra_headers["Reply-To"]
    assert "Reply to this email to answer in the thread." in told.body
    assert "Reply to this email to answer in the thread." in told.alternatives[0].content


def test_without_an_inbound_domain_emails_carry_no_reply_address(
    world, settings, mailoutbox, deliver
):
    settings.INBOUND_EMAIL_DOMAIN = ""
    with deliver():
        reply(world, thread(world))
    [told] = mailoutbox
    assert "Reply-To" not in told.extra_headers
    assert "Reply to this email" not in told.body
    assert not ReplyAddress.objects.exists()


def test_a_notification_without_a_route_carries_no_reply_address(world, mailoutbox, deliver):
    with deliver():
        services.notify(recipient=world.member, kind="mention", actor=world.facilitator,
                        community=world.public, text="Hello", url="/",
                        reply_to=("no-such-route", "x"))  # fmt: skip
    [told] = mailoutbox
    assert "Reply-To" not in told.extra_headers


def test_reply_addresses_are_kept_and_made_in_a_fixed_number_of_queries(world):
    people = [make_user(f"reader{n}@example.org", f"Reader {n}") for n in range(6)]
    ids = [person.pk for person in people]
    with CaptureQueriesContext(connection) as first:
        made = reply_addresses_ensure(ids, "thread", "abc")
    assert len(first.captured_queries) <= 3 and set(made) == set(ids)
    with CaptureQueriesContext(connection) as again:
        assert reply_addresses_ensure(ids, "thread", "abc") == made
    assert len(again.captured_queries) == 1
    assert len(set(made.values())) == 6


def test_notify_many_with_reply_addresses_costs_the_same_for_one_or_many(world):
    people = [make_user(f"reader{n}@example.org", f"Reader {n}") for n in range(6)]

    def cost(recipients, target):
        with CaptureQueriesContext(connection) as counted:
            services.notify_many(recipients=recipients, kind="mention", actor=world.facilitator,
                                 community=world.public, text="Hi", url="/",
                                 reply_to=("thread", target))  # fmt: skip
        return len(counted.captured_queries)

    assert cost(people[:1], "one") == cost(people, "many")
    assert ReplyAddress.objects.filter(target="many").count() == 6


# -- posting a reply --------------------------------------------------------------------


def test_a_reply_is_posted_as_the_recipient_without_quote_or_signature(world, asked, deliver):
    made, address = asked
    text = REPLY_TEXT.replace("On Mon", "-- \nMo Member\nOak Hill School\n\nOn Mon")
    outcome = receive(compose(address, text=text), deliver)
    assert outcome.accepted and outcome.exit_code == 0
    posted = Reply.objects.get(thread=made, author=world.member)
    assert posted.body == (
        "Thanks, Fran! We tried a two-minute breathing exercise and it helped.\n\n"
        "Next week I will try the check-in cards too."
    )
    assert InboundMessage.objects.get().outcome == InboundMessage.Outcome.ACCEPTED


def test_a_posted_reply_tells_the_others_as_a_reply_in_the_app_does(
    world, asked, deliver, mailoutbox
):
    _made, address = asked
    receive(compose(address, text="Agreed, @Fran Facilitator."), deliver)
    [told] = mailoutbox
    assert told.to == [world.facilitator.email]
    assert "Mo Member mentioned you" in told.subject


def test_the_sender_is_matched_without_regard_to_case(world, asked, deliver):
    _made, address = asked
    outcome = receive(compose(address.upper(), sender="Mo <MEMBER@Example.org>", text="Yes."),
                      deliver)  # fmt: skip
    assert outcome.accepted


def test_a_spanish_quote_header_and_phone_signature_are_removed(world, asked, deliver):
    made, address = asked
    text = (
        "¡Gracias! Lo probaré mañana.\n\nEnviado desde mi iPhone\n\n"
        "El lun, 30 nov 2026 a las 9:14, Fran Facilitator (<fac@example.org>) escribió:\n"
        "> Fran Facilitator respondió a tu hilo.\n"
    )
    assert receive(compose(address, text=text), deliver).accepted
    assert Reply.objects.get(thread=made, author=world.member).body == (
        "¡Gracias! Lo probaré mañana."
    )


@pytest.mark.parametrize(
    ("written", "kept"),
    [
        ("Yes.\n\nOn Mon, Nov 30, 2026 at 9:14 AM Fran Facilitator <\nfac@example.org> wrote:\n"
         "> earlier", "Yes."),
        ("Yes.\n\n-----Original Message-----\nFrom: Fran\nSent: Monday\n\nearlier", "Yes."),
        ("Yes.\n\n________________________________\nFrom: Fran Facilitator\n"
         "Sent: Monday, November 30, 2026 9:14 AM\nTo: Mo Member\nSubject: Labs\n\nearlier",
         "Yes."),
        ("Sí.\n\nDe: Fran Facilitator\nEnviado: lunes\nPara: Mo\nAsunto: Labs\n\nantes", "Sí."),
        ("> what time?\nAt nine.\n> and where?\nIn room 4.\n\n> anything else?",
         "> what time?\nAt nine.\n> and where?\nIn room 4."),
        ("> Students learn by doing.\n\nThis line from the book stayed with me.",
         "> Students learn by doing.\n\nThis line from the book stayed with me."),
        ("On Mon, Nov 30, 2026 at 9:14 AM Fran <fac@example.org> wrote:\n> earlier\n\n"
         "Written below the quote.", "Written below the quote."),
        ("On the exit ticket my students wrote:\n- more time\n- fewer slides",
         "On the exit ticket my students wrote:\n- more time\n- fewer slides"),
        ("On Monday, Ana wrote:\n\nWe should try it.",
         "On Monday, Ana wrote:\n\nWe should try it."),
        ("Yes.\n\nSent from my iPhone", "Yes."),
        ("Yes.\n--\nMo", "Yes."),
        ("From: the start of term, we met weekly.\nIt helped.",
         "From: the start of term, we met weekly.\nIt helped."),
        ("On Monday we tried it.\nIt worked.", "On Monday we tried it.\nIt worked."),
    ],
)  # fmt: skip
def test_reply_text_strip(written, kept):
    assert reply_text_strip(written) == kept


def test_a_kept_quote_loses_the_footers_unsubscribe_link():
    link = "https://staffroom.example.org" + reverse("notifications:unsubscribe", args=["tok"])
    written = f"> Ana replied to your thread.\n> Stop these emails: {link}\n\nThanks, Ana!"
    assert reply_text_strip(written) == "> Ana replied to your thread.\n\nThanks, Ana!"


def test_an_html_only_reply_is_turned_into_text_and_its_quote_removed(world, asked, deliver):
    made, address = asked
    html = (
        "<html><head><style>p{color:red}</style></head><body>"
        "<div dir='ltr'><p>We start with a <b>song</b>.<br>Then the plan for the day.</p>"
        "<ul><li>First</li><li>Second</li></ul>"
        "<p>See <a href='https://example.org/routines'>our routines</a> &amp; more.</p>"
        "<script>alert(1)</script></div>"
        "<div class='gmail_quote'><div class='gmail_attr'>On Mon, Fran wrote:</div>"
        "<blockquote class='gmail_quote'>Fran replied to your thread.</blockquote></div>"
        "</body></html>"
    )
    assert receive(compose(address, html=html), deliver).accepted
    assert Reply.objects.get(thread=made, author=world.member).body == (
        "We start with a song.\nThen the plan for the day.\n\n- First\n- Second\n\n"
        "See [our routines](https://example.org/routines) & more."
    )


def test_html_quotes_become_quoted_lines():
    html = "<p>Agreed.</p><blockquote type='cite'><p>Shall we meet?</p></blockquote>"
    converted = html_to_text(html)
    assert converted == "Agreed.\n\n> Shall we meet?"
    assert reply_text_strip(converted) == "Agreed."


def test_text_that_names_no_character_set_is_read_as_utf8(world, asked, deliver):
    made, address = asked
    raw = (
        f"From: member@example.org\r\nTo: {address}\r\nMessage-ID: <utf8@mail.example.org>\r\n"
        "Content-Type: text/html\r\n\r\n<p>Mañana probamos el café.</p>"
    ).encode()
    assert receive(raw, deliver).accepted
    assert Reply.objects.get(thread=made, author=world.member).body == "Mañana probamos el café."


def test_html_list_items_keep_their_marker_beside_their_text():
    html = "<ul><li><p>First</p></li><li></li><li><div>Second</div></li></ul><p>After</p>"
    assert html_to_text(html) == "- First\n\n- Second\n\nAfter"


def test_the_plain_text_part_is_preferred_to_the_html(world, asked, deliver):
    made, address = asked
    raw = compose(address, text="Plain words.", html="<p>Fancy words.</p>")
    assert receive(raw, deliver).accepted
    assert Reply.objects.get(thread=made, author=world.member).body == "Plain words."


def test_a_reply_to_a_conversation_is_posted_in_it(world, mailoutbox, deliver):
    with deliver():
        talk = conversations.conversation_start(
            actor=world.facilitator, people=[world.member], body="Can we talk about Friday?"
        )
    [told] = mailoutbox
    assert "answer in the conversation" in told.body
    outcome = receive(compose(told.extra_headers["Reply-To"], text="Sure, after lunch."), deliver)
    assert outcome.accepted
    assert Message.objects.filter(conversation=talk, author=world.member,
                                  body="Sure, after lunch.").exists()  # fmt: skip


# -- refusals ---------------------------------------------------------------------------


def test_a_forged_reply_address_is_refused_and_no_one_is_written_to(
    world, asked, deliver, mailoutbox
):
    _made, address = asked
    forged = "reply+" + "a" * 24 + f"@{DOMAIN}"
    outcome = receive(compose(forged, text="Let me in."), deliver)
    assert (outcome.accepted, outcome.exit_code) == (False, 67)
    assert "no such reply address" in outcome.reason
    other_domain = address.replace(DOMAIN, "elsewhere.example.org")
    assert receive(compose(other_domain, text="Let me in."), deliver).exit_code == 67
    assert receive(compose("member@example.org", text="Hi"), deliver).exit_code == 67
    assert not Reply.objects.filter(author=world.member).exists()
    assert mailoutbox == [] and not InboundMessage.objects.exists()


@pytest.mark.parametrize(
    "written",
    [
        b"From: member@example.org <stranger@example.net>",
        b"From: =?utf-8?b?bWVtYmVyQGV4YW1wbGUub3Jn?=",
    ],
    ids=["address as display name", "address in an encoded word"],
)
def test_a_from_address_the_header_does_not_plainly_hold_is_refused(
    world, asked, deliver, written, mailoutbox
):
    made, address = asked
    raw = compose(address, text="Pretending.").replace(b"From: member@example.org", written)
    assert written in raw
    outcome = receive(raw, deliver)
    assert (outcome.accepted, outcome.exit_code) == (False, 65)
    assert not Reply.objects.filter(thread=made, author=world.member).exists()
    assert mailoutbox == []


def test_a_reply_address_found_in_cc_or_delivered_to_is_used(world, asked, deliver):
    _made, address = asked
    cc = compose("someone@example.org", text="Via Cc.", headers={"Cc": address})
    assert receive(cc, deliver).accepted
    delivered = compose("list@example.org", text="Via the MTA.",
                        headers={"Delivered-To": address})  # fmt: skip
    assert receive(delivered, deliver).accepted


def test_a_reply_from_another_address_is_refused_and_the_recipient_told(
    world, asked, deliver, mailoutbox
):
    made, address = asked
    outcome = receive(compose(address, sender="stranger@example.net", text="Buy now"), deliver)
    assert (outcome.accepted, outcome.exit_code) == (False, 77)
    assert "stranger@example.net" in outcome.reason
    assert not Reply.objects.filter(thread=made, author=world.member).exists()
    [refusal] = mailoutbox
    assert refusal.to == [world.member.email]
    assert refusal.extra_headers["Auto-Submitted"] == "auto-replied"
    assert "stranger@example.net" in refusal.body and world.member.email in refusal.body
    assert "Buy now" not in refusal.body  # someone else's text is not passed on
    assert InboundMessage.objects.get().outcome == InboundMessage.Outcome.REFUSED


def test_a_reply_to_a_locked_thread_is_refused_with_an_email_that_keeps_the_text(
    world, asked, deliver, mailoutbox
):
    made, address = asked
    discussion_services.thread_moderate(
        actor=world.facilitator, access=world.access(world.facilitator), thread=made,
        action="lock",
    )  # fmt: skip
    outcome = receive(compose(address, text="One more idea: a morning song."), deliver)
    assert (outcome.accepted, outcome.exit_code) == (False, 77)
    assert "locked" in outcome.reason
    [refusal] = mailoutbox
    assert refusal.to == [world.member.email]
    assert "locked" in refusal.body and "One more idea: a morning song." in refusal.body
    assert "One more idea: a morning song." in refusal.alternatives[0].content


def test_a_reply_after_losing_access_is_refused_with_an_email(world, mailoutbox, deliver):
    with deliver():
        made = thread(world, world.private)
        reply(world, made)
    address = mailoutbox.pop().extra_headers["Reply-To"]
    community_services.membership_leave(
        actor=world.member, access=world.access(world.member, world.private)
    )
    outcome = receive(compose(address, text="Still here?"), deliver)
    assert not outcome.accepted and "no longer see this thread" in outcome.reason
    assert not Reply.objects.filter(thread=made, author=world.member).exists()
    [refusal] = mailoutbox
    assert refusal.to == [world.member.email] and "no longer see this thread" in refusal.body


def test_a_reply_after_leaving_a_public_community_is_refused(world, asked, deliver, mailoutbox):
    _made, address = asked
    community_services.membership_leave(actor=world.member, access=world.access(world.member))
    outcome = receive(compose(address, text="Still here?"), deliver)
    assert not outcome.accepted and "no longer take part" in outcome.reason
    assert len(mailoutbox) == 1


def test_a_reply_with_no_text_of_its_own_is_refused(world, asked, deliver, mailoutbox):
    _made, address = asked
    outcome = receive(compose(address, text="On Mon, Fran wrote:\n> Hello"), deliver)
    assert not outcome.accepted and "No text of your own" in outcome.reason
    assert len(mailoutbox) == 1


def test_an_automatic_reply_is_refused_silently(world, asked, deliver, mailoutbox):
    made, address = asked
    raw = compose(address, text="I am out of the office until Monday.",
                  headers={"Auto-Submitted": "auto-replied"})  # fmt: skip
    outcome = receive(raw, deliver)
    assert not outcome.accepted and outcome.exit_code == 77
    assert not Reply.objects.filter(thread=made, author=world.member).exists()
    assert mailoutbox == []


def test_the_owner_hears_of_at_most_one_refusal_an_hour(world, asked, deliver, mailoutbox):
    _made, address = asked
    for n in range(3):
        receive(compose(address, sender="stranger@example.net", text=f"Spam {n}"), deliver)
    assert InboundMessage.objects.count() == 3
    assert len(mailoutbox) == 1


def test_an_oversized_message_is_refused(world, asked, deliver, settings):
    _made, address = asked
    settings.INBOUND_EMAIL_MAX_BYTES = 2000
    outcome = receive(compose(address, text="word " * 1000), deliver)
    assert (outcome.exit_code, outcome.http_status) == (65, 413)
    assert "larger than 2.0\xa0KB" in outcome.reason
    assert not Reply.objects.filter(author=world.member).exists()


@pytest.mark.parametrize(
    "raw",
    [
        os.urandom(64) + b"\x00\xff\xfe not an email",
        b"",
        b"From: member@example.org\r\nTo: reply+abc@reply.example.org\r\n"
        b"Content-Type: multipart/alternative\r\n\r\nno boundary at all",
        b"From: member@example.org\r\nTo: reply+abc@reply.example.org\r\n"
        b'Content-Type: multipart/mixed; boundary="XYZ"\r\n\r\n--XYZ\r\n'
        b"Content-Type: text/plain\r\n\r\ncut off here",
        b"To: reply+abc@reply.example.org\r\n\r\nNo From header.",
        b"From: member@example.org\r\nTo: reply+abc@reply.example.org\r\n"
        b"Content-Type: text/plain; charset=x-no-such-charset\r\n\r\nHello",
    ],
    ids=["garbage", "empty", "no boundary", "cut off", "no sender", "unknown charset"],
)
def test_a_malformed_message_is_refused(world, deliver, raw, mailoutbox):
    outcome = receive(raw, deliver)
    assert (outcome.accepted, outcome.exit_code, outcome.http_status) == (False, 65, 400)
    assert mailoutbox == [] and not InboundMessage.objects.exists()


def test_a_message_delivered_twice_is_posted_once(world, asked, deliver):
    made, address = asked
    raw = compose(address, text="Only once, please.", message_id="<twice@mail.example.org>")
    first, second = receive(raw, deliver), receive(raw, deliver)
    assert first.accepted and not first.duplicate
    assert second.accepted and second.duplicate and second.exit_code == 0
    assert Reply.objects.filter(thread=made, author=world.member).count() == 1
    assert InboundMessage.objects.count() == 1


def test_a_message_delivered_twice_at_once_is_posted_once(world, asked, deliver, monkeypatch):
    """The second delivery looks for the first before the first has recorded it."""
    made, address = asked
    raw = compose(address, text="Racing.", message_id="<race@mail.example.org>")
    receive(raw, deliver)
    real, calls = inbound._earlier, []

    def not_yet_seen(message_id):
        calls.append(message_id)
        return None if len(calls) == 1 else real(message_id)

    monkeypatch.setattr(inbound, "_earlier", not_yet_seen)
    second = receive(raw, deliver)
    assert second.accepted and second.duplicate and len(calls) == 2
    assert Reply.objects.filter(thread=made, author=world.member).count() == 1


def test_a_message_id_already_used_by_someone_else_neither_hides_nor_answers_for_this_one(
    world, asked, deliver
):
    """A Message-ID is whatever the sender's software says: the facilitator's message
    to their own reply address must not make the member's look like a repeat."""
    made, address = asked
    theirs = reply_addresses_ensure([world.facilitator.pk], "thread", made.public_id)
    taken = "<same@mail.example.org>"
    raw = compose(theirs[world.facilitator.pk], sender="fac@example.org", text="Mine first.",
                  message_id=taken)  # fmt: skip
    assert receive(raw, deliver).accepted
    outcome = receive(compose(address, text="And mine.", message_id=taken), deliver)
    assert outcome.accepted and not outcome.duplicate
    assert Reply.objects.get(thread=made, author=world.member).body == "And mine."
    again = receive(compose(address, text="And mine.", message_id=taken), deliver)
    assert again.duplicate
    assert Reply.objects.filter(thread=made, author=world.member).count() == 1


def test_a_refused_message_delivered_twice_is_explained_once(world, asked, deliver, mailoutbox):
    _made, address = asked
    raw = compose(address, sender="stranger@example.net", text="x", message_id="<r@x.org>")
    first, second = receive(raw, deliver), receive(raw, deliver)
    assert (second.accepted, second.duplicate, second.reason) == (False, True, first.reason)
    assert len(mailoutbox) == 1


def test_a_message_without_a_message_id_is_still_recognised_when_repeated(world, asked, deliver):
    made, address = asked
    raw = compose(address, text="No id.").replace(b"Message-ID:", b"X-Old-ID:")
    receive(raw, deliver)
    assert receive(raw, deliver).duplicate
    assert Reply.objects.filter(thread=made, author=world.member).count() == 1


def test_an_inactive_account_has_no_reply_address(world, asked, deliver):
    _made, address = asked
    User.objects.filter(pk=world.member.pk).update(is_active=False)
    assert receive(compose(address, text="Hi"), deliver).exit_code == 67


def test_nothing_is_received_when_reply_by_email_is_not_set_up(world, asked, deliver, settings):
    _made, address = asked
    settings.INBOUND_EMAIL_DOMAIN = ""
    outcome = receive(compose(address, text="Hi"), deliver)
    assert (outcome.accepted, outcome.exit_code) == (False, 75)  # the MTA keeps it


# -- the webhook ------------------------------------------------------------------------


def post_raw(client, raw, **headers):
    return client.post(reverse("notifications:inbound_email"), raw,
                       content_type="message/rfc822", headers=headers)  # fmt: skip


def test_the_webhook_refuses_a_missing_or_wrong_secret(world, asked, client):
    _made, address = asked
    raw = compose(address, text="Hi")
    assert post_raw(client, raw).status_code == 403
    response = post_raw(client, raw, **{"X-Staffroom-Secret": SECRET + "x"})
    assert response.status_code == 403 and response.json()["outcome"] == "refused"
    wrong = base64.b64encode(b"inbound:not-it").decode()
    assert post_raw(client, raw, Authorization=f"Basic {wrong}").status_code == 403
    assert post_raw(client, raw, Authorization="Basic %%%").status_code == 403
    assert not Reply.objects.filter(author=world.member).exists()


def test_the_webhook_posts_a_raw_message_with_the_secret(world, asked, client, deliver):
    made, address = asked
    with deliver():
        response = post_raw(client, compose(address, text="By webhook."),
                            **{"X-Staffroom-Secret": SECRET})  # fmt: skip
    assert response.status_code == 200
    assert response.json() == {"outcome": "accepted", "reason": "Posted.", "duplicate": False}
    assert Reply.objects.get(thread=made, author=world.member).body == "By webhook."


def test_the_webhook_takes_basic_auth_and_the_email_form_field(world, asked, client, deliver):
    made, address = asked
    auth = "Basic " + base64.b64encode(f"inbound:{SECRET}".encode()).decode()
    with deliver():
        as_field = client.post(
            reverse("notifications:inbound_email"),
            {"email": compose(address, text="As a field.").decode()},
            headers={"Authorization": auth},
        )
    assert as_field.status_code == 200
    assert Reply.objects.filter(thread=made, author=world.member, body="As a field.").exists()


def test_the_webhook_answers_refusals_with_their_reason(world, asked, client, settings):
    _made, address = asked
    secret = {"X-Staffroom-Secret": SECRET}
    forged = post_raw(client, compose(f"reply+nobody@{DOMAIN}", text="Hi"), **secret)
    assert forged.status_code == 422 and forged.json()["outcome"] == "refused"
    assert post_raw(client, b"\x00\xff garbage", **secret).status_code == 400
    empty = client.post(reverse("notifications:inbound_email"), {}, headers=secret)
    assert empty.status_code == 400
    settings.INBOUND_EMAIL_MAX_BYTES = 500
    assert post_raw(client, compose(address, text="x" * 2000), **secret).status_code == 413
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    big_field = {"email": compose(address, text="y" * 2000).decode()}
    response = client.post(reverse("notifications:inbound_email"), big_field, headers=secret)
    assert response.status_code == 413


def test_the_webhook_is_absent_when_reply_by_email_is_not_set_up(client, settings):
    settings.INBOUND_EMAIL_SECRET = ""
    response = post_raw(client, b"From: a@b.org\r\n\r\nHi", **{"X-Staffroom-Secret": ""})
    assert response.status_code == 404
