"""The de-identification guard's detector: what in a case's text could identify a
student or a family.

``find_identifiers(text)`` returns ``Finding``s, sorted and never overlapping, each
with the category, a short translated reason and a one-click replacement. It is pure
Python (regular expressions and the word lists in ``deid_data``), so it runs the same
in a view, a task and ``staffroom deid-eval``. It errs towards flagging: the presenter
can mark a finding "not identifying" with a reason, but cannot un-share a name.

What each category covers:

- **name**: a first name or surname from the lists (``deid_data.names``), followed by
  further name words ("Maria Lopez", "John T. Smith", "de la Cruz"); a title and a name
  ("Mr. Ortiz", "Aunt Rosa", "Sra. Pérez"); any capitalised word after a cue ("named",
  "called", "his mother", "her brother", "student", "la mamá de"), after another name in
  a list ("Maria and Tahoma"), before "family" ("the Tsinajinnie family"), or before a
  verb of speech or a possessive ("Kaylani said", "Kaylani's"). Names that are also
  words ("April", "Will", "Hope") need more evidence: a title or cue, a surname after
  them, a verb, or a place mid-sentence where the word would not be capitalised.
- **date**: a day of a month (3/14/2025, 2025-03-14, March 14, the 14th of March,
  Tuesday the 3rd, "el 3 de mayo"). Not a bare year, a month alone, a weekday alone or
  "last week": those match the HIPAA Safe Harbor rule, which keeps years.
- **age**: an age stated for one person ("a 9-year-old", "age 14", "she is 12",
  "turned 16", "her 16th birthday", "tiene 12 años"). A case is always one student with
  their circumstances, so a stated age always comes with other details; the presenter
  may mark it "not identifying" when nothing else narrows it down. Ages of a group
  ("8-year-olds", "ages 12 to 14", "the typical 6-year-old") are not flagged. When a
  grade is mentioned nearby, the reason says so: an age that does not match the grade
  (a student held back) singles a student out.
- **id**: a number after a cue ("ID 448812", "student #20931", "case no. 2024-117",
  "lunch number 4471"), letters and digits ("S-00123"), social security numbers, and
  any run of six or more digits that is not a phone number.
- **email**, **phone** (US formats, with an extension), **address** (a house number and
  street, a named street after "on"/"off", rural routes, PO boxes, apartments, lots,
  county roads, apartment complexes and trailer parks by name).
- **place**: a school's name ("Cedar Bluff Elementary", "Harlan County High School";
  not "Central High School" or "the middle school"), a county, parish or reservation,
  a town after a cue ("town of X", "lives in X", "moved from X", "X, Nebraska"), and
  words shaped like a small place ("Dry Creek", "Millersville"). States, countries and
  large cities are not flagged.

The parts: ``base`` (categories, word sets, the text's words, reasons), ``patterns``
(emails, phones, IDs, dates, ages, addresses), ``places`` and ``names``. Each proposes
hits with a rank; this module keeps the best non-overlapping ones (an address beats the
surname inside "1420 Washington Street", a date beats the name in "April 3") and
writes the replacements. ``deid_eval`` and ``staffroom deid-eval`` measure it.
"""

import bisect

from django.utils.translation import gettext as _

from staffroom.cases.deid.base import CATEGORIES, WORD, Finding, Hit, normalize, tokens
from staffroom.cases.deid.names import PARTICLES, name_hits
from staffroom.cases.deid.patterns import (
    address_hits,
    age_hits,
    contact_hits,
    date_hits,
    id_hits,
)
from staffroom.cases.deid.places import place_hits
from staffroom.cases.extract import extract_text

__all__ = ["CATEGORIES", "Finding", "extract_text", "find_identifiers", "normalize"]


def _choose(hits: list[Hit]) -> list[Hit]:
    """The best hits that do not overlap: higher rank first, then longer, then earlier."""
    chosen: list[Hit] = []  # kept sorted by start; never overlapping, so also by end
    for hit in sorted(hits, key=lambda h: (-h.rank, -(h.end - h.start), h.start)):
        if hit.end <= hit.start:
            continue
        at = bisect.bisect_left(chosen, hit.start, key=lambda h: h.start)
        if at > 0 and chosen[at - 1].end > hit.start:
            continue
        if at < len(chosen) and chosen[at].start < hit.end:
            continue
        chosen.insert(at, hit)
    return chosen


def _letter(n: int) -> str:
    letters = ""
    n += 1
    while n:
        n, rest = divmod(n - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def _name_key(text: str, hit: Hit) -> list[str]:
    span = text[hit.start + len(hit.kind) : hit.end] if hit.kind else text[hit.start : hit.end]
    return [normalize(w) for w in WORD.findall(span) if normalize(w) not in PARTICLES]


# Translated when used, not at import: the presenter's language is known only then.
_REPLACEMENTS = {
    "date": lambda: _("[date]"),
    "age": lambda: _("[age]"),
    "id": lambda: _("[ID]"),
    "email": lambda: _("[email]"),
    "phone": lambda: _("[phone]"),
    "address": lambda: _("[address]"),
}
_PLACE_REPLACEMENTS = {
    "school": lambda: _("[school]"),
    "county": lambda: _("[county]"),
    "town": lambda: _("[town]"),
}


def _same_person(key: list[str], known: list[str]) -> bool:
    """ "Maria" or "Mrs. Lopez" after "Maria Lopez": the same person, or family."""
    if not key:
        return False
    return key == known or key[0] == known[0] or (len(key) == 1 and key[0] == known[-1])


def _replacements(text: str, hits: list[Hit]) -> list[str]:
    """One-click replacements: the same person keeps the same letter ("Maria Lopez", then
    "Maria" or "Mrs. Lopez", are all A); a title is kept ("Mrs. B")."""
    people: list[list[str]] = []
    out = []
    for hit in hits:
        if hit.category == "name":
            key = _name_key(text, hit)
            number = None
            for n, known in enumerate(people):
                if _same_person(key, known):
                    number = n
                    break
            if number is None:
                people.append(key)
                number = len(people) - 1
            letter = _letter(number)
            if hit.kind:
                out.append(f"{hit.kind} {letter}")
            else:
                out.append(_("Student %(letter)s") % {"letter": letter})
        elif hit.category == "place":
            out.append(_PLACE_REPLACEMENTS.get(hit.kind, _PLACE_REPLACEMENTS["town"])())
        else:
            out.append(_REPLACEMENTS[hit.category]())
    return out


def find_identifiers(text: str) -> list[Finding]:
    """Everything in ``text`` that could identify a student or a family, in order,
    without overlaps; each with why it was flagged and a suggested replacement."""
    toks = tokens(text)
    hits = [
        *contact_hits(text),
        *id_hits(text),
        *date_hits(text),
        *age_hits(text, toks),
        *address_hits(text),
        *place_hits(text, toks),
        *name_hits(text, toks),
    ]
    chosen = _choose(hits)
    return [
        Finding(hit.start, hit.end, hit.category, hit.reason, replacement)
        for hit, replacement in zip(chosen, _replacements(text, chosen), strict=True)
    ]
