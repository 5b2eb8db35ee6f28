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
        "Cronbach's alpha, paired comparisons of every two waves and correlations."
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
            "order of first appearance); each wave is compared with every later one",
        )
        parser.add_argument(
            "--json", action="store_true", dest="as_json", help="print the numbers as JSON"
        )
        parser.add_argument(
            "--r-script", metavar="FILE",
            help="also write an R script that reads the responses and labels the variables",
        )  # fmt: skip
        parser.add_argument(
            "--spss-syntax", metavar="FILE",
            help="also write SPSS syntax that reads the responses and labels the variables",
        )  # fmt: skip
        parser.add_argument(
            "--charts", metavar="DIR",
            help="also write SVG charts to DIR (created if needed): item-<name>.svg for "
            "every item with choices and scales.svg, the scale means by wave",
        )  # fmt: skip

    def handle(
        self,
        *args,
        dictionary,
        responses,
        waves,
        as_json,
        r_script,
        spss_syntax,
        charts,
        **options,
    ):
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
        if r_script or spss_syntax:
            self._write_scripts(dictionary, responses, r_script, spss_syntax)
        if charts:
            self._write_charts(result, dictionary, charts)
        if as_json:
            self.stdout.write(
                json.dumps(result.as_json(), ensure_ascii=False, indent=2, allow_nan=False)
            )
        else:
            self.stdout.write(report_text(result), ending="")

    def _write_charts(self, result, dictionary, directory):
        from pathlib import Path

        from staffroom.evaluation.charts import analysis_charts, scale_ranges
        from staffroom.evaluation.redcap import dictionary_read_path

        ranges = scale_ranges(dictionary_read_path(dictionary))
        folder = Path(directory)
        path = folder
        try:
            folder.mkdir(parents=True, exist_ok=True)
            for name, svg in analysis_charts(result, ranges=ranges).items():
                path = folder / name
                path.write_text(svg, "utf-8")
        except OSError as error:
            raise CommandError(
                _("Could not write the charts to %(file)s: %(reason)s")
                % {"file": path, "reason": error.strerror or error}
            ) from None
        self.stderr.write(_("Wrote the charts to %(folder)s.") % {"folder": folder})

    def _write_scripts(self, dictionary, responses, r_path, spss_path):
        """The scripts name the responses file without its folder: they are run where
        it lies."""
        from pathlib import Path

        from staffroom.evaluation.redcap import dictionary_read_path
        from staffroom.evaluation.responses import responses_header, responses_read_path
        from staffroom.evaluation.syntax import r_script, spss_syntax

        fields = dictionary_read_path(dictionary)
        columns = responses_header(responses_read_path(responses))
        data_file = Path(responses).name
        for path, write in ((r_path, r_script), (spss_path, spss_syntax)):
            if not path:
                continue
            try:
                Path(path).write_text(write(fields, columns, data_file=data_file), "utf-8")
            except OSError as error:
                raise CommandError(
                    _("Could not write %(file)s: %(reason)s")
                    % {"file": path, "reason": error.strerror}
                ) from None
            self.stderr.write(_("Wrote %(file)s.") % {"file": path})
