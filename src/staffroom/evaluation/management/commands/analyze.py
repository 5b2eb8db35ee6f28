"""``staffroom analyze DICTIONARY.csv RESPONSES.csv [--waves pre,post] [--json]``

The survey analysis of the evaluation pages, for evaluators who hold data exported from
elsewhere: a REDCap data dictionary (scales and reverse scoring declared with
``@SCALE=name`` and ``@REVERSE`` in its Field Annotation column) and the responses, one
row per respondent and wave. Prints a readable report, or with ``--json`` the numbers.
Exits non-zero with every problem listed when a file cannot be used. It reads files
only: it never touches the database."""

import json

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from staffroom.core.errors import DomainError


class Command(BaseCommand):
    help = (
        "Analyse survey responses against a REDCap data dictionary: scale scores, "
        "Cronbach's alpha, pre/post comparison and correlations."
    )
    requires_system_checks: list[str] = []  # a file-to-report tool: no database, no checks

    def add_arguments(self, parser):
        parser.add_argument("dictionary", help="the REDCap data dictionary, as CSV")
        parser.add_argument(
            "responses", help="the responses, as CSV: one row per respondent and wave"
        )
        parser.add_argument(
            "--waves",
            help="the waves to analyse, in order, separated by commas (default: all, in "
            "order of first appearance); the first two are compared",
        )
        parser.add_argument(
            "--json", action="store_true", dest="as_json", help="print the numbers as JSON"
        )

    def handle(self, *args, dictionary, responses, waves, as_json, **options):
        from staffroom.evaluation.analysis import analyze_files
        from staffroom.evaluation.report import report_text

        wanted = None
        if waves is not None:
            wanted = [w.strip() for w in waves.split(",") if w.strip()]
            if not wanted:
                raise CommandError(_("--waves needs at least one wave name, e.g. --waves pre,post"))
        try:
            result = analyze_files(dictionary, responses, waves=wanted)
        except DomainError as error:
            raise CommandError(error.message) from None
        if as_json:
            self.stdout.write(
                json.dumps(result.as_json(), ensure_ascii=False, indent=2, allow_nan=False)
            )
        else:
            self.stdout.write(report_text(result), ending="")
