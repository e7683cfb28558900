"""The /ask page in a real browser: example question, answers, evidence into the source, SPARQL into the editor."""

def test_ask_flow_in_a_browser(real_store):
    """Example question → answers → evidence opens the highlighted sentence → SPARQL opens in the editor."""
    import re
    import threading

    from tests.support.sysdeps import CHROMIUM as chromium_path, require_browser

    require_browser()
    from playwright.sync_api import sync_playwright

    from werkzeug.serving import make_server

    from webapp import create_app

    server = make_server("127.0.0.1", 0, create_app({"STORE": real_store}), threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{server.server_port}"
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=chromium_path, headless=True,
                                         args=["--no-sandbox", "--disable-gpu", "--no-first-run"])
            try:
                page = browser.new_page()
                page.set_default_timeout(20_000)
                errors = []
                page.on("pageerror", lambda exc: errors.append(str(exc)))
                page.goto(base + "/ask")
                page.locator("ul.examples a", has_text="What can dehydration lead to?").click()
                page.wait_for_selector("section.answer ul.answers")
                assert "Muscle twitching" in page.locator("ul.answers").inner_text()
                assert page.locator("p.reading").inner_text().startswith("I read this as:")
                assert page.locator("nav.alternatives a").count() >= 1

                page.locator("details.sparql summary").first.click()
                assert "VALUES ?a0" in page.locator("details.sparql pre").first.inner_text()
                editor = page.locator("details.sparql a", has_text="Run in the query editor").first.get_attribute("href")
                assert editor.startswith("/query?query=")

                page.locator("details.evidence summary").click()  # the quotes are folded
                quote = page.locator("blockquote.quote a.quote-text").first
                anchor = quote.get_attribute("href").split("#", 1)[1]
                quote.click()
                page.wait_for_url(re.compile(r"/source#" + anchor + "$"))
                assert page.locator(f"mark#{anchor}").count() == 1
                assert errors == []
            finally:
                browser.close()
    finally:
        server.shutdown()
        thread.join(timeout=10)
