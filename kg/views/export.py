"""Serialise the graph for other systems: whole dataset, one named graph, JSON-LD, relations CSV.

One ``pyoxigraph.Dataset`` (the four named graphs, read from any ``GraphStore``) is written in the
format asked for. Triple formats (Turtle, N-Triples, RDF/XML, JSON-LD) carry the union of
the selected graphs; quad formats (N-Quads, TriG) keep each triple in its named graph.
A whole-dataset dump (``graph="all"``) also carries its VoID/DCAT description (``kg.views.void``):
in the named graph ``kgg:void`` for quad formats, merged into the triples otherwise.
"""

from __future__ import annotations

import csv
import io
import json
import warnings
from dataclasses import dataclass

import pyoxigraph
from pyoxigraph import NamedNode, Quad, RdfFormat

from kg.namespaces import (FACTS_GRAPH, GRAPH, INFERRED_GRAPH, ONTOLOGY_GRAPH,
                         PREFIXES, PROVENANCE_GRAPH)
from kg.sparql.formats import RDF_COUSINS, RDF_FORMATS, find
from kg.sparql.registry import internal

VOID_GRAPH = GRAPH.void  # the dataset description, inside whole-dataset dumps

# Short names for the graphs a user may export on their own.
GRAPHS = {
    "ontology": str(ONTOLOGY_GRAPH),
    "facts": str(FACTS_GRAPH),
    "inferred": str(INFERRED_GRAPH),
    "provenance": str(PROVENANCE_GRAPH),
}
GRAPH_TITLES = {
    "ontology": "Ontology (TBox)",
    "facts": "Asserted facts",
    "inferred": "Inferred by HermiT and the SKOS/RDFS rules",
    "provenance": "Provenance: one rdf:Statement per fact and quote, and the article",
}


@dataclass(frozen=True)
class Format:
    """One download format: its name on the command line, file extension and media type."""

    name: str
    extension: str
    media_type: str
    label: str
    rdf: RdfFormat | None  # None: not an RDF serialisation (the relations CSV)
    quads: bool = False  # keeps the named graphs

    def filename(self, graph: str = "all") -> str:
        stem = "relations" if self.name == "csv" else ("graph" if graph == "all" else graph)
        return f"{stem}.{self.extension}"


FORMATS: dict[str, Format] = {f.name: f for f in (
    *(Format(f.long_name, f.name, f.media_type, f.label, f.oxigraph, f.quads) for f in RDF_FORMATS.values()),
    Format("csv", "csv", "text/csv", "CSV of relations", None),
)}
BY_EXTENSION = {f.extension: f for f in FORMATS.values()}


class ExportError(ValueError):
    """An unknown format or graph; the message lists what is known."""


def find_format(name: str) -> Format:
    """Look a format up by name, alias or extension; raise ``ExportError`` listing the formats."""
    key = name.strip().lower().lstrip(".")
    if key in FORMATS:
        return FORMATS[key]
    found = find(RDF_FORMATS.values(), RDF_COUSINS.get(key, key), aliases=False)
    if found is not None:
        return BY_EXTENSION[found.name]
    raise ExportError(f"unknown format '{name}'; formats: {', '.join(FORMATS)}")


def find_graph(name: str | None) -> str:
    """Return the short name of a graph (``facts``), from a short name, CURIE or IRI; ``all`` for every graph."""
    if name is None or name.strip().lower() in ("", "all"):
        return "all"
    key = name.strip()
    for short, iri in GRAPHS.items():
        if key in (short, iri, f"kgg:{short}", f"<{iri}>"):
            return short
    raise ExportError(f"unknown graph '{name}'; graphs: all, {', '.join(GRAPHS)}")


# --- reading the dataset from a store ---------------------------------------------------------

def dataset_from(store=None, path=None) -> pyoxigraph.Dataset:
    """The four named graphs, from the N-Quads file ``path`` or any ``GraphStore``.

    Read the file when there is one: pyoxigraph's store normalises some literals (an
    ``xsd:nonNegativeInteger`` comes back as ``xsd:integer``), the file is the release as built.
    A remote store is read with one CONSTRUCT per graph.
    """
    data = pyoxigraph.Dataset()
    if path is not None:
        for quad in pyoxigraph.parse(path=str(path), format=RdfFormat.N_QUADS):
            if isinstance(quad.graph_name, NamedNode) and quad.graph_name.value in GRAPHS.values():
                data.add(quad)
        return data
    for iri in GRAPHS.values():
        graph = NamedNode(iri)
        quads = (Quad(t.subject, t.predicate, t.object, graph) for t in store.graph_triples(iri))
        for quad in quads:
            data.add(quad)
    # Canonical blank node labels (RDFC-1.0, as the build writes them): the same graph gives the
    # same bytes, whichever store it was read from.
    data.canonicalize(pyoxigraph.CanonicalizationAlgorithm.RDFC_1_0)
    return data


def select(data: pyoxigraph.Dataset, graph: str = "all") -> list[Quad]:
    """The quads of one graph (short name) or of all, in a stable order."""
    names = list(GRAPHS.values()) if graph == "all" else [GRAPHS[graph]]
    quads = []
    for iri in names:
        quads.extend(sorted(data.quads_for_graph_name(NamedNode(iri)), key=str))
    return quads


# --- JSON-LD ---------------------------------------------------------------------------------

def jsonld_context(data: pyoxigraph.Dataset) -> dict:
    """The compact ``@context``: every prefix of ``kg.namespaces.PREFIXES``, plus a short term per property.

    ``kgo:`` object properties become terms whose values are IRIs (``"causes": {"@id": "kgo:causes",
    "@type": "@id"}``), ``kgo:`` datatype properties keep their range as ``@type``; a few common
    annotation and provenance terms (``prefLabel``, ``altLabel``, ``label``, ``quote`` …) are added.
    """
    context: dict = dict(PREFIXES)
    rdf_type = NamedNode(PREFIXES["rdf"] + "type")
    rdfs_range = NamedNode(PREFIXES["rdfs"] + "range")
    ontology = NamedNode(str(ONTOLOGY_GRAPH))
    kgo = PREFIXES["kgo"]
    terms: dict[str, dict] = {}
    declared = {}
    ontology_quads = list(data.quads_for_graph_name(ontology))
    for quad in ontology_quads:
        if quad.predicate == rdf_type and quad.object.value in (PREFIXES["owl"] + "ObjectProperty",
                                                                 PREFIXES["owl"] + "DatatypeProperty"):
            declared[quad.subject] = quad.object.value.rsplit("#", 1)[1]
    ranges: dict = {}
    for quad in ontology_quads:
        if quad.predicate == rdfs_range:
            ranges.setdefault(quad.subject, []).append(quad.object)
    for prop, kind in declared.items():
        if not isinstance(prop, NamedNode) or not prop.value.startswith(kgo):
            continue
        local = prop.value[len(kgo):]
        term = {"@id": "kgo:" + local}
        if kind == "ObjectProperty":
            term["@type"] = "@id"
        else:
            found = ranges.get(prop, [])
            if len(found) == 1 and found[0].value.startswith(PREFIXES["xsd"]) \
                    and found[0].value != PREFIXES["xsd"] + "string":
                term["@type"] = "xsd:" + found[0].value[len(PREFIXES["xsd"]):]
        terms[local] = term
    common = {
        "prefLabel": {"@id": "skos:prefLabel"},
        "altLabel": {"@id": "skos:altLabel"},
        "definition": {"@id": "skos:definition"},
        "exactMatch": {"@id": "skos:exactMatch", "@type": "@id"},
        "closeMatch": {"@id": "skos:closeMatch", "@type": "@id"},
        "label": {"@id": "rdfs:label"},
        "comment": {"@id": "rdfs:comment"},
        "subClassOf": {"@id": "rdfs:subClassOf", "@type": "@id"},
        "subject": {"@id": "rdf:subject", "@type": "@id"},
        "predicate": {"@id": "rdf:predicate", "@type": "@id"},
        "object": {"@id": "rdf:object", "@type": "@id"},
        "quote": {"@id": "prov:value"},
        "wasQuotedFrom": {"@id": "prov:wasQuotedFrom", "@type": "@id"},
    }
    for name, term in common.items():
        terms.setdefault(name, term)
    for name in sorted(terms):
        if name not in context:
            context[name] = terms[name]
    return context


def _jsonld(quads: list[Quad], context: dict) -> bytes:
    """Compact JSON-LD of the triples of ``quads`` (the union), with ``context`` inline."""
    from rdflib import Graph

    nt = pyoxigraph.serialize([q.triple for q in quads], format=RdfFormat.N_TRIPLES)
    graph = Graph()
    graph.parse(data=nt, format="nt")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        text = graph.serialize(format="json-ld", context=context, auto_compact=True, sort_keys=True, indent=1)
    return text.encode("utf-8")


# --- the relations CSV -----------------------------------------------------------------------

CSV_COLUMNS = ("subject", "subject_label", "relation", "object", "object_label", "quote")


def relations_rows(store) -> list[tuple[str, ...]]:
    """One row per asserted fact and quote that supports it, ordered by subject, relation, object, position."""
    rows = []
    for s in store.query(internal("relations").sparql):
        begin = int(s["begin"].value) if s["begin"] is not None else -1
        rows.append((s["subject"].value, s["subjectLabel"].value if s["subjectLabel"] else "",
                     s["relation"].value, s["object"].value, s["objectLabel"].value if s["objectLabel"] else "",
                     s["quote"].value, begin))
    rows = sorted(set(rows), key=lambda r: (r[0], r[2], r[3], r[6], r[5]))
    return [r[:6] for r in rows]


def relations_csv(store) -> bytes:
    """The relations as CSV (RFC 4180, UTF-8, header row ``subject,subject_label,relation,object,object_label,quote``)."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    writer.writerows(relations_rows(store))
    return out.getvalue().encode("utf-8")


# --- one call for every format ---------------------------------------------------------------

def serialize(data: pyoxigraph.Dataset, fmt: Format, graph: str = "all", description: list | None = None) -> bytes:
    """Write the selected graph(s) of ``data`` in ``fmt``; ``description`` (VoID triples) joins a whole-dataset dump."""
    if fmt.rdf is None:
        raise ExportError("the relations CSV is written by relations_csv(store)")
    quads = select(data, graph)
    if graph == "all" and description:
        void = NamedNode(str(VOID_GRAPH))
        quads = quads + [Quad(t.subject, t.predicate, t.object, void) for t in description]
    if fmt.rdf == RdfFormat.JSON_LD:
        return _jsonld(quads, jsonld_context(data))
    if fmt.quads:
        return pyoxigraph.serialize(quads, format=fmt.rdf, prefixes=PREFIXES) if fmt.rdf != RdfFormat.N_QUADS \
            else pyoxigraph.serialize(quads, format=fmt.rdf)
    triples = list(dict.fromkeys(q.triple for q in quads))
    if fmt.rdf == RdfFormat.N_TRIPLES:
        return pyoxigraph.serialize(triples, format=fmt.rdf)
    return pyoxigraph.serialize(triples, format=fmt.rdf, prefixes=PREFIXES)


def context_document(data: pyoxigraph.Dataset) -> bytes:
    """The ``@context`` alone, as a JSON-LD context document others can reference."""
    return json.dumps({"@context": jsonld_context(data)}, indent=1, sort_keys=True).encode("utf-8")


__all__ = ["FORMATS", "GRAPHS", "Format", "ExportError", "find_format", "find_graph", "dataset_from",
           "select", "serialize", "relations_csv", "relations_rows", "jsonld_context", "context_document",
           "VOID_GRAPH", "CSV_COLUMNS"]
