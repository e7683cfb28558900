"""One live server and one browser for every end-to-end test.

``live_url``: the app on the release graph, served by a real threaded HTTP server on 127.0.0.1
(a free port) for the whole session, stopped at its end. ``browser``: Debian's Chromium driven by
Playwright (headless; fails in CI, skips elsewhere when it is missing). ``page``: a fresh page in
its own context, whose script errors and console errors are collected in ``page.errors``.
"""

from __future__ import annotations

import pytest

from tests.support.live import serving
from tests.support.sysdeps import CHROMIUM, CHROMIUM_ARGS, require_browser

DEFAULT_TIMEOUT_MS = 20_000


@pytest.fixture(scope="session")
def live_url(real_store):
    """The app on the real graph, served on 127.0.0.1 for the duration of the session."""
    from webapp import create_app

    with serving(create_app({"STORE": real_store})) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    """Headless Chromium for the session."""
    require_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def page(browser):
    """A desktop-sized page in a context of its own; ``page.errors`` collects script and console errors."""
    context = browser.new_context(viewport={"width": 1300, "height": 1000})
    page = context.new_page()
    page.set_default_timeout(DEFAULT_TIMEOUT_MS)
    page.errors = []
    page.on("pageerror", lambda exc: page.errors.append(str(exc)))
    page.on("console", lambda msg: page.errors.append(msg.text) if msg.type == "error" else None)
    yield page
    context.close()

