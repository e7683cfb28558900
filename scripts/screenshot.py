"""Take the README's screenshots with Debian's Chromium: an entity page and an answer, at 1280 and 390 px.

Usage: .venv/bin/python scripts/screenshot.py [docs]

Writes docs/entity-page-1280.png, docs/entity-page-390.png, docs/answer-1280.png and docs/answer-390.png
from the app on the release graph, served on 127.0.0.1 for the run (and stopped after it).
"""

from __future__ import annotations

import logging
import sys
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright
from werkzeug.serving import make_server

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from webapp import create_app  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]

ENTITY = "/id/knee-muscle-spasm"
ANSWER = "/ask?q=What+can+make+my+knee+twitch%3F"


class Shot:
    """One screenshot: a page at a width, once something on it is ready, cut at a height."""

    def __init__(self, name: str, path: str, width: int, height: int, ready: str, *, full: bool = False,
                 scale: float = 1):
        self.name, self.path, self.width, self.height, self.ready = name, path, width, height, ready
        self.full, self.scale = full, scale


SHOTS = [
    # Desktop: the top of the entity page: the definition and the answers (causes, symptoms, treatments …).
    Shot("entity-page-1280", ENTITY, 1280, 1500, "#graph[data-laid-out]"),
    # Phone: the page from the top (the definition, names and the first answers), cut after the first screens.
    Shot("entity-page-390", ENTITY, 390, 1480, "#graph-list:not([hidden])", full=True, scale=1.5),
    Shot("answer-1280", ANSWER, 1280, 1100, "section.answer"),
    Shot("answer-390", ANSWER, 390, 1420, "section.answer", full=True, scale=1.5),
]


def take(base: str, out_dir: Path) -> list[Path]:
    written = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        try:
            for shot in SHOTS:
                context = browser.new_context(viewport={"width": shot.width, "height": 900 if shot.full else shot.height},
                                              device_scale_factor=shot.scale, is_mobile=shot.width < 600,
                                              has_touch=shot.width < 600)
                page = context.new_page()
                page.goto(base + shot.path)
                page.locator(shot.ready).first.wait_for()
                page.wait_for_timeout(300)  # web fonts and the last layout pass
                target = out_dir / f"{shot.name}.png"
                if shot.full:
                    height = min(shot.height, page.evaluate("document.documentElement.scrollHeight"))
                    page.screenshot(path=str(target), full_page=True,
                                    clip={"x": 0, "y": 0, "width": shot.width, "height": height})
                else:
                    page.screenshot(path=str(target))
                written.append(target)
                context.close()
        finally:
            browser.close()
    return written


def main(out: str = "docs") -> None:
    out_dir = ROOT / out
    out_dir.mkdir(exist_ok=True)
    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # no request log in the output
    server = make_server("127.0.0.1", 0, create_app(), threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        for path in take(f"http://127.0.0.1:{server.server_port}", out_dir):
            print(path.relative_to(ROOT))
    finally:
        server.shutdown()
        thread.join(timeout=10)
        server.server_close()


if __name__ == "__main__":
    main(*sys.argv[1:])
