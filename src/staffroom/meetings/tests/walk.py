"""The meetings URLs in the access walk (run by communities/tests/test_access.py).

Every URL in ``meetings/urls.py`` must be listed here with what each persona gets; see
``staffroom.walk`` for the vocabulary (``scoped``, ``answers``, ``LOGIN``, ``DONE``...).
"""

from staffroom.walk import Case

CASES: list[Case] = []
