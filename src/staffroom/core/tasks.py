import datetime as dt

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.core.management import call_command
from django.tasks import task

from staffroom.core.periodic import periodic


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


@periodic(every=dt.timedelta(days=1))
def task_results_prune_task() -> None:
    """Daily: forget background tasks that finished more than two weeks ago."""
    call_command("prune_db_task_results", "--min-age-days", "14", verbosity=0)
