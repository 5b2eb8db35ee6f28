"""The meetings URLs in the access walk (run by communities/tests/test_access.py).

Every URL in ``meetings/urls.py`` must be listed with what each persona gets, in the
``walk_<area>.py`` module of its area; see ``staffroom.walk`` for the vocabulary
(``scoped``, ``answers``, ``LOGIN``, ``DONE``...).
"""

from importlib import import_module

from staffroom.meetings.urls import AREAS
from staffroom.walk import Case

CASES: list[Case] = []
for area in AREAS:
    CASES += import_module(f"staffroom.meetings.tests.walk_{area}").CASES
