"""What the page tests share: a page at a given width, and axe-core (the accessibility engine)."""

from __future__ import annotations

from pathlib import Path

from tests.support.sysdeps import missing_dependency

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
TIMEOUT_MS = 20_000


def open_page(browser, width: int, height: int = 900):
    """A page ``width`` px wide (a touch phone below 600) in a context of its own: ``(context, page)``.

    ``page.errors`` collects script and console errors; close the context when done.
    """
    phone = width < 600
    context = browser.new_context(viewport={"width": width, "height": height}, is_mobile=phone, has_touch=phone)
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    page.errors = []
    page.on("pageerror", lambda exc: page.errors.append(str(exc)))
    page.on("console", lambda msg: page.errors.append(msg.text) if msg.type == "error" else None)
    return context, page


def axe_source() -> str:
    """axe-core's script, from npm (package.json's devDependencies, installed by ``make test``)."""
    if not AXE.exists():
        missing_dependency(f"accessibility tests need axe-core ({AXE}; `npm ci`, run by `make test`)")
    return AXE.read_text(encoding="utf-8")
