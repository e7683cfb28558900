"""The page model of a property (``kgo:``): domain, range, inverse, super/sub-properties, characteristics, how it is used."""

from __future__ import annotations

import pyoxigraph

from kg.namespaces import FACTS_GRAPH, INFERRED_GRAPH, PROVENANCE_GRAPH
from kg.namespaces import curie
from kg.views.ontology import RDF_TYPE, RDFS, Ontology, select

MAX_EXAMPLES = 12  # asserted uses shown


def page(store, onto: Ontology, iri: str) -> dict:
    """Everything the page of property ``iri`` shows."""
    p = onto.properties[iri]
    subject_rows = list(select(store, "subject-triples", this=iri))
    domain = [onto.link(r["o"].value) for r in subject_rows
              if r["p"].value == RDFS + "domain" and isinstance(r["o"], pyoxigraph.NamedNode)]
    range_ = [onto.link(r["o"].value) for r in subject_rows
              if r["p"].value == RDFS + "range" and isinstance(r["o"], pyoxigraph.NamedNode)]
    characteristics = sorted({r["o"].value.rsplit("#", 1)[-1] for r in subject_rows if r["p"].value == RDF_TYPE}
                             - {"ObjectProperty", "DatatypeProperty", "AnnotationProperty"})
    usage = {"asserted": 0, "inferred": 0}
    examples = []
    for row in select(store, "property-usage", this=iri):
        g = row["g"].value
        if g == str(FACTS_GRAPH):
            usage["asserted"] += 1
            if len(examples) < MAX_EXAMPLES:
                o = row["o"]
                examples.append({"s": onto.link(row["s"].value),
                                 "o": onto.link(o.value) if isinstance(o, pyoxigraph.NamedNode) else None,
                                 "value": o.value})
        elif g == str(INFERRED_GRAPH):
            usage["inferred"] += 1
        elif g == str(PROVENANCE_GRAPH):
            usage["provenance"] = usage.get("provenance", 0) + 1
    subs = sorted((k for k, v in onto.properties.items() if iri in v["supers"]), key=onto.sort_key)
    return {
        "iri": iri, "curie": curie(iri), "label": p["label"] or curie(iri), "comment": p["comment"],
        "kinds": sorted(p["kinds"]), "characteristics": characteristics,
        "domain": domain, "range": range_,
        "inverses": [onto.link(i) for i in sorted(p["inverses"])],
        "supers": [onto.link(s) for s in sorted(p["supers"])], "subs": [onto.link(s) for s in subs],
        "usage": usage, "examples": examples,
    }
