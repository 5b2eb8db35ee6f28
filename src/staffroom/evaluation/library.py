"""The instrument library shipped with Staffroom: four questionnaires written by us, as
REDCap data dictionaries in ``library/`` (``<key>.csv`` in English, ``<key>.es.csv`` in
Spanish). REDCap holds one label per field, so each language is a file of its own; the
two files of an instrument differ only in their text (labels, choice labels, section
headers, notes): variable names, field types, choice codes, ``@SCALE``/``@REVERSE`` tags
and branching logic are the same, so answers given in either language are analysed
together. Scales are declared with the tags ``staffroom analyze`` reads.

None of the items is taken from a published scale. The validated instruments in each
area are named in the instrument's description instead: they are copyrighted and not
openly licensed, so we may not ship their items.

``session_feedback`` replaced the sessions part's short form after a session (the model
``meetings.Feedback``, gone since migration meetings 0006); evaluation migration 0006 moved
its answers to ``SessionFeedback`` field by field:

============================  ==============================================
``meetings.Feedback``         ``session_feedback`` field
============================  ==============================================
``usefulness`` (1 to 5)       ``usefulness``: the same codes 1 to 5 with the same
                              labels ("Not useful" ... "Extremely useful")
``will_use`` (text)           ``will_use``: "What will you use from this session?"
``change`` (text)             ``change``: "What would you change or improve?"
``session``, ``user``         ``SessionFeedback.session`` and ``.user``
``created_at``                ``SessionFeedback.created_at`` (and ``updated_at``)
============================  ==============================================

``overall``, ``overall_why``, ``will_apply``, ``pace`` and ``most_useful`` are new and
stay blank in migrated answers; the ``session_value`` score (mean of ``overall``,
``usefulness`` and ``will_apply``) needs 75% of its items, so a migrated answer alone
gives no score, while its ``usefulness`` keeps its meaning.
"""

import functools
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

from django.utils.functional import Promise
from django.utils.text import format_lazy
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from staffroom.core.errors import DomainError
from staffroom.evaluation.redcap import Dictionary, dictionary_read_path

LIBRARY_DIR = Path(__file__).resolve().parent / "library"
DEFAULT_LANGUAGE = "en"
LANGUAGES = ("en", "es")


class LibraryError(DomainError):
    pass


@dataclass(frozen=True)
class LibraryInstrument:
    """One instrument of the library: ``paths`` maps a language code to its data
    dictionary; ``path`` is the English one."""

    key: str
    title: Promise
    description: Promise
    paths: MappingProxyType[str, Path]

    @property
    def path(self) -> Path:
        return self.paths[DEFAULT_LANGUAGE]

    def path_for(self, language: str | None = None) -> Path:
        """The file in ``language`` (``es``, ``es-mx``; default: the active language),
        English when the library has no file in that language."""
        code = (language or get_language() or DEFAULT_LANGUAGE).split("-")[0].lower()
        return self.paths.get(code, self.path)


def _instrument(key: str, title: Promise, description: Promise) -> LibraryInstrument:
    paths = {
        language: LIBRARY_DIR
        / (f"{key}.csv" if language == DEFAULT_LANGUAGE else f"{key}.{language}.csv")
        for language in LANGUAGES
    }
    return LibraryInstrument(
        key, title, format_lazy(description, licence=_LICENCE), MappingProxyType(paths)
    )


_LICENCE = gettext_lazy(
    "Staffroom does not ship their items: they are copyrighted and not under an open licence, "
    "so use them with their authors' permission when a study needs a validated measure."
)

_INSTRUMENTS = (
    _instrument(
        "community_of_practice",
        gettext_lazy("Community of practice"),
        gettext_lazy(
            "18 statements on the three dimensions of a community of practice that Etienne "
            "Wenger describes (Communities of Practice, 1998): shared repertoire (the "
            "resources, words and stories members share), joint enterprise (a common purpose "
            "members feel responsible for) and mutual engagement (how members take part and "
            "help one another). Six items per subscale, one or two of them reverse scored, "
            "answered from strongly disagree to strongly agree. Validated measures of sense "
            "of community include the Sense of Community Index (SCI-2; Chavis, Lee and "
            "Acosta, 2008), copyrighted by Community Science, which distributes it, and the "
            "Classroom Community Scale for online learning (Rovai, 2002). {licence} Our items "
            "have not been validated: check the alpha of each subscale on your own data."
        ),
    ),
    _instrument(
        "belonging_isolation",
        gettext_lazy("Belonging and professional isolation"),
        gettext_lazy(
            "Six statements on belonging to this community and six on professional isolation "
            "at one's own school, written for educators who may be the only one in their "
            "subject or role where they work; a yes/no question asks whether they are. A high "
            "isolation score means more isolated; some items of each subscale are reverse "
            "scored. Validated measures in this area include the General Belongingness Scale "
            "(Malone, Pillow and Osman, 2012) and the workplace professional isolation scale "
            "of Golden, Veiga and Dino (2008). {licence} Our items have not been validated: "
            "check the alpha of each subscale on your own data."
        ),
    ),
    _instrument(
        "learning_efficacy",
        gettext_lazy("Professional learning efficacy"),
        gettext_lazy(
            "How confident educators are that they can turn professional learning into "
            "practice, in three subscales of five items: knowledge (understanding and judging "
            "approaches), skills (trying, adapting and checking them with students) and "
            "leadership behaviours (sharing, leading and bringing about change with "
            "colleagues), each answered on a five-point scale from not at all to completely "
            "confident. It suits pre/post waves around a series of sessions. Validated "
            "measures of teacher efficacy include the Teachers' Sense of Efficacy Scale "
            "(Tschannen-Moran and Woolfolk Hoy, 2001) and the Norwegian Teacher Self-Efficacy "
            "Scale (Skaalvik and Skaalvik, 2007); both ask about classroom teaching rather "
            "than professional learning. {licence} Our items have not been validated: check "
            "the alpha of each subscale on your own data."
        ),
    ),
    _instrument(
        "session_feedback",
        gettext_lazy("Session feedback"),
        gettext_lazy(
            "A short form after a session: an overall rating (with a question on what fell "
            "short, shown only for a poor or fair rating), how useful it was, whether the "
            "respondent will use something from it with students, the pace, and three open "
            "questions: what was most useful, what they will use and what to change. The "
            "rating, usefulness and intention to use it make the session_value score. It "
            "keeps the questions of the earlier feedback form under the same names "
            "(usefulness, will_use, change), so its answers carry over."
        ),
    ),
)


def library_list() -> tuple[LibraryInstrument, ...]:
    """Every instrument of the library, in the order to offer them."""
    return _INSTRUMENTS


def library_get(key: str) -> LibraryInstrument:
    for instrument in _INSTRUMENTS:
        if instrument.key == key:
            return instrument
    raise LibraryError(_("There is no instrument “%(key)s” in the library.") % {"key": key})


def library_dictionary(key: str, language: str | None = None) -> Dictionary:
    """The parsed data dictionary of instrument ``key`` in ``language`` (default: the
    active language; English when the library has no file in that language)."""
    return _parsed(library_get(key).path_for(language))


@functools.cache
def _parsed(path: Path) -> Dictionary:
    # The files ship with the code and a Dictionary is frozen: the form after a session
    # asks for one on every session page, so each file is parsed once per process.
    return dictionary_read_path(path)
