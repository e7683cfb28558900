"""The query editor in a real browser (Debian's Chromium driven by Playwright) under the app's CSP:
a linked named query runs, its result IRIs open the entity pages of this app, no script errors."""

from __future__ import annotations


def test_linked_named_query_runs_and_iris_open_local_pages(page, live_url):
    page.goto(live_url + "/query?name=causes-of&condition=kg:knee-muscle-spasm")
    caffeine = page.locator(".yasr a[href='/id/caffeine']").first  # the w3id IRI, rewritten to this app's page
    caffeine.wait_for()
    assert "VALUES ?condition" in page.locator(".yasqe:visible").inner_text()
    caffeine.click()
    page.wait_for_url(live_url + "/id/caffeine")
    assert page.errors == []


def test_example_list_opens_a_ready_tab(page, live_url):
    page.goto(live_url + "/query")
    page.locator("button.example[data-name='symptoms-of']").click()
    page.locator(".yasr a[href='/id/pain']").first.wait_for()
    assert "Symptoms of a condition" in page.locator(".tabsList").inner_text()
    assert page.errors == []
