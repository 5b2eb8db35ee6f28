"""Fixtures for the browser tests: where their screenshots go, and a line at the end of
the pytest run that says where to look at them."""

import os
import re
import time
from pathlib import Path

import pytest
from django.conf import settings

SESSION_START = pytest.StashKey[float]()


def screenshot_base() -> Path:
    return Path(os.environ.get("STAFFROOM_SCREENSHOTS") or settings.VAR_DIR / "screenshots")


def pytest_sessionstart(session):
    session.config.stash[SESSION_START] = time.time()


@pytest.fixture
def screenshots(request) -> Path:
    """A folder for this test's full-page screenshots, emptied of last run's PNGs:
    ``$STAFFROOM_SCREENSHOTS/<test name>/`` (default ``var/screenshots/``)."""
    base = screenshot_base()
    folder = base.resolve() / re.sub(r"[^\w.-]+", "-", request.node.name).strip("-")
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.png"):
        old.unlink()
    return folder


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    # Read from the folder, not from fixtures' state: under pytest-xdist the browser
    # tests ran in other processes.
    start = config.stash.get(SESSION_START, 0.0)
    base = screenshot_base()
    taken = [png for png in base.glob("*/*.png") if png.stat().st_mtime >= start]
    if taken:
        terminalreporter.write_sep("-", "browser screenshots")
        for folder in sorted({png.parent for png in taken}):
            count = sum(1 for png in taken if png.parent == folder)
            terminalreporter.write_line(f"{count} full-page screenshots in {folder}")
