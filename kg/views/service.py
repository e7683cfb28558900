"""Describe the SPARQL endpoint (SPARQL 1.1 Service Description), with the VoID counts of each served graph.

What an RDF client gets from ``GET /sparql`` without a query. The counts are those of the dataset
description (``kg.views.void.statistics``); the endpoint's URL is where the app is served.
"""

from __future__ import annotations

from rdflib import RDF, XSD, BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, VOID

from kg.namespaces import BASE, PREFIXES
from kg.views.export import GRAPHS
from kg.views.void import Statistics

SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
FORMATS_NS = Namespace("http://www.w3.org/ns/formats/")
# The result formats the endpoint writes (http://www.w3.org/ns/formats/ names).
RESULT_FORMATS = ("SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV", "SPARQL_Results_TSV",
                  "Turtle", "N-Triples", "RDF_XML", "JSON-LD", "N-Quads", "TriG")


def describe_service(stats: Statistics, endpoint_url: str) -> Graph:
    """The Service Description of the endpoint at ``endpoint_url``, with VoID counts per named graph."""
    g = Graph()
    for prefix, iri in (("sd", SD), ("void", VOID), ("dcterms", DCTERMS), ("kgg", PREFIXES["kgg"])):
        g.bind(prefix, iri)
    service, dataset = URIRef(endpoint_url + "#service"), URIRef(endpoint_url + "#dataset")
    default_graph = BNode("defaultGraph")
    g.add((service, RDF.type, SD.Service))
    g.add((service, SD.endpoint, URIRef(endpoint_url)))
    g.add((service, SD.supportedLanguage, SD.SPARQL11Query))
    g.add((service, SD.feature, SD.UnionDefaultGraph))
    for fmt in RESULT_FORMATS:
        g.add((service, SD.resultFormat, FORMATS_NS[fmt]))
    g.add((service, SD.defaultDataset, dataset))
    g.add((dataset, RDF.type, SD.Dataset))
    g.add((dataset, RDF.type, VOID.Dataset))
    g.add((dataset, DCTERMS.title, Literal("Knee muscle spasms knowledge graph", lang="en")))
    g.add((dataset, VOID.sparqlEndpoint, URIRef(endpoint_url)))
    g.add((dataset, VOID.uriSpace, Literal(BASE)))
    g.add((dataset, SD.defaultGraph, default_graph))
    g.add((default_graph, RDF.type, SD.Graph))
    g.add((default_graph, DCTERMS.description, Literal("the union of the named graphs", lang="en")))
    for short, counts in stats.graphs.items():
        if not counts.triples:  # a graph the store does not hold is not described
            continue
        name, node = URIRef(GRAPHS[short]), BNode()
        g.add((dataset, SD.namedGraph, node))
        g.add((node, RDF.type, SD.NamedGraph))
        g.add((node, SD.name, name))
        g.add((node, SD.graph, name))
        g.add((name, RDF.type, SD.Graph))
        g.add((name, RDF.type, VOID.Dataset))
        g.add((dataset, VOID.subset, name))
        for prop, value in ((VOID.triples, counts.triples), (VOID.distinctSubjects, counts.subjects),
                            (VOID.properties, counts.properties), (VOID.distinctObjects, counts.objects)):
            g.add((name, prop, Literal(value, datatype=XSD.integer)))
    total = sum(counts.triples for counts in stats.graphs.values())
    g.add((default_graph, VOID.triples, Literal(total, datatype=XSD.integer)))
    g.add((dataset, VOID.triples, Literal(total, datatype=XSD.integer)))
    return g
