"""The live app and the browser for the page tests (test_accessibility, test_pages).

Kept in one small module so that the page tests switch to the shared e2e fixtures in one step: once
``tests/e2e/conftest.py`` provides ``live_url`` and ``browser`` (same names, same meaning), delete this
file and the ``from tests.e2e.pages_live import …`` lines.
"""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from tests.support.sysdeps import CHROMIUM, CHROMIUM_ARGS, missing_dependency, require_browser

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"


@pytest.fixture(scope="module")
def live_url(real_store):
    """The app on the real graph, served by a real threaded HTTP server on 127.0.0.1 for the module."""
    from werkzeug.serving import make_server

    from webapp import create_app

    server = make_server("127.0.0.1", 0, create_app({"STORE": real_store}), threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(timeout=10)
        server.server_close()


@pytest.fixture(scope="module")
def browser():
    """Debian's headless Chromium, driven by Playwright (never a downloaded browser)."""
    require_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture(scope="module")
def axe_source() -> str:
    """axe-core from npm (package.json's devDependencies, installed by ``make test``)."""
    if not AXE.exists():
        missing_dependency(f"accessibility tests need axe-core ({AXE}; `npm ci`, run by `make test`)")
    return AXE.read_text(encoding="utf-8")


def open_page(browser, width: int, height: int = 900):
    """A page of ``width`` px in a context of its own; ``page.errors`` collects script and console errors."""
    context = browser.new_context(viewport={"width": width, "height": height}, is_mobile=width < 600,
                                  has_touch=width < 600)
    page = context.new_page()
    page.set_default_timeout(20_000)
    page.errors = []
    page.on("pageerror", lambda exc: page.errors.append(str(exc)))
    page.on("console", lambda msg: page.errors.append(msg.text) if msg.type == "error" else None)
    return context, page
