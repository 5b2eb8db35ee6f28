from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.tasks import task


@task()
def email_send_task(
    *, to: list[str], subject: str, text: str, html: str = "", headers: dict | None = None
) -> None:
    """Send one message through the default mailer (MAILERS["default"])."""
    message = EmailMultiAlternatives(
        subject, text, settings.DEFAULT_FROM_EMAIL, to, headers=headers or {}
    )
    if html:
        message.attach_alternative(html, "text/html")
    message.send()
