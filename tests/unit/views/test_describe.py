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


def lines_of(model: dict) -> list[dict]:
    """Every fact line of an entity page: "what it is", the summary sections, the rest; examples nested in them."""
    top = [l for w in model["what"] for l in w["lines"]]
    top += [l for s in model["sections"] for g in s["groups"] for l in g["lines"]]
    top += [l for g in model["more"] for l in g["lines"]]
    out = []
    while top:
        line = top.pop(0)
        out.append(line)
        top.extend(line["kinds"])
    return out


def section(model: dict, key: str) -> dict:
    return next(s for s in model["sections"] if s["key"] == key)


@pytest.mark.parametrize("ident", ENTITY_IDS)
def test_every_fact_shown_is_grounded(mini_store, ident):
    """On every entity page, every fact shows the quotes that state it (or, derived, how the reasoner got it)."""
    model = describer(mini_store).entity(str(KG[ident]))
    lines = lines_of(model)
    assert lines, ident
    text = paths.ARTICLE.read_text(encoding="utf-8")
    for line in lines:
        assert line["evidence"] or line["derived"], (ident, line["neighbour"]["label"])
        for st in line["evidence"]:
            assert text[st.begin:st.end] == st.quote


@pytest.mark.parametrize("ident", ["knee-muscle-spasm", "dehydration", "magnesium", "muscle-twitching", "als"])
def test_real_facts_are_grounded_and_shown_once(real_store, ident):
    """Each quote grounds the fact on one line only: no fact is shown twice (no "what links here" copy)."""
    model = describer(real_store).entity(str(KG[ident]))
    seen: set[str] = set()
    for line in lines_of(model):
        assert line["evidence"] or line["derived"], (ident, line["neighbour"]["label"])
        statements = {st.iri for st in line["evidence"]}
        assert not statements & seen, (ident, line["neighbour"]["label"])
        seen |= statements


def test_knee_muscle_spasm_starts_with_its_definition_and_the_answers(real_store):
    model = describer(real_store).entity(str(KG["knee-muscle-spasm"]))
    assert model["definitions"][0]["text"] == "sudden and involuntary contractions"
    assert model["definitions"][0]["anchor"].startswith("q-")
    keys = [s["key"] for s in model["sections"]]
    assert keys[:2] == ["causes", "symptoms"]  # the article's order of importance
    assert keys.index("treatments") < keys.index("prevention") < keys.index("warning-signs")
    # Synonyms are skos:altLabel only; lay words are kept apart.
    assert "knee spasm" in model["alt_labels"] and "knee twitching" not in model["alt_labels"]
    assert "knee twitching" in model["lay_synonyms"] and "knee twitching" not in model["search_labels"]


def test_counts_are_answers_not_rows(real_store):
    treatments = section(describer(real_store).entity(str(KG.dehydration)), "treatments")
    assert treatments["heading"] == "Treatments for dehydration: 1" and treatments["quotes"] == "7 quotes"


def test_qualifiers_are_put_into_plain_words(real_store):
    knee = describer(real_store).entity(str(KG["knee-muscle-spasm"]))
    causes = {l["neighbour"]["label"]: l for l in lines_of({**knee, "what": [], "more": [],
                                                            "sections": [section(knee, "causes")]})}
    assert causes["Caffeine"]["words"] == "can, in high amounts"
    assert causes["Muscle fatigue"]["words"].startswith("the usual cause")
    assert causes["Underlying medical condition"]["words"] == "in some cases"
    signs = {l["neighbour"]["label"]: l for l in lines_of({**knee, "what": [], "more": [],
                                                           "sections": [section(knee, "symptom-of")]})}
    assert signs["Amyotrophic lateral sclerosis"]["words"] == "in some cases"
    # Examples sit under the broader answer: caffeine and amphetamines under stimulants.
    stimulants = next(l for g in section(knee, "causes")["groups"] for l in g["lines"]
                      if l["neighbour"]["iri"] == str(KG.stimulants))
    assert {k["neighbour"]["iri"] for k in stimulants["kinds"]} == {str(KG.caffeine), str(KG.amphetamines)}


def test_warning_signs_are_split_by_urgency(real_store):
    signs = section(describer(real_store).entity(str(KG["knee-muscle-spasm"])), "warning-signs")
    assert [g["heading"] for g in signs["groups"]] == ["Get medical help now", "Get medical attention promptly",
                                                       "See a doctor"]
    now = {l["neighbour"]["label"]: l for l in signs["groups"][0]["lines"]}
    assert "Difficulty swallowing" in now and "see a doctor" in now["Difficulty swallowing"]["also"]
    assert any(st.words == "in severe cases" for st in now["Stimulant overdose"]["evidence"])  # "a serious overdose"


def test_als_page_says_it_has_no_cure(real_store):
    treatments = section(describer(real_store).entity(str(KG.als)), "treatments")
    negation = treatments["negations"][0]
    assert negation["said"] == "Amyotrophic lateral sclerosis has no cure"
    assert "ALS has no cure" in negation["evidence"][0].quote and negation["evidence"][0].negated
    assert all("managing symptoms" in l["words"] for g in treatments["groups"] for l in g["lines"])


def test_corticosteroids_show_both_roles_and_the_contradiction(real_store):
    model = describer(real_store).entity(str(KG.corticosteroids))
    keys = {s["key"] for s in model["sections"]}
    assert {"can-cause", "treats"} <= keys
    sides = [sd["text"] for c in model["contradictions"] for sd in c["sides"]]
    assert any("treat autoimmune disorders" in t for t in sides) and any("cause muscle spasms" in t for t in sides)
    assert all(sd["evidence"] for c in model["contradictions"] for sd in c["sides"])
    assert model["unsettled_note"].startswith("The article is not consistent on 1 point")


def test_an_inverse_is_read_from_this_side_and_says_so(mini_store):
    model = describer(mini_store).entity(str(KG["knee-muscle-spasm"]))
    line = next(l for l in lines_of(model) if l["neighbour"]["iri"] == str(KG.dehydration))
    assert line["turned"] and line["stated"] == ["Dehydration causes knee muscle spasm"]


def test_a_derived_fact_says_how_the_reasoner_got_it(real_store):
    model = describer(real_store).entity(str(KG["muscle-spasm"]))
    line = next(l for l in lines_of(model) if l["neighbour"]["iri"] == str(KG["persistent-twitching"]))
    assert not line["evidence"] and "transitive" in line["derived"] and "Knee muscle spasm" in line["derived"]


def test_table_rows_are_rows_of_their_table(real_store):
    model = describer(real_store).entity(str(KG.diuretics))
    rows = [st for l in lines_of(model) for st in l["evidence"] if st.kind == "table-row"]
    assert rows
    for st in rows:
        assert [c["header"] for c in st.row][:len(st.columns)] == list(st.columns)[:len(st.row)]
        assert any(c["quoted"] for c in st.row)


def test_types_asserted_and_inferred_are_told_apart(mini_store):
    model = describer(mini_store).entity(str(KG.dehydration))
    asserted = {t["iri"] for t in model["asserted_types"]}
    inferred = {t["iri"]: t for t in model["inferred_types"]}
    assert asserted == {str(KGO.MedicalCondition)}
    assert str(KGO.Cause) in inferred and not asserted & set(inferred)
    assert inferred[str(KGO.Cause)]["because"] == "the article says it causes something"


def test_a_more_specific_relation_hides_its_super_relation(real_store):
    model = describer(real_store).entity(str(KG["physical-or-emotional-stress"]))
    lines = [l for l in lines_of(model) if l["neighbour"]["iri"] == str(KG["muscle-twitching"])]
    assert len(lines) == 1 and "makes it worse" in lines[0]["words"]


def test_claim_is_not_a_relation(real_store):
    model = describer(real_store).entity(str(KG.medicramp))
    assert model["claims"] and not model["sections"]
    assert model["claims"][0]["claimed_by"] == "The article's publisher"
    claim = describer(real_store).entity(str(KG["medicramp-48-hour-claim"]))
    assert claim["is_claim"] and claim["claim"]["claim"]["text"] and claim["claim"]["claim"]["evidence"]
    assert claim["claim"]["kind_words"].startswith("A promotional claim")


def test_unsettled_lists_every_contradiction_with_all_sides(real_store):
    page = describer(real_store).unsettled()
    sides = sum(len(c["sides"]) for c in page["contradictions"])
    assert page["pairs"] == "12 pairs" and sides == 21
    assert all(sd["evidence"] for c in page["contradictions"] for sd in c["sides"])
    assert [c["text"] for c in page["claims"]] == ["Medicramp relieves cramp pain within 48 hours."]


def test_graph_is_capped(real_store):
    graph = describer(real_store).entity(str(KG["knee-muscle-spasm"]))["graph"]
    ids = {n["id"] for n in graph["nodes"]}
    assert len(ids) == MAX_GRAPH_NODES and graph["truncated"] and graph["total"] >= MAX_GRAPH_NODES
    assert all(e["source"] in ids and e["target"] in ids for e in graph["edges"])
    assert all(" " in e["phrase"] or e["phrase"] == e["label"] for e in graph["edges"])  # "is a form of"


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


def test_page_models_are_kept(real_store):
    d = describer(real_store)
    assert d.entity(str(KG.als)) is d.entity(str(KG.als))
    assert d.unsettled() is d.unsettled()


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


def test_a_named_query_the_store_refuses_costs_a_link_not_the_page(real_store):
    """A remote store may refuse one query (Virtuoso's cost estimate): the page still renders, that count is missing."""
    from kg.sparql.errors import EngineError

    class Refusing:
        def __init__(self, store):
            self._store = store

        def __getattr__(self, name):
            return getattr(self._store, name)

        def text_for(self, query):
            text = self._store.text_for(query)
            return text + "\n# refused" if query.name == "nutrients-linked" else text

        def query(self, sparql, **kwargs):
            if sparql.endswith("# refused"):
                raise EngineError("the estimated execution time exceeds the limit")
            return self._store.query(sparql, **kwargs)

    model = Describer(Refusing(real_store)).entity(str(KG["knee-muscle-spasm"]))
    offers = {q["name"]: q["answers"] for q in model["queries"]}
    assert offers["nutrients-linked"] == "not counted" and offers["causes-of"] == "22 answers"
