"""The W3C SPARQL 1.1 Protocol tests against /sparql: every query-side test that applies to a read-only endpoint.

The tests are the entries of the W3C test suite's protocol manifest (``w3c/rdf-tests``,
``sparql/sparql11/protocol/manifest.ttl``; names below are its local names, in the namespace
``http://www.w3.org/2009/sparql/docs/tests/data-sparql11/protocol/manifest#``). Each entry is an
HTTP request — method, path and query string, Content-Type, body and its encoding — with the
expected status class (2xx/3xx or 4xx), result kind (boolean, tabular, RDF) and boolean answer;
they are transcribed here request for request and sent raw (``http.client``: no header the
manifest does not give) to a real server on 127.0.0.1, once per backend. Copyright © W3C®;
the test suite is published under the W3C Test Suite and 3-clause BSD licences
(https://www.w3.org/Consortium/Legal/2008/04-testsuite-copyright.html).

The manifest's paths start with ``/sparql/``; ours is ``/sparql``. The graphs the dataset tests
load (``data1.rdf`` … ``data3.rdf``, one ``foaf:Document`` triple each; ``data0.rdf`` names an
empty graph) are loaded as the tests say, renamed to the four graphs this endpoint serves — it
serves fixed graphs and refuses a dataset naming any other (400) — and the same renaming is
applied to the requests: a consistent renaming, so each test asks what it asked.

Not applicable (a read-only endpoint; listed in ``NOT_APPLICABLE`` and checked to be refused
with a 4xx that changes nothing): the seven ``update_*`` tests, which expect SPARQL Update to
succeed. The ``bad_update_*`` tests expect a 4xx and apply: an update is refused either way.
"""

from __future__ import annotations

import http.client
import json
from dataclasses import dataclass
from urllib.parse import quote, urlsplit

import pyoxigraph
import pytest
from rdflib import Graph, URIRef

from kg.store.embedded import EmbeddedStore
from tests.support.live import serving

GRAPH = "https://w3id.org/kneekg/graph/"
KASEI = "http://kasei.us/2009/09/sparql/data/"
# The suite's graph names, renamed to the served graphs (data0.rdf is only ever an empty default graph).
RENAME = {f"{KASEI}data0.rdf": GRAPH + "ontology", f"{KASEI}data1.rdf": GRAPH + "facts",
          f"{KASEI}data2.rdf": GRAPH + "inferred", f"{KASEI}data3.rdf": GRAPH + "provenance"}
# ut:graphData of the dataset tests: data1.nt … data3.nt, each "<dataN.rdf> a foaf:Document" in graph dataN.rdf.
LOADED = [f"{KASEI}data{n}.rdf" for n in (1, 2, 3)]
RDF_TYPE, FOAF_DOCUMENT = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type", "http://xmlns.com/foaf/0.1/Document"

BOOLEAN_TYPES = ("application/sparql-results+xml", "application/sparql-results+json")
TABULAR_TYPES = BOOLEAN_TYPES + ("text/csv", "text/tab-separated-values")
RDF_TYPES = {"application/rdf+xml": "xml", "text/turtle": "turtle", "application/n-triples": "nt",
             "text/plain": "nt", "application/ld+json": "json-ld"}


def renamed(text: str) -> str:
    """``text`` with the suite's graph names replaced by the served ones, plain and percent-encoded."""
    for old, new in RENAME.items():
        text = text.replace(old, new).replace(quote(old, safe=""), quote(new, safe=""))
    return text


@dataclass(frozen=True)
class Request:
    """One ht:Request of the manifest and its ht:resp."""

    method: str
    path: str  # ht:absolutePath without the leading "/sparql/"
    content_type: str | None = None
    body: str | None = None
    encoding: str = "UTF-8"  # cnt:characterEncoding
    status: str = "2xx"  # "2xx" stands for the manifest's hts:StatusCode2xx, hts:StatusCode3xx
    result: str | None = None  # mf:expectedFormat: boolean, tabular or RDF
    boolean: bool | None = None  # mf:expectedBoolean


DG0 = "default-graph-uri=http%3A%2F%2Fkasei.us%2F2009%2F09%2Fsparql%2Fdata%2Fdata0.rdf"
D = "http%3A%2F%2Fkasei.us%2F2009%2F09%2Fsparql%2Fdata%2Fdata"  # + "1.rdf" …
FORM, DIRECT, UPDATE = "application/x-www-form-urlencoded", "application/sparql-query", "application/sparql-update"
ASK_TRUE = {"result": "boolean", "boolean": True}

QUERY_TESTS: dict[str, Request] = {
    "query_post_form": Request("POST", "?" + DG0, FORM, "query=ASK%20%7B%7D", **ASK_TRUE),
    "query_dataset_default_graphs_get": Request(
        "GET", "?query=ASK%20%7B%20%3Chttp%3A%2F%2Fkasei.us%2F2009%2F09%2Fsparql%2Fdata%2Fdata1.rdf%3E%20a%20%3Ftype"
               "%20.%20%3Chttp%3A%2F%2Fkasei.us%2F2009%2F09%2Fsparql%2Fdata%2Fdata2.rdf%3E%20a%20%3Ftype%20.%20%7D"
               f"&default-graph-uri={D}1.rdf&default-graph-uri={D}2.rdf", **ASK_TRUE),
    "query_dataset_default_graphs_post": Request(
        "POST", f"?default-graph-uri={D}1.rdf&default-graph-uri={D}2.rdf", DIRECT,
        f"ASK {{ <{KASEI}data1.rdf> a ?type . <{KASEI}data2.rdf> a ?type . }}", **ASK_TRUE),
    "query_dataset_named_graphs_post": Request(
        "POST", f"?named-graph-uri={D}1.rdf&named-graph-uri={D}2.rdf", DIRECT,
        f"ASK {{ GRAPH ?g1 {{ <{KASEI}data1.rdf> a ?type }} GRAPH ?g2 {{ <{KASEI}data2.rdf> a ?type }} }}", **ASK_TRUE),
    "query_dataset_named_graphs_get": Request(
        "GET", "?query=ASK%20%7B%20GRAPH%20%3Fg1%20%7B%20%3Chttp%3A%2F%2Fkasei.us%2F2009%2F09%2Fsparql%2Fdata%2Fdata1"
               ".rdf%3E%20a%20%3Ftype%20%7D%20GRAPH%20%3Fg2%20%7B%20%3Chttp%3A%2F%2Fkasei.us%2F2009%2F09%2Fsparql%2Fdata"
               f"%2Fdata2.rdf%3E%20a%20%3Ftype%20%7D%20%7D&named-graph-uri={D}1.rdf&named-graph-uri={D}2.rdf",
        **ASK_TRUE),
    "query_dataset_full": Request(
        "POST", f"?default-graph-uri={D}3.rdf&named-graph-uri={D}1.rdf&named-graph-uri={D}2.rdf", DIRECT,
        f"ASK {{\n  <{KASEI}data3.rdf> a ?type\n  GRAPH ?g1 {{ <{KASEI}data1.rdf> a ?type }}\n"
        f"  GRAPH ?g2 {{ <{KASEI}data2.rdf> a ?type }}\n}}", **ASK_TRUE),
    "query_multiple_dataset": Request(
        "POST", f"?named-graph-uri={D}1.rdf&named-graph-uri={D}2.rdf", DIRECT,
        f"ASK FROM <{KASEI}data3.rdf> {{ GRAPH ?g1 {{ <{KASEI}data1.rdf> a ?type }} "
        f"GRAPH ?g2 {{ <{KASEI}data2.rdf> a ?type }} }}", **ASK_TRUE),
    "query_get": Request("GET", "?query=ASK%20%7B%7D&" + DG0, **ASK_TRUE),
    "query_content_type_select": Request("POST", "?" + DG0, DIRECT, "SELECT (1 AS ?value) {}", result="tabular"),
    "query_content_type_ask": Request("POST", "?" + DG0, DIRECT, "ASK {}", result="boolean"),
    "query_content_type_describe": Request("POST", "?" + DG0, DIRECT, "DESCRIBE <http://example.org/>", result="RDF"),
    "query_content_type_construct": Request("POST", "?" + DG0, DIRECT, "CONSTRUCT { <s> <p> 1 } WHERE {}",
                                            result="RDF"),
    "query_post_direct": Request("POST", "", DIRECT, "ASK {}", **ASK_TRUE),
    "bad_query_method": Request("PUT", "?query=ASK%20%7B%7D&" + DG0, FORM, status="4xx"),
    "bad_multiple_queries": Request("GET", "?query=ASK%20%7B%7D&query=SELECT%20%2A%20%7B%7D", status="4xx"),
    "bad_query_wrong_media_type": Request("POST", "", "text/plain", "ASK {}", status="4xx"),
    "bad_query_missing_form_type": Request("POST", "", None, "query=ASK%20%7B%7D", status="4xx"),
    "bad_query_missing_direct_type": Request("POST", "", None, "ASK {}", status="4xx"),
    "bad_query_non_utf8": Request("POST", "", "application/sparql-query; charset=UTF-16", "ASK {}", "UTF-16",
                                  status="4xx"),
    "bad_query_syntax": Request("GET", "?query=ASK%20%7B", status="4xx"),
    "bad_update_get": Request("GET", "?update=CLEAR%20ALL", status="4xx"),
    "bad_multiple_updates": Request("POST", "", FORM, "update=CLEAR%20NAMED&update=CLEAR%20DEFAULT", status="4xx"),
    "bad_update_wrong_media_type": Request("POST", "", "text/plain", "CLEAR NAMED", status="4xx"),
    "bad_update_missing_form_type": Request("POST", "", None, "update=CLEAR%20NAMED", status="4xx"),
    "bad_update_non_utf8": Request("POST", "", "application/sparql-update; charset=UTF-16", "CLEAR NAMED", "UTF-16",
                                   status="4xx"),
    "bad_update_syntax": Request("POST", "", FORM, "update=CLEAR%20XYZ", status="4xx"),
    "bad_update_dataset_conflict": Request(
        "POST", "?using-named-graph-uri=http%3A%2F%2Fexample%2Fpeople", UPDATE,
        "PREFIX foaf:  <http://xmlns.com/foaf/0.1/>\nWITH <http://example/addresses>\n"
        "DELETE { ?person foaf:givenName 'Bill' }\nINSERT { ?person foaf:givenName 'William' }\n"
        "WHERE {\n    ?person foaf:givenName 'Bill'\n}", status="4xx"),
}

def _dataset_update(clear: str, target: str, where: str, insert: str = "?s a dc:BibliographicResource") -> str:
    """The body of the update_dataset_* tests: clear, insert the three documents, copy them into ``target``."""
    documents = "".join(f"    GRAPH <{KASEI}data{n}.rdf> {{ <{KASEI}data{n}.rdf> a foaf:Document }}\n" for n in (1, 2, 3))
    return (f"PREFIX dc: <http://purl.org/dc/terms/>\nPREFIX foaf: <http://xmlns.com/foaf/0.1/>\n{clear} ;\n"
            f"INSERT DATA {{\n{documents}}} ;\nINSERT {{\n    GRAPH <http://example.org/{target}/> {{\n"
            f"        {insert}\n    }}\n}}\nWHERE {{\n    {where}\n}}")


# The update tests expect SPARQL Update to succeed (then check it with a query): a read-only endpoint
# refuses them. Their first request, as the manifest gives it, is checked to be refused and to change nothing.
NOT_APPLICABLE: dict[str, tuple[str, Request]] = {
    "update_dataset_default_graph": ("SPARQL Update (read-only endpoint)", Request(
        "POST", f"?using-graph-uri={D}1.rdf", UPDATE,
        _dataset_update(clear="CLEAR ALL", target="protocol-update-dataset-test", where="?s a foaf:Document"))),
    "update_dataset_default_graphs": ("SPARQL Update (read-only endpoint)", Request(
        "POST", f"?using-graph-uri={D}1.rdf&using-graph-uri={D}2.rdf", UPDATE,
        _dataset_update(clear="DROP ALL", target="protocol-update-dataset-graphs-test",
                               where="?s a foaf:Document"))),
    "update_dataset_named_graphs": ("SPARQL Update (read-only endpoint)", Request(
        "POST", f"?using-named-graph-uri={D}1.rdf&using-named-graph-uri={D}2.rdf", UPDATE,
        _dataset_update(clear="DROP ALL", target="protocol-update-dataset-named-graphs-test",
                               where="GRAPH ?g {\n        ?s a foaf:Document\n    }"))),
    "update_dataset_full": ("SPARQL Update (read-only endpoint)", Request(
        "POST", f"?using-graph-uri={D}1.rdf&using-named-graph-uri={D}2.rdf", UPDATE,
        _dataset_update(clear="DROP ALL", target="protocol-update-dataset-full-test",
                               where="{ GRAPH ?g { ?s a foaf:Document } BIND(?g AS ?in) }\n    UNION\n"
                                     "    { ?s a foaf:Document . BIND(\"default\" AS ?in) }",
                               insert="?s <http://example.org/in> ?in"))),
    "update_post_form": ("SPARQL Update (read-only endpoint)", Request("POST", "", FORM, "update=CLEAR+ALL")),
    "update_post_direct": ("SPARQL Update (read-only endpoint)", Request("POST", "", UPDATE, "CLEAR ALL")),
    "update_base_uri": ("SPARQL Update (read-only endpoint)", Request(
        "POST", "", UPDATE, "CLEAR SILENT GRAPH <http://example.org/protocol-base-test/> ;\nINSERT DATA { GRAPH "
                            "<http://example.org/protocol-base-test/> { <http://example.org/s> <http://example.org/p> "
                            "<test> } }")),
}


def test_the_manifest_is_transcribed_whole():
    """The 34 entries of the manifest: 27 run as they are, 7 update tests do not apply."""
    assert len(QUERY_TESTS) + len(NOT_APPLICABLE) == 34
    assert not set(QUERY_TESTS) & set(NOT_APPLICABLE)


def _w3c_store() -> pyoxigraph.Store:
    store = pyoxigraph.Store()
    for graph in LOADED:
        store.add(pyoxigraph.Quad(pyoxigraph.NamedNode(renamed(graph)), pyoxigraph.NamedNode(RDF_TYPE),
                                  pyoxigraph.NamedNode(FOAF_DOCUMENT), pyoxigraph.NamedNode(renamed(graph))))
    return store


@pytest.fixture(scope="module", params=["embedded", "virtuoso", "oxigraph"])
def endpoint(request, tmp_path_factory):
    """/sparql of the app over the suite's data (renamed into the served graphs), on 127.0.0.1, per backend."""
    from webapp import create_app

    store = _w3c_store()
    with _backend(request.param, store, tmp_path_factory) as backend:
        app = create_app({"STORE": backend, "QUERY_TIMEOUT": 30})
        with serving(app) as base:
            app.config["PUBLIC_URL"] = base  # the endpoint's URL is the configured one, never the request's Host
            yield base + "/sparql"


def _backend(kind: str, store: pyoxigraph.Store, tmp_path_factory):
    from contextlib import contextmanager, nullcontext

    if kind == "embedded":
        return nullcontext(EmbeddedStore(store, "W3C protocol test data"))

    @contextmanager
    def virtuoso():
        import shutil

        from kg.store.remote import RemoteStore
        from tests.support.sysdeps import missing_dependency
        from tests.support.virtuoso import virtuoso_server

        if shutil.which("virtuoso-t") is None:
            missing_dependency("virtuoso-t is not installed (Debian package virtuoso-opensource)")
        data = tmp_path_factory.mktemp("w3c-protocol") / "graph.nq"
        store.dump(str(data), format=pyoxigraph.RdfFormat.N_QUADS)
        with virtuoso_server(data) as server:
            yield RemoteStore(server.sparql, timeout=30)

    @contextmanager
    def oxigraph():
        from kg.store.remote import RemoteStore
        from tests.support.oxigraph import MISSING, oxigraph_binary, oxigraph_server
        from tests.support.sysdeps import missing_dependency

        if oxigraph_binary() is None:
            missing_dependency(MISSING)
        data = tmp_path_factory.mktemp("w3c-protocol") / "graph.nq"
        store.dump(str(data), format=pyoxigraph.RdfFormat.N_QUADS)
        with oxigraph_server(data, timeout=30) as server:
            yield RemoteStore(server.sparql, timeout=30)

    return virtuoso() if kind == "virtuoso" else oxigraph()


def send(endpoint: str, req: Request) -> tuple[int, str, bytes]:
    """Send ``req`` as the manifest writes it (renamed graphs aside); return (status, media type, body)."""
    url = urlsplit(endpoint)
    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=60)
    body = renamed(req.body).encode(req.encoding) if req.body else None  # Python's UTF-16 writes a byte-order mark
    conn.putrequest(req.method, url.path + renamed(req.path), skip_accept_encoding=True)
    if req.content_type:
        conn.putheader("Content-Type", req.content_type)
    conn.putheader("Content-Length", str(len(body or b"")))
    conn.endheaders(body)
    response = conn.getresponse()
    data = response.read()
    conn.close()
    return response.status, (response.getheader("Content-Type") or "").split(";")[0].strip(), data


def _boolean(media_type: str, body: bytes) -> bool:
    if media_type == "application/sparql-results+json":
        return json.loads(body)["boolean"]
    import xml.etree.ElementTree as ET

    node = ET.fromstring(body).find("{http://www.w3.org/2005/sparql-results#}boolean")
    return node.text.strip() == "true"


@pytest.mark.parametrize("name", list(QUERY_TESTS))
def test_w3c_protocol(endpoint, name):
    req = QUERY_TESTS[name]
    status, media_type, body = send(endpoint, req)
    if req.status == "4xx":
        assert 400 <= status < 500, (status, body[:300])
        return
    assert 200 <= status < 400, (status, body[:300])
    if req.result == "boolean":
        assert media_type in BOOLEAN_TYPES
        if req.boolean is not None:
            assert _boolean(media_type, body) is req.boolean
    elif req.result == "tabular":
        assert media_type in TABULAR_TYPES
        assert b"value" in body
    elif req.result == "RDF":
        assert media_type in RDF_TYPES
        Graph().parse(data=body, format=RDF_TYPES[media_type])  # a well-formed RDF document (may be empty)


@pytest.mark.parametrize("name", list(NOT_APPLICABLE))
def test_w3c_update_tests_are_refused_and_change_nothing(endpoint, name):
    """The update tests do not apply to a read-only endpoint: their update is a 4xx and the data stays."""
    count = Request("GET", "?query=" + quote("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"))
    before = send(endpoint, count)
    status, _, body = send(endpoint, NOT_APPLICABLE[name][1])
    assert 400 <= status < 500, (status, body[:300])
    assert b"read-only" in body
    assert send(endpoint, count) == before


@pytest.mark.parametrize("path, query, expected", [
    (f"?default-graph-uri={D}1.rdf", f"ASK {{ <{KASEI}data2.rdf> a ?type }}", False),
    (f"?default-graph-uri={D}1.rdf", f"ASK {{ <{KASEI}data1.rdf> a ?type }}", True),
    (f"?named-graph-uri={D}1.rdf", f"ASK {{ GRAPH ?g {{ <{KASEI}data2.rdf> a ?type }} }}", False),
    (f"?default-graph-uri={D}1.rdf", f"ASK FROM <{KASEI}data3.rdf> {{ <{KASEI}data3.rdf> a ?type }}", False),
    ("", f"ASK FROM <{KASEI}data3.rdf> {{ <{KASEI}data1.rdf> a ?type }}", False),
    ("", f"ASK FROM NAMED <{KASEI}data3.rdf> {{ GRAPH ?g {{ <{KASEI}data3.rdf> a ?type }} }}", True),
])
def test_the_protocol_dataset_is_honoured(endpoint, path, query, expected):
    """What the suite's dataset tests cannot tell apart from a union default graph: graphs left out stay out."""
    status, media_type, body = send(endpoint, Request("POST", path, DIRECT, query))
    assert status == 200, body[:300]
    assert _boolean(media_type, body) is expected


def test_relative_iris_resolve_against_the_endpoint(endpoint):
    """query_content_type_construct writes ``<s> <p>``: the service's base IRI is the endpoint's URL."""
    status, media_type, body = send(endpoint, Request("POST", "", DIRECT, "CONSTRUCT { <s> <p> <#o> } WHERE {}"))
    assert status == 200, body[:300]
    graph = Graph().parse(data=body, format=RDF_TYPES[media_type])
    base = endpoint.rsplit("/", 1)[0]
    assert set(graph) == {(URIRef(base + "/s"), URIRef(base + "/p"), URIRef(endpoint + "#o"))}
    # The query's own BASE still wins.
    status, media_type, body = send(endpoint, Request("POST", "", DIRECT, "BASE <http://example.org/a/>\n"
                                                                           "CONSTRUCT { <s> <p> 1 } WHERE {}"))
    assert {str(s) for s, _, _ in Graph().parse(data=body, format=RDF_TYPES[media_type])} == {"http://example.org/a/s"}
