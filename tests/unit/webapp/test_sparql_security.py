"""Read-only and bounded: no updates, no outbound connections, no foreign graphs, runaway queries cut.

The concurrency test runs a real threaded WSGI server on 127.0.0.1 (started and stopped here).
"""

from __future__ import annotations

import socket
import threading
from contextlib import contextmanager
from urllib.parse import urlencode

import pytest
import requests

from tests.support.live import serving

CARTESIAN = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
FORM = {"Content-Type": "application/x-www-form-urlencoded"}


@contextmanager
def listening_socket():
    """A local port that records whether anything connects to it."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    sock.listen(8)
    sock.settimeout(0.5)
    try:
        yield sock, sock.getsockname()[1]
    finally:
        sock.close()


def assert_no_connection(sock) -> None:
    with pytest.raises(socket.timeout):
        connection, _ = sock.accept()
        connection.close()


def service_queries(port: int) -> list[str]:
    url = f"http://127.0.0.1:{port}/sparql"
    return [
        f"SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
        f"select * where {{ service silent <{url}> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ ?x ?y ?z OPTIONAL {{ SERVICE <{url}> {{ ?s ?p ?o }} }} }} LIMIT 1",
        f"SELECT * WHERE {{ VALUES ?e {{ <{url}> }} SERVICE ?e {{ ?s ?p ?o }} }}",
        f"ASK {{ {{ SELECT ?s WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }} }} }}",
        "SELECT * WHERE { \\u0053ERVICE <" + url + "> { ?s ?p ?o } }",
    ]


@pytest.mark.parametrize("how", ["get", "post_form", "post_direct"])
def test_service_never_opens_a_connection(client, how):
    with listening_socket() as (sock, port):
        for query in service_queries(port):
            if how == "get":
                response = client.get("/sparql?" + urlencode({"query": query}))
            elif how == "post_form":
                response = client.post("/sparql", data={"query": query}, headers=FORM)
            else:
                response = client.post("/sparql", data=query.encode(), headers={"Content-Type": "application/sparql-query"})
            assert response.status_code == 403, query
            assert "SERVICE" in response.get_data(as_text=True)
        assert_no_connection(sock)


@pytest.mark.parametrize("update", [
    "INSERT DATA { <https://w3id.org/kneekg/id/x> <https://w3id.org/kneekg/ontology/causes> <https://w3id.org/kneekg/id/y> }",
    "DELETE WHERE { ?s ?p ?o }",
    "PREFIX kg: <https://w3id.org/kneekg/id/> DELETE { ?s ?p ?o } INSERT { ?s ?p kg:x } WHERE { ?s ?p ?o }",
    "CLEAR ALL",
    "DROP GRAPH <https://w3id.org/kneekg/graph/facts>",
    "CREATE GRAPH <https://w3id.org/kneekg/graph/new>",
    "LOAD <http://127.0.0.1:{port}/data.ttl> INTO GRAPH <https://w3id.org/kneekg/graph/facts>",
])
def test_update_is_refused_and_changes_nothing(client, mini_store, update):
    before = len(mini_store)
    with listening_socket() as (sock, port):
        update = update.replace("{port}", str(port))
        responses = [
            client.get("/sparql?" + urlencode({"query": update})),
            client.post("/sparql", data={"query": update}, headers=FORM),
            client.post("/sparql", data={"update": update}, headers=FORM),
            client.post("/sparql", data=update.encode(), headers={"Content-Type": "application/sparql-update"}),
        ]
        assert_no_connection(sock)
    assert [r.status_code for r in responses] == [400, 400, 400, 415]
    assert all("read-only" in r.get_data(as_text=True) for r in responses)
    assert len(mini_store) == before


@pytest.mark.parametrize("clause", ["FROM <http://127.0.0.1:1/data.ttl>", "FROM NAMED <http://example.org/graph>",
                                    "FROM <file:///etc/passwd>"])
def test_foreign_graphs_are_refused(client, clause):
    response = client.get("/sparql?" + urlencode({"query": f"SELECT * {clause} WHERE {{ ?s ?p ?o }}"}))
    assert response.status_code == 400
    assert "not served" in response.get_data(as_text=True)


def test_runaway_query_is_cut_while_others_are_served(real_store):
    from webapp import create_app

    app = create_app({"TESTING": True, "STORE": real_store, "QUERY_TIMEOUT": 2, "QUERY_WORKERS": 2,
                      "QUERY_CACHE_SIZE": 0})
    events: list[str] = []
    runaway: dict = {}
    with serving(app) as base:
        def run_runaway():
            response = requests.get(f"{base}/sparql", params={"query": CARTESIAN}, timeout=60)
            runaway["response"] = response
            events.append("runaway answered")

        thread = threading.Thread(target=run_runaway)
        thread.start()
        small = requests.get(f"{base}/sparql", params={"query": "ASK { ?s ?p ?o }"}, timeout=60)
        events.append("small answered")
        thread.join(timeout=60)
        after = requests.get(f"{base}/sparql", params={"query": "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"},
                             timeout=60)
    assert small.status_code == 200 and small.json()["boolean"] is True
    assert events == ["small answered", "runaway answered"]  # the small query did not wait for the runaway one
    response = runaway["response"]
    assert response.status_code == 503
    assert "time limit" in response.text and response.headers["Retry-After"]
    assert after.status_code == 200 and int(after.json()["results"]["bindings"][0]["n"]["value"]) == len(real_store)


def test_service_through_a_real_server_opens_no_connection(real_store):
    from webapp import create_app

    app = create_app({"TESTING": True, "STORE": real_store})
    with listening_socket() as (sock, port), serving(app) as base:
        for query in service_queries(port):
            response = requests.post(f"{base}/sparql", data={"query": query}, timeout=30)
            assert response.status_code == 403
        assert_no_connection(sock)
