"""The page models of what the graph records rather than describes: an evidence statement, a named graph, a foreign IRI."""

from __future__ import annotations

import pyoxigraph

from kg.namespaces import ARTICLE_IRI, KGO, KGV
from kg.namespaces import curie
from kg.views import evidence as evidence_of
from kg.views.ontology import PROV, Ontology, external_id, select
from kg.views.wording import denied, lower_first, predicate_words

MAX_TRIPLES_SHOWN = 200  # generic resource pages
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"


def statement(store, onto: Ontology, iri: str) -> dict | None:
    """One evidence statement (``kgs:``): the fact, the verbatim quote, its place in the article; None if it is not one."""
    values = {r["p"].value: r["o"].value for r in select(store, "subject-triples", this=iri)}
    subject = values.get(RDF + "subject")
    if not subject:
        return None
    begin, end = int(values.get(str(KGO.beginIndex), 0)), int(values.get(str(KGO.endIndex), 0))
    found = [ev for ev in [evidence_of.statement(store, onto, iri)] if ev is not None]
    predicate = values[RDF + "predicate"]
    obj = values[RDF + "object"]
    relation = onto.properties.get(predicate, {}).get("label") or onto.label(predicate)
    if found and found[0].negated:
        said = denied(onto.label(subject), relation, "" if obj == str(KGV.any) else lower_first(onto.label(obj)))
    else:
        said = f"{onto.label(subject)} {predicate_words(relation)} " + (
            lower_first(onto.label(obj)) if obj.startswith("http") else f"“{obj}”")
    return {
        "iri": iri, "curie": curie(iri), "evidence": found[0] if found else None,
        "said": said,
        "subject": onto.link(subject),
        "predicate": onto.link(values[RDF + "predicate"]),
        "object": onto.link(values[RDF + "object"]),
        "quote": values.get(PROV + "value", ""), "begin": begin, "end": end, "anchor": f"q-{begin}-{end}",
        "source": onto.link(values.get(PROV + "wasQuotedFrom", str(ARTICLE_IRI))),
    }


def named_graph(store, onto: Ontology, iri: str) -> dict:
    """A named graph (``kgg:``): how many triples use each predicate."""
    rows = [{"predicate": onto.link(r["p"].value), "count": int(r["n"].value)}
            for r in select(store, "graph-predicates", this=iri)]
    return {"iri": iri, "curie": curie(iri), "name": iri.rsplit("/", 1)[-1], "predicates": rows,
            "triples": sum(r["count"] for r in rows)}


def resource(store, onto: Ontology, iri: str) -> dict:
    """Whatever the graph says about a foreign IRI (a schema.org class, a MeSH id …)."""
    out = [{"graph": curie(r["g"].value), "predicate": onto.link(r["p"].value),
            "object": onto.link(r["o"].value) if isinstance(r["o"], pyoxigraph.NamedNode) else None,
            "value": r["o"].value}
           for r in select(store, "subject-triples", this=iri)]
    inc = [{"graph": curie(r["g"].value), "subject": onto.link(r["s"].value), "predicate": onto.link(r["p"].value)}
           for r in select(store, "object-triples", this=iri)]
    inc.sort(key=lambda t: (t["predicate"]["label"].lower(), t["subject"]["label"].lower()))
    external = external_id(iri)
    return {"iri": iri, "curie": curie(iri), "label": onto.label(iri),
            "external": external if external["scheme"] else None,
            "outgoing": out[:MAX_TRIPLES_SHOWN], "incoming": inc[:MAX_TRIPLES_SHOWN],
            "truncated": len(out) > MAX_TRIPLES_SHOWN or len(inc) > MAX_TRIPLES_SHOWN,
            "total": len(out) + len(inc)}
