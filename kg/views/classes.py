"""The page models of the ontology: one class (definition, super/subclasses, members) and the overview of every term."""

from __future__ import annotations

from kg.namespaces import KGO, ONTOLOGY_IRI
from kg.sparql.registry import registry, run
from kg.namespaces import curie
from kg.views.ontology import OWL, RDFS, Ontology, select


def page(store, onto: Ontology, iri: str) -> dict:
    """A class: its definition (for defined classes), super- and subclasses, members asserted and inferred."""
    c = onto.classes[iri]
    members = [{"iri": r["member"].value, "label": r["memberLabel"].value,
                "inferred": r["inferred"].value == "true"}
               for r in run(store, registry()["class-members"], {"class": iri})]
    subs = sorted((k for k, v in onto.classes.items() if iri in v["supers"]), key=onto.sort_key)
    return {
        "iri": iri, "curie": curie(iri), "label": c["label"] or curie(iri), "comment": c["comment"],
        "supers": [onto.link(s) for s in sorted(c["supers"], key=onto.sort_key)],
        "subs": [onto.link(s) for s in subs],
        "definition": [{"property": onto.link(p), "filler": onto.link(f)} for p, f in onto.definitions.get(iri, [])],
        "asserted": [m for m in members if not m["inferred"]],
        "inferred": [m for m in members if m["inferred"]],
    }


def overview(store, onto: Ontology) -> dict:
    """The ontology itself: its header, and every class and relation with its label, meaning and mappings."""
    header = {r["p"].value: r["o"].value for r in select(store, "subject-triples", this=str(ONTOLOGY_IRI))}

    def sort_key(item):
        return item["label"].lower()

    classes = sorted(({**onto.link(k), "comment": v["comment"],
                       "supers": [onto.link(s) for s in sorted(v["supers"])],
                       "defined": bool(onto.definitions.get(k))}
                      for k, v in onto.classes.items() if k.startswith(str(KGO))), key=sort_key)
    props = sorted(({**onto.link(k), "comment": v["comment"], "kinds": sorted(v["kinds"]),
                     "inverses": [onto.link(i) for i in sorted(v["inverses"])],
                     "supers": [onto.link(s) for s in sorted(v["supers"])]}
                    for k, v in onto.properties.items() if k.startswith(str(KGO))), key=sort_key)
    return {
        "iri": str(ONTOLOGY_IRI), "label": header.get(RDFS + "label", "Ontology"),
        "comment": header.get(RDFS + "comment", ""), "version": header.get(OWL + "versionInfo", ""),
        "license": header.get("http://purl.org/dc/terms/license", ""),
        "classes": classes,
        "object_properties": [p for p in props if "ObjectProperty" in p["kinds"]],
        "other_properties": [p for p in props if "ObjectProperty" not in p["kinds"]],
    }
