"""``staffroom import_attendance SESSION FILE [--dry-run] [--good-rows]``

Import a Zoom, Google Meet or Microsoft Teams attendance report into a session (by
its public id), printing what happens to each person of the report. Exits non-zero
when the file cannot be used, or when some rows cannot be read and ``--good-rows``
was not given (then nothing is imported)."""

from django.core.management.base import BaseCommand, CommandError

from staffroom.core.errors import DomainError
from staffroom.meetings import attendance_import
from staffroom.meetings.models import Session


class Command(BaseCommand):
    help = "Import an attendance report (Zoom, Google Meet or Microsoft Teams CSV) into a session."

    def add_arguments(self, parser):
        parser.add_argument("session", help="the session's public id (from its web address)")
        parser.add_argument("file", help="the report, as CSV")
        parser.add_argument(
            "--dry-run", action="store_true", help="show what would happen; save nothing"
        )
        parser.add_argument(
            "--good-rows",
            action="store_true",
            help="import the rows that can be read even if some cannot",
        )

    def handle(self, *args, session, file, dry_run, good_rows, **options):
        found = Session.objects.select_related("series", "community").filter(public_id=session)
        target = found.first()
        if target is None:
            raise CommandError(f"There is no session {session}.")
        try:
            report = attendance_import.report_read_path(file)
        except DomainError as error:
            raise CommandError(error.message) from None
        self.stdout.write(
            f"{report.platform_label} report {report.filename}: {len(report.rows)} rows read, "
            f"{len(report.problems)} cannot be read."
        )
        for problem in report.problems:
            self.stdout.write(f"row {problem.row}: cannot be read: {problem.message}")
        try:
            result = attendance_import.attendance_import(
                actor=None, access=None, session=target, report=report,
                good_rows=good_rows, dry_run=dry_run,
            )  # fmt: skip
        except attendance_import.RowProblems as error:
            raise CommandError(
                f"{error.message} Nothing was imported; run again with --good-rows to import "
                "the rows that can be read."
            ) from None
        except DomainError as error:
            raise CommandError(error.message) from None
        for outcome in result.outcomes:
            person = outcome.person
            who = person.name + (f" <{person.email}>" if person.email else "")
            where = "rows" if len(person.rows) > 1 else "row"
            self.stdout.write(f"{where} {person.row_numbers}: {who}: {outcome.message}")
        A = attendance_import.Action
        summary = (
            f"{result.count(A.CREATE)} recorded, {result.count(A.UPDATE)} updated, "
            f"{result.count(A.SAME)} unchanged, {result.count(A.KEEP)} kept as set at roll "
            f"call, {result.count(A.REVIEW)} to review."
        )
        if dry_run:
            self.stdout.write(f"Dry run, nothing was saved: {summary}")
        else:
            self.stdout.write(self.style.SUCCESS(f"Imported: {summary}"))
