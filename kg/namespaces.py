"""IRIs of the graph: one namespace per kind of node, the named graphs, and the app paths answers link to.

An IRI opens at its page (:func:`local_path`); a query opens in the editor (:func:`editor_path`).
"""

from __future__ import annotations

from typing import Mapping
from urllib.parse import quote, urlencode

from rdflib import Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

BASE = "https://w3id.org/kneekg/"
KGO = Namespace(BASE + "ontology/")  # classes and properties (TBox)
KG = Namespace(BASE + "id/")  # entities (ABox)
STATEMENT = Namespace(BASE + "statement/")  # reified facts with their evidence
GRAPH = Namespace(BASE + "graph/")  # named graphs
KGV = Namespace(BASE + "vocab/")  # controlled values of the qualifiers (modality, urgency, ...)
SCHEMA = Namespace("http://schema.org/")

ONTOLOGY_IRI = URIRef(BASE + "ontology")
ARTICLE_IRI = URIRef(BASE + "source/knee-muscle-spasms")
ARTICLE_PART = Namespace(str(ARTICLE_IRI) + "#")  # its sections (#s-N), tables (#t-N), lists (#l-N), publisher

ONTOLOGY_GRAPH = GRAPH.ontology
FACTS_GRAPH = GRAPH.facts
INFERRED_GRAPH = GRAPH.inferred
PROVENANCE_GRAPH = GRAPH.provenance
NAMED_GRAPHS = (ONTOLOGY_GRAPH, FACTS_GRAPH, INFERRED_GRAPH, PROVENANCE_GRAPH)

# External vocabularies the facts may link to, by the CURIE prefix used in the YAML.
EXTERNAL_PREFIXES = {
    "mesh": "http://id.nlm.nih.gov/mesh/",
    "hp": "http://purl.obolibrary.org/obo/HP_",
    "doid": "http://purl.obolibrary.org/obo/DOID_",
    "wd": "http://www.wikidata.org/entity/",
    "snomed": "http://snomed.info/id/",
}

# Prefixes every serialisation and every named query shares.
PREFIXES = {
    "kgo": str(KGO),
    "kg": str(KG),
    "kgs": str(STATEMENT),
    "kgv": str(KGV),
    "kgg": str(GRAPH),
    "schema": str(SCHEMA),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "owl": str(OWL),
    "xsd": str(XSD),
    "skos": str(SKOS),
    "prov": str(PROV),
    "dcterms": str(DCTERMS),
}


def local_path(iri: str, base: str = BASE) -> str:
    """Return the app path that describes ``iri``: graph IRIs keep their path, others open at ``/resource``.

    >>> local_path("https://w3id.org/kneekg/id/dehydration")
    '/id/dehydration'
    >>> local_path("http://schema.org/Drug")
    '/resource?iri=http%3A%2F%2Fschema.org%2FDrug'
    """
    if iri.startswith(base):
        return "/" + iri[len(base):]
    return "/resource?iri=" + quote(iri, safe="")


def curie(iri: str) -> str:
    """Shorten ``iri`` with the longest of the graph's prefixes that fits; an IRI outside them stays whole.

    >>> curie("https://w3id.org/kneekg/ontology/Cause"), curie("urn:x")
    ('kgo:Cause', 'urn:x')
    """
    best = ""
    for prefix, namespace in PREFIXES.items():
        if iri.startswith(namespace) and len(namespace) > len(PREFIXES.get(best, "")):
            best = prefix
    return f"{best}:{iri[len(PREFIXES[best]):]}" if best else iri


EDITOR_PATH = "/query"  # the app's SPARQL query editor


def editor_path(sparql: str | None = None, *, name: str | None = None, values: Mapping[str, str] | None = None) -> str:
    """Return the app path that opens the query editor on ``sparql``, or on the named query ``name`` with ``values``.

    >>> editor_path("ASK { ?s ?p ?o }")
    '/query?query=ASK+%7B+%3Fs+%3Fp+%3Fo+%7D'
    >>> editor_path(name="causes-of", values={"condition": "https://w3id.org/kneekg/id/cramp"})
    '/query?name=causes-of&condition=https%3A%2F%2Fw3id.org%2Fkneekg%2Fid%2Fcramp'
    """
    if name is not None:
        return EDITOR_PATH + "?" + urlencode({"name": name, **(values or {})})
    return EDITOR_PATH + "?" + urlencode({"query": sparql or ""})


def is_local(iri: str, base: str = BASE) -> bool:
    """Whether ``iri`` is under the graph's base (and so opens at its own path in the app)."""
    return iri.startswith(base)


__all__ = [
    "BASE", "KGO", "KG", "KGV", "STATEMENT", "GRAPH", "SCHEMA", "ONTOLOGY_IRI", "ARTICLE_IRI", "ARTICLE_PART",
    "ONTOLOGY_GRAPH", "FACTS_GRAPH", "INFERRED_GRAPH", "PROVENANCE_GRAPH", "NAMED_GRAPHS",
    "EXTERNAL_PREFIXES", "PREFIXES", "local_path", "is_local", "curie", "EDITOR_PATH", "editor_path",
]
