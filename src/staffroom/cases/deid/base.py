"""What the detector's parts share: the categories and ``Finding``, the word sets
built from ``deid_data``, candidate hits with their rank, the reasons, and the text's
words (``Tok``) with where sentences start."""

import bisect
import re
import unicodedata
from dataclasses import dataclass
from typing import NamedTuple

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from staffroom.cases.deid_data import names, split_words, words

CATEGORIES = ("name", "date", "age", "id", "email", "phone", "address", "place")


@dataclass(frozen=True)
class Finding:
    """One span of ``text[start:end]`` that could identify someone."""

    start: int
    end: int
    category: str
    reason: str
    replacement: str


def normalize(word: str) -> str:
    """Case-folded and without accents: "José" and "jose" are the same name."""
    decomposed = unicodedata.normalize("NFKD", word.replace("’", "'"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def word_set(items) -> frozenset[str]:
    return frozenset(normalize(item) for item in items)


FIRST = word_set(names.FIRST_NAMES)
AMBIGUOUS_FIRST = word_set(names.AMBIGUOUS_FIRST_NAMES)
SURNAMES = word_set(names.SURNAMES)
AMBIGUOUS_SURNAMES = word_set(names.AMBIGUOUS_SURNAMES)
ANY_NAME = FIRST | AMBIGUOUS_FIRST | SURNAMES | AMBIGUOUS_SURNAMES
NEVER = word_set(words.FUNCTION_WORDS + words.ROLE_WORDS)
PROPER = word_set(words.PROPER_NON_NAMES)
GENERIC_SCHOOL = word_set(words.GENERIC_SCHOOL_WORDS)
PLACE_SUFFIX = word_set(words.PLACE_SUFFIXES)
PLACE_WORD = word_set(words.PLACE_WORDS)
MONTHS = word_set(
    split_words(
        "january february march april may june july august september october november december"
    )
)

# Which finding wins where two overlap: the higher rank, then the longer span.
RANK = {"email": 90, "phone": 80, "address": 70, "id": 65, "date": 60, "age": 55,
        "place": 50, "name": 45}  # fmt: skip
RANK_WEAK_NAME = 35


class Hit(NamedTuple):
    start: int
    end: int
    category: str
    rank: int
    reason: str
    kind: str = ""  # names: the title kept in the replacement; places: school/county/town


# --- reasons (translated when the text is checked, in the presenter's language) ---


_REASONS = {
    "name": gettext_noop("This looks like a person's name."),
    "name_title": gettext_noop("A title such as Mr., Ms. or Dr. followed by a name."),
    "name_cue": gettext_noop(
        "A name after a word such as “named”, “called”, “student” or a family member."
    ),
    "date": gettext_noop(
        "A specific date (a birth date, the day something happened) can identify a student."
    ),
    "age": gettext_noop(
        "An age, together with the other details of a case, can identify a student."
    ),
    "age_grade": gettext_noop(
        "An age next to a grade level can single out a student (for example one who was held back)."
    ),
    "id": gettext_noop("This looks like a student, case or record number."),
    "email": gettext_noop("An email address identifies a person."),
    "phone": gettext_noop("A phone number identifies a person or a family."),
    "address": gettext_noop("A street address, box, lot or apartment number locates a family."),
    "school": gettext_noop("The name of a school: in a small school it can identify the student."),
    "county": gettext_noop(
        "The name of a county or reservation: with other details it can identify a family."
    ),
    "town": gettext_noop(
        "The name of a town or community: in a small place it can identify a family."
    ),
}


def reason_for(key: str) -> str:
    return _(_REASONS[key])


# --- tokens ---

WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_ABBREVIATIONS = frozenset(split_words("mr mrs ms dr st mt ft jr sr sra srta prof rev vs no"))


class Tok(NamedTuple):
    start: int
    end: int  # without a possessive 's
    raw_end: int
    text: str
    norm: str
    cap: bool  # capitalised, not an acronym
    sent: bool  # first word of a sentence, a line or a list item
    poss: bool  # followed by 's


def sentence_start(text: str, start: int) -> bool:
    # A bounded window keeps long attachments linear; a longer gap is a break anyway.
    before = text[max(0, start - 80) : start].rstrip(" \t\"“”‘'(*•–—-")
    if not before or before[-1] in "\n\r!?:;":
        return True
    if before[-1] != ".":
        return False
    word = re.search(r"(\S+)\.$", before)
    if word is None:
        return True
    previous = word.group(1)
    return not (normalize(previous) in _ABBREVIATIONS or re.fullmatch(r"[A-Z]", previous))


def tokens(text: str) -> list[Tok]:
    toks = []
    for match in WORD.finditer(text):
        word, start, raw_end = match.group(), match.start(), match.end()
        poss = len(word) > 3 and word[-2:] in ("'s", "’s")
        if poss:
            word = word[:-2]
        cap = word[0].isupper() and not (len(word) > 1 and word.isupper())
        toks.append(
            Tok(
                start,
                start + len(word),
                raw_end,
                word,
                normalize(word),
                cap,
                sentence_start(text, start),
                poss,
            )
        )
    return toks


def adjacent(text: str, left: Tok, right: Tok) -> bool:
    gap = text[left.raw_end : right.start]
    if gap == " " or gap == "\u00a0":
        return True
    return gap in (". ", ".\u00a0") and left.norm in ("st", "mt", "ft")


def tok_index_at(toks: list[Tok], offset: int) -> int:
    """The index of the first token starting at or after ``offset``."""
    return bisect.bisect_left(toks, offset, key=lambda t: t.start)
