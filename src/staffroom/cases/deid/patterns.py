"""Identifiers with a shape: emails, phone numbers, ID numbers, dates, ages and
addresses, found by regular expressions (and a few cue words)."""

import re
from collections.abc import Iterator

from staffroom.cases.deid.base import (
    NEVER,
    PROPER,
    RANK,
    Hit,
    Tok,
    normalize,
    reason_for,
)
from staffroom.cases.deid_data import split_words

_EMAIL = re.compile(r"\b[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b")
_EMAIL_SPOKEN = re.compile(
    r"\b[A-Za-z0-9._-]+\s+(?:at|\[at\]|\(at\))\s+[A-Za-z0-9-]+\s+(?:dot|\[dot\]|\(dot\))\s+"
    r"(?:com|org|net|edu|gov|us)\b",
    re.I,
)
_PHONE = re.compile(
    r"(?<![\w+/-])(?:\+?1[\s.–-]?)?(?:\(\d{3}\)\s?|\d{3}[\s.–-])\d{3}[\s.–-]\d{4}"
    r"(?:\s*,?\s*(?:ext\.?|extension|x)\s*\d{1,5})?(?![\w/-])",
    re.I,
)
_PHONE_LOCAL = re.compile(r"(?<![\w/-])\d{3}-\d{4}(?![\w/-])")
_PHONE_CUE = re.compile(
    r"\b(?:call|called|calls|calling|cell|phone|number|text|texted|reach|reached|tel|mobile|"
    r"landline|dial|dialed|at)\b[^.\n]{0,20}$",
    re.I,
)
_PHONE_BARE = re.compile(r"(?<![\w/-])\d{10}(?![\w/-])")
_ID_CUE = (
    r"(?:(?:student|case|file|record|referral|lunch|medicaid|account|badge|permit|"
    r"member|patient|client|court|docket|report)\s+(?:id|i\.d\.|number|no\.?|num\.?|#|code|pin)"
    r"|student|case|ssn|social\s+security(?:\s+number)?|mrn|pin|id|i\.d\.|id#|#)"
)
_ID_AFTER_CUE = re.compile(
    r"\b" + _ID_CUE + r"\s*(?:(?:is|was|number|no\.?)\s*)?[:#]?\s*"
    r"(?P<v>#?[A-Z]{0,4}-?\d(?:[\d-]*\d)?[A-Z]?)\b",
    re.I,
)
_ID_HASH = re.compile(r"(?<![\w#])#\d{4,}\b")
_ID_CODE = re.compile(r"\b(?P<p>[A-Z]{1,4})-?(?P<d>\d{4,})[A-Z]?\b")
_ID_SHORT_CODE = re.compile(r"\b[A-Z]{1,3}-\d{3}\b")
_SSN = re.compile(r"(?<![\w-])\d{3}-\d{2}-\d{4}(?![\w-])")
_DIGITS = re.compile(r"(?<![\w$.,/-])\d{6,}(?![\w%/-]|[.,]\d)")
_NOT_ID_PREFIXES = frozenset(split_words("FY SY AY CY COVID ISO PL HB SB"))


def contact_hits(text: str) -> Iterator[Hit]:
    for match in (*_EMAIL.finditer(text), *_EMAIL_SPOKEN.finditer(text)):
        yield Hit(match.start(), match.end(), "email", RANK["email"], reason_for("email"))
    for match in _PHONE.finditer(text):
        yield Hit(match.start(), match.end(), "phone", RANK["phone"], reason_for("phone"))
    for pattern in (_PHONE_LOCAL, _PHONE_BARE):
        for match in pattern.finditer(text):
            before = text[max(0, match.start() - 40) : match.start()]
            if _PHONE_CUE.search(before) and not re.search(r"\b(?:id|#|case)\W*$", before, re.I):
                yield Hit(match.start(), match.end(), "phone", RANK["phone"], reason_for("phone"))


def id_hits(text: str) -> Iterator[Hit]:
    reason = reason_for("id")
    for match in _ID_AFTER_CUE.finditer(text):
        value = match.group("v")
        if sum(c.isdigit() for c in value) >= 3:
            yield Hit(match.start("v"), match.end("v"), "id", RANK["id"], reason)
    for match in _ID_CODE.finditer(text):
        if match.group("p") not in _NOT_ID_PREFIXES:
            yield Hit(match.start(), match.end(), "id", RANK["id"], reason)
    for pattern in (_ID_HASH, _ID_SHORT_CODE, _SSN, _DIGITS):
        for match in pattern.finditer(text):
            yield Hit(match.start(), match.end(), "id", RANK["id"], reason)


# --- dates ---

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept\.?|Sep\.?|Oct\.?|"
    r"Nov\.?|Dec\.?)"
)
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])"
_ORD = r"(?:st|nd|rd|th)"
_YEAR = r"(?:,?\s+(?:19|20)\d{2}\b)"
_ORDINAL_WORDS = (
    r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|"
    r"thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|"
    r"twenty-\w+|thirtieth|thirty-first)"
)
_DATES = [
    # (Tuesday,) March 14(th)(, 2025), not "March 3rd grade"
    re.compile(
        rf"\b(?:{_WEEKDAY},?\s+)?{_MONTH}\s+(?:{_DAY}{_ORD}?\b|the\s+{_DAY}{_ORD}\b|"
        rf"{_ORDINAL_WORDS}\b)(?![-\s]?grade){_YEAR}?"
    ),
    # (Tuesday,) (the) 14th of March / 14 March 2025
    re.compile(
        rf"\b(?:{_WEEKDAY},?\s+)?(?:{_DAY}{_ORD}|{_ORDINAL_WORDS})\s+(?:of\s+)?"
        rf"{_MONTH}\b{_YEAR}?",
        re.I,
    ),
    re.compile(rf"\b{_DAY}\s+{_MONTH}\b{_YEAR}"),
    # Tuesday the 3rd
    re.compile(rf"\b{_WEEKDAY},?\s+the\s+(?:{_DAY}{_ORD}|{_ORDINAL_WORDS})\b"),
    # 3/14/2025, 3-14-25, 14.03.2025, 2025-03-14
    re.compile(r"(?<![\w/.-])\d{1,2}([/.-])\d{1,2}\1(?:\d{4}|\d{2})(?![\w/-]|\.\d)"),
    re.compile(r"(?<![\w/.-])(?:19|20)\d{2}([/.-])(?:0?[1-9]|1[0-2])\1(?:[12]\d|3[01]|0?[1-9])\b"),
    # el 3 de mayo (de 2024)
    re.compile(
        r"\b(?:el\s+)?\d{1,2}\s+de\s+(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|"
        r"septiembre|setiembre|octubre|noviembre|diciembre)(?:\s+(?:de|del)\s+\d{4})?\b",
        re.I,
    ),
]
# 3/14 without a year counts only after a word that introduces a date ("on 3/14").
_DATE_SHORT = re.compile(
    r"\b(?:on|since|by|until|till|before|after|from|dated|date|dob|born|as\s+of|starting|"
    r"through|thru|to|due|of|was|is|birthday)\s*:?\s*"
    r"(?P<d>(?:0?[1-9]|1[0-2])/(?:[12]\d|3[01]|0?[1-9]))(?![\w/]|\s+of\b|\.\d)",
    re.I,
)
# "on the 14th", "since the 3rd": only when no noun follows ("on the 3rd floor").
_DATE_THE = re.compile(
    rf"\b(?:on|since|by|until|before|after|from)\s+the\s+(?P<d>{_DAY}{_ORD})"
    r"(?=\s*(?:[,.;:!?)]|$)|\s+(?:at|when|and|after|before|because|so|during|while|I|she|he|"
    r"they|we|her|his|in)\b)",
)


def date_hits(text: str) -> Iterator[Hit]:
    reason = reason_for("date")
    for pattern in _DATES:
        for match in pattern.finditer(text):
            if match.group().lower() == "fourth of july":  # the holiday, not a day to hide
                continue
            yield Hit(match.start(), match.end(), "date", RANK["date"], reason)
    for pattern in (_DATE_SHORT, _DATE_THE):
        for match in pattern.finditer(text):
            yield Hit(match.start("d"), match.end("d"), "date", RANK["date"], reason)


# --- ages ---

_NUMBER = (
    r"(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
    r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)"
)
_AFTER_AGE = (
    r"(?=\s*(?:years?|yrs?)\b|\s*[,.;:!?)]|\s*$|\s+(?:and|but|now|so|yet|this|next|in|with|at|"
    r"when|though|or|because|already|going|soon|years?|on|last|over|during|before|after|since|"
    r"while|until|then|he|she|I|we|they|her|his|its|the|a)\b|\s*[-–—])"
)
_AGES = [
    re.compile(
        rf"\b(?P<n>{_NUMBER})(?:[- ]and[- ]a[- ]half)?[- ](?:years?|yrs?|months?)[- ]old\b",
        re.I,
    ),
    re.compile(
        rf"\b(?:age|aged|edad)\s*:?\s*(?P<n>{_NUMBER})\b(?!\s*(?:[-–+]|(?:to|through|"
        r"most|many|all|some|kids|children|students|boys|girls|you|we|they)\b|(?:and|or)\s+\d))",
        re.I,
    ),
    re.compile(
        rf"(?P<s>\b(?:he|she|they|who)|(?-i:\b[A-Z][a-z]+))(?:['’]s|\s+(?:is|was|will\s+be))"
        rf"\s+(?:now\s+|only\s+|just\s+|almost\s+|nearly\s+|barely\s+|already\s+)?"
        rf"(?P<n>{_NUMBER})\b" + _AFTER_AGE,
        re.I,
    ),
    # "Dylan Caudill, 14, lives ...", "Maria (14)", "the girl, 13, told"
    re.compile(r"(?P<s>\b[A-Z][a-z]+)(?:,\s+(?P<n>\d{1,2})(?=\s*,)|\s+\((?P<m>\d{1,2})\))"),
    re.compile(
        r"\b(?:girl|boy|student|son|daughter|child|kid|brother|sister|cousin|sibling|niece|"
        r"nephew|grandson|granddaughter)\s*,\s+(?P<n>\d{1,2})\s*,"
    ),
    re.compile(
        rf"\b(?:turned|turns|turning|turn)\s+(?P<n>{_NUMBER})\b" + _AFTER_AGE,
        re.I,
    ),
    re.compile(r"\b(?P<n>\d{1,2})\s*(?:yo|y/o|y\.o\.)(?!\w)", re.I),
    re.compile(
        rf"\b(?:his|her|their|my)\s+(?P<n>\d{{1,2}}{_ORD}|{_ORDINAL_WORDS})\s+birthday\b",
        re.I,
    ),
    re.compile(r"\b(?:tiene|tenía|cumplió|cumple|de)\s+(?P<n>\d{1,2})\s+años\b", re.I),
    re.compile(r"\b(?:tiene|tenía|cumplió|cumple)\s+(?P<n>\d{1,2})\b", re.I),
]
_AGE_GENERIC_BEFORE = re.compile(
    r"\b(?:typical|average|any|every|most|normal|many|other|all|some|those|these|most)\s+$",
    re.I,
)
_GRADE = re.compile(
    r"\b(?:\d{1,2}(?:st|nd|rd|th)[- ]grade|grade\s+\d{1,2}\b|(?:first|second|third|fourth|"
    r"fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth)[- ]grade|kindergart|pre-?k\b|"
    r"freshman|sophomore|junior|senior)",
    re.I,
)


def age_hits(text: str, toks: list[Tok]) -> Iterator[Hit]:
    for pattern in _AGES:
        for match in pattern.finditer(text):
            group = "m" if "m" in pattern.groupindex and match.group("m") else "n"
            start, end = match.start(group), match.end(group)
            if _AGE_GENERIC_BEFORE.search(text[max(0, match.start() - 12) : match.start()]):
                continue
            if "s" in pattern.groupindex:
                subject = normalize(match.group("s"))
                apposition = "(" in match.group() or "," in match.group()
                if subject in NEVER - {"he", "she", "they", "who"} or (
                    apposition and subject in PROPER
                ):
                    continue
            near = text[max(0, start - 60) : end + 60]
            key = "age_grade" if _GRADE.search(near) else "age"
            yield Hit(start, end, "age", RANK["age"], reason_for(key))


# --- addresses ---

_STREET = (
    r"(?:(?:Street|Avenue|Road|Lane|Drive|Court|Boulevard|Way|Place|Highway|Trail|Circle|Pike|"
    r"Parkway|Terrace|Loop|Alley|Row|Square)\b|(?:St|Ave|Rd|Ln|Dr|Ct|Blvd|Pl|Hwy|Trl|Cir|Pkwy|"
    r"Ter|Sq)\b\.?)"
)
_UNIT = r"(?:,?\s+(?:Apt|Apartment|Unit|Suite|Ste|Lot|Trailer|Space|#)\.?\s*#?\s*[A-Z0-9]{1,5}\b)?"
_CAPWORD = r"(?:[A-Z][\w'’.-]*|\d+(?:st|nd|rd|th))"
_ADDRESSES = [
    re.compile(
        rf"\b\d{{1,6}}[A-Z]?\s+(?:[NSEW]\.?\s+|(?:North|South|East|West)\s+)?"
        rf"(?:{_CAPWORD}\s+){{1,3}}{_STREET}(?:\s+(?:N|S|E|W|NE|NW|SE|SW)\b\.?)?{_UNIT}"
    ),
    re.compile(
        r"\b(?:\d{1,6}\s+)?(?:County|Co\.|State|Farm|Forest|Township|Ranch)\s+"
        r"(?:Road|Rd\.?|Route|Rte\.?|Highway|Hwy\.?|Line)\s+\d+[A-Z]?\b" + _UNIT
    ),
    re.compile(r"\b(?:\d{1,6}\s+)?(?:CR|FM|RM)\s?-?\d+\b"),
    re.compile(
        r"\b(?:Rural\s+Route|Star\s+Route|RR|R\.R\.|HC|HCR)\s*#?\s*\d+(?:,?\s+Box\s+\d+[A-Z]?)?"
    ),
    re.compile(r"\b(?:P\.\s?O\.|PO|Post\s+Office)\s*Box\s+\d+", re.I),
    re.compile(r"\b(?:Apt|Apartment|Trailer)\.?\s*#?\s*\d+[A-Z]?\b", re.I),
    re.compile(r"\b(?:Apt\.?|Lot)\s*#?\s*[A-Z]?\d+[A-Z]?\b"),
    re.compile(
        r"\b(?:on|off|at|near|of|down|along|by|past)\s+"
        r"(?P<a>(?:[A-Z][\w'’.-]*\s+){1,3}(?:(?:Street|Avenue|Road|Lane|Drive|Boulevard|Highway|"
        r"Trail|Pike|Court|Circle|Way)\b|(?:Ln|Rd|St|Ave)\b\.?))"
    ),
    re.compile(
        r"\b(?:Calle|Avenida|Av\.|Camino|Carretera|Callej[oó]n|Privada)\s+"
        r"(?:[A-Z\d][\w'’.-]*\s+){0,3}(?:#\s*)?\d+[A-Z]?\b"
    ),
    re.compile(
        r"\b(?:[A-Z][\w'’-]*\s+){1,3}(?:Apartments|Trailer\s+Park|Trailer\s+Court|"
        r"Mobile\s+Home\s+(?:Park|Court|Village)|RV\s+Park|Estates|Townhomes|Duplexes)\b"
    ),
]


def address_hits(text: str) -> Iterator[Hit]:
    reason = reason_for("address")
    for pattern in _ADDRESSES:
        group = "a" if "a" in pattern.groupindex else 0
        for match in pattern.finditer(text):
            start, end = match.start(group), match.end(group)
            first = re.match(r"[A-Za-z]+", match.group(group))
            if first and normalize(first.group()) in NEVER - {"st"}:
                start += len(first.group()) + 1
                if not re.match(r"\s*[A-Z\d]", text[start:end]):
                    continue
            yield Hit(start, end, "address", RANK["address"], reason)
