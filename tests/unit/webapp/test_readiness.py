"""webapp.readiness: question answering's indexes are built before the first question, never inside it."""

from __future__ import annotations

import threading

import pytest

from kg.sparql.errors import EngineError
from webapp import state
from webapp.readiness import BUILDING, Questions


class Down(EngineError):
    kind = "upstream"


class Flaky:
    """A store that does not answer for its first ``failures`` queries, then is the mini store."""

    def __init__(self, store, failures: int):
        self._store = store
        self.failures = failures
        self.lock = threading.Lock()

    def __getattr__(self, name):
        return getattr(self._store, name)

    def query(self, *args, **kwargs):
        with self.lock:
            if self.failures:
                self.failures -= 1
                raise Down("cannot reach the SPARQL endpoint")
        return self._store.query(*args, **kwargs)


def test_a_store_that_answers_is_prepared_at_once(mini_store):
    questions = Questions()
    assert questions.pending() == BUILDING
    assert questions.prepare(mini_store) is True
    assert questions.pending() is None


def test_built_in_the_background_once_the_store_answers(mini_store):
    from kg.store.embedded import EmbeddedStore

    store = Flaky(EmbeddedStore(mini_store.oxigraph, "flaky"), failures=3)
    questions = Questions()
    assert questions.prepare(store) is False
    assert "once the store answers" in questions.pending() and "cannot reach" in questions.pending()
    questions.prepare_in_background(store, pause=0.01, longest=0.02)
    try:
        assert questions.ready.wait(60)
    finally:
        questions.stop()
    assert questions.pending() is None and store.failures == 0


@pytest.fixture
def waiting_app(mini_store):
    from webapp import create_app

    app = create_app({"TESTING": True, "STORE": mini_store})
    state.manage_questions(app).reason = "question answering's indexes are being built once the store answers (down)"
    return app


def test_a_question_before_the_indexes_are_built_is_503_at_once_and_readyz_says_why(waiting_app):
    client = waiting_app.test_client()
    answer = client.get("/api/ask", query_string={"q": "what causes cramps"})
    assert answer.status_code == 503 and answer.headers["Retry-After"] == "5"
    assert "not yet" in answer.json["error"] and answer.headers["Cache-Control"] == "no-store"
    page = client.get("/ask", query_string={"q": "what causes cramps"})
    assert page.status_code == 503 and b"Not yet" in page.data and page.headers["Retry-After"]
    assert client.get("/ask").status_code == 200  # the empty question box is no question
    ready = client.get("/readyz")
    assert ready.status_code == 503 and "being built" in ready.json["reason"]
    assert client.get("/healthz").status_code == 200


def test_once_built_questions_are_answered_and_readyz_is_200(waiting_app, mini_store):
    state.manage_questions(waiting_app).prepare(mini_store)
    client = waiting_app.test_client()
    assert client.get("/api/ask", query_string={"q": "what causes cramps"}).status_code == 200
    assert client.get("/readyz").status_code == 200


def test_an_app_not_served_by_kneekg_serve_answers_on_demand(mini_store):
    from webapp import create_app

    app = create_app({"TESTING": True, "STORE": mini_store})
    assert state.questions_pending(app) is None
    assert app.test_client().get("/api/ask", query_string={"q": "what causes cramps"}).status_code == 200
