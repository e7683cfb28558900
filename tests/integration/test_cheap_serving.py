"""Queries proven cheap are served in the serving thread; everything else still goes to the killable query processes.

While a runaway query holds a query process until the time limit stops it (503), a query proven
cheap (a bound pattern, a named query with its value bound) is answered, and answered as the
query process answers it. No timing is asserted: ``bench/uncached.py`` measures how fast.
"""

from __future__ import annotations

import threading
import time
from urllib.parse import urlencode

import pytest

from kg.sparql.registry import registry
from webapp import create_app, state

RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
ONE_HOP = "SELECT ?p ?o WHERE { <https://w3id.org/kneekg/id/dehydration> ?p ?o }"
JSON = {"Accept": "application/sparql-results+json"}


@pytest.fixture
def app(real_store):
    app = create_app({"TESTING": True, "STORE": real_store, "QUERY_TIMEOUT": 2, "QUERY_WORKERS": 2,
                      "QUERIES_PER_CLIENT": 0})
    yield app
    with app.app_context():
        state.engine().close()


def _get(app, sparql: str, accept: dict = JSON):
    with app.test_client() as client:
        return client.get("/sparql?" + urlencode({"query": sparql}), headers=accept)


def test_a_cheap_query_is_served_while_a_runaway_is_stopped_in_a_query_process(app):
    with app.app_context():
        engine = state.engine()
        engine.start()
        pids = set(engine._get_pool().pids())
        assert engine.cheap_plan(RUNAWAY) is None and engine.cheap_plan(ONE_HOP) is not None
    answers: dict[str, object] = {}
    runaway = threading.Thread(target=lambda: answers.update(runaway=_get(app, RUNAWAY)))
    runaway.start()
    try:
        time.sleep(0.3)  # the runaway holds a query process now
        named = registry()["causes-of"]
        during = [_get(app, f"{ONE_HOP}\n# {n}") for n in range(5)]
        during.append(_get(app, named.with_values({"condition": "kg:knee-muscle-spasm"})))
        still_running = runaway.is_alive()
    finally:
        runaway.join(timeout=30)
    assert all(r.status_code == 200 for r in during), [r.data[:200] for r in during if r.status_code != 200]
    assert int(during[-1].headers["X-Result-Count"]) > 0
    assert still_running, "the runaway ended before the cheap queries were answered"
    stopped = answers["runaway"]
    assert stopped.status_code == 503 and b"time limit" in stopped.data
    with app.app_context():
        assert set(state.engine()._get_pool().pids()) != pids  # its query process was killed and replaced


@pytest.mark.parametrize("accept", ["application/sparql-results+json", "application/sparql-results+xml",
                                    "text/csv", "text/tab-separated-values"])
def test_cheap_queries_answer_as_the_query_processes_do(app, real_store, accept):
    pooled = create_app({"TESTING": True, "STORE": real_store, "QUERY_WORKERS": 1, "QUERY_INLINE": False})
    try:
        named = registry()["treatments-for"]
        for sparql in (ONE_HOP, named.with_values({"condition": "kg:knee-muscle-spasm"})):
            fast, slow = _get(app, sparql, {"Accept": accept}), _get(pooled, sparql, {"Accept": accept})
            assert fast.status_code == slow.status_code == 200
            assert fast.data == slow.data and fast.headers["X-Result-Count"] == slow.headers["X-Result-Count"]
            assert fast.headers["Content-Type"] == slow.headers["Content-Type"]
    finally:
        with pooled.app_context():
            state.engine().close()
