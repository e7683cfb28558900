"""webapp.fastpath: a plain GET /sparql answered without the framework gets the app's own response, and every
other request is left to the app."""

from __future__ import annotations

from urllib.parse import quote_plus, urlencode

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.sparql.registry import registry
from webapp import create_app
from webapp.fastpath import FastSparql

JSON = "application/sparql-results+json"
KG = "https://w3id.org/kneekg/id/"
ONE_HOP = "SELECT ?p ?o WHERE {{ <{}> ?p ?o }}"
NAMED = [q for q in registry() if len(q.params) == 1 and q.params[0].type == "iri"]


@pytest.fixture(scope="module")
def apps(real_store):
    """The same app with the fast path and without it (each its own caches), on the release graph."""
    return (create_app({"TESTING": True, "STORE": real_store, "QUERIES_PER_CLIENT": 0}),
            create_app({"TESTING": True, "STORE": real_store, "QUERIES_PER_CLIENT": 0, "SPARQL_FAST_PATH": False}))


def _requests():
    """(method, query string, headers): what the fast path answers, and what it must leave to the app."""
    texts = [ONE_HOP.format(KG + name) for name in ("knee-muscle-spasm", "dehydration", "magnesium", "nothing-here")]
    texts += [q.with_values(q.example_values()) for q in NAMED[:8]]
    texts += ["SELECT * WHERE { ?s ?p ?o }",  # not proven cheap: a query process
              "ASK { <urn:a> ?p ?o }", "SELECT ?o WHERE { <urn:a> <urn:p> 'caf\u00e9' }",
              "SELECT ?p WHERE { ?s ?p ?o . ?x ?y ?z } LIMIT 1",  # a cartesian product: not proven
              "INSERT DATA { <urn:a> <urn:b> <urn:c> }", "SELECT * WHERE { SERVICE <http://x/> { ?s ?p ?o } }",
              "SELECT * FROM <http://evil/> WHERE { ?s ?p ?o }", "SELECT ?x WHERE { ", "  ", "{" * 100]
    out = []
    for n, text in enumerate(texts):
        for accept in (JSON, "application/sparql-results+xml", "text/csv", "text/tab-separated-values", "*/*",
                       None, "image/png", "application/json;q=0.5, text/csv"):
            out.append(("GET", urlencode({"query": text + f"\n# {n}"}), {"Accept": accept} if accept else {}))
    one = urlencode({"query": texts[0]})
    out += [("GET", one, {}), ("GET", one, {}),  # the second from the response cache
            ("GET", one, {"If-None-Match": "*"}), ("HEAD", one, {}),
            ("GET", one + "&format=json", {}), ("GET", one + "&output=xml", {}), ("GET", one + "&query=ASK{}", {}),
            ("GET", one + "&default-graph-uri=" + KG, {}), ("GET", one + "&update=x", {}),
            ("GET", "query=%C3%28", {}), ("GET", "query=", {}), ("GET", "query", {}),
            ("GET", urlencode({"query": texts[1] + "#" + "x" * 70000}), {})]  # over the URL limit: 414
    return out


def _respond(app, method, query_string, headers):
    response = app.test_client().open("/sparql", method=method, query_string=query_string, headers=headers)
    return response.status_code, sorted(response.headers.items()), response.get_data()


def test_every_request_gets_the_apps_own_response(apps):
    fast, app = apps
    requests = _requests()
    for method, query_string, headers in requests:
        assert _respond(fast, method, query_string, headers) == _respond(app, method, query_string, headers), \
            (method, query_string[:120], headers)


def test_it_answers_plain_cheap_queries_itself_and_leaves_the_rest(apps, monkeypatch):
    fast, _ = apps
    answered, left = [], []
    middleware = fast.wsgi_app
    assert isinstance(middleware, FastSparql)
    inner = middleware.wsgi_app
    monkeypatch.setattr(middleware, "wsgi_app", lambda environ, start: left.append(environ["QUERY_STRING"]) or
                        inner(environ, start))
    client = fast.test_client()
    one_hop = urlencode({"query": ONE_HOP.format(KG + "cramp") + "\n# fresh"})
    named = urlencode({"query": NAMED[0].with_values(NAMED[0].example_values()) + "\n# fresh"})
    for query_string in (one_hop, named):
        assert client.get("/sparql", query_string=query_string, headers={"Accept": JSON}).status_code == 200
        answered.append(query_string)
    assert left == []
    for query_string in (urlencode({"query": "SELECT * WHERE { ?s ?p ?o } # fresh"}), one_hop + "&format=xml",
                         urlencode({"query": "INSERT DATA { <urn:a> <urn:b> <urn:c> }"})):
        client.get("/sparql", query_string=query_string)
    assert len(left) == 3
    assert client.head("/sparql", query_string=one_hop).status_code == 200 and len(left) == 4
    assert client.get("/healthz").status_code == 200 and len(left) == 5


def test_a_named_query_holds_its_clients_place_and_a_client_over_its_limit_gets_the_apps_429(real_store):
    from webapp import state

    app = create_app({"TESTING": True, "STORE": real_store, "QUERIES_PER_CLIENT": 1, "FRONT_TOKEN": "secret"})
    admission = state.engine(app).admission
    seen = []
    real_admit = admission.admit
    admission.admit = lambda client: seen.append(client) or real_admit(client)
    query = NAMED[1]
    behind_nginx = {"X-Real-IP": "203.0.113.9", "X-Kneekg-Front": "secret"}
    client = app.test_client()
    text = urlencode({"query": query.with_values(query.example_values()) + "\n# place"})
    assert client.get("/sparql", query_string=text, headers=behind_nginx).status_code == 200
    assert seen == ["203.0.113.9"]  # nginx's address for the client, as the app reads it
    name = query.params[0].name
    again, other = (urlencode({"query": query.with_values({name: KG + entity})}) for entity in ("dehydration", "magnesium"))
    with real_admit("203.0.113.9"):  # the client's one place is taken (and the answers are not kept yet)
        busy = client.get("/sparql", query_string=again, headers=behind_nginx)
        other = client.get("/sparql", query_string=other, headers={**behind_nginx, "X-Real-IP": "198.51.100.1"})
    assert busy.status_code == 429 and busy.headers["Retry-After"]
    assert other.status_code == 200


def test_it_can_be_turned_off(real_store):
    app = create_app({"TESTING": True, "STORE": real_store, "SPARQL_FAST_PATH": False})
    assert not isinstance(app.wsgi_app, FastSparql)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(list("aZ09 +%&=\\x?{}<>#\n'\"") + ["%41", "%5C", "%C3%A9", "%e2%80%99", "%C3",
                                                                    "%zz", "%2", "\u00e9", "\\x41"]),
                max_size=40).map("".join))
def test_the_query_parameter_reads_as_parse_qsl_reads_it(raw):
    from urllib.parse import parse_qsl

    from webapp.fastpath import query_parameter

    for query_string in ("query=" + raw, raw, "query=" + quote_plus(raw)):
        got = query_parameter(query_string)
        try:
            fields = parse_qsl(query_string, keep_blank_values=True, errors="strict")
        except (UnicodeDecodeError, ValueError):
            fields = None
        if got is not None:  # read: as parse_qsl reads it
            assert fields == [("query", got)]
        elif query_string.isascii() and fields is not None and query_string.startswith("query=") \
                and "&" not in query_string:
            pytest.fail(f"left to the app although plain: {query_string!r}")
