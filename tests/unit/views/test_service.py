"""kg.views.service: the endpoint's Service Description carries the dataset description's counts."""

from __future__ import annotations

from rdflib import Namespace, URIRef

from kg.views import export as kgexport
from kg.views import void as kgvoid
from kg.views.service import SD, describe_service

VOID = Namespace("http://rdfs.org/ns/void#")


def test_counts_per_graph_and_in_all(mini_store):
    stats = kgvoid.statistics(kgexport.dataset_from(mini_store))
    graph = describe_service(stats, "http://127.0.0.1:5000/sparql")
    service = URIRef("http://127.0.0.1:5000/sparql#service")
    assert (service, SD.endpoint, URIRef("http://127.0.0.1:5000/sparql")) in graph
    for short, iri in kgexport.GRAPHS.items():
        counts = stats.graphs[short]
        assert graph.value(URIRef(iri), VOID.triples).toPython() == counts.triples
        assert graph.value(URIRef(iri), VOID.distinctSubjects).toPython() == counts.subjects
    dataset = URIRef("http://127.0.0.1:5000/sparql#dataset")
    assert graph.value(dataset, VOID.triples).toPython() == stats.triples
