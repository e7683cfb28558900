"""The query editor in a real browser (Debian's Chromium driven by Playwright) under the app's CSP:
a linked named query runs, its result IRIs open the entity pages of this app, no script errors."""

from __future__ import annotations

import threading

import pytest
from tests.support.sysdeps import CHROMIUM, CHROMIUM_ARGS as ARGS, require_browser



@pytest.fixture(scope="module")
def base_url(real_store):
    from werkzeug.serving import make_server

    from webapp import create_app

    app = create_app({"STORE": real_store})
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(timeout=10)
        server.server_close()


@pytest.fixture
def page():
    require_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        try:
            page = browser.new_page(viewport={"width": 1300, "height": 1000})
            page.set_default_timeout(20_000)
            page.errors = []
            page.on("pageerror", lambda exc: page.errors.append(str(exc)))
            page.on("console", lambda msg: page.errors.append(msg.text) if msg.type == "error" else None)
            yield page
        finally:
            browser.close()


def test_linked_named_query_runs_and_iris_open_local_pages(page, base_url):
    page.goto(base_url + "/query?name=causes-of&condition=kg:knee-muscle-spasm")
    caffeine = page.locator(".yasr a[href='/id/caffeine']").first  # the w3id IRI, rewritten to this app's page
    caffeine.wait_for()
    assert "VALUES ?condition" in page.locator(".yasqe:visible").inner_text()
    caffeine.click()
    page.wait_for_url(base_url + "/id/caffeine")
    assert page.errors == []


def test_example_list_opens_a_ready_tab(page, base_url):
    page.goto(base_url + "/query")
    page.locator("button.example[data-name='symptoms-of']").click()
    page.locator(".yasr a[href='/id/pain']").first.wait_for()
    assert "Symptoms of a condition" in page.locator(".tabsList").inner_text()
    assert page.errors == []
