"""Accessibility of every page type, in Debian's Chromium at 1280 and 390 px: axe-core finds no critical or
serious violation, no page scrolls sideways on a phone, the skip link works, the autocomplete speaks ARIA."""

from __future__ import annotations

import re

import pytest

from tests.support.pages import axe_source as read_axe, open_page

WIDTHS = [1280, 390]
FAILING_IMPACTS = {"critical", "serious"}

# Every page type: its path and what to wait for before auditing (the page as a reader finally sees it).
PAGES = {
    "home": ("/", "section.stats"),
    "entity": ("/id/knee-muscle-spasm", "section.neighbourhood #graph[data-laid-out], #graph-list:not([hidden])"),
    "class": ("/ontology/Cause", "h1"),
    "property": ("/ontology/causes", "h1"),
    "ontology": ("/ontology", "h1"),
    "statement": ("statement", "h1"),
    "named graph": ("/graph/facts", "table"),
    "resource": ("/resource?iri=http%3A%2F%2Fschema.org%2FMedicalCause", "h1"),
    "source": ("/source", "table.article-table"),
    "unsettled": ("/unsettled", ".contradiction"),
    "entity, quotes open": ("/id/diuretics", "details.quotes"),  # table rows and quotes unfolded
    "search": ("/search?q=cramp", "ol.hits"),
    "404": ("/id/dehydraton", "h1"),
    "ask": ("/ask?q=What+causes+knee+muscle+spasms%3F", "section.answer ul.answers a"),
    "query": ("/query?name=causes-of&condition=kg:knee-muscle-spasm", ".yasr a[href='/id/caffeine']"),
    "export": ("/export", "table.downloads"),
}


@pytest.fixture(scope="module")
def axe_source() -> str:
    return read_axe()


@pytest.fixture(scope="module")
def statement_path(live_url):
    """A statement page: the first one an entity page links to."""
    import urllib.request

    html = urllib.request.urlopen(live_url + "/id/caffeine", timeout=20).read().decode()
    return re.search(r'href="(/statement/[^"]+)"', html).group(1)


def visit(page, live_url, statement_path, kind: str) -> None:
    path, ready = PAGES[kind]
    page.goto(live_url + (statement_path if path == "statement" else path))
    page.locator(ready).first.wait_for(state="attached")
    if kind.endswith("quotes open"):
        page.evaluate("document.querySelectorAll('details').forEach(d => { d.open = true; })")


def axe(page, source: str) -> list[dict]:
    """Run axe-core (every rule of its default set) on the page; its violations.

    Injected through the DevTools protocol, which the page's CSP (script-src 'self') does not govern.
    """
    page.evaluate(source)
    return page.evaluate("() => axe.run(document, {resultTypes: ['violations']}).then(r => r.violations)")


def describe(violations: list[dict]) -> str:
    return "\n".join(f"{v['impact']}: {v['id']} ({v['help']}) at " + ", ".join(str(n["target"]) for n in v["nodes"][:4])
                     for v in violations)


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("kind", PAGES)
def test_no_critical_or_serious_axe_violations(browser, live_url, statement_path, axe_source, kind, width):
    context, page = open_page(browser, width)
    try:
        visit(page, live_url, statement_path, kind)
        violations = axe(page, axe_source)
        failing = [v for v in violations if v["impact"] in FAILING_IMPACTS]
        assert not failing, f"{kind} at {width} px:\n" + describe(failing)
        assert not [e for e in page.errors if "status of 404" not in e], page.errors  # the 404 page's own status
    finally:
        context.close()


def test_no_page_scrolls_sideways_on_a_phone(browser, live_url, statement_path):
    context, page = open_page(browser, 390, 844)
    wide = {}
    try:
        for kind in PAGES:
            visit(page, live_url, statement_path, kind)
            width = page.evaluate("document.documentElement.scrollWidth")
            if width > 390:
                wide[kind] = width
    finally:
        context.close()
    assert not wide, f"pages wider than the 390 px screen: {wide}"


def test_skip_link_moves_focus_to_the_content(browser, live_url):
    context, page = open_page(browser, 1280)
    try:
        page.goto(live_url + "/id/dehydration")
        page.keyboard.press("Tab")
        skip = page.locator("a.skip-link")
        assert page.evaluate("document.activeElement.className") == "skip-link" and skip.is_visible()
        page.keyboard.press("Enter")
        assert page.evaluate("document.activeElement.id") == "main"
    finally:
        context.close()


def test_autocomplete_states_are_aria_not_css_alone(browser, live_url):
    context, page = open_page(browser, 1280)
    try:
        page.goto(live_url + "/")
        box = page.locator("header form.search input[type=search]")
        assert box.get_attribute("role") == "combobox" and box.get_attribute("aria-expanded") == "false"
        box.fill("dehydraton")
        listbox = page.locator("header ul.autocomplete[role=listbox]")
        listbox.wait_for(state="visible")
        assert box.get_attribute("aria-expanded") == "true"
        assert box.get_attribute("aria-controls") == listbox.get_attribute("id")
        options = listbox.locator("[role=option]")
        assert options.count() >= 1 and options.first.inner_text() == "Dehydration"
        assert page.locator("header form.search [role=status]").inner_text().startswith(f"{options.count()} suggestion")
        box.press("ArrowDown")
        first = options.first
        assert box.get_attribute("aria-activedescendant") == first.get_attribute("id")
        assert first.get_attribute("aria-selected") == "true"
        assert all(options.nth(i).get_attribute("aria-selected") == "false" for i in range(1, options.count()))
        if options.count() > 1:
            box.press("ArrowDown")
            assert box.get_attribute("aria-activedescendant") == options.nth(1).get_attribute("id")
            box.press("ArrowUp")
        box.press("Enter")
        page.wait_for_url(re.compile(r"/id/dehydration$"))
    finally:
        context.close()
