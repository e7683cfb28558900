"""The page model of an entity (``kg:``): names, types, identifiers, relations with their quotes, claims, queries, graph.

Relations come from the named query ``neighbourhood`` (asserted and inferred, both directions);
each carries the evidence statements that ground it, in either direction of an inverse pair.
"""

from __future__ import annotations

import re

import pyoxigraph

from kg.namespaces import ARTICLE_IRI, FACTS_GRAPH, KGO, curie
from kg.sparql.registry import registry, run
from kg.views.ontology import OWL, PROV, RDF_TYPE, SCHEMA, SKOS, Ontology, Statement, external_id, select

MAX_GRAPH_NODES = 40  # neighbourhood graph cap (centre included)

# Named queries an entity page does not offer (they take more than the entity, or list everything).
ENTITY_QUERY_EXCLUDE = {"neighbourhood", "evidence", "fact-exists", "class-members"}


def page(store, onto: Ontology, iri: str) -> dict:
    """Everything the entity page of ``iri`` shows."""
    subject_rows = list(select(store, "subject-triples", this=iri))
    object_rows = list(select(store, "object-triples", this=iri))
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
            attributed_to.append(onto.link(o.value))
        elif p == RDF_TYPE and o.value != OWL + "NamedIndividual":
            (asserted_types if g == str(FACTS_GRAPH) else inferred_types).append(o.value)
    for row in object_rows:
        if row["g"].value == str(FACTS_GRAPH):
            in_facts.add((row["s"].value, row["p"].value, iri))
    inferred_types = sorted(set(inferred_types) - set(asserted_types), key=onto.sort_key)
    statements = [Statement.from_row(r) for r in select(store, "statements-of", this=iri)]
    edges = _edges(store, onto, iri, in_facts)
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
            "direction": e["direction"], "relation": onto.link(e["relation"]), "label": e["relation_label"],
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
        "asserted_types": [onto.link(t) for t in sorted(asserted_types, key=onto.sort_key)],
        "inferred_types": [onto.link(t) for t in inferred_types],
        "outgoing": outgoing, "incoming": incoming, "claims": claims,
        "is_claim": is_claim, "claim_text": claim_text, "attributed_to": attributed_to,
        "claim_statements": claim_statements,
        "queries": _queries(store, iri, label),
        "graph": _graph_data(iri, label, edges),
        "jsonld": _schema_jsonld(onto, iri, label, alts, definitions, exact + close,
                                 asserted_types + inferred_types, edges),
    }


def _edges(store, onto: Ontology, iri: str, in_facts: set[tuple[str, str, str]]) -> list[dict]:
    """The entity's relations from the named query, less a super-relation a more specific one already shows."""
    edges = []
    for row in run(store, registry()["neighbourhood"], {"entity": iri}):
        direction, rel, n = row["direction"].value, row["relation"].value, row["neighbour"].value
        s, o = (iri, n) if direction == "out" else (n, iri)
        edges.append({"direction": direction, "relation": rel, "relation_label": row["relationLabel"].value,
                      "neighbour": n, "neighbour_label": row["neighbourLabel"].value, "s": s, "o": o,
                      "asserted": (s, rel, o) in in_facts})
    # Hide a super-relation where a more specific one links the same neighbour (exacerbates ⊑ causes).
    implied = {(e["direction"], sup, e["neighbour"]) for e in edges for sup in onto.supers(e["relation"])
               if sup != e["relation"]}
    return [e for e in edges if (e["direction"], e["relation"], e["neighbour"]) not in implied]


def _queries(store, iri: str, label: str) -> list[dict]:
    """Named queries taking one entity that have an answer for this one (with the number of rows)."""
    offers = []
    for query in registry():
        if query.name in ENTITY_QUERY_EXCLUDE or query.form != "SELECT" or len(query.params) != 1:
            continue
        param = query.params[0]
        if param.type != "iri" or not param.example.startswith("kg:"):
            continue
        rows = len(list(run(store, query, {param.name: iri})))
        if rows:
            offers.append({"name": query.name, "summary": query.summary, "param": param.name, "rows": rows,
                           "title": query_title(query.summary, label)})
    return offers


def _graph_data(iri: str, label: str, edges: list[dict]) -> dict:
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


def _schema_jsonld(onto: Ontology, iri, label, alts, definitions, ids, types, edges) -> dict:
    """schema.org JSON-LD for search engines: type, names, same-as links and schema-mapped relations."""
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


_PLACEHOLDER = re.compile(r"\b(?:an? (?:condition or (?:cause|symptom)|condition|cause|symptom|drug|medication|"
                          r"substance|group|treatment|therapy|sign|test)|something)\b")


def query_title(summary: str, label: str) -> str:
    """Put the entity into a query's summary: "Causes of a condition" → "Causes of Dehydration".

    >>> query_title("Treatments for a condition or cause", "Dehydration")
    'Treatments for Dehydration'
    >>> query_title("Dataset statistics", "Dehydration")
    'Dataset statistics: Dehydration'
    """
    title, n = _PLACEHOLDER.subn(lambda _: label, summary, count=1)
    return title if n else f"{summary}: {label}"
