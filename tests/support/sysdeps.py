"""System dependencies of the tests (Chromium, Virtuoso): one place that decides skip or fail.

In CI (``CI=true``) a missing system dependency fails the test loudly; on a developer's machine
it skips with the reason, so the rest of the suite still runs.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("KG_CHROMIUM", "/usr/bin/chromium")
# Headless Debian Chromium as root, with no background traffic on this machine's closed network.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")


def missing_dependency(reason: str) -> None:
    """Fail in CI, skip elsewhere."""
    if in_ci():
        pytest.fail(f"{reason} (CI must run these tests; `make test` installs what they need)")
    pytest.skip(reason)


def require_browser() -> None:
    """Stop the test unless Debian's Chromium and the playwright package are both there."""
    missing = []
    if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
        missing.append(f"Chromium ({CHROMIUM}; Debian package 'chromium', installed by `make test`)")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        missing.append("the Python package playwright (pip install -e '.[test]')")
    if missing:
        missing_dependency("browser tests need " + " and ".join(missing))
