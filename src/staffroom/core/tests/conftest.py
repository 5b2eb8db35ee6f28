"""Fixtures for the browser tests: where their screenshots go, and a line at the end of
the pytest run that says where to look at them."""

import os
import re
from pathlib import Path

import pytest
from django.conf import settings

SCREENSHOT_FOLDERS = pytest.StashKey[set[Path]]()


@pytest.fixture
def screenshots(request) -> Path:
    """A folder for this test's full-page screenshots, emptied of last run's PNGs:
    ``$STAFFROOM_SCREENSHOTS/<test name>/`` (default ``var/screenshots/``)."""
    base = Path(os.environ.get("STAFFROOM_SCREENSHOTS") or settings.VAR_DIR / "screenshots")
    folder = base.resolve() / re.sub(r"[^\w.-]+", "-", request.node.name).strip("-")
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.png"):
        old.unlink()
    request.config.stash.setdefault(SCREENSHOT_FOLDERS, set()).add(folder)
    return folder


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    folders = config.stash.get(SCREENSHOT_FOLDERS, set())
    if folders:
        terminalreporter.write_sep("-", "browser screenshots")
        for folder in sorted(folders):
            count = len(list(folder.glob("*.png")))
            terminalreporter.write_line(f"{count} full-page screenshots in {folder}")
