"""People's names: from the name lists, after titles and cue words, and (with more
evidence) words the lists do not know."""

import re
from collections.abc import Iterator

from staffroom.cases.deid.base import (
    AMBIGUOUS_FIRST,
    AMBIGUOUS_SURNAMES,
    ANY_NAME,
    FIRST,
    GENERIC_SCHOOL,
    MONTHS,
    NEVER,
    PLACE_SUFFIX,
    PROPER,
    RANK,
    RANK_WEAK_NAME,
    SURNAMES,
    Hit,
    Tok,
    adjacent,
    normalize,
    reason_for,
    sentence_start,
    word_set,
)
from staffroom.cases.deid_data import split_words, words

_TITLES_DOTTED = frozenset(split_words("mr mrs ms mx dr sr sra srta prof rev"))
_TITLES_WORD = frozenset(
    normalize(w)
    for w in split_words(
        "Miss Coach Principal Superintendent Officer Deputy Sheriff Pastor Reverend Father "
        "Sister Nurse Judge Aunt Auntie Uncle Grandma Grandpa Granny Nana Abuela Abuelo Tía "
        "Tío Don Doña Señor Señora Señorita Professor Mister Dean Chief Elder Brother Maestra "
        "Maestro"
    )
)
_NAME_CUE = re.compile(
    r"(?:\b(?:named|called|nicknamed|name\s+is|names\s+are|goes\s+by|went\s+by|known\s+as|"
    r"se\s+llama|llamad[oa]|student|students|son|sons|daughter|daughters|child|kid|mother|mom|"
    r"mama|father|dad|papa|brother|brothers|sister|sisters|sibling|siblings|cousin|cousins|sis|bro|"
    r"aunt|uncle|grandmother|grandma|grandfather|grandpa|granddaughter|grandson|guardian|"
    r"caregiver|stepmother|stepfather|stepmom|stepdad|stepbrother|stepsister|niece|nephew|"
    r"friend|friends|classmate|classmates|neighbor|boyfriend|girlfriend|husband|wife|"
    r"caseworker|babysitter|tutor|twin|boy|girl|kindergartn?er|(?:\d+(?:st|nd|rd|th)|first|"
    r"second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth)[-\s]grader|"
    r"freshman|sophomore|junior|senior|mamá|papá|madre|padre|hermano|hermana|hermanos|abuela|"
    r"abuelo|tía|tío|hijo|hija|primo|prima|estudiante|alumno|alumna|niño|niña)"
    r"(?:\s+(?:named|called))?"
    r"|\b(?:mamá|mama|madre|papá|papa|padre|hermano|hermana|abuela|abuelo|tía|tia|tío|tio|"
    r"hijo|hija|primo|prima|maestra|maestro)\s+de)"
    r"\s*[,:(]?\s*[\"“'‘]?$",
    re.I,
)
_LIST_JOIN = re.compile(r"^(?:\s*,\s*(?:and\s+|or\s+|&\s*)?|\s+(?:and|or|&|y)\s+|\s*/\s*)$")
_PLACE_PREPOSITION = frozenset(
    split_words(
        "in from to near at outside of across around through toward towards into visiting "
        "visit visited en"
    )
)
_FAMILY_AFTER = frozenset(
    split_words(
        "family families kids children household twins boys girls home house farm ranch trailer "
        "siblings brothers sisters clan"
    )
)
_HUMAN_VERBS = frozenset(
    split_words("""
    said says told tells asked asks cried cries yelled screamed refused refuses laughed smiled
    whispered admitted explained mentioned shared insisted apologized texted emailed
    called calls loves hates wants misses missed lives lived sleeps slept shuts shut hides hid
    storms stormed runs ran walked walks came comes went goes left leaves arrived stopped
    started began wrote writes reads read draws drew sits sat stays stayed talks talked
    answered brought took hit hits threw throws kicked punched cursed swore ate eats skipped
    skips failed passed raised raises loved wanted needed needs seemed seems has had hasn't
    won't doesn't didn't can't wouldn't isn't wasn't got gets turned turns moved moves
    struggles struggled shows showed tried tries likes liked knows knew feels felt lost
    spends spent joined joins avoids avoided reported reports agreed disclosed""")
)
_SENTENCE_START_VERBS = frozenset(
    split_words("""
    said says told tells asked asks cried cries yelled screamed refused refuses laughed smiled
    whispered admitted explained mentioned shared insisted apologized texted emailed
    disclosed punched kicked threw throws cursed swore stormed hides hid sleeps slept loves
    hates misses lives lived draws drew skipped skips struggles struggled bites bit wears
    wore talks talked answered joined avoids avoided likes liked knows knew feels felt sits
    sat stays stayed spends wants wanted""")
)
_AUXILIARIES = frozenset(
    split_words(
        "is was has had will would does did can could gets got and seems isn't wasn't hasn't "
        "doesn't didn't won't can't"
    )
)
# Endings common in given names and rare in English words: Braylee, Kinsleigh, Jaylynn.
_NAME_SHAPED = re.compile(
    r"(?:leigh|lee|lynn|lynne|lyn|ayla|iyah|aiah|ayden|aiden|aden|ayson|shawn|quan|tavious|"
    r"arius|isha|eisha|esha|onda|lani|ynn|zae|ziah|niyah|riyah|aylee|ayleigh|kyn|ae)$"
)
_SPEECH_VERBS = frozenset(
    split_words("""
    said says told tells asked asks cried cries yelled screamed refused refuses laughed smiled
    whispered admitted explained mentioned shared insisted apologized texted emailed
    disclosed""")
)
_FUNCTION = word_set(words.FUNCTION_WORDS)
PARTICLES = frozenset(split_words("de del la las los van von da das dos di du le y st"))


def _next_word(text: str, tok: Tok) -> str:
    match = re.match(r"\s+([a-z']+)", text[tok.raw_end :])
    return match.group(1) if match else ""


def _compound_of_words(tok: Tok) -> bool:
    """ "Spanish-speaking", "Mother-in-law": a hyphenated word made of ordinary words."""
    return "-" in tok.norm and any(part in NEVER | PROPER for part in tok.norm.split("-"))


def _name_word(tok: Tok) -> bool:
    """Could continue a name already started ("Maria" + "Tsinajinnie")."""
    if not tok.cap or tok.norm in NEVER or _compound_of_words(tok):
        return False
    if tok.norm in ANY_NAME:
        return True
    return (
        tok.norm not in PROPER
        and tok.norm not in PLACE_SUFFIX
        and tok.norm not in GENERIC_SCHOOL
        and not tok.norm.endswith(words.PLACE_ENDINGS)
    )


def _after_cue_ok(tok: Tok) -> bool:
    """Could be a name after "named", a title, or a family word."""
    if not tok.cap or tok.norm in NEVER or _compound_of_words(tok):
        return False
    if tok.norm in PROPER:
        return tok.norm in ANY_NAME
    return tok.norm not in GENERIC_SCHOOL and tok.norm not in PLACE_SUFFIX


def _in_proper_phrase(
    text: str, toks: list[Tok], i: int, cue: re.Match | None, before: str
) -> bool:
    """Is an unknown word part of a capitalised phrase rather than a name: "the Student
    Assistance Team", "a Restorative Circle"? Names from the lists are never."""
    tok = toks[i]
    if tok.norm in ANY_NAME:
        return False
    if i + 1 < len(toks) and not tok.poss and adjacent(text, tok, toks[i + 1]):
        following = toks[i + 1]
        if following.cap and not _name_word(following):
            return True
    if cue is not None:
        # A capitalised cue inside a sentence is part of a phrase: "Student Council".
        cue_start = tok.start - len(before) + cue.start()
        return text[cue_start].isupper() and not sentence_start(text, cue_start)
    if i > 0 and adjacent(text, toks[i - 1], tok):
        previous = toks[i - 1]
        return previous.cap and not previous.sent and previous.norm not in ANY_NAME
    return False


def _corroborated(text: str, toks: list[Tok], i: int) -> bool:
    """Is an ambiguous word ("Hope", "April") used as a name here?"""
    tok = toks[i]
    if i + 1 < len(toks) and not tok.poss and adjacent(text, tok, toks[i + 1]):
        following = toks[i + 1]
        if following.norm in SURNAMES or (
            _name_word(following)
            and following.norm not in FIRST | AMBIGUOUS_FIRST
            and tok.norm not in PROPER  # "Winter Formal"
        ):
            return True
    if tok.poss and tok.norm not in MONTHS:
        return True
    return _next_word(text, tok) in _HUMAN_VERBS


def _name_start(text: str, toks: list[Tok], i: int, cued: bool) -> tuple[int, str, str] | None:
    """If a name starts at ``toks[i]``: (index of its first name word, reason, title)."""
    tok = toks[i]
    # A title: "Mr. Ortiz", "Aunt Rosa", "Sra. Pérez", "Mr. and Mrs. Ortiz".
    dotted = tok.norm in _TITLES_DOTTED and text[tok.end : tok.end + 1] == "."
    if tok.cap and (dotted or tok.norm in _TITLES_WORD):
        k = i + 1
        if (
            k + 2 < len(toks)
            and toks[k].text == "and"
            and toks[k + 1].cap
            and toks[k + 1].norm in _TITLES_DOTTED | _TITLES_WORD
        ):
            k += 2
        particle = k < len(toks) and toks[k].norm in PARTICLES and not toks[k].cap
        name_at = k + 1 if particle and k + 1 < len(toks) and toks[k + 1].norm in PARTICLES else k
        if particle:
            name_at += 1
        if name_at < len(toks) and (_after_cue_ok(toks[name_at]) or (dotted and toks[name_at].cap)):
            gap = text[toks[k - 1].end : toks[k].start]
            if gap.strip() in ("", "."):
                return k, "name_title", text[tok.start : toks[k].start].strip()
    if not tok.cap or tok.norm in NEVER:
        return None
    before = text[max(0, tok.start - 60) : tok.start]
    cue = None if cued else _NAME_CUE.search(before)
    if (cued or cue) and _after_cue_ok(tok) and not _in_proper_phrase(text, toks, i, cue, before):
        return i, "name_cue", ""
    previous = re.search(r"(\w+)\W*$", before)
    previous_word = previous.group(1).lower() if previous else ""
    after_place_preposition = previous_word in _PLACE_PREPOSITION
    next_tok = toks[i + 1] if i + 1 < len(toks) else None
    if (
        previous_word == "the"
        and not tok.poss
        and _next_word(text, tok) in _FAMILY_AFTER
        and _after_cue_ok(tok)
    ):
        return i, "name", ""
    norm = tok.norm
    if previous_word == "the" and _plural_surname(norm):
        return i, "name", ""
    if norm in AMBIGUOUS_FIRST:
        if _corroborated(text, toks, i):
            return i, "name", ""
        if not tok.sent and norm not in PROPER and not after_place_preposition:
            return i, "name", ""
        return None
    if norm in FIRST:
        if norm in PROPER and after_place_preposition:
            return (i, "name", "") if _corroborated(text, toks, i) else None
        return i, "name", ""
    if norm in AMBIGUOUS_SURNAMES:
        return None
    if norm in SURNAMES:
        if norm in PROPER and not _corroborated(text, toks, i):
            return None
        return i, "name", ""
    if norm in PROPER or not _name_word(tok):
        return None
    # A word we do not know: a name if a surname follows, or a verb of speech, or 's.
    if (
        next_tok is not None
        and not tok.poss
        and adjacent(text, tok, next_tok)
        and next_tok.norm in SURNAMES
    ):
        return i, "name", ""
    verb = _next_word(text, tok)
    shaped = _NAME_SHAPED.search(norm) is not None and len(norm) > 4
    if tok.sent:
        if (
            verb in _SENTENCE_START_VERBS
            or (tok.poss and verb in NEVER - _FUNCTION)
            or (shaped and (verb in _HUMAN_VERBS or verb in _AUXILIARIES))
        ):
            return i, "weak", ""
        return None
    if (tok.poss or verb in _HUMAN_VERBS or shaped) and not _in_proper_phrase(
        text, toks, i, None, before
    ):
        return i, "weak", ""
    return None


def _plural_surname(norm: str) -> bool:
    """ "the Begays", "the Lopezes": a family by its surname."""
    return (norm.endswith("s") and norm[:-1] in SURNAMES) or (
        norm.endswith("es") and norm[:-2] in SURNAMES
    )


def _name_end(text: str, toks: list[Tok], first: int) -> int:
    """The index after the last word of the name starting at ``toks[first]``."""
    k = first + 1
    while k < len(toks) and k - first < 5 and not toks[k - 1].poss:
        previous, tok = toks[k - 1], toks[k]
        gap = text[previous.raw_end : tok.start]
        if (
            len(tok.text) == 1
            and tok.text.isupper()
            and gap == " "
            and text[tok.end : tok.end + 2] == ". "
            and k + 1 < len(toks)
            and _name_word(toks[k + 1])
        ):
            k += 2  # an initial: John T. Smith
            continue
        if gap != " ":
            break
        if (
            tok.norm in PARTICLES
            and not tok.cap
            and k + 1 < len(toks)
            and text[tok.raw_end : toks[k + 1].start] == " "
            and _name_word(toks[k + 1])
        ):
            k += 2  # de la Cruz, van Dyke
            continue
        if tok.norm in PARTICLES and tok.cap and tok.norm in ("de", "del", "la", "van", "von"):
            k += 1
            continue
        if not _name_word(tok):
            break
        k += 1
    return k


_NOT_PERSONS = re.compile(
    r"(?<!\w)(?:" + "|".join(re.escape(p) for p in words.NOT_PERSONS) + r")(?!\w)"
)


def _name_begin(text: str, toks: list[Tok], first: int) -> int:
    """Take in a given name before a name found by a later word: "Brandi Sue Holloway"."""
    k = first
    while (
        k > 0
        and first - k < 2
        and not toks[k].sent
        and adjacent(text, toks[k - 1], toks[k])
        and not toks[k - 1].poss
        and _name_word(toks[k - 1])
        and toks[k - 1].norm not in AMBIGUOUS_SURNAMES
        and (toks[k - 1].norm in ANY_NAME or toks[k - 1].sent)
    ):
        k -= 1
    return k


def name_hits(text: str, toks: list[Tok]) -> Iterator[Hit]:
    shielded = [(m.start(), m.end()) for m in _NOT_PERSONS.finditer(text)]
    for hit in _name_candidates(text, toks):
        if not any(hit.start < e and s < hit.end for s, e in shielded):
            yield hit


def _name_candidates(text: str, toks: list[Tok]) -> Iterator[Hit]:
    i = 0
    cued = False
    while i < len(toks):
        start = _name_start(text, toks, i, cued)
        cued = False
        if start is None:
            i += 1
            continue
        first, key, title = start
        end = _name_end(text, toks, first)
        if not title:
            i = first = _name_begin(text, toks, first)
        rank = RANK_WEAK_NAME if key == "weak" else RANK["name"]
        reason = reason_for("name" if key == "weak" else key)
        yield Hit(toks[i].start, toks[end - 1].end, "name", rank, reason, title)
        if end < len(toks) and _LIST_JOIN.match(text[toks[end - 1].raw_end : toks[end].start]):
            cued = True
        i = end
