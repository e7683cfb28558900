"""The pages a reader runs into, in Debian's Chromium: the editor shows the server's error, the
neighbourhood graph is readable and expands on demand (a list on a phone), the article reads as an
article with its quotes still highlighted."""

from __future__ import annotations

import re
import time

import pytest

from tests.support.pages import open_page


def wait_until(page, predicate: str, timeout_s: float = 10) -> None:
    """Poll a JavaScript function until it returns true (wait_for_function compiles its predicate with
    eval, which the app's CSP forbids)."""
    deadline = time.monotonic() + timeout_s
    while not page.evaluate(predicate):
        assert time.monotonic() < deadline, f"timed out waiting for {predicate}"
        page.wait_for_timeout(100)


@pytest.fixture
def desktop(browser):
    context, page = open_page(browser, 1280)
    yield page
    context.close()


@pytest.fixture
def phone(browser):
    context, page = open_page(browser, 390, 844)
    yield page
    context.close()


# -- the query editor ------------------------------------------------------------------------------

def run_in_editor(page, live_url, query: str) -> str:
    page.goto(live_url + "/query")
    page.locator(".yasqe .CodeMirror").first.wait_for()
    page.evaluate("q => document.querySelector('.yasqe .CodeMirror').CodeMirror.setValue(q)", query)
    page.locator(".yasqe_queryButton").first.click()
    error = page.locator(".yasr .errorResult")
    error.wait_for()
    return error.inner_text()


@pytest.mark.parametrize("query, expected", [
    ("SELECT * WHERE { ?s foo:bar ?o }", r"line 1, column \d+: undeclared prefix"),
    ("SELECT * WHERE { ?s ?p }", r"syntax error at line 1, column \d+"),
])
def test_a_bad_query_shows_the_servers_message(desktop, live_url, query, expected):
    text = run_in_editor(desktop, live_url, query)
    assert re.search(expected, text), text
    assert "400" in text
    script_errors = [e for e in desktop.errors if "status of 400" not in e]
    assert not script_errors, script_errors  # YASGUI's renderer no longer throws on the endpoint URL


def test_on_a_phone_the_servers_message_wraps_in_view(phone, live_url):
    text = run_in_editor(phone, live_url, "SELECT * WHERE { ?s foo:bar ?o }")
    assert "undeclared prefix" in text
    message = phone.locator(".yasr .errorResult pre").first
    assert message.evaluate("el => el.scrollWidth <= el.clientWidth")  # nothing hidden off to the side
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390


def test_editor_controls_are_named_and_the_editor_fits_a_phone(phone, live_url):
    phone.goto(live_url + "/query?name=causes-of&condition=kg:knee-muscle-spasm")
    phone.locator(".yasr a[href='/id/caffeine']").first.wait_for()
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    assert phone.locator(".yasqe .CodeMirror textarea").first.get_attribute("aria-label") == "SPARQL query"
    assert phone.locator(".tabsList[role=tablist] button").count() == 0  # the add-tab button is outside the tablist
    # The run and share buttons sit above the text: no line of the query runs under them.
    buttons = phone.locator(".yasqe_buttons:visible").first.bounding_box()
    first_line = phone.locator(".yasqe:visible .CodeMirror-line").first.bounding_box()
    assert buttons["y"] + buttons["height"] <= first_line["y"] + 1


# -- the neighbourhood graph -----------------------------------------------------------------------

# Boxes to keep apart: every entity with its label, every group's title (drawn above its box), every box.
GRAPH_STATE = """() => {
    const cy = window.kgGraph, items = [];
    cy.nodes('[!box]').forEach(n => items.push({name: n.data('label'), bb: n.boundingBox({includeLabels: true}),
                                                 parent: n.parent().id()}));
    cy.nodes('[?box]').forEach(n => {
        const r = n._private.rstyle, all = n.boundingBox({includeLabels: true}), body = n.boundingBox({includeLabels: false});
        items.push({name: 'title ' + n.data('label'), self: n.id(),
                    bb: {x1: (body.x1 + body.x2 - r.labelWidth) / 2, x2: (body.x1 + body.x2 + r.labelWidth) / 2, y1: all.y1, y2: body.y1}});
        items.push({name: 'box ' + n.data('label'), self: n.id(), box: true, bb: body});
    });
    const overlaps = [];
    for (let i = 0; i < items.length; i++) for (let j = i + 1; j < items.length; j++) {
        const a = items[i], b = items[j];
        if ((a.self && a.self === b.self) || (a.box && b.parent === a.self) || (b.box && a.parent === b.self)) continue;
        if (a.bb.x1 < b.bb.x2 && b.bb.x1 < a.bb.x2 && a.bb.y1 < b.bb.y2 && b.bb.y1 < a.bb.y2) overlaps.push(a.name + ' / ' + b.name);
    }
    return {nodes: cy.nodes('[!box]').length, groups: cy.nodes('[?box]').length, overlaps: overlaps,
            fontPx: 13 * cy.zoom()};
}"""


@pytest.mark.parametrize("entity", ["knee-muscle-spasm", "muscle-spasm", "dehydration"])
def test_graph_groups_by_relation_without_overlapping_labels(desktop, live_url, entity):
    desktop.goto(live_url + f"/id/{entity}")
    desktop.locator("#graph[data-laid-out]").wait_for()
    graph = desktop.locator("#graph")
    assert graph.get_attribute("role") == "img" and graph.get_attribute("aria-label").startswith("Graph of ")
    state = desktop.evaluate(GRAPH_STATE)
    groups = desktop.locator("#graph-list ul.graph-groups > li").count()
    assert state["groups"] == groups >= 5  # one box per relation and direction, as the list has them
    assert state["overlaps"] == []
    assert state["fontPx"] >= 11, "labels drawn too small to read"
    assert desktop.errors == []


def test_a_click_expands_a_neighbour_and_the_link_opens_its_page(desktop, live_url):
    desktop.goto(live_url + "/id/dehydration")
    desktop.locator("#graph[data-laid-out]").wait_for()
    desktop.locator("#graph").scroll_into_view_if_needed()
    before = desktop.evaluate("window.kgGraph.nodes('[!box]').length")

    def click(label: str) -> None:
        """Click the node as a person would: scrolled into the middle of the window first."""
        find = "label => window.kgGraph.nodes('[!box]').filter(n => n.data('label') === label)[0]"
        desktop.evaluate(f"""label => {{
            const n = ({find})(label), top = document.getElementById('graph').getBoundingClientRect().top;
            window.scrollBy(0, top + n.renderedPosition().y - window.innerHeight / 2); }}""", label)
        desktop.wait_for_timeout(200)  # Cytoscape re-reads its container's place on the scroll event
        point = desktop.evaluate(f"label => ({find})(label).renderedPosition()", label)
        box = desktop.locator("#graph").bounding_box()
        desktop.mouse.click(box["x"] + point["x"], box["y"] + point["y"])

    click("Calcium")
    wait_until(desktop, f"() => window.kgGraph.nodes('[!box]').length > {before}")
    assert desktop.url.endswith("/id/dehydration")  # a click expands; it does not navigate
    assert "Calcium" in desktop.locator(".graph-status").inner_text()
    desktop.locator("#graph:not([data-busy])").wait_for()  # the incremental layout has settled
    click("Calcium")
    wait_until(desktop, f"() => window.kgGraph.nodes('[!box]').length === {before}")  # folded again
    link = desktop.locator("a.graph-open")
    assert link.get_attribute("href") == "/id/calcium" and "Calcium" in link.inner_text()
    link.click()
    desktop.wait_for_url(re.compile(r"/id/calcium$"))
    assert desktop.errors == []


def test_on_a_phone_the_graph_is_a_list(phone, live_url):
    phone.goto(live_url + "/id/dehydration")
    listing = phone.locator("#graph-list")
    listing.wait_for(state="visible")
    assert not phone.locator("#graph").is_visible() and not phone.locator(".graph-tools").is_visible()
    assert phone.evaluate("window.kgGraph === undefined")  # no canvas drawn at all
    assert listing.locator("a[href='/id/calcium']").count() == 1
    assert "Dehydration depletes" in listing.inner_text()


def test_keyboard_users_can_switch_to_the_list(desktop, live_url):
    desktop.goto(live_url + "/id/dehydration")
    desktop.locator("#graph[data-laid-out]").wait_for()
    switch = desktop.locator(".graph-view button[data-view=list]")
    switch.focus()
    desktop.keyboard.press("Enter")
    assert switch.get_attribute("aria-pressed") == "true"
    assert desktop.locator("#graph-list a").first.is_visible() and not desktop.locator("#graph").is_visible()


# -- the article -----------------------------------------------------------------------------------

def test_the_article_page_reads_as_the_article(desktop, live_url):
    desktop.goto(live_url + "/source")
    assert desktop.locator("h1").inner_text() == "Knee muscle spasms: causes and treatment options"
    body = desktop.locator(".article-text")
    assert body.locator("table.article-table").count() == 8
    assert body.locator("h2", has_text="Key Takeaways").count() == 1
    text = body.inner_text()
    assert "Table of Contents" not in text and "Toggle" not in text and "---|" not in text and " | " not in text
    cell = body.locator("td", has_text="Speech therapy and respiratory support").first
    assert cell.locator("li").count() == 3  # the table's dash rows, folded into the row above as a list


def test_a_quote_split_across_table_cells_is_highlighted_whole(desktop, live_url):
    desktop.goto(live_url + "/source")
    anchor = desktop.locator("td mark.evidence.cont").first.get_attribute("data-quote")
    desktop.goto(live_url + f"/source#{anchor}")
    first = desktop.locator(f"mark#{anchor}")
    first.wait_for(state="visible")
    pieces = desktop.locator(f"mark[data-quote='{anchor}']")
    assert pieces.count() >= 1
    wait_until(desktop, f"() => document.querySelectorAll(\"mark.targeted[data-quote='{anchor}']\").length === "
                        f"document.querySelectorAll(\"mark[data-quote='{anchor}']\").length")
    assert "targeted" in first.get_attribute("class")
    assert first.locator("a.facts-link").count() == 1 and pieces.locator("a.facts-link").count() == 0
    assert desktop.errors == []
