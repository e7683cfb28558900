"""The SPARQL 1.1 Protocol, query side — modelled on the W3C protocol test manifest
(https://www.w3.org/2009/sparql/docs/tests/data-sparql11/protocol/manifest): each test is named
after its manifest entry; every response is checked by parsing it back.
"""

from __future__ import annotations

import csv
import io
import json
import re
from urllib.parse import urlencode

import pyoxigraph
import pytest
import rdflib

KGG = "https://w3id.org/kneekg/graph/"
SELECT = "SELECT ?s ?p ?o WHERE { ?s ?p ?o } LIMIT 10"
ASK = "ASK { ?s ?p ?o }"
CONSTRUCT = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } LIMIT 10"
DESCRIBE = "DESCRIBE ?s WHERE { ?s <http://www.w3.org/2004/02/skos/core#prefLabel> ?l } LIMIT 1"
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
COUNT_NAMED = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
SOLUTION_TYPES = {"application/sparql-results+json", "application/sparql-results+xml", "text/csv",
                  "text/tab-separated-values"}
GRAPH_TYPES = {"text/turtle", "application/n-triples", "application/rdf+xml", "application/ld+json",
               "application/n-quads", "application/trig"}
FORM = {"Content-Type": "application/x-www-form-urlencoded"}
DIRECT = {"Content-Type": "application/sparql-query"}


def get(client, query, headers=None, **params):
    return client.get("/sparql?" + urlencode({"query": query, **params}, doseq=True), headers=headers or {})


def solutions(response):
    assert response.status_code == 200, response.data
    return list(pyoxigraph.parse_query_results(response.data, format=pyoxigraph.QueryResultsFormat.JSON))


def count(response) -> int:
    return int(solutions(response)[0]["n"].value)


def graph_counts(client, **params) -> dict[str, int]:
    return {row["g"].value: int(row["n"].value) for row in solutions(get(client, COUNT_NAMED, **params))}


# --- query operations ---------------------------------------------------------------------------------

def test_query_get(client):
    response = get(client, ASK)
    assert response.status_code == 200
    assert response.mimetype == "application/sparql-results+json"
    assert json.loads(response.data)["boolean"] is True


def test_query_post_form(client):
    response = client.post("/sparql", data={"query": ASK}, headers=FORM)
    assert json.loads(response.data)["boolean"] is True


def test_query_post_direct(client):
    response = client.post("/sparql", data=ASK.encode(), headers=DIRECT)
    assert json.loads(response.data)["boolean"] is True


def test_query_post_direct_with_utf8_charset(client):
    query = 'ASK { ?s ?p ?o FILTER(?o != "Knöchel") }'
    response = client.post("/sparql", data=query.encode(), headers={"Content-Type": DIRECT["Content-Type"] + "; charset=UTF-8"})
    assert json.loads(response.data)["boolean"] is True


# --- the dataset ----------------------------------------------------------------------------------------

def test_query_dataset_default_graph(client):
    union = count(get(client, COUNT))
    facts = count(get(client, COUNT, **{"default-graph-uri": KGG + "facts"}))
    assert facts == graph_counts(client)[KGG + "facts"]
    assert 0 < facts < union


def test_query_dataset_default_graphs_get(client):
    per_graph = graph_counts(client)
    both = count(get(client, COUNT, **{"default-graph-uri": [KGG + "facts", KGG + "ontology"]}))
    assert both == per_graph[KGG + "facts"] + per_graph[KGG + "ontology"]


def test_query_dataset_default_graphs_post(client):
    per_graph = graph_counts(client)
    response = client.post("/sparql", data={"query": COUNT, "default-graph-uri": [KGG + "facts", KGG + "inferred"]},
                           headers=FORM)
    assert count(response) == per_graph[KGG + "facts"] + per_graph[KGG + "inferred"]


def test_query_dataset_named_graphs_get(client):
    counts = graph_counts(client, **{"named-graph-uri": [KGG + "facts", KGG + "provenance"]})
    assert set(counts) == {KGG + "facts", KGG + "provenance"}


def test_query_dataset_named_graphs_post(client):
    response = client.post("/sparql", data={"query": COUNT_NAMED, "named-graph-uri": KGG + "ontology"}, headers=FORM)
    assert [row["g"].value for row in solutions(response)] == [KGG + "ontology"]


def test_query_dataset_full(client):
    """default-graph-uri and named-graph-uri together."""
    query = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o GRAPH ?g { ?s ?p ?o } }"
    per_graph = graph_counts(client)
    n = count(get(client, query, **{"default-graph-uri": KGG + "facts", "named-graph-uri": KGG + "facts"}))
    assert n == per_graph[KGG + "facts"]


def test_query_multiple_dataset(client):
    """The protocol's dataset overrides FROM / FROM NAMED in the query."""
    query = f"SELECT (COUNT(*) AS ?n) FROM <{KGG}provenance> WHERE {{ ?s ?p ?o }}"
    per_graph = graph_counts(client)
    assert count(get(client, query)) == per_graph[KGG + "provenance"]
    assert count(get(client, query, **{"default-graph-uri": KGG + "ontology"})) == per_graph[KGG + "ontology"]


@pytest.mark.parametrize("params", [{"default-graph-uri": "http://example.org/g"},
                                    {"named-graph-uri": "http://127.0.0.1:1/"},
                                    {"default-graph-uri": [KGG + "facts", KGG + "elsewhere"]}])
def test_query_dataset_outside_the_served_graphs_is_refused(client, params):
    response = get(client, COUNT, **params)
    assert response.status_code == 400
    assert "not served" in response.get_data(as_text=True)


# --- content types per query form ------------------------------------------------------------------

@pytest.mark.parametrize("query, offered", [(SELECT, SOLUTION_TYPES), (ASK, SOLUTION_TYPES),
                                            (CONSTRUCT, GRAPH_TYPES), (DESCRIBE, GRAPH_TYPES)],
                         ids=["select", "ask", "construct", "describe"])
def test_query_content_type(client, query, offered):
    accept = ", ".join(sorted(offered | {"text/html;q=0.1"}))
    response = get(client, query, headers={"Accept": accept})
    assert response.status_code == 200
    assert response.mimetype in offered


SOLUTION_PARSERS = {
    "json": lambda b: list(pyoxigraph.parse_query_results(b, format=pyoxigraph.QueryResultsFormat.JSON)),
    "xml": lambda b: list(pyoxigraph.parse_query_results(b, format=pyoxigraph.QueryResultsFormat.XML)),
    "tsv": lambda b: list(pyoxigraph.parse_query_results(b, format=pyoxigraph.QueryResultsFormat.TSV)),
    "csv": lambda b: list(csv.DictReader(io.StringIO(b.decode("utf-8"))))[:],
}
RDFLIB_FORMATS = {"ttl": "turtle", "nt": "nt", "rdf": "xml", "jsonld": "json-ld", "nq": "nquads", "trig": "trig"}
MEDIA = {"json": "application/sparql-results+json", "xml": "application/sparql-results+xml", "csv": "text/csv",
         "tsv": "text/tab-separated-values", "ttl": "text/turtle", "nt": "application/n-triples",
         "rdf": "application/rdf+xml", "jsonld": "application/ld+json", "nq": "application/n-quads",
         "trig": "application/trig"}


@pytest.mark.parametrize("name", sorted(SOLUTION_PARSERS))
@pytest.mark.parametrize("by", ["accept", "format"])
def test_select_results_parse_back(client, name, by):
    query = "SELECT ?s ?label WHERE { ?s <http://www.w3.org/2004/02/skos/core#prefLabel> ?label } ORDER BY ?s LIMIT 5"
    response = get(client, query, headers={"Accept": MEDIA[name]}) if by == "accept" else get(client, query, format=name)
    assert response.mimetype == MEDIA[name]
    rows = SOLUTION_PARSERS[name](response.data)
    assert len(rows) == 5
    if name == "csv":
        assert rows[0]["s"].startswith("https://w3id.org/kneekg/")
    else:
        assert rows[0]["s"].value.startswith("https://w3id.org/kneekg/") and rows[0]["label"].language == "en"


@pytest.mark.parametrize("name", ["json", "xml", "csv", "tsv"])
def test_ask_results_parse_back(client, name):
    response = get(client, ASK, format=name)
    assert response.mimetype == MEDIA[name]
    if name == "csv":
        assert response.data.decode().split() == ["true"]  # pyoxigraph writes a bare boolean
    else:
        fmt = {"json": pyoxigraph.QueryResultsFormat.JSON, "xml": pyoxigraph.QueryResultsFormat.XML,
               "tsv": pyoxigraph.QueryResultsFormat.TSV}[name]
        assert bool(pyoxigraph.parse_query_results(response.data, format=fmt)) is True


@pytest.mark.parametrize("name", sorted(RDFLIB_FORMATS))
@pytest.mark.parametrize("query", [CONSTRUCT, DESCRIBE], ids=["construct", "describe"])
def test_graph_results_parse_back(client, name, query):
    response = get(client, query, headers={"Accept": MEDIA[name]})
    assert response.status_code == 200 and response.mimetype == MEDIA[name]
    graph = rdflib.Dataset() if name in ("nq", "trig") else rdflib.Graph()
    graph.parse(data=response.data, format=RDFLIB_FORMATS[name])
    assert len(graph) > 0


def test_accept_q_values_are_honoured(client):
    response = get(client, SELECT, headers={"Accept": "application/sparql-results+json;q=0.2, text/csv;q=0.9"})
    assert response.mimetype == "text/csv"
    response = get(client, CONSTRUCT, headers={"Accept": "text/turtle;q=0.1, application/n-triples"})
    assert response.mimetype == "application/n-triples"


def test_format_overrides_accept(client):
    response = get(client, SELECT, headers={"Accept": "text/csv"}, format="xml")
    assert response.mimetype == "application/sparql-results+xml"


def test_not_acceptable_lists_offered_types(client):
    response = get(client, SELECT, headers={"Accept": "image/png"})
    assert response.status_code == 406
    text = response.get_data(as_text=True)
    assert all(media in text for media in SOLUTION_TYPES)
    assert get(client, ASK, format="ttl").status_code == 406


def test_cors_on_get_and_preflight(client):
    assert get(client, ASK).headers["Access-Control-Allow-Origin"] == "*"
    response = client.options("/sparql", headers={"Origin": "http://example.org",
                                                  "Access-Control-Request-Method": "POST"})
    assert response.status_code in (200, 204)
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    assert "POST" in response.headers["Access-Control-Allow-Methods"]


def test_etag_answers_not_modified(client):
    first = get(client, SELECT)
    again = get(client, SELECT, headers={"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304


def test_a_get_is_tagged_by_the_response_cache_and_a_post_by_its_query(client):
    """A GET (and HEAD) carries the response cache's ETag and caching; a POST its own tag, answered 304 alike."""
    first = get(client, SELECT)
    head = client.head("/sparql?" + urlencode({"query": SELECT}))
    assert first.headers["Cache-Control"] == "public, max-age=300" and first.headers.get_all("ETag") == [first.headers["ETag"]]
    assert (head.headers["ETag"], head.headers["Cache-Control"]) == (first.headers["ETag"], first.headers["Cache-Control"])
    for headers, data in ((DIRECT, SELECT), (FORM, urlencode({"query": SELECT}))):
        posted = client.post("/sparql", data=data, headers=headers)
        assert posted.status_code == 200 and posted.headers["Cache-Control"] == "public, max-age=60"
        again = client.post("/sparql", data=data, headers={**headers, "If-None-Match": posted.headers["ETag"]})
        assert again.status_code == 304 and again.headers["ETag"] == posted.headers["ETag"]
    weak = get(client, SELECT, headers={"If-None-Match": "W/" + first.headers["ETag"]})
    assert weak.status_code == 304


def test_row_limit_is_signalled_in_header_and_body(mini_store):
    from webapp import create_app

    client = create_app({"TESTING": True, "STORE": mini_store, "ROW_LIMIT": 4}).test_client()
    response = get(client, "SELECT * WHERE { ?s ?p ?o }")
    assert response.headers["X-Result-Truncated"] == "true; limit=4"
    body = json.loads(response.data)
    assert body["truncated"] is True and body["limit"] == 4 and len(body["results"]["bindings"]) == 4
    xml = get(client, "SELECT * WHERE { ?s ?p ?o }", format="xml")
    assert b"truncated" in xml.data and len(SOLUTION_PARSERS["xml"](xml.data)) == 4
    ttl = get(client, "CONSTRUCT WHERE { ?s ?p ?o }", format="ttl")
    assert ttl.headers["X-Result-Truncated"] == "true; limit=4"
    assert ttl.data.startswith(b"# result truncated")
    assert len(rdflib.Graph().parse(data=ttl.data, format="turtle")) == 4
    small = get(client, ASK)
    assert "X-Result-Truncated" not in small.headers


# --- the service description -------------------------------------------------------------------------

@pytest.mark.parametrize("accept, fmt", [("text/turtle", "turtle"), ("application/rdf+xml", "xml"),
                                         ("application/ld+json", "json-ld"), ("*/*", "turtle")])
def test_service_description(client, accept, fmt):
    response = client.get("/sparql", headers={"Accept": accept, "Host": "attacker.example"})
    assert response.status_code == 200
    graph = rdflib.Graph().parse(data=response.data, format=fmt)
    sd = rdflib.Namespace("http://www.w3.org/ns/sparql-service-description#")
    void = rdflib.Namespace("http://rdfs.org/ns/void#")
    service = graph.value(predicate=rdflib.RDF.type, object=sd.Service)
    # the configured PUBLIC_URL (its default here), never the request's Host
    assert graph.value(service, sd.endpoint) == rdflib.URIRef("http://127.0.0.1:5000/sparql")
    named = {str(graph.value(node, sd.name)): int(graph.value(graph.value(node, sd.graph), void.triples))
             for node in graph.objects(None, sd.namedGraph)}
    assert named == graph_counts(client)


def test_browsers_get_the_editor(client):
    response = client.get("/sparql", headers={"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"})
    assert response.status_code == 303 and response.location.endswith("/query")


# --- bad requests ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("method", ["put", "delete", "patch"])
def test_bad_query_method(client, method):
    response = getattr(client, method)("/sparql?" + urlencode({"query": ASK}))
    assert response.status_code == 405
    assert {"GET", "POST"} <= {m.strip() for m in response.headers["Allow"].split(",")}


def test_bad_multiple_queries(client):
    response = client.get("/sparql?" + urlencode({"query": [ASK, SELECT]}, doseq=True))
    assert response.status_code == 400
    response = client.post("/sparql", data={"query": [ASK, SELECT]}, headers=FORM)
    assert response.status_code == 400


def test_bad_query_wrong_media_type(client):
    response = client.post("/sparql", data=ASK.encode(), headers={"Content-Type": "text/plain"})
    assert response.status_code == 415


def test_bad_query_missing_form_type(client):
    response = client.post("/sparql", data=urlencode({"query": ASK}).encode())
    assert response.status_code == 400


def test_bad_query_missing_direct_type(client):
    response = client.post("/sparql", data=ASK.encode())
    assert response.status_code == 400


def test_bad_query_non_utf8(client):
    response = client.post("/sparql", data=ASK.encode("utf-16"),
                           headers={"Content-Type": "application/sparql-query; charset=UTF-16"})
    assert response.status_code == 400
    response = client.post("/sparql", data=b"ASK { ?s ?p \"\xff\" }", headers=DIRECT)
    assert response.status_code == 400


@pytest.mark.parametrize("accept", ["*/*", "application/json"])
def test_bad_query_syntax(client, accept):
    response = get(client, "SELECT * WHERE {\n  ?s ?p ?o .\n  FILTER(?o = )\n}", headers={"Accept": accept})
    assert response.status_code == 400
    if accept == "application/json":
        body = json.loads(response.data)
        line, column = body["line"], body["column"]
        assert "syntax error" in body["error"]
    else:
        text = response.get_data(as_text=True)
        line, column = map(int, re.search(r"line (\d+), column (\d+)", text).groups())
    assert line >= 3 and column >= 1  # pyoxigraph reports where its parser gave up


def test_bad_query_empty(client):
    assert get(client, "  ").status_code == 400
    assert client.post("/sparql", data={"format": "json"}, headers=FORM).status_code == 400


@pytest.mark.parametrize("fmt", ["ttl", "nt", "rdf", "jsonld", "nq", "trig"])
def test_service_description_in_every_rdf_format(client, fmt):
    """GET /sparql without a query describes the service in each RDF format, dataset formats included."""
    response = client.get("/sparql", query_string={"format": fmt})
    assert response.status_code == 200
    rdflib_format = {"ttl": "turtle", "nt": "nt", "rdf": "xml", "jsonld": "json-ld", "nq": "nquads", "trig": "trig"}[fmt]
    dataset = rdflib.Dataset()
    dataset.parse(data=response.get_data(as_text=True), format=rdflib_format)
    sd = rdflib.URIRef("http://www.w3.org/ns/sparql-service-description#Service")
    assert any(o == sd for _, _, o, _ in dataset.quads((None, rdflib.RDF.type, None, None)))
