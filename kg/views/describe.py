"""Describe one IRI of the graph: what it is, its RDF description (for content negotiation) and its page model (for HTML).

The page models are built by the module for what they describe (``entity``, ``classes``,
``properties``, ``resources``, ``source``); a :class:`Describer` holds one store's ontology
and keeps what it built (the graph is immutable while served), one per store (``describer``).
Everything is read with SPARQL from ``queries/`` (named queries where one fits, internal ones
otherwise), so the same code works on the embedded store and on a remote backend.
"""

from __future__ import annotations

import pyoxigraph
import rdflib
from rdflib import Literal, URIRef

from kg import paths
from kg.namespaces import ARTICLE_IRI, KG, NAMED_GRAPHS, ONTOLOGY_IRI, PREFIXES, STATEMENT
from kg.sparql.lru import LRU
from kg.store.memo import per_store
from kg.views import claims, classes, entity, properties, resources, source
from kg.views.ontology import Ontology, ontology, select

MAX_KEPT = 2000  # page models and descriptions kept per store
GRAPH_IRIS = frozenset(str(g) for g in NAMED_GRAPHS)


class Describer:
    """Reads descriptions and page models of IRIs from one store, and keeps them."""

    def __init__(self, store):
        self.store = store
        self._kept: LRU = LRU(max_entries=MAX_KEPT)

    @property
    def ontology(self) -> Ontology:
        return ontology(self.store)

    def cached(self, kind: str, iri: str, build):
        """Build a value that depends only on the graph once, and keep it (bounded)."""
        return self._kept.get_or_put((kind, iri), build)

    def link(self, iri: str) -> dict:
        """A node to show: its IRI, label and CURIE (the template turns it into a link)."""
        return self.ontology.link(iri)

    # -- what is this IRI? ---------------------------------------------------------------------

    def kind(self, iri: str) -> str | None:
        """``entity``, ``class``, ``property``, ``statement``, ``graph``, ``article``, ``ontology``, ``resource`` or None (unknown)."""
        onto = self.ontology
        try:
            pyoxigraph.NamedNode(iri)
        except ValueError:
            return None
        if iri == str(ONTOLOGY_IRI):
            return "ontology"
        if iri == str(ARTICLE_IRI):
            return "article"
        if iri in GRAPH_IRIS:
            return "graph"
        if iri in onto.classes:
            return "class"
        if iri in onto.properties:
            return "property"
        if not bool(select(self.store, "known", this=iri)):
            return None
        if iri.startswith(str(STATEMENT)):
            return "statement"
        if iri.startswith(str(KG)):
            return "entity"
        return "resource"

    # -- RDF description -----------------------------------------------------------------------

    def describe(self, iri: str) -> rdflib.Graph:
        """The RDF description of ``iri`` (``queries/internal/describe.rq``); named graphs get a VoID/SD summary."""
        graph = rdflib.Graph()
        for prefix, ns in PREFIXES.items():
            graph.bind(prefix, ns, override=True)
        for triple in select(self.store, "describe", this=iri):
            graph.add(tuple(_to_rdflib(t) for t in (triple.subject, triple.predicate, triple.object)))
        if iri in GRAPH_IRIS:
            void = rdflib.Namespace("http://rdfs.org/ns/void#")
            sd = rdflib.Namespace("http://www.w3.org/ns/sparql-service-description#")
            graph.bind("void", void)
            graph.bind("sd", sd)
            node = URIRef(iri)
            graph.add((node, rdflib.RDF.type, sd.NamedGraph))
            graph.add((node, rdflib.RDF.type, void.Dataset))
            graph.add((node, rdflib.RDFS.label, Literal(f"{iri.rsplit('/', 1)[-1]} graph", lang="en")))
            total = sum(int(row["n"].value) for row in select(self.store, "graph-predicates", this=iri))
            graph.add((node, void.triples, Literal(total)))
        return graph

    # -- page models ---------------------------------------------------------------------------

    def entity(self, iri: str) -> dict:
        return self.cached("entity", iri, lambda: entity.page(self.store, self.ontology, iri))

    def klass(self, iri: str) -> dict:
        return self.cached("class", iri, lambda: classes.page(self.store, self.ontology, iri))

    def property(self, iri: str) -> dict:
        return self.cached("property", iri, lambda: properties.page(self.store, self.ontology, iri))

    def overview(self) -> dict:
        return self.cached("overview", "", lambda: classes.overview(self.store, self.ontology))

    def statement(self, iri: str) -> dict | None:
        return self.cached("statement", iri, lambda: resources.statement(self.store, self.ontology, iri))

    def unsettled(self) -> dict:
        """What the article does not settle (every contradiction, all sides) and what it merely claims."""
        return self.cached("unsettled", "", lambda: claims.page(self.store))

    def named_graph(self, iri: str) -> dict:
        return resources.named_graph(self.store, self.ontology, iri)

    def resource(self, iri: str) -> dict:
        """Whatever the graph says about a foreign IRI (a schema.org class, a MeSH id …)."""
        return resources.resource(self.store, self.ontology, iri)

    def source(self) -> dict:
        return self.cached("source", "", lambda: source.page(self.store, self.ontology,
                                                             paths.ARTICLE.read_text(encoding="utf-8")))


def _to_rdflib(term):
    if isinstance(term, pyoxigraph.NamedNode):
        return URIRef(term.value)
    if isinstance(term, pyoxigraph.BlankNode):
        return rdflib.BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    return Literal(term.value, datatype=URIRef(term.datatype.value))


describer = per_store(Describer)
describer.__doc__ = """The ``Describer`` of ``store``, created once per store."""
