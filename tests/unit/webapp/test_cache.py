"""The response cache (webapp.responses) and its Flask glue (webapp.cache): LRU bounds, ETags tied to the graph, and 304 on If-None-Match."""

from __future__ import annotations

import json

import pytest
from flask import Flask, jsonify, request

from webapp import cache, responses, state
from kg import paths


def test_lru_keeps_the_most_recent_and_counts_hits():
    c = responses.ResponseCache("t", maxsize=2)
    for key in ("a", "b"):
        c.put(key, key.encode(), "text/plain")
    assert c.get("a").body == b"a"  # a is now the most recent
    c.put("c", b"c", "text/plain")
    assert c.get("b") is None and c.get("a") is not None and c.get("c") is not None
    assert len(c) == 2 and (c.hits, c.misses) == (3, 1)


def test_large_bodies_are_served_not_kept():
    c = responses.ResponseCache("t", max_body=10)
    entry = c.put("k", b"x" * 11, "text/plain")
    assert entry.body == b"x" * 11 and c.get("k") is None


def test_key_separates_every_part():
    base = ("SELECT * {}", (("x", "<a>"),), None, "json")
    variants = [("SELECT * { }", *base[1:]), (base[0], (("x", "<b>"),), *base[2:]),
                (*base[:2], ("g",), base[3]), (*base[:3], "csv")]
    keys = {responses.cache_key(*v) for v in variants} | {responses.cache_key(*base)}
    assert len(keys) == len(variants) + 1


def test_etag_follows_the_artifact_not_the_process():
    path = paths.RELEASE_DIR / paths.GRAPH_NQ
    config = {"STORE": None, "GRAPH_PATH": str(path)}
    assert responses.dataset_tag(config, object()) == responses.dataset_tag(config, object()) == responses.file_tag(path)[:16]
    assert responses.dataset_tag({"STORE": object()}, object()) != responses.dataset_tag(config, None)


@pytest.fixture
def counted_app():
    app = Flask(__name__)
    app.extensions["kg_store"] = object()
    app.config["STORE"] = app.extensions["kg_store"]
    calls = []

    @app.get("/q")
    def q():
        def build():
            calls.append(request.args.get("x"))
            if request.args.get("x") == "bad":
                return jsonify(error="bad x"), 400
            response = jsonify(x=request.args.get("x"))
            response.headers["X-Result-Count"] = "1"
            return response
        return cache.cached(("q", request.args.get("x")), build)

    app.calls = calls
    return app


def test_second_request_is_served_from_the_cache_with_the_same_etag(counted_app):
    client = counted_app.test_client()
    first, second = client.get("/q?x=1"), client.get("/q?x=1")
    assert counted_app.calls == ["1"]
    assert json.loads(second.data) == json.loads(first.data) == {"x": "1"}
    assert first.headers["ETag"] == second.headers["ETag"]
    assert second.headers["Cache-Control"] == cache.CACHE_CONTROL
    assert second.headers["X-Result-Count"] == "1"
    assert second.content_type == "application/json"


def test_if_none_match_gets_304_without_a_body(counted_app):
    client = counted_app.test_client()
    etag = client.get("/q?x=2").headers["ETag"]
    again = client.get("/q?x=2", headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.data == b"" and again.headers["ETag"] == etag
    other = client.get("/q?x=3", headers={"If-None-Match": etag})
    assert other.status_code == 200 and other.headers["ETag"] != etag


def test_errors_are_not_cached_and_carry_no_etag(counted_app):
    client = counted_app.test_client()
    for _ in range(2):
        response = client.get("/q?x=bad")
        assert response.status_code == 400 and "ETag" not in response.headers
    assert counted_app.calls == ["bad", "bad"]


@pytest.mark.parametrize("path", [
    "/sparql?query=SELECT+%3Fs+WHERE+%7B+%3Fs+a+%3Chttps%3A%2F%2Fw3id.org%2Fkneekg%2Fontology%2FCause%3E+%7D",
    "/api/queries/causes-of?condition=kg:knee-muscle-spasm",
])
def test_served_query_routes_answer_repeats_from_the_cache(app, path):
    client = app.test_client()
    first = client.get(path)
    assert first.status_code == 200
    hits = state.response_cache(app).hits
    second = client.get(path)
    assert state.response_cache(app).hits == hits + 1
    assert second.get_json() == first.get_json() if first.is_json else second.data == first.data
    assert second.headers["ETag"] == first.headers["ETag"]
    assert second.headers["Cache-Control"] == cache.CACHE_CONTROL
    assert client.get(path, headers={"If-None-Match": first.headers["ETag"]}).status_code == 304


def test_an_answer_is_kept_and_sent_with_its_own_headers_the_etag_and_cache_control():
    """A view may hand the cache an unbuilt 200 (``cache.Answer``): one response is made with all its headers."""
    app = Flask(__name__)
    app.extensions["kg_store"] = object()
    app.config["STORE"] = app.extensions["kg_store"]
    calls = []

    @app.get("/a")
    def a():
        def build():
            calls.append(1)
            return cache.Answer(b"[1]", "application/json", {"X-Result-Count": "1", "Vary": "Accept"})
        return cache.cached(("a", request.args.get("x")), build)

    client = app.test_client()
    first, second = client.get("/a?x=1"), client.get("/a?x=1")
    assert calls == [1]
    for response in (first, second):
        assert response.status_code == 200 and response.data == b"[1]" and response.content_type == "application/json"
        assert response.headers["X-Result-Count"] == "1" and response.headers["Vary"] == "Accept"
        assert response.headers["Cache-Control"] == cache.CACHE_CONTROL
    assert first.headers["ETag"] == second.headers["ETag"]
    not_modified = client.get("/a?x=1", headers={"If-None-Match": first.headers["ETag"]})
    assert not_modified.status_code == 304 and not_modified.data == b"" and not_modified.headers["X-Result-Count"] == "1"
    fresh = app.test_client().get("/a?x=2", headers={"If-None-Match": first.headers["ETag"]})
    assert fresh.status_code == 200 and calls == [1, 1]
