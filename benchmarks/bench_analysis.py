"""Benchmark: analysing a survey of 5,000 respondents x 40 items (target: under 2 seconds).

    uv run python benchmarks/bench_analysis.py [--respondents 5000] [--items 40] [--runs 3]

It writes a REDCap data dictionary (``--items`` Likert items in scales of 8, a quarter
of them reverse scored, with branching logic) and a responses file with a pre and a
post row for every respondent (about 3% of answers missing, 5% of respondents without
a post row) into a temporary directory, then times what ``staffroom analyze`` does:
reading and checking both files and the whole analysis (descriptives, scale scores,
alpha, paired tests, correlations). No database is involved.

The first run also pays for importing scipy.special (once per process; a web worker
has it loaded); it is reported on its own line. The target applies to each run after
the import. Exits 1 if the slowest of them takes longer than the target.
"""

import argparse
import csv
import os
import random
import sys
import tempfile
import time
from pathlib import Path

TARGET_SECONDS = 2.0
SCALE_SIZE = 8


def _setup_django() -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "staffroom.settings")
    import django

    django.setup()


def _write_files(directory: Path, respondents: int, items: int) -> tuple[Path, Path]:
    from staffroom.evaluation.redcap import Field, dictionary_write

    agree = "1, Strongly disagree | 2, Disagree | 3, Neutral | 4, Agree | 5, Strongly agree"
    fields = [
        Field("record_id", "survey", "text", "Respondent"),
        Field("consent", "survey", "yesno", "I agree to take part."),
    ]
    names = []
    for k in range(items):
        name = f"q{k + 1:02d}"
        names.append(name)
        fields.append(
            Field(name, "survey", "radio", f"Statement {k + 1}", choices=agree,
                  branching_logic="[consent] = '1'")
            .with_tags(scale=f"scale_{k // SCALE_SIZE + 1}", reverse=k % 4 == 3)
        )  # fmt: skip
    dictionary = directory / "dictionary.csv"
    dictionary.write_bytes(dictionary_write(fields))

    rng = random.Random(2025)
    responses = directory / "responses.csv"
    with responses.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["record_id", "wave", "consent", *names])
        for wave, lift in (("pre", 0.0), ("post", 0.4)):
            for r in range(respondents):
                if wave == "post" and r % 20 == 0:
                    continue
                trait = rng.gauss(3 + lift, 0.8)
                row = [f"r{r:05d}", wave, "1"]
                for k in range(items):
                    value = trait + rng.gauss(0, 0.9)
                    value = 6 - value if k % 4 == 3 else value
                    answer = min(5, max(1, round(value)))
                    row.append("" if rng.random() < 0.03 else str(answer))
                writer.writerow(row)
    return dictionary, responses


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--respondents", type=int, default=5000)
    parser.add_argument("--items", type=int, default=40)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    _setup_django()
    from staffroom.evaluation.analysis import analyze
    from staffroom.evaluation.redcap import dictionary_read_path
    from staffroom.evaluation.responses import responses_read_path

    with tempfile.TemporaryDirectory() as directory:
        dictionary_path, responses_path = _write_files(
            Path(directory), args.respondents, args.items
        )
        size = responses_path.stat().st_size / 1024 / 1024
        began = time.perf_counter()
        import scipy.special  # noqa: F401  (what the first analysis in a process pays)

        imported = time.perf_counter() - began
        totals = []
        for _run in range(args.runs):
            began = time.perf_counter()
            dictionary = dictionary_read_path(dictionary_path)
            rows = responses_read_path(responses_path)
            read = time.perf_counter()
            result = analyze(dictionary, rows)
            done = time.perf_counter()
            totals.append(done - began)
            print(
                f"read {read - began:.3f} s, analysed {done - read:.3f} s, "
                f"total {done - began:.3f} s"
            )
    scales = len(result.scales)
    print(
        f"{args.respondents} respondents x {args.items} items ({len(rows) - 1} rows, "
        f"{size:.1f} MB, {scales} scales): slowest run {max(totals):.3f} s "
        f"(target < {TARGET_SECONDS} s); importing scipy.special once: {imported:.3f} s"
    )
    first = result.scales["scale_1"]
    print(
        f"  scale_1: alpha pre {first.waves['pre'].alpha:.3f} (n {first.waves['pre'].alpha_n}), "
        f"post - pre {first.paired.mean_diff:.3f} over {first.paired.n} pairs, "
        f"p {first.paired.p:.3g}"
    )
    return 0 if max(totals) < TARGET_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main())
