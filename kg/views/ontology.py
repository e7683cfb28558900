"""What every page model shares: the ontology read once per store, names and links for IRIs, evidence statements.

Everything is read with the queries in ``queries/internal/`` (``select``), so the same code works
on the embedded store and on a remote backend.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pyoxigraph

from kg.namespaces import EXTERNAL_PREFIXES, curie
from kg.sparql.registry import internal
from kg.store.memo import per_store
from kg.views.labels import Labels, labels

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
OWL = "http://www.w3.org/2002/07/owl#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
PROV = "http://www.w3.org/ns/prov#"
SCHEMA = "http://schema.org/"

# Names for the standard terms the facts use as relations (the ontology does not label other vocabularies).
STANDARD_LABELS = {SKOS + "definition": "definition", SKOS + "prefLabel": "preferred label",
                   SKOS + "altLabel": "also known as", RDF_TYPE: "is a", RDFS + "label": "label",
                   RDFS + "comment": "comment"}


def select(store, name: str, **iris: str):
    """Run the internal query ``name`` on ``store`` with each keyword bound to an IRI (as a term, never as text)."""
    return store.query(internal(name).sparql,
                       substitutions={var: pyoxigraph.NamedNode(iri) for var, iri in iris.items()} or None)


EXTERNAL_SCHEMES = {
    EXTERNAL_PREFIXES["mesh"]: ("MeSH", ""),
    EXTERNAL_PREFIXES["hp"]: ("HPO", "HP:"),
    EXTERNAL_PREFIXES["doid"]: ("Disease Ontology", "DOID:"),
    EXTERNAL_PREFIXES["wd"]: ("Wikidata", ""),
    EXTERNAL_PREFIXES["snomed"]: ("SNOMED CT", ""),
}


def external_id(iri: str) -> dict:
    """Name the vocabulary and the code of an external identifier IRI.

    >>> external_id("http://purl.obolibrary.org/obo/HP_0001944")["code"]
    'HP:0001944'
    """
    for ns, (scheme, code_prefix) in EXTERNAL_SCHEMES.items():
        if iri.startswith(ns):
            return {"iri": iri, "scheme": scheme, "code": code_prefix + iri[len(ns):]}
    return {"iri": iri, "scheme": "", "code": iri}


def term_value(term) -> str:
    return term.value if term is not None else ""


@dataclass
class Statement:
    """One evidence statement: a fact, the verbatim quote that grounds it, and where the quote is in the article."""

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

    @classmethod
    def from_row(cls, row) -> "Statement":
        return cls(row["st"].value, row["s"].value, row["p"].value, row["o"].value, row["quote"].value,
                   int(row["begin"].value), int(row["end"].value))


@dataclass
class Ontology:
    """Names, classes and properties of the graph: read once per store."""

    names: Labels
    properties: dict[str, dict]
    classes: dict[str, dict]
    definitions: dict[str, list[tuple[str, str]]]
    values: dict[str, dict] = field(default_factory=dict)  # controlled values (kgv:): label, scheme, rank
    _supers_cache: dict[str, frozenset[str]] = field(default_factory=dict, repr=False)

    @classmethod
    def from_store(cls, store) -> "Ontology":
        """Read the ontology's properties, classes and class definitions, and every label, from ``store``."""
        properties: dict[str, dict] = {}
        for row in select(store, "properties"):
            p = properties.setdefault(row["p"].value, {"iri": row["p"].value, "kinds": set(), "label": "",
                                                       "comment": "", "inverses": set(), "supers": set()})
            p["kinds"].add(row["kind"].value.rsplit("#", 1)[-1])
            p["label"] = term_value(row["label"]) or p["label"]
            p["comment"] = term_value(row["comment"]) or p["comment"]
            if row["inverse"] is not None:
                p["inverses"].add(row["inverse"].value)
            if row["super"] is not None:
                p["supers"].add(row["super"].value)
        classes: dict[str, dict] = {}
        for row in select(store, "classes"):
            c = classes.setdefault(row["c"].value, {"iri": row["c"].value, "label": "", "comment": "", "supers": set()})
            c["label"] = term_value(row["label"]) or c["label"]
            c["comment"] = term_value(row["comment"]) or c["comment"]
            if row["super"] is not None:
                c["supers"].add(row["super"].value)
        definitions: dict[str, list[tuple[str, str]]] = {}
        for row in select(store, "definitions"):
            definitions.setdefault(row["c"].value, []).append((row["property"].value, row["filler"].value))
        values = {row["value"].value: {"label": row["label"].value, "scheme": row["scheme"].value,
                                       "rank": int(row["rank"].value) if row["rank"] is not None else None}
                  for row in select(store, "qualifier-values")}
        return cls(labels(store), properties, classes, definitions, values)

    def label(self, iri: str) -> str:
        """The name to show for ``iri``; its CURIE when it has none."""
        return (self.names.label(iri) or self.values.get(iri, {}).get("label") or STANDARD_LABELS.get(iri)
                or curie(iri))

    def value_label(self, iri: str) -> str:
        """The label of a controlled value (``kgv:can`` → "can"); "" for none."""
        if not iri:
            return ""
        return self.values[iri]["label"] if iri in self.values else iri.rsplit("/", 1)[-1].replace("-", " ")

    def rank(self, iri: str) -> int:
        """The rank of a controlled value within its scheme (urgencies: 1 is the most urgent); 99 for none."""
        rank = self.values.get(iri, {}).get("rank")
        return rank if rank is not None else 99

    def link(self, iri: str) -> dict:
        """A node to show: its IRI, label and CURIE (the template turns it into a link)."""
        return {"iri": iri, "label": self.label(iri), "curie": curie(iri)}

    def sort_key(self, iri: str) -> str:
        return self.label(iri).lower()

    def supers(self, prop: str) -> frozenset[str]:
        """``prop`` and every property it is a sub-property of (transitively)."""
        if prop not in self._supers_cache:
            seen, todo = set(), [prop]
            while todo:
                p = todo.pop()
                if p in seen:
                    continue
                seen.add(p)
                todo.extend(self.properties.get(p, {}).get("supers", ()))
            self._supers_cache[prop] = frozenset(seen)
        return self._supers_cache[prop]

    def inverse(self, prop: str) -> str | None:
        inverses = self.properties.get(prop, {}).get("inverses", ())
        return min(inverses) if inverses else None

    def supports(self, st: Statement, subject: str, relation: str, obj: str) -> bool:
        """Does evidence statement ``st`` ground the fact (``subject`` ``relation`` ``obj``), in either direction of an inverse pair?"""
        if st.subject == subject and st.object == obj and relation in self.supers(st.predicate):
            return True
        inverse = self.inverse(relation)
        return bool(inverse and st.subject == obj and st.object == subject and inverse in self.supers(st.predicate))


ontology = per_store(Ontology.from_store)
ontology.__doc__ = """The ``Ontology`` of ``store``, read on first use and kept as long as the store lives."""
