"""Data for the de-identification guard: word lists (``names``, ``words``) and the
labelled test set (``testset.txt``, the sentences with their identifiers marked, from
which ``build`` writes ``testset.jsonl``)."""


def split_words(text: str) -> list[str]:
    """The words of a whitespace-separated list, as the data modules write them."""
    return text.split()
