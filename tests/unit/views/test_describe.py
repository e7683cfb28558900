"""kg.views.describe: what an IRI is, its page model, its evidence — on the small graph and the real one."""

from __future__ import annotations

import pytest

from kg import paths
from kg.views.describe import Describer, describer
from kg.views.entity import MAX_GRAPH_NODES
from kg.namespaces import curie
from kg.views.ontology import external_id
from kg.namespaces import ARTICLE_IRI, FACTS_GRAPH, KG, KGO, ONTOLOGY_IRI, STATEMENT

ENTITY_IDS = ["knee-muscle-spasm", "muscle-spasm", "dehydration", "calcium", "caffeine", "stimulants", "hydration",
              "blood-test", "athletes", "vitamin-deficiencies"]


@pytest.mark.parametrize("ident", ENTITY_IDS)
def test_every_relation_shown_is_grounded(mini_store, ident):
    """On every entity page, every relation, asserted or inferred, in or out, shows at least one quote."""
    model = describer(mini_store).entity(str(KG[ident]))
    edges = [e for g in model["outgoing"] + model["incoming"] for e in g["edges"]]
    assert edges, ident
    text = paths.ARTICLE.read_text(encoding="utf-8")
    for edge in edges:
        assert edge["evidence"], (ident, edge["relation_label"], edge["neighbour_label"])
        for st in edge["evidence"]:
            assert text[st.begin:st.end] == st.quote


@pytest.mark.parametrize("ident", ["knee-muscle-spasm", "dehydration", "magnesium", "muscle-twitching", "als"])
def test_real_relations_are_grounded(real_store, ident):
    model = describer(real_store).entity(str(KG[ident]))
    for group in model["outgoing"] + model["incoming"]:
        for edge in group["edges"]:
            assert edge["evidence"], (ident, group["label"], edge["neighbour_label"])


def test_inferred_inverse_is_marked_and_grounded(mini_store):
    model = describer(mini_store).entity(str(KG["knee-muscle-spasm"]))
    caused_by = next(g for g in model["outgoing"] if g["relation"]["iri"] == str(KGO.causedBy))
    edge = next(e for e in caused_by["edges"] if e["neighbour"] == str(KG.dehydration))
    assert not edge["asserted"] and edge["evidence"]
    causes_in = next(g for g in model["incoming"] if g["relation"]["iri"] == str(KGO.causes))
    assert all(e["asserted"] for e in causes_in["edges"])  # incoming: only what was asserted


def test_types_asserted_and_inferred_are_told_apart(mini_store):
    model = describer(mini_store).entity(str(KG.dehydration))
    asserted = {t["iri"] for t in model["asserted_types"]}
    inferred = {t["iri"] for t in model["inferred_types"]}
    assert asserted == {str(KGO.MedicalCondition)}
    assert str(KGO.Cause) in inferred and not asserted & inferred


def test_a_more_specific_relation_hides_its_super_relation(real_store):
    model = describer(real_store).entity(str(KG["physical-or-emotional-stress"]))
    pairs = {(g["relation"]["iri"], e["neighbour"]) for g in model["outgoing"] for e in g["edges"]}
    assert (str(KGO.exacerbates), str(KG["muscle-twitching"])) in pairs
    assert (str(KGO.causes), str(KG["muscle-twitching"])) not in pairs


def test_claim_is_not_a_relation(real_store):
    model = describer(real_store).entity(str(KG.medicramp))
    assert model["claims"] and not any(g["relation"]["iri"] == str(KGO.treats) for g in model["outgoing"])
    claim = describer(real_store).entity(str(KG["medicramp-48-hour-claim"]))
    assert claim["is_claim"] and claim["claim_text"] and claim["claim_statements"]
    assert claim["attributed_to"][0]["iri"] == str(ARTICLE_IRI)


def test_graph_is_capped(real_store):
    graph = describer(real_store).entity(str(KG["knee-muscle-spasm"]))["graph"]
    ids = {n["id"] for n in graph["nodes"]}
    assert len(ids) == MAX_GRAPH_NODES and graph["truncated"] and graph["total"] >= MAX_GRAPH_NODES
    assert all(e["source"] in ids and e["target"] in ids for e in graph["edges"])


def test_kind_of_every_iri(real_store):
    d = describer(real_store)
    statement = next(iter(real_store.query("SELECT ?s WHERE { ?s a <http://www.w3.org/1999/02/22-rdf-syntax-ns#Statement> } LIMIT 1")))["s"].value
    assert statement.startswith(str(STATEMENT))
    assert {iri: d.kind(iri) for iri in [str(KG.dehydration), str(KGO.Cause), str(KGO.causes), statement,
                                          str(FACTS_GRAPH), str(ARTICLE_IRI), str(ONTOLOGY_IRI),
                                          "http://schema.org/MedicalCause", str(KG.nothing), "not an iri <>"]} == {
        str(KG.dehydration): "entity", str(KGO.Cause): "class", str(KGO.causes): "property",
        statement: "statement", str(FACTS_GRAPH): "graph", str(ARTICLE_IRI): "article",
        str(ONTOLOGY_IRI): "ontology", "http://schema.org/MedicalCause": "resource", str(KG.nothing): None,
        "not an iri <>": None,
    }


def test_describer_is_one_per_store(real_store, mini_store):
    assert describer(real_store) is describer(real_store)
    assert isinstance(describer(mini_store), Describer) and describer(mini_store) is not describer(real_store)


@pytest.mark.parametrize("iri, scheme, code", [
    ("http://id.nlm.nih.gov/mesh/D003681", "MeSH", "D003681"),
    ("http://purl.obolibrary.org/obo/HP_0001944", "HPO", "HP:0001944"),
    ("http://purl.obolibrary.org/obo/DOID_332", "Disease Ontology", "DOID:332"),
    ("http://www.wikidata.org/entity/Q206901", "Wikidata", "Q206901"),
    ("http://snomed.info/id/86044005", "SNOMED CT", "86044005"),
])
def test_external_ids(iri, scheme, code):
    assert external_id(iri) == {"iri": iri, "scheme": scheme, "code": code}


def test_curie():
    assert curie(str(KG.dehydration)) == "kg:dehydration"
    assert curie("http://example.org/x") == "http://example.org/x"
