from django.core.management.base import BaseCommand, CommandError

from staffroom.core import search


class Command(BaseCommand):
    help = "Rebuild the search index from every registered kind (or only those named)."

    def add_arguments(self, parser):
        parser.add_argument("kinds", nargs="*", help="Only these kinds, e.g. meetings.session.")

    def handle(self, *args, kinds, **options):
        try:
            counts = search.rebuild(kinds or None)
        except ValueError as error:
            raise CommandError(str(error)) from error
        for kind, count in counts.items():
            self.stdout.write(f"{kind}: {count} indexed")
        self.stdout.write(f"Rebuilt {len(counts)} kinds.")
