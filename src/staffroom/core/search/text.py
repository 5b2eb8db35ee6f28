"""Folding, query parsing and snippets: pure Python, shared by both backends so that
SQLite and PostgreSQL match the same words and show the same snippets."""

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

MAX_QUERY_CHARS = 1000  # a longer query is cut, never refused
MAX_TERMS = 16
MAX_WORD_CHARS = 100
SNIPPET_WORDS = 30
SNIPPET_LEAD = 8  # words shown before the first match

_TOKEN = re.compile(r"\S+")
_CHUNK = re.compile(r'"([^"]*)"?(\*?)|([^\s"]+)')


@lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    # casefold() where it keeps one code point (the Greek final sigma becomes the
    # plain one, as SQLite's tokenizer folds it), else lower() ("ß" stays), else the
    # character itself, lowered once its accent is gone (dotted capital I -> "i").
    lower = next((c for c in (char.casefold(), char.lower()) if len(c) == 1), char)
    if not lower.isalnum():
        # Punctuation and marks become spaces: both full-text tokenizers then see
        # the same plain words (PostgreSQL's parser would otherwise read e-mail
        # addresses, URLs and "3.14" as single tokens, SQLite's would not).
        return " "
    bare = "".join(c for c in unicodedata.normalize("NFKD", lower) if not unicodedata.combining(c))
    if len(bare) == 1 and bare.isalnum():
        return bare if len(bare.lower()) != 1 else bare.lower()
    return lower


def normalize(text: str) -> str:
    """What we store: NFC, so that an accent is one code point with its letter."""
    return unicodedata.normalize("NFC", text or "")


def fold(text: str) -> str:
    """Lowercase, accents removed, anything not a letter or digit a space; one
    character out for each character in, so positions map back to ``text``.
    ``fold("Niñez Évaluación") == "ninez evaluacion"``."""
    return "".join(_fold_char(char) for char in text)


@dataclass(frozen=True)
class Term:
    """Consecutive words that must appear in this order (one word: just that word);
    ``prefix``: the last word may be the start of a longer word."""

    words: tuple[str, ...]
    prefix: bool = False

    def matches(self, token: str) -> bool:
        if token in self.words[:-1] or token == self.words[-1]:
            return True
        return self.prefix and token.startswith(self.words[-1])


def parse_query(query: str) -> list[Term]:
    """Words (all must match), "quoted phrases" and a trailing ``*`` for a prefix.
    Everything else is folded to plain words, so no input is a syntax error; a
    query with no words gives no terms (and no results)."""
    terms: list[Term] = []
    for match in _CHUNK.finditer((query or "")[:MAX_QUERY_CHARS]):
        phrase, phrase_star, bare = match.groups()
        raw = phrase if phrase is not None else bare
        prefix = bool(phrase_star) if phrase is not None else bare.endswith("*")
        words = tuple(word[:MAX_WORD_CHARS] for word in fold(raw).split())
        if words and Term(words, prefix) not in terms:
            terms.append(Term(words, prefix))
        if len(terms) == MAX_TERMS:
            break
    return terms


def _highlight(text: str, folded: str, terms: list[Term], start: int, end: int) -> SafeString:
    # Every piece of ``text`` goes through ``escape``; only our own <mark> is markup,
    # so the result is safe to show as it is.
    parts, cursor = [], start
    for token in _TOKEN.finditer(folded, start, end):
        if any(term.matches(token.group()) for term in terms):
            parts.append(escape(text[cursor : token.start()]))
            parts.append(f"<mark>{escape(text[token.start() : token.end()])}</mark>")
            cursor = token.end()
    parts.append(escape(text[cursor:end]))
    return mark_safe("".join(parts))


def highlight(text: str, terms: list[Term]) -> SafeString:
    """``text`` HTML-escaped with every matching word in ``<mark>``."""
    return _highlight(text, fold(text), terms, 0, len(text))


def snippet(text: str, terms: list[Term], words: int = SNIPPET_WORDS) -> str:
    """About ``words`` words of ``text`` around its first match, escaped, with the
    matching words in ``<mark>``; the opening words when nothing in ``text`` matches."""
    folded = fold(text)
    tokens = list(_TOKEN.finditer(folded))
    if not tokens:
        return ""
    first = next(
        (i for i, t in enumerate(tokens) if any(term.matches(t.group()) for term in terms)), 0
    )
    begin = max(0, min(first - SNIPPET_LEAD, len(tokens) - words))
    last = min(len(tokens), begin + words) - 1
    start = tokens[begin].start() if begin else 0
    end = tokens[last].end() if last < len(tokens) - 1 else len(text)
    html = _highlight(text, folded, terms, start, end).strip()
    return mark_safe(("… " if start else "") + html + (" …" if end < len(text) else ""))
