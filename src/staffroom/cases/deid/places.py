"""Names of schools, counties, reservations and small towns."""

import re
from collections.abc import Iterator

from staffroom.cases.deid.base import (
    ANY_NAME,
    FIRST,
    GENERIC_SCHOOL,
    NEVER,
    PLACE_SUFFIX,
    PLACE_WORD,
    PROPER,
    RANK,
    SURNAMES,
    Hit,
    Tok,
    adjacent,
    reason_for,
    tok_index_at,
)
from staffroom.cases.deid_data import words

_SCHOOL = re.compile(r"\b(?:" + "|".join(re.escape(s) for s in words.SCHOOL_SUFFIXES) + r")\b")
_AREA = re.compile(r"\b(?:" + "|".join(words.AREA_WORDS) + r")\b")
_STATE = re.compile(
    r",\s+(?:" + "|".join(words.US_STATES) + "|" + "|".join(words.US_STATE_CODES) + r")\b"
)
_PLACE_CUE = re.compile(
    r"(?:\b(?:town|village|city|community|hamlet|township|settlement|ciudad|pueblo|rancho)\s+"
    r"(?:of|de)"
    r"|\b(?:lives?|living|lived|grew\s+up|raised|born|stays?|staying|stayed|settled|located|"
    r"based|works?|worked|working|farm|ranch|school|schools|church|clinic|store|family|"
    r"families|out|up|down|over|back|here|there|everyone|everybody)\s+"
    r"(?:in|at|near|outside(?:\s+of)?|by|around)"
    r"|\b(?:moved|moving|moves|relocated|transferred|came|comes|drove|drives|drive|commutes?|"
    r"bused|bussed|ride|rides|headed|heads|went\s+back|go\s+back|going\s+back|returned|"
    r"visiting|visits?|visited|miles|bus)\s+(?:here\s+|over\s+|back\s+|up\s+|down\s+)?"
    r"(?:to|from|into|outside(?:\s+of)?|of)"
    r"|\b(?:north|south|east|west|outside|just\s+outside)\s+of|\bnear|\bfrom|\bvive\s+en|\bde)"
    r"\s+(?:the\s+(?:town|village|community)\s+of\s+)?$",
    re.I,
)


def _run_before(
    text: str, toks: list[Tok], index: int, limit: int = 4, *, joined: bool = True
) -> list[Tok]:
    """Capitalised words just before ``toks[index]``, stopping at a sentence's start;
    ``joined``: the last of them must be separated from ``toks[index]`` by a space."""
    run: list[Tok] = []
    k = index - 1
    nxt = toks[index] if index < len(toks) and joined else None
    while k >= 0 and len(run) < limit:
        tok = toks[k]
        if nxt is not None and not adjacent(text, tok, nxt):
            break
        if (tok.poss and run) or tok.norm in NEVER - {"st"}:
            break
        if not tok.cap and tok.norm not in ("of", "de", "del", "la"):
            break
        run.insert(0, tok)
        if tok.sent:
            break
        nxt, k = tok, k - 1
    while run and not run[0].cap:
        run.pop(0)
    return run


def _run_after(text: str, toks: list[Tok], index: int, limit: int = 4) -> list[Tok]:
    run: list[Tok] = []
    k = index
    while k < len(toks) and len(run) < limit:
        tok = toks[k]
        if run and not adjacent(text, run[-1], tok):
            break
        if not tok.cap or tok.norm in NEVER - {"st"}:
            break
        run.append(tok)
        if tok.poss:
            break
        k += 1
    return run


def _meaningful(tok: Tok, *, school: bool = False) -> bool:
    """A word that tells which place it is (not "North", "County" or "Texas"); schools
    are often named after people ("Lincoln Elementary")."""
    if not tok.cap or tok.norm in GENERIC_SCHOOL:
        return False
    return tok.norm not in PROPER or (school and tok.norm in ANY_NAME)


def place_hits(text: str, toks: list[Tok]) -> Iterator[Hit]:
    rank = RANK["place"]
    for match in _SCHOOL.finditer(text):
        run = _run_before(text, toks, tok_index_at(toks, match.start()))
        if any(_meaningful(t, school=True) for t in run):
            yield Hit(run[0].start, match.end(), "place", rank, reason_for("school"), "school")
    for match in _AREA.finditer(text):
        run = _run_before(text, toks, tok_index_at(toks, match.start()), limit=3)
        if any(_meaningful(t) or t.norm in SURNAMES for t in run):
            kind = "county" if words.AREA_WORDS[match.group()] == "county" else "town"
            yield Hit(run[0].start, match.end(), "place", rank, reason_for(kind), kind)
    for match in _STATE.finditer(text):
        index = tok_index_at(toks, match.start())
        run = _run_before(text, toks, index, limit=3, joined=False)
        if run and run[-1].raw_end == match.start() and not run[-1].poss and _town_like(run):
            yield Hit(run[0].start, run[-1].end, "place", rank, reason_for("town"), "town")
    for i, tok in enumerate(toks):
        if not tok.cap:
            continue
        if tok.norm in PLACE_SUFFIX and i > 0:
            run = _run_before(text, toks, i, limit=3)
            if run and any(_meaningful(t) for t in run):
                yield Hit(run[0].start, tok.end, "place", rank, reason_for("town"), "town")
        elif tok.norm.endswith(words.PLACE_ENDINGS) and _meaningful(tok) and len(tok.norm) > 6:
            yield Hit(tok.start, tok.end, "place", rank, reason_for("town"), "town")
        if _PLACE_CUE.search(text[max(0, tok.start - 60) : tok.start]):
            run = _run_after(text, toks, i)
            while run and (run[-1].norm in GENERIC_SCHOOL and run[-1].norm not in PLACE_WORD):
                run.pop()
            if run and _town_like(run):
                yield Hit(run[0].start, run[-1].end, "place", rank, reason_for("town"), "town")


def _town_like(run: list[Tok]) -> bool:
    """Could these words be a small town's name rather than a person, a state or a city?"""
    if not any(_meaningful(t) for t in run):
        return False
    if len(run) == 1 and run[0].norm in ANY_NAME:
        return False
    return not (run[0].norm in FIRST and len(run) > 1 and run[1].norm in SURNAMES)
