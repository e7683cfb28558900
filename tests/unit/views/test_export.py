"""Every export format round-trips; the relations CSV has one row per fact and quote; the web downloads."""

from __future__ import annotations

import csv
import io
import json

import pyoxigraph
import pytest
from click.testing import CliRunner
from rdflib import Dataset, Graph, URIRef
from rdflib.compare import isomorphic

from kg.views import export as kgexport
from kg import paths
from cli.main import main
from kg.namespaces import NAMED_GRAPHS

RDFLIB_FORMAT = {"turtle": "turtle", "ntriples": "nt", "rdfxml": "xml", "jsonld": "json-ld",
                 "nquads": "nquads", "trig": "trig"}
RDF_FORMATS = [f for f in kgexport.FORMATS.values() if f.rdf is not None]
ARTICLE = paths.ARTICLE.read_text(encoding="utf-8")


def as_graph(triples) -> Graph:
    g = Graph()
    g.parse(data=pyoxigraph.serialize(list(triples), format=pyoxigraph.RdfFormat.N_TRIPLES).decode(), format="nt")
    return g


@pytest.fixture(scope="module")
def dataset(mini_store):
    return kgexport.dataset_from(mini_store)


def source(dataset, graph: str) -> Graph:
    return as_graph(q.triple for q in kgexport.select(dataset, graph))


@pytest.mark.parametrize("fmt", RDF_FORMATS, ids=lambda f: f.name)
@pytest.mark.parametrize("graph", ["all", *kgexport.GRAPHS])
def test_every_format_round_trips(dataset, fmt, graph):
    data = kgexport.serialize(dataset, fmt, graph)
    if fmt.quads:
        parsed = Dataset()
        parsed.parse(data=data, format=RDFLIB_FORMAT[fmt.name])
        names = list(kgexport.GRAPHS) if graph == "all" else [graph]
        for short in names:
            assert isomorphic(parsed.graph(URIRef(kgexport.GRAPHS[short])), source(dataset, short)), short
        assert {str(c.identifier) for c in parsed.contexts() if len(c)} == {kgexport.GRAPHS[s] for s in names}
    else:
        parsed = Graph()
        parsed.parse(data=data, format=RDFLIB_FORMAT[fmt.name])
        assert len(parsed) > 0
        assert isomorphic(parsed, source(dataset, graph))


def test_whole_dumps_carry_their_description_in_its_own_graph(dataset):
    from kg.views import void as kgvoid

    description = kgvoid.describe(dataset, "http://example.org", kgvoid.build_time())
    parsed = Dataset()
    parsed.parse(data=kgexport.serialize(dataset, kgexport.FORMATS["trig"], "all", description), format="trig")
    assert isomorphic(parsed.graph(URIRef(str(kgexport.VOID_GRAPH))), as_graph(description))
    for graph in NAMED_GRAPHS:  # the data graphs are untouched by it
        assert isomorphic(parsed.graph(graph), source(dataset, str(graph).rsplit("/", 1)[1]))
    turtle = Graph().parse(data=kgexport.serialize(dataset, kgexport.FORMATS["turtle"], "all", description),
                           format="turtle")
    union = source(dataset, "all")
    for t in as_graph(description):
        union.add(t)
    assert isomorphic(turtle, union)


def test_jsonld_is_compact_with_the_documented_context(dataset):
    doc = json.loads(kgexport.serialize(dataset, kgexport.FORMATS["jsonld"]))
    context = doc["@context"]
    assert context["kgo"] == "https://w3id.org/kneekg/ontology/"
    assert context["causes"] == {"@id": "kgo:causes", "@type": "@id"}
    assert context["quote"] == {"@id": "prov:value"}
    text = json.dumps(doc["@graph"])
    assert '"causes"' in text and "https://w3id.org/kneekg/ontology/causes" not in text
    assert json.loads(kgexport.context_document(dataset))["@context"] == context


def test_relations_csv_has_a_row_per_fact_and_quote(mini_store):
    """Every asserted fact and quote; what the article denies (kgo:negated) is no fact and no row."""
    rows = list(csv.reader(io.StringIO(kgexport.relations_csv(mini_store).decode("utf-8"))))
    assert tuple(rows[0]) == kgexport.CSV_COLUMNS
    body = rows[1:]
    statements = next(iter(mini_store.query("""
        PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
        SELECT (COUNT(*) AS ?n) WHERE { GRAPH <https://w3id.org/kneekg/graph/provenance> {
            ?st a rdf:Statement FILTER NOT EXISTS { ?st <https://w3id.org/kneekg/ontology/negated> true } } }""")))
    assert len(body) == int(statements["n"].value) > 0
    assert len(set(map(tuple, body))) == len(body)
    for subject, subject_label, relation, obj, object_label, quote in body:
        assert quote and quote in ARTICLE  # verbatim from the article
        assert subject.startswith("https://w3id.org/kneekg/id/") and subject_label
        # relations, and the descriptive facts (definition, duration) whose object is the article's words
        assert relation.startswith("https://w3id.org/kneekg/ontology/") or relation.endswith("core#definition")
        objects = mini_store.query("SELECT ?s ?p ?o WHERE { GRAPH <https://w3id.org/kneekg/graph/facts> { ?s ?p ?o } }",
                                   substitutions={"s": pyoxigraph.NamedNode(subject), "p": pyoxigraph.NamedNode(relation)})
        assert obj in {row["o"].value for row in objects}


@pytest.mark.parametrize("name", ["nope", "owl2", ""])
def test_cli_unknown_format_lists_formats(name):
    result = CliRunner().invoke(main, ["export", "--format", name])
    assert result.exit_code == 2
    for known in kgexport.FORMATS:
        assert known in result.output


def test_cli_unknown_graph_lists_graphs():
    result = CliRunner().invoke(main, ["export", "--format", "ttl", "--graph", "nope"])
    assert result.exit_code == 2 and "facts" in result.output and "provenance" in result.output


@pytest.mark.parametrize("fmt", ["nq", "turtle", "csv"])
def test_cli_export_to_file(mini_build, tmp_path, fmt):
    source_nq = tmp_path / "graph.nq"
    source_nq.write_bytes(mini_build.files[paths.GRAPH_NQ])
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["export", "--format", fmt, "--input", str(source_nq), "--out", str(out)])
    assert result.exit_code == 0, result.output
    if fmt == "nq":
        parsed = Dataset()
        parsed.parse(out, format="nquads")
        expected = Dataset()
        expected.parse(source_nq, format="nquads")
        for graph in NAMED_GRAPHS:
            assert isomorphic(parsed.graph(graph), expected.graph(graph))
    elif fmt == "turtle":
        assert len(Graph().parse(out, format="turtle")) > len(Graph().parse(source_nq, format="nquads"))
    else:
        assert out.read_text(encoding="utf-8").startswith("subject,subject_label,relation,object,object_label,quote")


def test_cli_export_stdout_graph(mini_build, tmp_path):
    source_nq = tmp_path / "graph.nq"
    source_nq.write_bytes(mini_build.files[paths.GRAPH_NQ])
    result = CliRunner().invoke(main, ["export", "--format", "nt", "--graph", "facts", "--input", str(source_nq)])
    assert result.exit_code == 0
    parsed = Graph().parse(data=result.stdout, format="nt")
    expected = Dataset()
    expected.parse(source_nq, format="nquads")
    assert isomorphic(parsed, expected.graph(NAMED_GRAPHS[1]))


# --- the web downloads ------------------------------------------------------------------------

DOWNLOADS = [(f"/export/graph.{f.extension}", f.media_type, f"graph.{f.extension}") for f in RDF_FORMATS] + [
    ("/export/facts.ttl", "text/turtle", "facts.ttl"),
    ("/export/graph.nq?graph=provenance", "application/n-quads", "provenance.nq"),
    ("/export/ontology.owl", "application/rdf+xml", "ontology.owl"),
    ("/export/ontology.ttl", "text/turtle", "ontology.ttl"),
    ("/export/relations.csv", "text/csv", "relations.csv"),
    ("/export/context.jsonld", "application/ld+json", "context.jsonld"),
]


@pytest.mark.parametrize("url,media,filename", DOWNLOADS)
def test_download_headers_and_content(client, url, media, filename):
    response = client.get(url)
    assert response.status_code == 200
    assert response.mimetype == media
    assert response.headers["Content-Disposition"] == f'attachment; filename="{filename}"'
    if media == "text/csv":
        assert next(csv.reader(io.StringIO(response.text))) == list(kgexport.CSV_COLUMNS)
    elif media == "application/ld+json" and "context" in url:
        assert "@context" in response.json
    elif media in ("application/n-quads", "application/trig"):
        Dataset().parse(data=response.data, format=RDFLIB_FORMAT[kgexport.BY_EXTENSION[filename.rsplit(".", 1)[1]].name])
    else:
        fmt = {"text/turtle": "turtle", "application/n-triples": "nt", "application/rdf+xml": "xml",
               "application/ld+json": "json-ld"}[media]
        assert len(Graph().parse(data=response.data, format=fmt)) > 0
    again = client.get(url, headers={"If-None-Match": response.headers["ETag"].strip('"')})
    assert again.status_code == 304


def test_web_dump_round_trips_against_the_store(app, client, mini_store, mini_build, tmp_path, request):
    """The dump holds what the backend holds: the embedded store's triples, or the pushed file's on a server."""
    response = client.get("/export/graph.trig")
    parsed = Dataset()
    parsed.parse(data=response.data, format="trig")
    if request.node.callspec.params["app"] in ("embedded", "oxigraph"):  # the same engine: the same store
        data = kgexport.dataset_from(mini_store)
    else:  # Virtuoso keeps literals as loaded (pyoxigraph's store normalises derived integers)
        (tmp_path / "graph.nq").write_bytes(mini_build.files[paths.GRAPH_NQ])
        data = kgexport.dataset_from(path=tmp_path / "graph.nq")
    for short, iri in kgexport.GRAPHS.items():
        assert isomorphic(parsed.graph(URIRef(iri)), source(data, short)), short
    assert len(parsed.graph(URIRef(str(kgexport.VOID_GRAPH)))) > 0


def test_web_ontology_owl_is_the_ontology_graph(client, mini_store):
    parsed = Graph().parse(data=client.get("/export/ontology.owl").data, format="xml")
    assert isomorphic(parsed, source(kgexport.dataset_from(mini_store), "ontology"))


@pytest.mark.parametrize("url", ["/export/graph.xyz", "/export/nope.ttl", "/export/graph.ttl?graph=nope",
                                 "/export/facts.ttl?graph=inferred"])
def test_unknown_downloads_are_404(client, url):
    assert client.get(url).status_code == 404


def test_export_page_links_every_download(client):
    response = client.get("/export")
    assert response.status_code == 200
    html = response.text
    for url, _, _ in DOWNLOADS:
        assert f'href="{url.split("?")[0]}"' in html or url.endswith("?graph=provenance")
    assert 'href="/.well-known/void"' in html
    assert 'href="/id/knee-muscle-spasm.ttl"' in html
    assert "not medical advice" in html
