"""Write a labelled JSON Lines file from a marked source file.

    uv run python -m staffroom.cases.deid_data.build [SOURCE [OUT]]

Without arguments it rebuilds the built-in set: ``testset.txt`` → ``testset.jsonl``
beside this file. OUT defaults to SOURCE with the extension ``.jsonl``. The offsets are
computed here so that no one counts characters by hand."""

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def build(source: Path, out: Path) -> int:
    from staffroom.cases.deid_eval import marked_to_jsonl

    content = marked_to_jsonl(source.read_text(encoding="utf-8"))
    out.write_text(content, encoding="utf-8")
    return content.count("\n")


def main(argv: list[str]) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "staffroom.settings")
    import django

    django.setup()
    source = Path(argv[0]) if argv else HERE / "testset.txt"
    out = Path(argv[1]) if len(argv) > 1 else source.with_suffix(".jsonl")
    print(f"{out}: {build(source, out)} texts")


if __name__ == "__main__":
    main(sys.argv[1:])
