"""The page model of an entity (``kg:``), reader first, as health sites and Wikidata's entity pages open.

Names, the article's definition, synonyms (``skos:altLabel`` only; lay search words apart) and
identifiers; then the summary in the article's order of importance, one line per fact with its
qualifiers in plain words and its quotes folded (``kg.views.facts``); what the article does not
settle and what it merely claims (``kg.views.claims``); the other facts, each once, read from
this entity's side; the named queries with an answer; the neighbourhood graph; schema.org JSON-LD.
"""

from __future__ import annotations

import re

from kg.namespaces import ARTICLE_IRI, FACTS_GRAPH, KGO, KGV, curie
from kg.sparql.errors import EngineError
from kg.sparql.registry import registry, run
from kg.views import claims, facts
from kg.views import evidence as evidence_of
from kg.views.ontology import OWL, RDF_TYPE, SCHEMA, SKOS, Ontology, external_id, select
from kg.views.wording import count, denied, local, lower_first, predicate_words, qualifier_words

MAX_GRAPH_NODES = 40  # neighbourhood graph cap (centre included)

# What a claim's kind means, for its page.
CLAIM_KINDS = {"promotional": "A promotional claim: the publisher promotes its own product and gives no evidence.",
               "contradictory": "One side of something the article says in ways that do not agree."}

# Descriptive facts (literals in the article's words) and how a page heads them.
DESCRIPTIVE = {str(KGO.duration): "How long it lasts", str(KGO.course): "How it develops"}

# Named queries an entity page does not offer (they take more than the entity, or list everything).
ENTITY_QUERY_EXCLUDE = {"neighbourhood", "evidence", "fact-exists", "class-members"}


def page(store, onto: Ontology, iri: str) -> dict:
    """Everything the entity page of ``iri`` shows, reader first: names and definition, the summary, claims, the rest."""
    pref, alts, lay, everyday, definitions, exact, close = "", [], [], [], [], [], []
    asserted_types, inferred_types = [], []
    for row in select(store, "subject-triples", this=iri):
        g, p, o = row["g"].value, row["p"].value, row["o"]
        if p == SKOS + "prefLabel":
            pref = o.value
        elif p == SKOS + "altLabel":
            alts.append(o.value)
        elif p == str(KGO.searchLabel):
            lay.append(o.value)
        elif p == str(KGO.laySynonym):
            everyday.append(o.value)
        elif p == SKOS + "definition":
            definitions.append(o.value)
        elif p == SKOS + "exactMatch":
            exact.append(external_id(o.value))
        elif p == SKOS + "closeMatch":
            close.append(external_id(o.value))
        elif p == RDF_TYPE and o.value != OWL + "NamedIndividual":
            (asserted_types if g == str(FACTS_GRAPH) else inferred_types).append(o.value)
    label = pref or onto.label(iri)
    inferred_types = sorted(set(inferred_types) - set(asserted_types), key=onto.sort_key)
    evidence = evidence_of.read(store, onto, iri)
    all_facts = facts.read(store, onto, iri, evidence)
    what, sections, used = facts.summary(onto, label, all_facts, facts.broader(store))
    _place_negations(onto, label, iri, evidence, what, sections)
    is_claim = str(KGO.Claim) in asserted_types
    about_claims = claims.about(store, onto, iri)
    edges = [{"s": f.subject, "o": f.object, "label": onto.properties[f.relation]["label"],
              "neighbour": f.neighbour["iri"], "neighbour_label": f.neighbour["label"],
              "reading": None if f.reading["incoming"] else f.reading["iri"]} for f in all_facts if not f.derived]
    edges += [{"s": c["iri"], "o": iri, "label": onto.properties[str(KGO.claimAbout)]["label"], "neighbour": c["iri"],
               "neighbour_label": c["text"], "reading": None}
              for c in about_claims["claims"] + [sd for g in about_claims["contradictions"] for sd in g["sides"]]
              if iri in [a["iri"] for a in c["about"]]]
    queries = _queries(store, iri, label)
    unsettled = len(about_claims["contradictions"])
    claim = claims.claim_page(store, onto, iri) if is_claim else None
    if claim:
        claim["kind_words"] = CLAIM_KINDS.get(claim["claim"]["kind"], "")
    return {
        "iri": iri, "curie": curie(iri), "label": label,
        "alt_labels": sorted(set(alts), key=str.lower), "lay_synonyms": sorted(set(everyday) - set(alts), key=str.lower),
        "search_labels": sorted(set(lay) - set(alts) - set(everyday), key=str.lower),
        "definitions": _definitions(definitions, evidence), "descriptions": _descriptions(onto, iri, evidence),
        "exact": exact, "close": close,
        "asserted_types": [onto.link(t) for t in sorted(asserted_types, key=onto.sort_key) if t != str(KGO.Claim)],
        "inferred_types": [{**onto.link(t), "because": _because(onto, t)} for t in inferred_types
                           if t in onto.definitions],
        "what": what, "sections": sections,
        "more": facts.more(onto, label, all_facts, used),
        "facts": len(all_facts),
        "claims": about_claims["claims"], "contradictions": about_claims["contradictions"],
        "unsettled_note": (f"The article is not consistent on {count(unsettled, 'point')} about {label}."
                           if unsettled else ""),
        "is_claim": is_claim, "claim": claim,
        "queries": queries, "queries_summary": f"{count(len(queries), 'named query', 'named queries')} "
                                               f"with an answer about {label}",
        "graph": _graph_data(iri, label, edges),
        "jsonld": _schema_jsonld(onto, iri, label, alts, definitions, exact + close,
                                 asserted_types + inferred_types, edges),
    }


def _definitions(texts: list[str], evidence: list) -> list[dict]:
    """Each definition the article gives, with the quotes it is read from (the text is verbatim in each)."""
    out = []
    for text in sorted(set(texts)):
        quotes = [ev for ev in evidence if ev.predicate == SKOS + "definition" and ev.object == text]
        out.append({"text": text, "evidence": quotes, "quotes": count(len(quotes), "quote"),
                    "anchor": quotes[0].anchor if quotes else ""})
    return out


def _descriptions(onto: Ontology, iri: str, evidence: list) -> list[dict]:
    """Descriptive facts in the article's words (how long it lasts, how it develops), each with its quotes."""
    found: dict[tuple[str, str], list] = {}
    for ev in evidence:
        if ev.subject == iri and not ev.object_is_iri and ev.predicate in DESCRIPTIVE:
            found.setdefault((ev.predicate, ev.object), []).append(ev)
    groups: dict[str, dict] = {}
    for (p, text), evs in sorted(found.items(), key=lambda kv: (list(DESCRIPTIVE).index(kv[0][0]), kv[1][0].begin)):
        group = groups.setdefault(p, {"words": DESCRIPTIVE[p], "entries": []})
        group["entries"].append({"text": text, "evidence": evs, "quotes": count(len(evs), "quote"),
                               "qualifiers": qualifier_words(onto, evs, p)})
    for group in groups.values():
        group["several"] = len(group["entries"]) > 1  # two durations: the article does not agree with itself
    return list(groups.values())


def _place_negations(onto: Ontology, label: str, iri: str, evidence: list, what: list, sections: list) -> None:
    """What the article says does not hold ("ALS has no cure"): at the top of the section it belongs to."""
    for ev in evidence:
        if not ev.negated or ev.subject != iri:
            continue
        rel = onto.properties.get(ev.predicate, {}).get("label", local(ev.predicate))
        said = denied(label, rel, lower_first(onto.label(ev.object)) if ev.object != str(KGV.any) else "")
        item = {"said": said, "evidence": [ev], "quotes": count(1, "quote")}
        section = next((s for s in sections for key, _, relation, side in facts.SUMMARY
                        if s["key"] == key and _negation_fits(onto, ev.predicate, relation, side)), None)
        if section is None:
            key, title, relation, side = next(((k, t, r, sd) for k, t, r, sd in facts.SUMMARY
                                               if _negation_fits(onto, ev.predicate, r, sd)), (None,) * 4)
            if key is None:
                what.append({"words": "The article says", "lines": [], "negations": [item]})
                continue
            section = {"key": key, "title": title.format(label=lower_first(label)), "count": 0,
                       "quotes": count(0, "quote"), "groups": []}
            sections.append(section)
        section.setdefault("negations", []).append(item)


def _negation_fits(onto: Ontology, predicate: str, relation: str, side: str) -> bool:
    rel = str(KGO[relation])
    inverse = onto.inverse(predicate)
    return (side == "subject" and rel in onto.supers(predicate)) or \
        (side == "object" and bool(inverse) and rel in onto.supers(inverse))


def _because(onto: Ontology, cls: str) -> str:
    """Why the reasoner puts an entity in a class, in words: "it causes something"."""
    for prop, _filler in onto.definitions.get(cls, ()):
        if prop in onto.properties:
            return "the article says it " + predicate_words(onto.properties[prop]["label"]) + " something"
    return ""



def _queries(store, iri: str, label: str) -> list[dict]:
    """Named queries taking one entity that have an answer for this one, with the number of answers (not rows)."""
    offers = []
    for query in registry():
        if query.name in ENTITY_QUERY_EXCLUDE or query.form != "SELECT" or len(query.params) != 1:
            continue
        param = query.params[0]
        if param.type != "iri" or not param.example.startswith("kg:"):
            continue
        try:
            results = run(store, query, {param.name: iri})
            answer = next((v.value for v in results.variables if v.value != param.name), None)
            rows = [row[answer] if answer else None for row in results]
        except EngineError:  # a remote store that refuses one count (Virtuoso's cost estimate) costs one link, not the page
            offers.append({"name": query.name, "summary": query.summary, "param": param.name, "rows": None,
                           "answers": "not counted", "title": query_title(query.summary, label)})
            continue
        if rows:
            offers.append({"name": query.name, "summary": query.summary, "param": param.name, "rows": len(rows),
                           "answers": count(len({str(r) for r in rows}), "answer"),
                           "title": query_title(query.summary, label)})
    return offers


def _graph_data(iri: str, label: str, edges: list[dict]) -> dict:
    """Cytoscape elements: the entity and its neighbours by stated facts and claims, at most ``MAX_GRAPH_NODES``."""
    nodes = {iri: {"id": iri, "label": label, "centre": True}}
    links = []
    for e in sorted(edges, key=lambda e: (e["label"], e["neighbour_label"])):
        if e["neighbour"] not in nodes:
            if len(nodes) >= MAX_GRAPH_NODES:
                continue
            nodes[e["neighbour"]] = {"id": e["neighbour"], "label": e["neighbour_label"], "centre": False}
        links.append({"id": f"e{len(links)}", "source": e["s"], "target": e["o"], "label": e["label"],
                      "phrase": predicate_words(e["label"])})
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
        if not e["reading"]:
            continue
        mapped = sorted(p for p in onto.supers(e["reading"]) if p.startswith(SCHEMA))
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
