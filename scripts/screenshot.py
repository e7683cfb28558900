"""Take the README's screenshot of an entity page (docs/entity-page.png) with Debian's Chromium.

Usage: .venv/bin/python scripts/screenshot.py [/id/dehydration] [docs/entity-page.png]
"""

from __future__ import annotations

import sys
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright
from werkzeug.serving import make_server

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from webapp import create_app  # noqa: E402

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]


def main(path: str = "/id/dehydration", out: str = "docs/entity-page.png") -> None:
    server = make_server("127.0.0.1", 0, create_app(), threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path="/usr/bin/chromium", headless=True, args=ARGS)
            page = browser.new_page(viewport={"width": 1100, "height": 1500})
            page.goto(f"http://127.0.0.1:{server.server_port}{path}")
            page.wait_for_function("window.kgGraph && window.kgGraph.nodes().length > 0")
            page.screenshot(path=str(ROOT / out))
            browser.close()
    finally:
        server.shutdown()
        thread.join(timeout=10)


if __name__ == "__main__":
    main(*sys.argv[1:])
