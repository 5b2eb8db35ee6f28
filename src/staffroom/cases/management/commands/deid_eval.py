"""``staffroom deid-eval [FILE] [--json] [--errors]``

Recall and precision per category of the de-identification detector, on the built-in
labelled set or on FILE (JSON Lines: one ``{"text": ..., "spans": [{"start", "end",
"category"}]}`` per line). A file that cannot be used exits non-zero, naming the line."""

import json

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from staffroom.cases.deid_eval import (
    Evaluation,
    LabelledFileError,
    evaluate,
    read_builtin,
    read_jsonl,
)


def _number(value: float | None) -> str:
    return "–" if value is None else f"{value:.3f}"


class Command(BaseCommand):
    requires_system_checks = []  # it reads a file and touches no database

    @property
    def help(self) -> str:  # translated when asked for: argparse needs a plain str
        return _(
            "Print the de-identification detector's recall and precision per category, on "
            "the built-in labelled set or on a JSON Lines file."
        )

    def add_arguments(self, parser):
        parser.add_argument(
            "file",
            nargs="?",
            help=_("a JSON Lines file of labelled texts (default: the built-in set)"),
        )
        parser.add_argument("--json", action="store_true", help=_("print the scores as JSON"))
        parser.add_argument(
            "--errors",
            action="store_true",
            help=_("also list each missed span and each false alarm"),
        )

    def handle(self, *args, file, json: bool, errors: bool, **options):
        try:
            texts = read_jsonl(file) if file else read_builtin()
        except LabelledFileError as error:
            raise CommandError(error.message) from None
        evaluation = evaluate(texts)
        if json:
            self.stdout.write(_json_dumps(evaluation.as_json()))
        else:
            self._table(evaluation, file)
        if errors:
            self._errors(evaluation)

    def _table(self, evaluation: Evaluation, file: str | None) -> None:
        if file:
            title = _("%(file)s: %(count)d texts") % {"file": file, "count": evaluation.texts}
        else:
            title = _("Built-in test set: %(count)d texts") % {"count": evaluation.texts}
        self.stdout.write(title)
        headers = (_("category"), _("labelled"), _("flagged"), _("recall"), _("precision"))
        widths = [max(10, len(h)) for h in headers]
        self.stdout.write(
            "  ".join(
                h.ljust(w) if n == 0 else h.rjust(w)
                for n, (h, w) in enumerate(zip(headers, widths, strict=True))
            )
        )
        for category, score in evaluation.scores.items():
            cells = (
                category,
                str(score.labelled),
                str(score.flagged),
                _number(score.recall),
                _number(score.precision),
            )
            self.stdout.write(
                "  ".join(
                    cell.ljust(w) if n == 0 else cell.rjust(w)
                    for n, (cell, w) in enumerate(zip(cells, widths, strict=True))
                )
            )

    def _errors(self, evaluation: Evaluation) -> None:
        for labelled, span in evaluation.misses:
            self.stdout.write(
                _("line %(line)d: missed %(category)s “%(words)s”: %(text)s")
                % {
                    "line": labelled.line,
                    "category": span.category,
                    "words": labelled.text[span.start : span.end],
                    "text": labelled.text,
                }
            )
        for labelled, finding in evaluation.false_alarms:
            self.stdout.write(
                _("line %(line)d: false alarm %(category)s “%(words)s”: %(text)s")
                % {
                    "line": labelled.line,
                    "category": finding.category,
                    "words": labelled.text[finding.start : finding.end],
                    "text": labelled.text,
                }
            )


def _json_dumps(value) -> str:
    return json.dumps(value, ensure_ascii=False)
