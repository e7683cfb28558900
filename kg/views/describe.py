"""Describe one IRI of the graph: as RDF (for content negotiation) and as a page model (for HTML).

Everything is read from the store with SPARQL (named queries from ``queries/`` where one fits),
so the same code works on the embedded store and on a remote backend. Results that depend only
on the (immutable) graph are cached per store.
"""

from __future__ import annotations

import re
import threading
import weakref
from dataclasses import dataclass
from functools import cached_property

import pyoxigraph
import rdflib
from rdflib import Literal, URIRef

from kg import paths
from kg.namespaces import (ARTICLE_IRI, EXTERNAL_PREFIXES, FACTS_GRAPH, INFERRED_GRAPH, KG, KGO, NAMED_GRAPHS,
                         ONTOLOGY_IRI, PREFIXES, PROVENANCE_GRAPH, STATEMENT)
from kg.sparql.registry import registry, run

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
OWL = "http://www.w3.org/2002/07/owl#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
PROV = "http://www.w3.org/ns/prov#"
SCHEMA = "http://schema.org/"

MAX_GRAPH_NODES = 40  # neighbourhood graph cap (centre included)
MAX_TRIPLES_SHOWN = 200  # generic resource pages

# The description an RDF client gets for an IRI: the triples with it as subject (with one level
# of blank nodes, so class axioms are complete) or as object, the labels of every IRI it touches,
# and the evidence statements (with their quotes and offsets) of the facts it takes part in.
DESCRIBE_QUERY = """
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
CONSTRUCT {
  ?this ?p ?o . ?o ?bp ?bo .
  ?s ?q ?this .
  ?n skos:prefLabel ?npl . ?n rdfs:label ?nl .
  ?st ?sp ?so .
}
WHERE {
  { ?this ?p ?o OPTIONAL { ?o ?bp ?bo FILTER(isBlank(?o)) } }
  UNION { ?s ?q ?this FILTER(!isBlank(?s)) }
  UNION { { ?this ?r ?n } UNION { ?n ?r ?this } FILTER(isIRI(?n))
          OPTIONAL { ?n skos:prefLabel ?npl } OPTIONAL { ?n rdfs:label ?nl } }
  UNION { { ?st rdf:subject ?this } UNION { ?st rdf:object ?this } ?st ?sp ?so }
}
"""

SUBJECT_TRIPLES = """
SELECT ?this ?g ?p ?o WHERE { GRAPH ?g { ?this ?p ?o } }
ORDER BY ?g ?p ?o
"""

OBJECT_TRIPLES = """
SELECT ?this ?g ?s ?p WHERE { GRAPH ?g { ?s ?p ?this } FILTER(!isBlank(?s)) }
ORDER BY ?g ?p ?s
"""

KNOWN_QUERY = """
ASK { { ?this ?p ?o } UNION { ?s ?p ?this } UNION { ?s ?this ?o } }
"""

LABELS_QUERY = """
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?x ?label WHERE {
  { GRAPH <https://w3id.org/kneekg/graph/facts> { ?x skos:prefLabel ?label } }
  UNION { ?x rdfs:label ?label FILTER NOT EXISTS { ?x skos:prefLabel ?any } }
}
"""

PROPERTIES_QUERY = """
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
SELECT ?p ?kind ?label ?comment ?inverse ?super WHERE {
  GRAPH <https://w3id.org/kneekg/graph/ontology> {
    VALUES ?kind { owl:ObjectProperty owl:DatatypeProperty owl:AnnotationProperty }
    ?p a ?kind .
    OPTIONAL { ?p rdfs:label ?label }
    OPTIONAL { ?p rdfs:comment ?comment }
    OPTIONAL { { ?p owl:inverseOf ?inverse } UNION { ?inverse owl:inverseOf ?p } }
    OPTIONAL { ?p rdfs:subPropertyOf ?super }
  }
}
"""

CLASSES_QUERY = """
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
SELECT ?c ?label ?comment ?super WHERE {
  GRAPH <https://w3id.org/kneekg/graph/ontology> {
    ?c a owl:Class . FILTER(isIRI(?c))
    OPTIONAL { ?c rdfs:label ?label }
    OPTIONAL { ?c rdfs:comment ?comment }
    OPTIONAL { ?c rdfs:subClassOf ?super FILTER(isIRI(?super)) }
  }
}
"""

DEFINITIONS_QUERY = """
PREFIX owl: <http://www.w3.org/2002/07/owl#>
SELECT ?c ?property ?filler WHERE {
  GRAPH <https://w3id.org/kneekg/graph/ontology> {
    ?c owl:equivalentClass ?r . ?r owl:onProperty ?property ; owl:someValuesFrom ?filler .
  }
}
"""

STATEMENTS_OF = """
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX kgo: <https://w3id.org/kneekg/ontology/>
SELECT DISTINCT ?this ?st ?s ?p ?o ?quote ?begin ?end WHERE {
  { ?st rdf:subject ?this } UNION { ?st rdf:object ?this }
  ?st rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; prov:value ?quote ; kgo:beginIndex ?begin ; kgo:endIndex ?end .
}
ORDER BY ?begin ?st
"""

ALL_STATEMENTS = """
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX kgo: <https://w3id.org/kneekg/ontology/>
SELECT ?st ?s ?p ?o ?quote ?begin ?end WHERE {
  GRAPH <https://w3id.org/kneekg/graph/provenance> {
    ?st rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; prov:value ?quote ; kgo:beginIndex ?begin ; kgo:endIndex ?end .
  }
}
ORDER BY ?begin ?end ?st
"""

PROPERTY_USAGE = """
SELECT ?this ?g ?s ?o WHERE { GRAPH ?g { ?s ?this ?o } } ORDER BY ?g ?s ?o
"""

GRAPH_PREDICATES = """
SELECT ?this ?p (COUNT(*) AS ?n) WHERE { GRAPH ?this { ?s ?p ?o } } GROUP BY ?this ?p ORDER BY DESC(?n) ?p
"""

# Named queries an entity page offers, by the name of their single entity parameter.
ENTITY_QUERY_EXCLUDE = {"neighbourhood", "evidence", "fact-exists", "class-members"}


def _iri(value: str) -> pyoxigraph.NamedNode:
    return pyoxigraph.NamedNode(value)


def curie(iri: str) -> str:
    """Shorten ``iri`` with the project's prefixes (``kgo:Cause``); unknown namespaces stay whole.

    >>> curie("https://w3id.org/kneekg/ontology/Cause")
    'kgo:Cause'
    """
    best = ""
    for prefix, ns in PREFIXES.items():
        if iri.startswith(ns) and len(ns) > len(PREFIXES.get(best, "")):
            best = prefix
    if best:
        return f"{best}:{iri[len(PREFIXES[best]):]}"
    return iri


EXTERNAL_SCHEMES = {
    EXTERNAL_PREFIXES["mesh"]: ("MeSH", ""),
    EXTERNAL_PREFIXES["hp"]: ("HPO", "HP:"),
    EXTERNAL_PREFIXES["doid"]: ("Disease Ontology", "DOID:"),
    EXTERNAL_PREFIXES["wd"]: ("Wikidata", ""),
    EXTERNAL_PREFIXES["snomed"]: ("SNOMED CT", ""),
}


def external_id(iri: str) -> dict:
    """Name the vocabulary and the code of an external identifier IRI."""
    for ns, (scheme, code_prefix) in EXTERNAL_SCHEMES.items():
        if iri.startswith(ns):
            return {"iri": iri, "scheme": scheme, "code": code_prefix + iri[len(ns):]}
    return {"iri": iri, "scheme": "", "code": iri}


def term_value(term) -> str:
    return term.value if term is not None else ""


@dataclass
class Statement:
    iri: str
    subject: str
    predicate: str
    object: str
    quote: str
    begin: int
    end: int

    @property
    def anchor(self) -> str:
        return f"q-{self.begin}-{self.end}"


def _statement(row) -> Statement:
    return Statement(row["st"].value, row["s"].value, row["p"].value, row["o"].value, row["quote"].value,
                     int(row["begin"].value), int(row["end"].value))


@dataclass
class Ontology:
    """Labels, classes and properties of the graph: read once per store."""

    labels: dict[str, str]
    properties: dict[str, dict]
    classes: dict[str, dict]
    definitions: dict[str, list[tuple[str, str]]]

    def label(self, iri: str) -> str:
        return self.labels.get(iri) or curie(iri)

    def supers(self, prop: str) -> set[str]:
        """``prop`` and every property it is a sub-property of (transitively)."""
        cache = self.__dict__.setdefault("_supers_cache", {})
        if prop not in cache:
            cache[prop] = frozenset(self._supers(prop))
        return cache[prop]

    def _supers(self, prop: str) -> set[str]:
        seen, todo = set(), [prop]
        while todo:
            p = todo.pop()
            if p in seen:
                continue
            seen.add(p)
            todo.extend(self.properties.get(p, {}).get("supers", ()))
        return seen

    def inverse(self, prop: str) -> str | None:
        inverses = self.properties.get(prop, {}).get("inverses", ())
        return min(inverses) if inverses else None

    def supports(self, st: Statement, subject: str, relation: str, obj: str) -> bool:
        """Does evidence statement ``st`` ground the fact (``subject`` ``relation`` ``obj``), in either direction of an inverse pair?"""
        if st.subject == subject and st.object == obj and relation in self.supers(st.predicate):
            return True
        inverse = self.inverse(relation)
        return bool(inverse and st.subject == obj and st.object == subject and inverse in self.supers(st.predicate))


class Describer:
    """Reads descriptions and page models of IRIs from one store."""

    def __init__(self, store):
        self.store = store
        self._pages: dict[tuple[str, str], object] = {}
        self._lock = threading.Lock()

    # -- shared, cached ------------------------------------------------------------------------

    @cached_property
    def ontology(self) -> Ontology:
        labels = {row["x"].value: row["label"].value for row in self.store.query(LABELS_QUERY)}
        properties: dict[str, dict] = {}
        for row in self.store.query(PROPERTIES_QUERY):
            p = properties.setdefault(row["p"].value, {"iri": row["p"].value, "kinds": set(), "label": "", "comment": "",
                                                       "inverses": set(), "supers": set()})
            p["kinds"].add(row["kind"].value.rsplit("#", 1)[-1])
            p["label"] = term_value(row["label"]) or p["label"]
            p["comment"] = term_value(row["comment"]) or p["comment"]
            if row["inverse"] is not None:
                p["inverses"].add(row["inverse"].value)
            if row["super"] is not None:
                p["supers"].add(row["super"].value)
        classes: dict[str, dict] = {}
        for row in self.store.query(CLASSES_QUERY):
            c = classes.setdefault(row["c"].value, {"iri": row["c"].value, "label": "", "comment": "", "supers": set()})
            c["label"] = term_value(row["label"]) or c["label"]
            c["comment"] = term_value(row["comment"]) or c["comment"]
            if row["super"] is not None:
                c["supers"].add(row["super"].value)
        definitions: dict[str, list[tuple[str, str]]] = {}
        for row in self.store.query(DEFINITIONS_QUERY):
            definitions.setdefault(row["c"].value, []).append((row["property"].value, row["filler"].value))
        return Ontology(labels, properties, classes, definitions)

    @cached_property
    def article_text(self) -> str:
        return paths.ARTICLE.read_text(encoding="utf-8")

    def cached(self, kind: str, iri: str, build):
        """Build a value that depends only on the graph once, and keep it (bounded)."""
        return self._cached(kind, iri, build)

    def _cached(self, kind: str, iri: str, build):
        key = (kind, iri)
        with self._lock:
            if key in self._pages:
                return self._pages[key]
        value = build()
        with self._lock:
            if len(self._pages) > 2000:
                self._pages.clear()
            self._pages[key] = value
        return value

    def link(self, iri: str) -> dict:
        """A node to show: its IRI, label and CURIE (the template turns it into a link)."""
        return {"iri": iri, "label": self.ontology.label(iri), "curie": curie(iri)}

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
        if iri in {str(g) for g in NAMED_GRAPHS}:
            return "graph"
        if iri in onto.classes:
            return "class"
        if iri in onto.properties:
            return "property"
        if not bool(self.store.query(KNOWN_QUERY, substitutions={"this": _iri(iri)})):
            return None
        if iri.startswith(str(STATEMENT)):
            return "statement"
        if iri.startswith(str(KG)):
            return "entity"
        return "resource"

    # -- RDF description -----------------------------------------------------------------------

    def describe(self, iri: str) -> rdflib.Graph:
        """The RDF description of ``iri`` (see ``DESCRIBE_QUERY``); named graphs get a VoID/SD summary."""
        graph = rdflib.Graph()
        for prefix, ns in PREFIXES.items():
            graph.bind(prefix, ns, override=True)
        for triple in self.store.query(DESCRIBE_QUERY, substitutions={"this": _iri(iri)}):
            graph.add(tuple(_to_rdflib(t) for t in (triple.subject, triple.predicate, triple.object)))
        if iri in {str(g) for g in NAMED_GRAPHS}:
            void = rdflib.Namespace("http://rdfs.org/ns/void#")
            sd = rdflib.Namespace("http://www.w3.org/ns/sparql-service-description#")
            graph.bind("void", void)
            graph.bind("sd", sd)
            node = URIRef(iri)
            graph.add((node, rdflib.RDF.type, sd.NamedGraph))
            graph.add((node, rdflib.RDF.type, void.Dataset))
            graph.add((node, rdflib.RDFS.label, Literal(f"{iri.rsplit('/', 1)[-1]} graph", lang="en")))
            total = 0
            for row in self.store.query(GRAPH_PREDICATES, substitutions={"this": _iri(iri)}):
                total += int(row["n"].value)
            graph.add((node, void.triples, Literal(total)))
        return graph

    # -- page models ---------------------------------------------------------------------------

    def entity(self, iri: str) -> dict:
        return self._cached("entity", iri, lambda: self._entity(iri))

    def _entity(self, iri: str) -> dict:
        onto = self.ontology
        this = _iri(iri)
        subject_rows = list(self.store.query(SUBJECT_TRIPLES, substitutions={"this": this}))
        object_rows = list(self.store.query(OBJECT_TRIPLES, substitutions={"this": this}))
        in_facts: set[tuple[str, str, str]] = set()
        pref, alts, definitions, exact, close = "", [], [], [], []
        asserted_types, inferred_types = [], []
        claim_text, attributed_to = "", []
        for row in subject_rows:
            g, p, o = row["g"].value, row["p"].value, row["o"]
            if g == str(FACTS_GRAPH) and isinstance(o, pyoxigraph.NamedNode):
                in_facts.add((iri, p, o.value))
            if p == SKOS + "prefLabel":
                pref = o.value
            elif p == SKOS + "altLabel":
                alts.append(o.value)
            elif p == SKOS + "definition":
                definitions.append(o.value)
            elif p == SKOS + "exactMatch":
                exact.append(external_id(o.value))
            elif p == SKOS + "closeMatch":
                close.append(external_id(o.value))
            elif p == str(KGO.claimText):
                claim_text = o.value
            elif p == PROV + "wasAttributedTo":
                attributed_to.append(self.link(o.value))
            elif p == RDF_TYPE and o.value != OWL + "NamedIndividual":
                (asserted_types if g == str(FACTS_GRAPH) else inferred_types).append(o.value)
        for row in object_rows:
            if row["g"].value == str(FACTS_GRAPH):
                in_facts.add((row["s"].value, row["p"].value, iri))
        inferred_types = sorted(set(inferred_types) - set(asserted_types), key=lambda t: onto.label(t).lower())
        statements = [_statement(r) for r in self.store.query(STATEMENTS_OF, substitutions={"this": this})]

        # Relations, from the named query, grouped by direction and relation.
        edges = []
        for row in run(self.store, registry()["neighbourhood"], {"entity": iri}):
            direction, rel, n = row["direction"].value, row["relation"].value, row["neighbour"].value
            s, o = (iri, n) if direction == "out" else (n, iri)
            edges.append({"direction": direction, "relation": rel, "relation_label": row["relationLabel"].value,
                          "neighbour": n, "neighbour_label": row["neighbourLabel"].value, "s": s, "o": o,
                          "asserted": (s, rel, o) in in_facts})
        # Hide a super-relation where a more specific one links the same neighbour (exacerbates ⊑ causes).
        implied = {(e["direction"], sup, e["neighbour"]) for e in edges for sup in onto.supers(e["relation"])
                   if sup != e["relation"]}
        edges = [e for e in edges if (e["direction"], e["relation"], e["neighbour"]) not in implied]
        claims, groups = [], {}
        for e in edges:
            e["evidence"] = [st for st in statements if onto.supports(st, e["s"], e["relation"], e["o"])]
            if e["relation"] == str(KGO.claimAbout):
                claims.append(e)
                continue
            # Incoming edges that merely mirror an outgoing inverse are shown once, outgoing.
            if e["direction"] == "in" and not e["asserted"]:
                continue
            group = groups.setdefault((e["direction"], e["relation"]), {
                "direction": e["direction"], "relation": self.link(e["relation"]), "label": e["relation_label"],
                "edges": []})
            group["edges"].append(e)
        outgoing = [g for (d, _), g in groups.items() if d == "out"]
        incoming = [g for (d, _), g in groups.items() if d == "in"]
        for lst in (outgoing, incoming):
            lst.sort(key=lambda g: g["label"].lower())

        is_claim = str(KGO.Claim) in asserted_types
        claim_statements = [st for st in statements if is_claim and st.subject == iri]
        label = pref or onto.label(iri)
        return {
            "iri": iri, "curie": curie(iri), "label": label, "alt_labels": sorted(set(alts), key=str.lower),
            "definitions": definitions, "exact": exact, "close": close,
            "asserted_types": [self.link(t) for t in sorted(asserted_types, key=lambda t: onto.label(t).lower())],
            "inferred_types": [self.link(t) for t in inferred_types],
            "outgoing": outgoing, "incoming": incoming, "claims": claims,
            "is_claim": is_claim, "claim_text": claim_text, "attributed_to": attributed_to,
            "claim_statements": claim_statements,
            "queries": self._entity_queries(iri, label),
            "graph": self._graph_data(iri, label, edges),
            "jsonld": self._schema_jsonld(iri, label, alts, definitions, exact + close,
                                          asserted_types + inferred_types, edges),
        }

    def _entity_queries(self, iri: str, label: str) -> list[dict]:
        """Named queries taking one entity that have an answer for this one (with the number of rows)."""
        offers = []
        for query in registry():
            if query.name in ENTITY_QUERY_EXCLUDE or query.form != "SELECT" or len(query.params) != 1:
                continue
            param = query.params[0]
            if param.type != "iri" or not param.example.startswith("kg:"):
                continue
            rows = len(list(run(self.store, query, {param.name: iri})))
            if rows:
                offers.append({"name": query.name, "summary": query.summary, "param": param.name, "rows": rows,
                               "title": _query_title(query.summary, label)})
        return offers

    def _graph_data(self, iri: str, label: str, edges: list[dict]) -> dict:
        """Cytoscape elements: the entity and its neighbours by asserted relations, at most ``MAX_GRAPH_NODES``."""
        nodes = {iri: {"id": iri, "label": label, "centre": True}}
        links = []
        for e in sorted(edges, key=lambda e: (not e["asserted"], e["relation_label"], e["neighbour_label"])):
            if not e["asserted"] and e["relation"] != str(KGO.claimAbout):
                continue
            if e["neighbour"] not in nodes:
                if len(nodes) >= MAX_GRAPH_NODES:
                    continue
                nodes[e["neighbour"]] = {"id": e["neighbour"], "label": e["neighbour_label"], "centre": False}
            links.append({"id": f"e{len(links)}", "source": e["s"], "target": e["o"], "label": e["relation_label"]})
        total = len({e["neighbour"] for e in edges})
        return {"nodes": list(nodes.values()), "edges": links, "truncated": total > len(nodes) - 1, "total": total}

    def _schema_jsonld(self, iri, label, alts, definitions, ids, types, edges) -> dict:
        """schema.org JSON-LD for search engines: type, names, same-as links and schema-mapped relations."""
        onto = self.ontology
        schema_types = sorted({t[len(SCHEMA):] for t in types if t.startswith(SCHEMA)}) or ["Thing"]
        doc: dict = {"@context": "https://schema.org", "@id": iri, "@type": schema_types, "name": label}
        if alts:
            doc["alternateName"] = sorted(set(alts), key=str.lower)
        if definitions:
            doc["description"] = definitions[0]
        if ids:
            doc["sameAs"] = [i["iri"] for i in ids]
        for e in edges:
            if e["direction"] != "out":
                continue
            mapped = sorted(p for p in onto.supers(e["relation"]) if p.startswith(SCHEMA))
            for prop in mapped:
                doc.setdefault(prop[len(SCHEMA):], []).append({"@id": e["neighbour"], "name": e["neighbour_label"]})
        doc["isBasedOn"] = str(ARTICLE_IRI)
        return doc

    def klass(self, iri: str) -> dict:
        return self._cached("class", iri, lambda: self._klass(iri))

    def _klass(self, iri: str) -> dict:
        onto = self.ontology
        c = onto.classes[iri]
        members = [{"iri": r["member"].value, "label": r["memberLabel"].value,
                    "inferred": r["inferred"].value == "true"}
                   for r in run(self.store, registry()["class-members"], {"class": iri})]
        subs = sorted((k for k, v in onto.classes.items() if iri in v["supers"]), key=lambda k: onto.label(k).lower())
        return {
            "iri": iri, "curie": curie(iri), "label": c["label"] or curie(iri), "comment": c["comment"],
            "supers": [self.link(s) for s in sorted(c["supers"], key=lambda k: onto.label(k).lower())],
            "subs": [self.link(s) for s in subs],
            "definition": [{"property": self.link(p), "filler": self.link(f)} for p, f in onto.definitions.get(iri, [])],
            "asserted": [m for m in members if not m["inferred"]],
            "inferred": [m for m in members if m["inferred"]],
        }

    def property(self, iri: str) -> dict:
        return self._cached("property", iri, lambda: self._property(iri))

    def _property(self, iri: str) -> dict:
        onto = self.ontology
        p = onto.properties[iri]
        subject_rows = list(self.store.query(SUBJECT_TRIPLES, substitutions={"this": _iri(iri)}))
        domain = [self.link(r["o"].value) for r in subject_rows
                  if r["p"].value == RDFS + "domain" and isinstance(r["o"], pyoxigraph.NamedNode)]
        range_ = [self.link(r["o"].value) for r in subject_rows
                  if r["p"].value == RDFS + "range" and isinstance(r["o"], pyoxigraph.NamedNode)]
        characteristics = sorted({r["o"].value.rsplit("#", 1)[-1] for r in subject_rows if r["p"].value == RDF_TYPE}
                                 - {"ObjectProperty", "DatatypeProperty", "AnnotationProperty"})
        usage = {"asserted": 0, "inferred": 0}
        examples = []
        for row in self.store.query(PROPERTY_USAGE, substitutions={"this": _iri(iri)}):
            g = row["g"].value
            if g == str(FACTS_GRAPH):
                usage["asserted"] += 1
                if len(examples) < 12:
                    o = row["o"]
                    examples.append({"s": self.link(row["s"].value),
                                     "o": self.link(o.value) if isinstance(o, pyoxigraph.NamedNode) else None,
                                     "value": o.value})
            elif g == str(INFERRED_GRAPH):
                usage["inferred"] += 1
            elif g == str(PROVENANCE_GRAPH):
                usage.setdefault("provenance", 0)
                usage["provenance"] = usage["provenance"] + 1
        subs = sorted((k for k, v in onto.properties.items() if iri in v["supers"]), key=lambda k: onto.label(k).lower())
        return {
            "iri": iri, "curie": curie(iri), "label": p["label"] or curie(iri), "comment": p["comment"],
            "kinds": sorted(p["kinds"]), "characteristics": characteristics,
            "domain": domain, "range": range_,
            "inverses": [self.link(i) for i in sorted(p["inverses"])],
            "supers": [self.link(s) for s in sorted(p["supers"])], "subs": [self.link(s) for s in subs],
            "usage": usage, "examples": examples,
        }

    def overview(self) -> dict:
        return self._cached("overview", "", self._overview)

    def _overview(self) -> dict:
        onto = self.ontology
        header = {r["p"].value: r["o"].value for r in self.store.query(SUBJECT_TRIPLES, substitutions={"this": ONTOLOGY_NODE})}

        def sort_key(item):
            return item["label"].lower()

        classes = sorted(({**self.link(k), "comment": v["comment"],
                           "supers": [self.link(s) for s in sorted(v["supers"])],
                           "defined": bool(onto.definitions.get(k))}
                          for k, v in onto.classes.items() if k.startswith(str(KGO))), key=sort_key)
        props = sorted(({**self.link(k), "comment": v["comment"], "kinds": sorted(v["kinds"]),
                         "inverses": [self.link(i) for i in sorted(v["inverses"])],
                         "supers": [self.link(s) for s in sorted(v["supers"])]}
                        for k, v in onto.properties.items() if k.startswith(str(KGO))), key=sort_key)
        return {
            "iri": str(ONTOLOGY_IRI), "label": header.get(RDFS + "label", "Ontology"),
            "comment": header.get(RDFS + "comment", ""), "version": header.get(OWL + "versionInfo", ""),
            "license": header.get("http://purl.org/dc/terms/license", ""),
            "classes": classes,
            "object_properties": [p for p in props if "ObjectProperty" in p["kinds"]],
            "other_properties": [p for p in props if "ObjectProperty" not in p["kinds"]],
        }

    def statement(self, iri: str) -> dict | None:
        rows = [r for r in self.store.query(SUBJECT_TRIPLES, substitutions={"this": _iri(iri)})]
        values = {r["p"].value: r["o"].value for r in rows}
        subject = values.get("http://www.w3.org/1999/02/22-rdf-syntax-ns#subject")
        if not subject:
            return None
        begin, end = int(values.get(str(KGO.beginIndex), 0)), int(values.get(str(KGO.endIndex), 0))
        return {
            "iri": iri, "curie": curie(iri),
            "subject": self.link(subject),
            "predicate": self.link(values["http://www.w3.org/1999/02/22-rdf-syntax-ns#predicate"]),
            "object": self.link(values["http://www.w3.org/1999/02/22-rdf-syntax-ns#object"]),
            "quote": values.get(PROV + "value", ""), "begin": begin, "end": end, "anchor": f"q-{begin}-{end}",
            "source": self.link(values.get(PROV + "wasQuotedFrom", str(ARTICLE_IRI))),
        }

    def named_graph(self, iri: str) -> dict:
        rows = [{"predicate": self.link(r["p"].value), "count": int(r["n"].value)}
                for r in self.store.query(GRAPH_PREDICATES, substitutions={"this": _iri(iri)})]
        return {"iri": iri, "curie": curie(iri), "name": iri.rsplit("/", 1)[-1], "predicates": rows,
                "triples": sum(r["count"] for r in rows)}

    def resource(self, iri: str) -> dict:
        """Whatever the graph says about a foreign IRI (a schema.org class, a MeSH id …)."""
        this = _iri(iri)
        out = [{"graph": curie(r["g"].value), "predicate": self.link(r["p"].value),
                "object": self.link(r["o"].value) if isinstance(r["o"], pyoxigraph.NamedNode) else None,
                "value": r["o"].value}
               for r in self.store.query(SUBJECT_TRIPLES, substitutions={"this": this})]
        inc = [{"graph": curie(r["g"].value), "subject": self.link(r["s"].value), "predicate": self.link(r["p"].value)}
               for r in self.store.query(OBJECT_TRIPLES, substitutions={"this": this})]
        inc.sort(key=lambda t: (t["predicate"]["label"].lower(), t["subject"]["label"].lower()))
        return {"iri": iri, "curie": curie(iri), "label": self.ontology.label(iri),
                "external": external_id(iri) if external_id(iri)["scheme"] else None,
                "outgoing": out[:MAX_TRIPLES_SHOWN], "incoming": inc[:MAX_TRIPLES_SHOWN],
                "truncated": len(out) > MAX_TRIPLES_SHOWN or len(inc) > MAX_TRIPLES_SHOWN,
                "total": len(out) + len(inc)}

    def source(self) -> dict:
        return self._cached("source", "", self._source)

    def _source(self) -> dict:
        """The article as tokens (text, open mark, close mark), with the facts every quoted span grounds."""
        text = self.article_text
        spans: dict[tuple[int, int], list[dict]] = {}
        for row in self.store.query(ALL_STATEMENTS):
            st = _statement(row)
            spans.setdefault((st.begin, st.end), []).append({
                "statement": st.iri, "subject": self.link(st.subject), "predicate": self.link(st.predicate),
                "object": self.link(st.object)})
        ordered = sorted(spans, key=lambda be: (be[0], -be[1]))
        tokens, stack, pos = [], [], 0
        for begin, end in ordered:
            while stack and stack[-1] <= begin:
                close = stack.pop()
                tokens.append({"kind": "text", "text": text[pos:close]})
                tokens.append({"kind": "close"})
                pos = close
            if stack:
                end = min(end, stack[-1])  # spans that cross are clipped to their parent
            tokens.append({"kind": "text", "text": text[pos:begin]})
            tokens.append({"kind": "open", "anchor": f"q-{begin}-{end}", "facts": len(spans[(begin, end)]) if (begin, end) in spans else 0,
                           "title": "; ".join(f"{f['subject']['label']} {f['predicate']['label']} {f['object']['label']}"
                                              for f in spans.get((begin, end), []))})
            stack.append(end)
            pos = begin
        while stack:
            close = stack.pop()
            tokens.append({"kind": "text", "text": text[pos:close]})
            tokens.append({"kind": "close"})
            pos = close
        tokens.append({"kind": "text", "text": text[pos:]})
        tokens = [t for t in tokens if t["kind"] != "text" or t["text"]]
        groups = [{"anchor": f"q-{b}-{e}", "begin": b, "end": e, "quote": text[b:e], "facts": spans[(b, e)]}
                  for b, e in ordered]
        return {"iri": str(ARTICLE_IRI), "tokens": tokens, "spans": groups, "length": len(text)}


ONTOLOGY_NODE = pyoxigraph.NamedNode(str(ONTOLOGY_IRI))


_PLACEHOLDER = re.compile(r"\b(?:an? (?:condition or (?:cause|symptom)|condition|cause|symptom|drug|medication|"
                          r"substance|group|treatment|therapy|sign|test)|something)\b")


def _query_title(summary: str, label: str) -> str:
    """Put the entity into a query's summary: "Causes of a condition" → "Causes of Dehydration".

    >>> _query_title("Treatments for a condition or cause", "Dehydration")
    'Treatments for Dehydration'
    >>> _query_title("Dataset statistics", "Dehydration")
    'Dataset statistics: Dehydration'
    """
    title, n = _PLACEHOLDER.subn(lambda _: label, summary, count=1)
    return title if n else f"{summary}: {label}"


def _to_rdflib(term):
    if isinstance(term, pyoxigraph.NamedNode):
        return URIRef(term.value)
    if isinstance(term, pyoxigraph.BlankNode):
        return rdflib.BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    return Literal(term.value, datatype=URIRef(term.datatype.value))


_describers: "weakref.WeakKeyDictionary[object, Describer]" = weakref.WeakKeyDictionary()
_lock = threading.Lock()


def describer(store) -> Describer:
    """The ``Describer`` of ``store``, created once per store."""
    with _lock:
        d = _describers.get(store)
        if d is None:
            d = _describers[store] = Describer(store)
        return d


__all__ = ["Describer", "describer", "curie", "external_id", "MAX_GRAPH_NODES", "DESCRIBE_QUERY"]
