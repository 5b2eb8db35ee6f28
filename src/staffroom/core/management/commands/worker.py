from django.core.management import call_command
from django.core.management.base import BaseCommand

from staffroom.core.periodic import periodic_start


class Command(BaseCommand):
    help = "Run the background task worker (emails, reminders, daily upkeep)."

    def add_arguments(self, parser):
        parser.add_argument("--batch", action="store_true", help="Run what is queued, then exit.")
        parser.add_argument("--interval", type=float, default=1.0)

    def handle(self, *args, batch, interval, **options):
        for path in periodic_start():
            self.stdout.write(f"Queued the periodic task {path}.")
        worker_args = ["--interval", str(interval), "--no-reload"]
        if batch:
            worker_args.append("--batch")
        call_command("db_worker", *worker_args)
