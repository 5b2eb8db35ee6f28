"""Email goes out through the task queue, after the transaction that caused it commits.

Views and services never talk to the mail server: a slow or failing SMTP server
must not slow down or break a page.
"""

from contextlib import contextmanager
from contextvars import ContextVar

from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation

_suppressed: ContextVar[bool] = ContextVar("email_suppressed", default=False)


@contextmanager
def email_suppressed():
    """Queue no email inside this block: for invented history (the demo hub), where the
    messages services would send describe events that never happened."""
    token = _suppressed.set(True)
    try:
        yield
    finally:
        _suppressed.reset(token)


def email_is_suppressed() -> bool:
    """True inside ``email_suppressed()``: code that queues a task which will email
    later (a reminder, a notice) asks this, because the task runs outside the block."""
    return _suppressed.get()


def email_enqueue(
    *, to: list[str], subject: str, text: str, html: str = "", headers: dict | None = None
) -> None:
    """Queue one message; it is queued only if the current transaction commits."""
    if _suppressed.get():
        return
    from staffroom.core.tasks import email_send_task

    kwargs = {"to": to, "subject": subject, "text": text, "html": html, "headers": headers or {}}
    transaction.on_commit(lambda: email_send_task.enqueue(**kwargs))


def email_render(template_prefix: str, context: dict, *, language: str | None = None) -> dict:
    """Render ``<prefix>_subject.txt``, ``_message.txt`` and ``_message.html`` in
    ``language`` (the recipient's, not the sender's)."""
    with translation.override(language or translation.get_language()):
        subject = render_to_string(f"{template_prefix}_subject.txt", context)
        text = render_to_string(f"{template_prefix}_message.txt", context)
        html = render_to_string(f"{template_prefix}_message.html", context)
    return {"subject": " ".join(subject.split()), "text": text.strip(), "html": html.strip()}
