"""The /ask page in a real browser: example question, answers, evidence into the source, SPARQL into the editor."""

import re


def test_ask_flow_in_a_browser(page, live_url):
    """Example question → reading → answers → evidence opens the highlighted sentence → SPARQL opens in the editor."""
    page.goto(live_url + "/ask")
    page.locator("ul.examples a", has_text="What can dehydration lead to?").click()
    page.wait_for_selector("section.answer ul.answers")
    # answers come in groups when the article weighs them (what it names first, the rest): every list counts
    assert "Muscle twitching" in " ".join(page.locator("ul.answers").all_inner_texts())
    assert page.locator("p.reading").inner_text().startswith("I read this as:")
    assert page.locator("nav.alternatives a").count() >= 1

    page.locator("details.sparql summary").first.click()
    assert "VALUES ?cause" in page.locator("details.sparql pre").first.inner_text()  # the named query effects-of, bound
    editor = page.locator("details.sparql a", has_text="Run in the query editor").first.get_attribute("href")
    assert editor.startswith("/query?query=")

    page.locator("details.evidence summary").click()  # the quotes are folded
    quote = page.locator("blockquote.quote a.quote-text").first
    anchor = quote.get_attribute("href").split("#", 1)[1]
    quote.click()
    page.wait_for_url(re.compile(r"/source#" + anchor + "$"))
    assert page.locator(f"mark#{anchor}").count() == 1
    assert page.errors == []
