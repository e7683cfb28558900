"""The dataset description at /.well-known/void: VoID + DCAT + PROV, parsed back and checked against the data."""

from __future__ import annotations

import pytest
from rdflib import Dataset, Graph, Literal, Namespace, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import DCAT, DCTERMS, PROV, RDF, SKOS, XSD

from kg.views import export as kgexport
from kg.views import void as kgvoid
from kg.namespaces import ARTICLE_IRI
from webapp.config import DEFAULTS

VOID = Namespace("http://rdfs.org/ns/void#")
DS = URIRef(kgvoid.DATASET_IRI)
APP = DEFAULTS["PUBLIC_URL"]  # the configured public URL, never the request's Host


@pytest.fixture
def description(client) -> Graph:
    response = client.get("/.well-known/void")
    assert response.status_code == 200 and response.mimetype == "text/turtle"
    return Graph().parse(data=response.data, format="turtle")


def test_counts_match_the_data(description, mini_store):
    data = kgexport.dataset_from(mini_store)
    total = 0
    for short, iri in kgexport.GRAPHS.items():
        n = len(list(data.quads_for_graph_name(kgexport.NamedNode(iri))))
        total += n
        assert (DS, VOID.subset, URIRef(iri)) in description
        assert description.value(URIRef(iri), VOID.triples).toPython() == n > 0
    assert description.value(DS, VOID.triples).toPython() == total
    facts = list(data.quads_for_graph_name(kgexport.NamedNode(kgexport.GRAPHS["facts"])))
    labelled = {q.subject for q in facts if q.predicate.value == str(SKOS.prefLabel)}
    assert description.value(DS, VOID.entities).toPython() == len(labelled)


def test_a_requests_host_is_never_written_into_the_description(client):
    response = client.get("/.well-known/void", headers={"Host": "attacker.example"})
    assert response.status_code == 200
    assert b"attacker.example" not in response.data and APP.encode() in response.data


def test_endpoint_dumps_examples_and_uri_space(description):
    assert description.value(DS, VOID.sparqlEndpoint) == URIRef(APP + "/sparql")
    dumps = set(description.objects(DS, VOID.dataDump))
    for fmt in kgexport.FORMATS.values():
        url = URIRef(f"{APP}/export/{fmt.filename()}")
        assert (DS, DCAT.distribution, url) in description
        assert description.value(url, DCAT.mediaType) == URIRef(kgvoid.IANA + fmt.media_type)
        assert (url in dumps) == (fmt.rdf is not None)
    assert set(description.objects(DS, VOID.exampleResource)) == {
        URIRef("https://w3id.org/kneekg/id/knee-muscle-spasm"), URIRef("https://w3id.org/kneekg/id/dehydration")}
    assert description.value(DS, VOID.uriSpace) == Literal("https://w3id.org/kneekg/id/")
    vocabularies = set(description.objects(DS, VOID.vocabulary))
    assert {URIRef(str(SKOS)), URIRef(str(PROV)), URIRef("https://w3id.org/kneekg/ontology/")} <= vocabularies


def test_provenance_licence_and_build_time(description):
    assert description.value(DS, PROV.wasDerivedFrom) == URIRef(str(ARTICLE_IRI))
    assert description.value(DS, DCTERMS.license) is not None
    assert "quotation" in str(description.value(DS, DCTERMS.rights))
    modified = description.value(DS, DCTERMS.modified)
    assert modified.datatype == XSD.dateTime and modified.toPython().year >= 2024
    assert (DS, RDF.type, DCAT.Dataset) in description and (DS, RDF.type, VOID.Dataset) in description


def test_source_date_epoch_sets_the_build_time(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert kgvoid.build_time().isoformat() == "2023-11-14T22:13:20+00:00"


@pytest.mark.parametrize("accept,rdflib_format", [
    ("application/ld+json", "json-ld"), ("application/n-triples", "nt"), ("application/rdf+xml", "xml"),
    ("text/turtle", "turtle")])
def test_content_negotiation(client, description, accept, rdflib_format):
    response = client.get("/.well-known/void", headers={"Accept": accept})
    assert response.status_code == 200 and response.mimetype == accept
    assert isomorphic(Graph().parse(data=response.data, format=rdflib_format), description)


def test_format_parameter_and_refusals(client, description):
    response = client.get("/.well-known/void?format=nt")
    assert isomorphic(Graph().parse(data=response.data, format="nt"), description)
    assert client.get("/.well-known/void?format=bogus").status_code == 400
    assert client.get("/.well-known/void", headers={"Accept": "image/png"}).status_code == 406


def test_the_whole_dump_carries_the_same_description(client, description):
    dump = Dataset()
    dump.parse(data=client.get("/export/graph.nq").data, format="nquads")
    assert isomorphic(dump.graph(URIRef(str(kgexport.VOID_GRAPH))), description)


def test_one_count_for_the_description_and_the_statistics_query(release_store):
    """The VoID counts (kg.views.void.statistics) are the named query 'statistics' counts, on either backend."""
    from kg.sparql.registry import registry, run

    stats = kgvoid.statistics(kgexport.dataset_from(release_store))
    measures = {row["measure"].value: int(row["value"].value)
                for row in run(release_store, registry()["statistics"])}
    for short, iri in kgexport.GRAPHS.items():
        assert stats.graphs[short].triples == measures[f"triples in {iri}"] > 0, short
    assert stats.triples == sum(g.triples for g in stats.graphs.values())
    assert stats.entities >= measures["entities"]  # VoID counts claims as entities too
