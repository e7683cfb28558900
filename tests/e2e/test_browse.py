"""The browse flow in a real browser: Debian's Chromium driven by Playwright, against the app on the real graph.

home → search with a typo (autocomplete) → entity page → an incoming link → a quote opened in the
source view (highlighted) → a click on a neighbourhood-graph node. Screenshots go to tests/artifacts/.
"""

from __future__ import annotations

import re

from tests.support import ARTIFACTS


def shot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=False)


def test_browse_flow(page, live_url):
    # Home: statistics and entry points.
    page.goto(live_url + "/")
    assert "knowledge graph" in page.locator("h1").inner_text()
    assert page.locator("section.stats").is_visible()
    shot(page, "1-home")

    # Search with a typo in the header box: autocomplete offers the entity.
    box = page.locator("header form.search input[type=search]")
    box.fill("dehydraton")
    suggestion = page.locator("ul.autocomplete li a", has_text=re.compile(r"^Dehydration$"))
    suggestion.wait_for(state="visible")
    shot(page, "2-autocomplete")
    suggestion.click()
    page.wait_for_url(re.compile(r"/id/dehydration$"))

    # The entity page.
    assert page.locator("h1").inner_text() == "Dehydration"
    assert page.locator(".type.asserted").count() >= 1 and page.locator(".type.inferred").count() >= 1
    shot(page, "3-entity")

    # The summary answers first: one line per fact, its quotes folded until asked for.
    treatments = page.locator("section#treatments")
    assert treatments.locator("h2").inner_text().startswith("Treatments for dehydration: 1")
    assert not treatments.locator("blockquote.quote").first.is_visible()
    treatments.locator("details.quotes summary").first.click()
    assert treatments.locator("blockquote.quote").first.is_visible()

    # Follow a fact to the page of what it links to (a cause of dehydration).
    cause = page.locator("section#causes a.neighbour").first
    target = cause.get_attribute("href")
    cause.click()
    page.wait_for_url(re.compile(re.escape(target) + "$"))
    assert page.locator("h1").inner_text() != "Dehydration"

    # Open a quote in the source view: it scrolls into view and is highlighted.
    page.locator("details.quotes summary").first.click()  # a quote, or a table row, with its place
    quote = page.locator("details[open] figcaption a[href^='/source#']").first
    href = quote.get_attribute("href")
    anchor = href.split("#", 1)[1]
    quote.click()
    page.wait_for_url(re.compile(r"/source#" + anchor + "$"))
    mark = page.locator(f"mark#{anchor}")
    mark.wait_for(state="visible")
    assert page.evaluate("document.querySelector(':target') && document.querySelector(':target').id") == anchor
    box_ = mark.bounding_box()
    viewport = page.viewport_size
    assert box_ and 0 <= box_["y"] < viewport["height"], "the quoted sentence is not scrolled into view"
    colour = mark.evaluate("el => getComputedStyle(el).backgroundColor")
    plain = page.locator("mark.evidence:not(:target)").first.evaluate("el => getComputedStyle(el).backgroundColor")
    assert colour != plain, "the targeted quote is not highlighted differently"
    shot(page, "4-source-highlight")

    # Click a node of the neighbourhood graph: it expands; the link under the graph opens its page.
    page.goto(live_url + "/id/dehydration")
    page.locator("#graph[data-laid-out]").wait_for()
    page.evaluate("""() => {  // the node in the middle of the window
        const n = window.kgGraph.nodes('[centre = 0][!box]')[0];
        const top = document.getElementById('graph').getBoundingClientRect().top;
        window.scrollBy(0, top + n.renderedPosition().y - window.innerHeight / 2);
    }""")
    page.wait_for_timeout(200)  # Cytoscape re-reads its container's place on the scroll event
    node = page.evaluate("""() => {
        const n = window.kgGraph.nodes('[centre = 0][!box]')[0];
        const p = n.renderedPosition();
        return {x: p.x, y: p.y, url: n.data('url'), label: n.data('label')};
    }""")
    holder = page.locator("#graph").bounding_box()
    shot(page, "5-graph")
    page.mouse.click(holder["x"] + node["x"], holder["y"] + node["y"])
    page.locator("a.graph-open:not([hidden])").click()
    page.wait_for_url(re.compile(re.escape(node["url"]) + "$"))
    assert page.locator("h1").inner_text() == node["label"]
    assert not [e for e in page.errors if "favicon" not in e], page.errors


def test_search_page_and_phone_layout(browser, live_url):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    try:
        page = context.new_page()
        page.goto(live_url + "/search?q=Cramps")
        assert page.locator("ol.hits a", has_text="Muscle spasm").first.is_visible()
        # Nothing overflows sideways on a phone.
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
        page.goto(live_url + "/id/knee-muscle-spasm")
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
        shot(page, "6-phone-entity")
    finally:
        context.close()


def test_pages_readable_without_javascript(browser, live_url):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(live_url + "/id/dehydration")
        assert page.locator("section.fact-section a.neighbour").count() > 3
        assert not page.locator("#graph").is_visible()  # the graph needs JavaScript; the lists do not
        page.locator("section#treatments details.quotes summary").first.click()  # <details> needs no script
        assert page.locator("section#treatments blockquote.quote").first.is_visible()
        page.goto(live_url + "/unsettled")
        assert page.locator(".contradiction").count() == 10
        page.goto(live_url + "/source#q-1345-1416")
        assert page.locator("mark#q-1345-1416").is_visible()
    finally:
        context.close()
