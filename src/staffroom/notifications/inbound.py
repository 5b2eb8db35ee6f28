"""Reply by email: the reply addresses notification emails carry, and what becomes of
the mail sent to them.

A notification email about something that can be answered carries in Reply-To an
address of its own for that person and that thing (``reply+<key>@INBOUND_EMAIL_DOMAIN``,
a ``ReplyAddress``). Mail to it arrives through ``staffroom inbound-email`` (an MTA
pipe) or the provider webhook; ``inbound_receive`` reads it, keeps only the text the
person wrote (no quoted email, no signature) and hands it to the part that owns the
thing, which registered a route for it (DESIGN: this part owns the registry and never
imports the parts above). The part posts it as that person, with the access they hold
at that moment, or refuses with a reason.

Who is told of a refusal: only the person the address belongs to, by email, in their
language. Mail to an address that does not exist gets no answer from us (the MTA's own
bounce, if any, goes to the envelope sender): answering the From of forged mail would
make this site a source of backscatter. Automatic mail (out of office) is never
answered, so two robots cannot keep writing to each other."""

import hashlib
import os
import re
import secrets
import string
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from email import errors as email_errors
from email import message_from_bytes, policy
from email.message import EmailMessage
from email.utils import getaddresses
from html.parser import HTMLParser

from django.conf import settings
from django.db import IntegrityError, transaction
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from staffroom.core.email import email_enqueue, email_render
from staffroom.core.errors import DomainError
from staffroom.notifications.models import InboundMessage, ReplyAddress

KEY_ALPHABET = string.ascii_lowercase + string.digits  # local parts are case-blind in practice
KEY_LENGTH = 24  # about 124 bits: not guessable
_ADDRESS = re.compile(r"^reply\+([a-z0-9]{1,32})@(.+)$")
# However many refused messages reach one address, its owner hears of at most one an hour.
EXPLAIN_EVERY = timedelta(hours=1)
_BROKEN = (
    email_errors.NoBoundaryInMultipartDefect,
    email_errors.StartBoundaryNotFoundDefect,
    email_errors.CloseBoundaryNotFoundDefect,
    email_errors.MultipartInvariantViolationDefect,
)


@dataclass(frozen=True)
class Route:
    key: str
    # handler(user, target public id, text): posts the text as ``user`` or raises a
    # DomainError whose message says why not.
    handler: Callable
    hint: object  # a lazy translation: the line notification emails carry


_ROUTES: dict[str, Route] = {}


def inbound_route_register(route: str, handler: Callable, *, hint) -> None:
    """Let mail to reply addresses for ``route`` be posted by ``handler``; registering
    it again changes nothing."""
    _ROUTES.setdefault(route, Route(route, handler, hint))


def inbound_route_get(route: str) -> Route | None:
    return _ROUTES.get(route)


def inbound_configured() -> bool:
    return bool(settings.INBOUND_EMAIL_DOMAIN)


def _new_key() -> str:
    return "".join(secrets.choice(KEY_ALPHABET) for _n in range(KEY_LENGTH))


def reply_address_format(key: str) -> str:
    return f"reply+{key}@{settings.INBOUND_EMAIL_DOMAIN}"


def reply_addresses_ensure(user_ids: list[int], route: str, target: str) -> dict[int, str]:
    """The reply address of each of ``user_ids`` for ``(route, target)``, made for those
    who have none yet: at most three queries however many people."""

    def existing() -> dict[int, str]:
        found = ReplyAddress.objects.filter(user_id__in=user_ids, route=route, target=target)
        return dict(found.values_list("user_id", "key"))

    keys = existing()
    missing = [pk for pk in user_ids if pk not in keys]
    if missing:
        ReplyAddress.objects.bulk_create(
            [ReplyAddress(key=_new_key(), user_id=pk, route=route, target=target)
             for pk in missing],
            ignore_conflicts=True,
        )  # fmt: skip
        # Another sender may have made some of them meanwhile: theirs are the ones kept.
        keys = existing()
    return {pk: reply_address_format(key) for pk, key in keys.items()}


# -- reading a message ------------------------------------------------------------------


class _Malformed(Exception):
    pass


def _parse(raw: bytes) -> EmailMessage:
    message = message_from_bytes(raw, policy=policy.default)
    for part in message.walk():
        if any(isinstance(defect, _BROKEN) for defect in part.defects):
            raise _Malformed(_("The message's MIME structure is broken."))
    return message


def _header_addresses(message: EmailMessage, *names: str) -> list[str]:
    values = [str(value) for name in names for value in message.get_all(name) or []]
    return [address.lower() for _name, address in getaddresses(values) if "@" in address]


def _sender(message: EmailMessage) -> str:
    """The one From address, as the header's own structure gives it. A header the email
    package had to guess at is not trusted: in ``ana@school.org <eve@example.com>`` or
    an address that only appears once an encoded word is decoded, the checks of the
    receiving mail server (SPF, DMARC) may have read another address than we would."""
    headers = message.get_all("From") or []
    addresses = [address for header in headers for address in getattr(header, "addresses", ())]
    if len(headers) != 1 or len(addresses) != 1 or not addresses[0].domain:
        raise _Malformed(_("The message has no single From address."))
    if any(isinstance(defect, email_errors.InvalidHeaderDefect) for defect in headers[0].defects):
        raise _Malformed(_("The message's From address cannot be read."))
    return addresses[0].addr_spec.lower()


def _message_id(message: EmailMessage, raw: bytes) -> str:
    """The Message-ID, or for a message without one (or with an absurd one) a digest
    of it, so that a second delivery is still recognised."""
    message_id = str(message.get("Message-ID") or "").strip()
    if message_id and len(message_id) <= 255:
        return message_id
    return "sha256:" + hashlib.sha256(message_id.encode() or raw).hexdigest()


def _is_automatic(message: EmailMessage) -> bool:
    """Out-of-office replies and other mail no person wrote (RFC 3834)."""
    submitted = str(message.get("Auto-Submitted") or "no").strip().lower()
    precedence = str(message.get("Precedence") or "").strip().lower()
    return (
        submitted != "no"
        or precedence in {"bulk", "junk", "list", "auto_reply"}
        or "X-Autoreply" in message
        or "X-Autorespond" in message
        or message.get_content_type() == "multipart/report"
    )


class _HtmlText(HTMLParser):
    """HTML mail as the plain text its writer meant: paragraphs and line breaks kept,
    lists as "- " items, links as Markdown, a blockquote as "> " lines (so it is
    stripped as a quote), and what is not text (scripts, styles, Gmail's quoted
    message and signature) left out."""

    _VOID = {"br", "img", "hr", "meta", "link", "input", "wbr", "col", "area", "base", "source"}
    _PARAGRAPH = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table", "blockquote"}
    _BLOCK = _PARAGRAPH | {"div", "li", "tr", "pre", "hr", "section", "article", "header"}
    _SKIP_TAGS = {"script", "style", "head", "title", "template"}
    _SKIP_CLASSES = {"gmail_quote", "gmail_quote_container", "gmail_signature"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.line: list[str] = []
        self.quote = 0
        self.pre = 0
        self.skip = 0
        self.links: list[tuple[str, int, int]] = []

    def _flush(self, *, force: bool = False) -> None:
        if self.line == ["- "] and not force:
            return  # a list item's paragraph or division: its text goes beside the "- "
        text = "".join(self.line) if self.pre else " ".join("".join(self.line).split())
        if text or force:
            self.lines.append("> " * self.quote + text)
        self.line = []

    def _paragraph(self) -> None:
        self._flush()
        if self.lines and self.lines[-1]:
            self.lines.append("")

    def handle_starttag(self, tag, attrs):
        if self.skip:
            self.skip += tag not in self._VOID
            return
        attributes = dict(attrs)
        classes = set((attributes.get("class") or "").split())
        if tag in self._SKIP_TAGS or classes & self._SKIP_CLASSES:
            self.skip = 1 if tag not in self._VOID else 0
            return
        if tag == "br":
            self._flush(force=True)
        elif tag in self._PARAGRAPH:
            self._paragraph()
        elif tag in self._BLOCK:
            self._flush()
        if tag == "blockquote":
            self.quote += 1
        elif tag == "pre":
            self.pre += 1
        elif tag == "li":
            self.line.append("- ")
        elif tag == "a":
            href = (attributes.get("href") or "").strip()
            self.links.append((href, len(self.lines), len(self.line)))

    def handle_endtag(self, tag):
        if self.skip:
            self.skip -= 1
            return
        if tag == "a" and self.links:
            href, line_count, start = self.links.pop()
            label = "".join(self.line[start:]).strip()
            if (
                href.startswith(("http://", "https://", "mailto:"))
                and label
                and len(self.lines) == line_count
                and label != href.removeprefix("mailto:")
            ):
                self.line[start:] = [f"[{label}]({href})"]  # fmt: skip
        if tag == "li" and self.line == ["- "]:
            self.line = []  # an empty item
        if tag in self._PARAGRAPH:
            self._paragraph()
        elif tag in self._BLOCK:
            self._flush()
        if tag == "blockquote" and self.quote:
            self._flush()
            self.quote -= 1
        elif tag == "pre" and self.pre:
            self.pre -= 1

    def handle_data(self, data):
        if not self.skip:
            self.line.append(data)

    def text(self) -> str:
        self._flush()
        return "\n".join(self.lines).strip()


def html_to_text(html: str) -> str:
    parser = _HtmlText()
    parser.feed(html)
    parser.close()
    return parser.text()


_QUOTE_HEADER = re.compile(r"^(on\s.+\swrote|el\s.+\sescribió)\s*:$", re.IGNORECASE)
_QUOTE_HEADER_START = re.compile(r"^(on|el)\s", re.IGNORECASE)
_ORIGINAL = re.compile(
    r"^-{2,}\s*(original message|mensaje original|forwarded message|mensaje reenviado)\s*-{2,}$",
    re.IGNORECASE,
)
_HEADER_FROM = re.compile(r"^\*?(from|de)\s*:", re.IGNORECASE)
_HEADER_NEXT = re.compile(r"^\*?(sent|date|to|cc|subject|enviado|fecha|para|asunto)\s*:", re.I)
_DEVICE = re.compile(
    r"^(sent from my |enviado desde mi |get outlook for |obtener outlook para |"
    r"sent from outlook|enviado desde outlook|sent from mail for windows|"
    r"enviado desde correo para windows)",
    re.IGNORECASE,
)
_SEPARATOR = re.compile(r"^[_\-=*\s]+$")


def _holds_unsubscribe_link(line: str) -> bool:
    # A quote kept in a reply is posted for the thread to read; the footer's signed
    # link would let any reader turn off the writer's email.
    return reverse("notifications:unsubscribe", args=["-"])[:-2] in line


def _quote_starts(lines: list[str], index: int) -> bool:
    """Whether what follows ``lines[index]`` is an earlier message or a signature."""
    line = lines[index].strip()
    if re.fullmatch(r"--\s*", lines[index]) or _DEVICE.match(line) or _ORIGINAL.match(line):
        return True
    if _HEADER_FROM.match(line):  # Outlook's "From: / Sent: / To: / Subject:" block
        return any(
            _HEADER_NEXT.match(following.strip()) for following in lines[index + 1 : index + 5]
        )
    return False


def _is_quoted(line: str) -> bool:
    return line.lstrip().startswith(">")


def _quote_header(lines: list[str], index: int) -> int:
    """How many lines the "On … wrote:" / "El … escribió:" that starts at
    ``lines[index]`` spans (Gmail wraps it), or 0. It introduces ">" lines or ends the
    message, so "On Monday my students wrote:" followed by what they wrote is the
    writer's own sentence."""
    if not _QUOTE_HEADER_START.match(lines[index].strip()):
        return 0
    for count in (1, 2, 3):
        joined = " ".join(part.strip() for part in lines[index : index + count])
        if _QUOTE_HEADER.match(joined):
            after = index + count
            while after < len(lines) and not lines[after].strip():
                after += 1
            return count if after == len(lines) or _is_quoted(lines[after]) else 0
    return 0


def reply_text_strip(text: str) -> str:
    """The text a person wrote: the "On … wrote:" / "El … escribió:" header with the
    quoted lines right after it, the quote that ends the message, and from the Outlook
    headers or the signature on, removed. Quoted lines followed by more of the writer's
    text (answers between the lines, or a passage they quote) stay as Markdown quotes."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    kept: list[str] = []
    index = 0
    while index < len(lines) and not _quote_starts(lines, index):
        header = _quote_header(lines, index)
        if header:
            index += header
            while index < len(lines) and (not lines[index].strip() or _is_quoted(lines[index])):
                index += 1
            continue
        if not _holds_unsubscribe_link(lines[index]):
            kept.append(lines[index].rstrip())
        index += 1
    while kept and (not kept[-1] or _is_quoted(kept[-1]) or _SEPARATOR.match(kept[-1])):
        kept.pop()
    return re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip()


def _text(message: EmailMessage) -> str:
    body = message.get_body(preferencelist=("plain", "html"))
    if body is None:
        return ""
    try:
        if body.get_content_charset() is None:
            # Text that names no character set is ASCII by the RFCs and, from the
            # programs that forget to name it, UTF-8 (of which ASCII is a part).
            content = body.get_payload(decode=True).decode("utf-8", errors="replace")
        else:
            content = body.get_content()
    except LookupError:
        raise _Malformed(_("The message's text is in an unknown character set.")) from None
    if body.get_content_type() == "text/html":
        content = html_to_text(content)
    return reply_text_strip(content)


# -- what becomes of it -------------------------------------------------------------------


@dataclass(frozen=True)
class Outcome:
    """What became of one message: ``exit_code`` for an MTA pipe (sysexits.h),
    ``http_status`` for a webhook, ``reason`` for the sender's bounce or the log."""

    accepted: bool
    exit_code: int
    http_status: int
    reason: str
    duplicate: bool = False

    def as_json(self) -> dict:
        return {"outcome": "accepted" if self.accepted else "refused", "reason": self.reason,
                "duplicate": self.duplicate}  # fmt: skip


def _accepted(reason: str, *, duplicate: bool = False) -> Outcome:
    return Outcome(True, os.EX_OK, 200, reason, duplicate)


def _refused(exit_code: int, reason: str, *, status: int = 422, duplicate: bool = False):
    return Outcome(False, exit_code, status, reason, duplicate)


def _reply_address(message: EmailMessage) -> ReplyAddress | None:
    domain = settings.INBOUND_EMAIL_DOMAIN
    keys = []
    for address in _header_addresses(message, "To", "Cc", "Delivered-To"):
        match = _ADDRESS.match(address)
        if match and match.group(2) == domain:
            keys.append(match.group(1))
    found = ReplyAddress.objects.select_related("user").filter(key__in=keys, user__is_active=True)
    return found.first() if keys else None


def _earlier(message_id: str) -> InboundMessage | None:
    return InboundMessage.objects.filter(message_id=message_id).first()


def _delivery(
    message_id: str, address: ReplyAddress, sender: str
) -> tuple[str, InboundMessage | None]:
    """The key this message is remembered by, and its earlier delivery if any. Any
    sender's software chooses its Message-ID, so one already seen for another reply
    address or from another sender is not this message: it neither hides this one nor
    answers for it, and this one is remembered by a digest of the three instead."""
    earlier = _earlier(message_id)
    if earlier is not None and (earlier.address_id, earlier.sender) != (address.pk, sender[:254]):
        scoped = f"{message_id}\n{address.key}\n{sender}"
        message_id = "sha256:" + hashlib.sha256(scoped.encode()).hexdigest()
        earlier = _earlier(message_id)
    return message_id, earlier


def _repeat(earlier: InboundMessage) -> Outcome:
    """A message seen before is answered as it was then, and nothing is done again."""
    if earlier.outcome == InboundMessage.Outcome.ACCEPTED:
        return _accepted(_("This message was already posted."), duplicate=True)
    return _refused(os.EX_NOPERM, earlier.reason, duplicate=True)


def _explain(address: ReplyAddress, *, sender: str, reason: str, text: str) -> None:
    """Email the address's owner why their reply was not posted (once an hour at most
    for one address); ``text`` is what they wrote, so it is not lost."""
    recent = InboundMessage.objects.filter(
        address=address,
        outcome=InboundMessage.Outcome.REFUSED,
        received_at__gte=timezone.now() - EXPLAIN_EVERY,
    )
    if recent.count() > 1:  # the one just recorded, and another before it
        return
    user = address.user
    context = {"user": user, "sender": sender, "reason": reason, "text": text,
               "mismatch": sender != user.email.lower()}  # fmt: skip
    message = email_render(
        "notifications/email/inbound_refused", context,
        language=user.language or settings.LANGUAGE_CODE,
    )  # fmt: skip
    # RFC 3834: an automatic answer, which no other robot should answer in turn.
    email_enqueue(to=[user.email], headers={"Auto-Submitted": "auto-replied"}, **message)


def _record(address, message_id, sender, outcome, reason="") -> InboundMessage:
    return InboundMessage.objects.create(
        message_id=message_id, address=address, sender=sender[:254], outcome=outcome,
        reason=reason[:300],
    )  # fmt: skip


def _post(address: ReplyAddress, message_id: str, sender: str, text: str) -> str | None:
    """Post ``text`` through the address's route; None, or why it was refused."""
    route = inbound_route_get(address.route)
    if route is None:
        return _("What this email was about can no longer be answered by email.")
    try:
        with transaction.atomic():
            route.handler(address.user, address.target, text)
            _record(address, message_id, sender, InboundMessage.Outcome.ACCEPTED)
    except DomainError as error:
        return error.message
    return None


def _answer(address: ReplyAddress, message_id: str, message: EmailMessage, sender: str,
            text: str) -> Outcome:  # fmt: skip
    automatic, own = _is_automatic(message), sender == address.user.email.lower()
    if automatic:
        refusal = _("An automatic reply (such as an out-of-office notice) is not posted.")
    elif not own:
        refusal = _(
            "This reply came from %(sender)s, which is not the address of the person this "
            "email was sent to. Reply from that address."
        ) % {"sender": sender}
    elif not text:
        refusal = _("No text of your own was found above the quoted message.")
    else:
        refusal = _post(address, message_id, sender, text)
        if refusal is None:
            return _accepted(_("Posted."))
    with transaction.atomic():
        _record(address, message_id, sender, InboundMessage.Outcome.REFUSED, refusal)
        if not automatic:
            # Someone else's words are not passed on to the person they pretend to be.
            _explain(address, sender=sender, reason=refusal, text=text if own else "")
    return _refused(os.EX_NOPERM, refusal)


def inbound_receive(raw: bytes) -> Outcome:
    """Read one email (its raw bytes) sent to a reply address and post it as that
    address's owner, or refuse it. A message delivered again (same Message-ID) is
    answered as the first time and posted once."""
    if not inbound_configured():
        # EX_TEMPFAIL, not EX_CONFIG: Postfix and Sendmail bounce the latter at once, and
        # a site whose settings did not load should get its mail when they do.
        reason = _("Reply by email is not set up on this site.")
        return _refused(os.EX_TEMPFAIL, reason, status=404)
    if len(raw) > settings.INBOUND_EMAIL_MAX_BYTES:
        limit = filesizeformat(settings.INBOUND_EMAIL_MAX_BYTES)
        reason = _("The message is larger than %(limit)s.") % {"limit": limit}
        return _refused(os.EX_DATAERR, reason, status=413)
    try:
        message = _parse(raw)
        sender = _sender(message)
        text = _text(message)
    except _Malformed as error:
        return _refused(os.EX_DATAERR, str(error), status=400)
    except (email_errors.MessageError, ValueError, IndexError):
        # The email package raises these, rarely, on headers too broken to read.
        return _refused(os.EX_DATAERR, _("The message cannot be read."), status=400)
    address = _reply_address(message)
    if address is None:
        return _refused(os.EX_NOUSER, _("There is no such reply address."))
    message_id, earlier = _delivery(_message_id(message, raw), address, sender)
    if earlier is not None:
        return _repeat(earlier)
    with translation.override(address.user.language or settings.LANGUAGE_CODE):
        try:
            return _answer(address, message_id, message, sender, text)
        except IntegrityError:
            # The same message delivered twice at once: the other delivery recorded it.
            earlier = _earlier(message_id)
            if earlier is None:
                raise
            return _repeat(earlier)
