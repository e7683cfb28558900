"""Real SPARQL clients against /sparql over HTTP: SPARQLWrapper and rdflib's SPARQLStore.

The app serves the release graph from a real HTTP server on 127.0.0.1 (werkzeug's, in a thread),
once per backend (embedded pyoxigraph, and Virtuoso through the remote store). SPARQLWrapper, the
most used Python client, is called with every query form × every return format that fits it and
with its defaults, by GET, by form POST and by direct POST; it sends the format it wants three
times over (``format=``, ``output=`` and ``results=``, the names Virtuoso, Fuseki and others read)
and an Accept header. The names follow the convention of Fuseki and Virtuoso: for a graph result
(CONSTRUCT, DESCRIBE) ``xml`` means RDF/XML and ``json`` JSON-LD; and Turtle is N3, so a client
asking for N3 gets Turtle. The last section pins those negotiation rules request by request.

The names and media types of each family are in one table (``kg/sparql/formats.py``); which
request parameters name a format is read in ``webapp/sparql.py`` (``format_names``).
"""

from __future__ import annotations

import csv
import io
import json
import warnings

import pytest
import requests
from rdflib import Graph, Literal, URIRef
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from SPARQLWrapper import JSON, POST, POSTDIRECTLY, TURTLE, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

from tests.support.live import serving


KG = "https://w3id.org/kneekg/id/"
KGO = "https://w3id.org/kneekg/ontology/"
SKOS_PREF = URIRef("http://www.w3.org/2004/02/skos/core#prefLabel")
CAFFEINE, KMS, CAUSES = URIRef(KG + "caffeine"), URIRef(KG + "knee-muscle-spasm"), URIRef(KGO + "causes")
PROLOGUE = f"PREFIX kgo: <{KGO}>\nPREFIX kg: <{KG}>\n"
QUERIES = {
    "SELECT": PROLOGUE + "SELECT ?cause WHERE { ?cause kgo:causes kg:knee-muscle-spasm } ORDER BY ?cause",
    "ASK": PROLOGUE + "ASK { kg:caffeine kgo:causes kg:knee-muscle-spasm }",
    "CONSTRUCT": PROLOGUE + "CONSTRUCT { ?cause kgo:causes kg:knee-muscle-spasm } "
                            "WHERE { ?cause kgo:causes kg:knee-muscle-spasm }",
    "DESCRIBE": PROLOGUE + "DESCRIBE kg:caffeine",
}
SOLUTION_TYPES = {None: "application/sparql-results+xml", "xml": "application/sparql-results+xml",
                  "json": "application/sparql-results+json", "csv": "text/csv", "tsv": "text/tab-separated-values"}
GRAPH_TYPES = {None: "application/rdf+xml", "xml": "application/rdf+xml", "rdf+xml": "application/rdf+xml",
               "rdf": "application/rdf+xml", "turtle": "text/turtle", "n3": "text/turtle",
               "json-ld": "application/ld+json", "json": "application/ld+json"}
# What each SPARQLWrapper return format must come back as: None is SPARQLWrapper's default (XML).
EXPECTED_TYPE = {"SELECT": SOLUTION_TYPES, "ASK": SOLUTION_TYPES, "CONSTRUCT": GRAPH_TYPES, "DESCRIBE": GRAPH_TYPES}
METHODS = ["GET", "POST form", "POST direct"]


@pytest.fixture(scope="module")
def endpoint(release_store):
    """/sparql of the app on the release graph, served on 127.0.0.1 for this module (once per backend)."""
    from webapp import create_app

    with serving(create_app({"STORE": release_store, "QUERY_TIMEOUT": 30})) as base:
        yield base + "/sparql"


# --- SPARQLWrapper ----------------------------------------------------------------------------------

def _matrix():
    for form, types in EXPECTED_TYPE.items():
        for fmt in types:
            for method in METHODS:
                yield pytest.param(form, fmt, method, id=f"{form}-{fmt or 'default'}-{method}")


def _wrapper(url: str, form: str, fmt: str | None, method: str):
    client = SPARQLWrapper(url)
    client.setQuery(QUERIES[form])
    if fmt is not None:
        client.setReturnFormat(fmt)
    if method != "GET":
        client.setMethod(POST)
    if method == "POST direct":
        client.setRequestMethod(POSTDIRECTLY)
    client.setTimeout(60)
    return client


def _causes_from(converted, fmt: str | None) -> set[str]:
    """The ?cause column of a converted SELECT result, in whichever format it came."""
    if fmt == "json":
        return {b["cause"]["value"] for b in converted["results"]["bindings"]}
    if fmt == "csv":
        rows = list(csv.reader(io.StringIO(converted.decode("utf-8"))))
        assert rows[0] == ["cause"]
        return {row[0] for row in rows[1:]}
    if fmt == "tsv":
        lines = converted.decode("utf-8").splitlines()
        assert lines[0] == "?cause"
        return {line.strip("<>") for line in lines[1:]}
    return {node.firstChild.data for node in converted.getElementsByTagName("uri")}  # XML (the default)


def _boolean_from(converted, fmt: str | None) -> bool:
    if fmt == "json":
        return converted["boolean"]
    if fmt in ("csv", "tsv"):  # the CSV/TSV results formats define no boolean: the value alone
        return converted.decode("utf-8").strip().lower() in ("true", "1")
    return converted.getElementsByTagName("boolean")[0].firstChild.data == "true"


def _graph_from(converted) -> Graph:
    if isinstance(converted, bytes):  # SPARQLWrapper hands Turtle/N3 back as text
        graph = Graph()
        graph.parse(data=converted, format="turtle")
        return graph
    return converted


@pytest.mark.parametrize("form, fmt, method", _matrix())
def test_sparqlwrapper(endpoint, form, fmt, method):
    client = _wrapper(endpoint, form, fmt, method)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = client.query()
        content_type = result.info()["content-type"]
        converted = result.convert()
    mismatches = [str(w.message) for w in caught if "has been returned by the endpoint" in str(w.message)]
    assert not mismatches, mismatches
    assert content_type.split(";")[0].strip() == EXPECTED_TYPE[form][fmt]
    if form == "SELECT":
        assert {KG + "caffeine", KG + "dehydration"} <= _causes_from(converted, fmt)
    elif form == "ASK":
        assert _boolean_from(converted, fmt) is True
    elif form == "CONSTRUCT":
        assert (CAFFEINE, CAUSES, KMS) in _graph_from(converted)
    else:
        assert (CAFFEINE, SKOS_PREF, Literal("Caffeine", lang="en")) in _graph_from(converted)


def test_sparqlwrapper_only_conneg_uses_accept_alone(endpoint):
    """With ``setOnlyConneg(True)`` SPARQLWrapper sends no format parameter: Accept alone decides."""
    client = _wrapper(endpoint, "SELECT", JSON, "GET")
    client.setOnlyConneg(True)
    assert _causes_from(client.queryAndConvert(), "json") >= {KG + "caffeine"}
    client = _wrapper(endpoint, "CONSTRUCT", TURTLE, "GET")
    client.setOnlyConneg(True)
    result = client.query()
    assert result.info()["content-type"].startswith("text/turtle")
    assert (CAFFEINE, CAUSES, KMS) in _graph_from(result.convert())


def test_sparqlwrapper_syntax_error_is_query_bad_formed(endpoint):
    client = _wrapper(endpoint, "SELECT", "json", "GET")
    client.setQuery("SELECT ?s WHERE { ?s ?p ")
    with pytest.raises(QueryBadFormed, match="line 1"):
        client.query()


# --- rdflib's SPARQLStore ---------------------------------------------------------------------------

@pytest.mark.parametrize("method", ["GET", "POST", "POST_FORM"])
@pytest.mark.parametrize("return_format", ["xml", "json"])
def test_rdflib_sparqlstore_select_and_ask(endpoint, method, return_format):
    graph = Graph(SPARQLStore(endpoint, method=method, returnFormat=return_format))
    causes = {row[0] for row in graph.query(QUERIES["SELECT"])}
    assert {CAFFEINE, URIRef(KG + "dehydration")} <= causes
    assert graph.query(QUERIES["ASK"]).askAnswer is True


@pytest.mark.parametrize("return_format", ["csv", "tsv"])
def test_rdflib_sparqlstore_select_as_csv_and_tsv(endpoint, return_format):
    graph = Graph(SPARQLStore(endpoint, returnFormat=return_format))
    assert CAFFEINE in {row[0] for row in graph.query(QUERIES["SELECT"])}


@pytest.mark.parametrize("method", ["GET", "POST_FORM"])
def test_rdflib_sparqlstore_construct_and_describe(endpoint, method):
    graph = Graph(SPARQLStore(endpoint, method=method))
    assert (CAFFEINE, CAUSES, KMS) in graph.query(QUERIES["CONSTRUCT"]).graph
    assert (CAFFEINE, SKOS_PREF, Literal("Caffeine", lang="en")) in graph.query(QUERIES["DESCRIBE"]).graph


def test_rdflib_sparqlstore_graph_api(endpoint, real_store):
    """The Graph API over the endpoint: membership, triple patterns, value, length and the named graphs."""
    store = SPARQLStore(endpoint)
    graph = Graph(store)
    assert (CAFFEINE, CAUSES, KMS) in graph
    assert (KMS, CAUSES, CAFFEINE) not in graph
    assert (CAFFEINE, CAUSES, KMS) in set(graph.triples((CAFFEINE, None, None)))
    assert graph.value(CAFFEINE, SKOS_PREF) == Literal("Caffeine", lang="en")
    expected = int(next(iter(real_store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")))["n"].value)
    assert len(graph) == expected


def test_rdflib_sparqlstore_lists_the_named_graphs(endpoint):
    """``store.contexts()`` asks ``SELECT ?name WHERE { GRAPH ?name {} }``: one row per named graph in SPARQL 1.1.

    (Virtuoso 7 answers that with no rows: the remote store lists the dataset's named graphs itself.)
    """
    names = {str(g) for g in SPARQLStore(endpoint).contexts()}
    assert names == {f"https://w3id.org/kneekg/graph/{g}" for g in ("ontology", "facts", "inferred", "provenance")}


def test_rdflib_sparqlstore_named_graph_as_default_graph(endpoint):
    """A Graph with a served graph's name queries that graph alone (``default-graph-uri``)."""
    store = SPARQLStore(endpoint)
    facts = Graph(store, identifier=URIRef("https://w3id.org/kneekg/graph/facts"))
    inferred = Graph(store, identifier=URIRef("https://w3id.org/kneekg/graph/inferred"))
    assert (CAFFEINE, CAUSES, KMS) in facts
    assert (KMS, URIRef(KGO + "causedBy"), CAFFEINE) not in facts  # the inverse is inferred, not asserted
    assert (KMS, URIRef(KGO + "causedBy"), CAFFEINE) in inferred


# --- the negotiation rules, request by request -------------------------------------------------------
# Rule 1: format=, output= and results= are read alike, in that order; the first one present decides,
#         its values tried in order (each a short name, a media type, or a comma-separated list of them).
# Rule 2: names mean what Fuseki and Virtuoso make them mean per form: for CONSTRUCT/DESCRIBE
#         xml|rdf|rdf+xml|rdfxml -> RDF/XML, json|jsonld|json-ld -> JSON-LD, ttl|turtle|n3|text -> Turtle.
# Rule 3: Accept: Turtle is N3 (text/n3, text/rdf+n3, application/n3, application/turtle -> text/turtle);
#         application/x-json+ld -> JSON-LD. q-values honoured; */* or none -> the form's default.
# Rule 4: a format parameter wins over Accept; one that names nothing offered for the form is a 406.

RULES = [
    # (id, form, params, accept, expected media type or 406)
    ("format=xml graph is RDF/XML", "CONSTRUCT", {"format": "xml"}, None, "application/rdf+xml"),
    ("format=json graph is JSON-LD", "CONSTRUCT", {"format": "json"}, None, "application/ld+json"),
    ("format=n3 graph is Turtle", "DESCRIBE", {"format": "n3"}, None, "text/turtle"),
    ("format=rdf+xml then its media type", "DESCRIBE", {"format": ["rdf+xml", "application/rdf+xml"]}, None,
     "application/rdf+xml"),
    ("output=xml graph is RDF/XML", "DESCRIBE", {"output": "xml"}, None, "application/rdf+xml"),
    ("results=csv is read", "SELECT", {"results": "csv"}, None, "text/csv"),
    ("results=xml graph is RDF/XML", "CONSTRUCT", {"results": "xml"}, None, "application/rdf+xml"),
    ("Accept text/n3 gets Turtle", "CONSTRUCT", {}, "text/n3", "text/turtle"),
    ("Accept text/rdf+n3 gets Turtle", "CONSTRUCT", {}, "text/rdf+n3", "text/turtle"),
    ("Accept application/turtle", "DESCRIBE", {}, "application/turtle", "text/turtle"),
    ("Accept application/x-json+ld", "CONSTRUCT", {}, "application/x-json+ld", "application/ld+json"),
    ("format=xml select is results XML", "SELECT", {"format": "xml"}, None, "application/sparql-results+xml"),
    ("format=json select is results JSON", "ASK", {"format": "json"}, None, "application/sparql-results+json"),
    ("output=tsv", "SELECT", {"output": "tsv"}, None, "text/tab-separated-values"),
    ("format=json-ld with SPARQLWrapper's media types", "CONSTRUCT",
     {"format": ["json-ld", "application/ld+json,application/x-json+ld"]}, None, "application/ld+json"),
    ("format= names a media type", "SELECT", {"format": "text/csv"}, None, "text/csv"),
    ("format wins over Accept", "SELECT", {"format": "csv"}, "application/sparql-results+json", "text/csv"),
    ("format wins over a browser's Accept", "CONSTRUCT", {"format": "nt"},
     "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "application/n-triples"),
    ("Accept q-values", "CONSTRUCT", {}, "application/rdf+xml;q=0.5, text/turtle", "text/turtle"),
    ("Accept */* graph is Turtle", "CONSTRUCT", {}, "*/*", "text/turtle"),
    ("no Accept select is results JSON", "SELECT", {}, None, "application/sparql-results+json"),
    ("Accept application/json select", "SELECT", {}, "application/json", "application/sparql-results+json"),
    ("csv for a graph is refused", "CONSTRUCT", {"format": "csv"}, None, 406),
    ("unknown format is refused", "SELECT", {"format": "yaml"}, None, 406),
    ("Accept of another family is refused", "CONSTRUCT", {}, "application/sparql-results+json", 406),
    ("an unknown name then a known one", "SELECT", {"format": "yaml,csv"}, None, "text/csv"),
    ("format before output before results", "SELECT", {"results": "csv", "output": "tsv", "format": "xml"}, None,
     "application/sparql-results+xml"),
    ("a name of the other family does not count", "CONSTRUCT", {"format": "csv", "output": "nt"}, None,
     "application/n-triples"),
    ("Accept: the exact type beats type/* at equal q", "CONSTRUCT", {}, "text/*, application/rdf+xml",
     "application/rdf+xml"),
    ("Accept: at equal q and specificity, the family's order", "CONSTRUCT", {},
     "application/n-triples, application/x-turtle", "text/turtle"),
    ("Accept text/* on a select is CSV", "SELECT", {}, "text/*", "text/csv"),
    ("Accept text/plain graph is N-Triples", "CONSTRUCT", {}, "text/plain", "application/n-triples"),
]


@pytest.mark.parametrize("form, params, accept, expected", [
    pytest.param(form, params, accept, expected, id=name) for name, form, params, accept, expected in RULES])
def test_negotiation_rule(endpoint, form, params, accept, expected):
    headers = {"Accept": accept} if accept else {}
    response = requests.get(endpoint, params={"query": QUERIES[form], **params}, headers=headers, timeout=60)
    assert "Accept" in response.headers.get("Vary", "")
    if expected == 406:
        assert response.status_code == 406
        assert "offered" in response.text or "use one of" in response.text
        assert response.headers["X-Offered-Types"]
        return
    assert response.status_code == 200, response.text[:300]
    content_type = response.headers["Content-Type"]
    assert content_type.split(";")[0] == expected
    assert content_type.endswith("; charset=utf-8") == expected.startswith("text/")  # canonical, UTF-8 for text
    if expected == "application/ld+json":
        assert json.loads(response.content)  # a JSON document, not a results table


def test_form_post_reads_its_fields_then_the_query_string(endpoint):
    response = requests.post(endpoint + "?format=tsv", data={"query": QUERIES["SELECT"], "format": "csv"}, timeout=60)
    assert response.headers["Content-Type"].startswith("text/csv")
    response = requests.post(endpoint + "?format=tsv", data={"query": QUERIES["SELECT"], "format": "yaml"}, timeout=60)
    assert response.headers["Content-Type"].startswith("text/tab-separated-values")
    response = requests.post(endpoint + "?output=xml", data=QUERIES["DESCRIBE"].encode(),
                             headers={"Content-Type": "application/sparql-query"}, timeout=60)
    assert response.headers["Content-Type"] == "application/rdf+xml"


@pytest.mark.parametrize("params, accept, expected", [
    ({"format": "xml"}, None, "application/rdf+xml"),
    ({"output": "json"}, None, "application/ld+json"),
    ({}, "text/n3", "text/turtle"),
    ({}, "application/x-json+ld", "application/ld+json"),
    ({"format": "nt"}, "text/html,application/xhtml+xml,*/*;q=0.8", "application/n-triples"),
    ({}, None, "text/turtle"),
    ({"format": "csv"}, None, 406),
    ({}, "application/sparql-results+json", 406),
])
def test_the_service_description_is_negotiated_like_a_graph(endpoint, params, accept, expected):
    """GET /sparql without a query: the same names and types as a CONSTRUCT result."""
    response = requests.get(endpoint, params=params, headers={"Accept": accept} if accept else {}, timeout=60,
                            allow_redirects=False)
    assert "Accept" in response.headers.get("Vary", "")
    if expected == 406:
        assert response.status_code == 406 and "text/turtle" in response.headers["X-Offered-Types"]
        return
    assert response.status_code == 200, response.text[:300]
    assert response.headers["Content-Type"].split(";")[0] == expected
    graph = Graph().parse(data=response.content, format={"application/rdf+xml": "xml", "text/turtle": "turtle",
                                                         "application/ld+json": "json-ld",
                                                         "application/n-triples": "nt"}[expected])
    assert (None, None, URIRef("http://www.w3.org/ns/sparql-service-description#Service")) in graph
