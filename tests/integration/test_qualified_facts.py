"""The release graph states each fact as the article qualifies it (issue 11): hedges, conditions,
negations, contradictions, claims, and synonyms that do not change the meaning."""

from __future__ import annotations

import pytest

PREFIXES = """
PREFIX kgo: <https://w3id.org/kneekg/ontology/>
PREFIX kg: <https://w3id.org/kneekg/id/>
PREFIX kgv: <https://w3id.org/kneekg/vocab/>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX prov: <http://www.w3.org/ns/prov#>
"""
FACTS = "GRAPH <https://w3id.org/kneekg/graph/facts>"


def ask(store, body: str) -> bool:
    return bool(store.query(PREFIXES + "ASK {" + body + "}"))


def rows(store, body: str) -> list:
    return list(store.query(PREFIXES + body))


def statements(store, s: str, p: str, o: str) -> list:
    """The evidence statements of one fact: {qualifier local name: value local names} per statement."""
    found = rows(store, f"""SELECT ?st ?q ?v WHERE {{
        ?st rdf:subject {s} ; rdf:predicate {p} ; rdf:object {o} .
        OPTIONAL {{ ?st ?q ?v . FILTER(STRSTARTS(STR(?q), STR(kgo:))) }} }}""")
    result: dict[str, dict[str, set[str]]] = {}
    for row in found:
        quals = result.setdefault(row["st"].value, {})
        if row["q"] is not None:
            quals.setdefault(row["q"].value.rsplit("/", 1)[-1], set()).add(str(row["v"].value).rsplit("/", 1)[-1])
    return list(result.values())


def test_als_has_no_cure_and_its_treatments_manage_symptoms(real_store):
    assert ask(real_store, "?st kgo:negated true ; rdf:subject kg:als ; rdf:predicate kgo:hasCure ; rdf:object kgv:any ; prov:value ?q")
    assert not ask(real_store, "kg:als kgo:hasCure ?x")
    assert not ask(real_store, f"{FACTS} {{ kg:medications-for-spasms-and-stiffness kgo:treats kg:als }}")
    for therapy in ("physical-therapy", "assistive-devices", "speech-therapy", "respiratory-support"):
        assert all(st["intent"] == {"symptom-management"} for st in statements(real_store, f"kg:{therapy}", "kgo:treats", "kg:als"))


def test_knee_twitching_points_to_als_only_with_its_hedges(real_store):
    found = statements(real_store, "kg:als", "kgo:hasSymptom", "kg:knee-muscle-spasm")
    assert {frozenset(st["modality"]) for st in found} == {frozenset({"in-some-cases"}), frozenset({"can"})}
    assert sum(1 for st in found if st.get("stage") == {"early-stage"}) == 2


def test_severe_case_symptoms_belong_to_severe_spasms(real_store):
    assert not ask(real_store, f"{FACTS} {{ kg:muscle-spasm kgo:hasSymptom kg:weakness }}")
    assert ask(real_store, f"{FACTS} {{ kg:severe-muscle-spasm kgo:hasSymptom kg:weakness }}")


@pytest.mark.parametrize("s, p, o, key, value", [
    ("kg:caffeine", "kgo:causes", "kg:knee-muscle-spasm", "amount", "high-amount"),
    ("kg:stimulants", "kgo:causes", "kg:knee-muscle-spasm", "amount", "high-amount"),
    ("kg:hormonal-changes", "kgo:causes", "kg:muscle-spasm", "inCondition", "pregnancy"),
    ("kg:added-weight", "kgo:causes", "kg:muscle-spasm", "inCondition", "pregnancy"),
    ("kg:anti-seizure-medications", "kgo:treats", "kg:muscle-spasm", "inCondition", "autoimmune-disorders"),
    ("kg:medications-for-spasms-and-stiffness", "kgo:treats", "kg:muscle-spasm", "inCondition", "als"),
    ("kg:stimulant-overdose", "kgo:warrantsMedicalAttentionFor", "kg:knee-muscle-spasm", "urgency", "immediate"),
])
def test_conditions_are_on_every_statement_of_the_fact(real_store, s, p, o, key, value):
    found = statements(real_store, s, p, o)
    assert found and all(value in st.get(key, set()) for st in found), found


def test_hedged_facts_keep_their_context_searchable_by_kgo_context(real_store):
    assert ask(real_store, "?st rdf:subject kg:hormonal-changes ; kgo:context kg:pregnancy")


def test_natural_course_is_not_a_treatment(real_store):
    assert not ask(real_store, "?st rdf:subject kg:time ; rdf:predicate kgo:treats ; prov:value ?q FILTER(STRSTARTS(?q, 'Most muscle spasms'))")
    [course] = statements(real_store, "kg:muscle-spasm", "kgo:course", '"resolve on their own"@en')
    assert course["modality"] == {"usually"}


def test_various_underlying_causes_are_not_an_underlying_condition(real_store):
    assert not ask(real_store, "?st rdf:subject kg:underlying-medical-condition ; prov:value ?q FILTER(CONTAINS(?q, 'various underlying causes'))")


def test_medications_are_causes_of_knee_twitching(real_store):
    for drug in ("certain-medications", "diuretics", "corticosteroids", "estrogen"):
        assert ask(real_store, f"kg:{drug} kgo:causes kg:knee-muscle-spasm"), drug
    assert ask(real_store, "GRAPH <https://w3id.org/kneekg/graph/inferred> { kg:stimulants kgo:causes kg:muscle-twitching }")


def test_corticosteroids_show_both_roles_and_the_tension(real_store):
    assert ask(real_store, f"{FACTS} {{ kg:corticosteroids kgo:causes kg:muscle-spasm ; kgo:treats kg:autoimmune-disorders }}")
    assert ask(real_store, "kg:corticosteroids-cause-spasms kgo:conflictsWith kg:corticosteroids-treat-autoimmune-disorders . "
                           "kg:corticosteroids-treat-autoimmune-disorders kgo:conflictsWith kg:corticosteroids-cause-spasms")


@pytest.mark.parametrize("one, other", [
    ("spasm-duration-seconds-to-minutes", "spasm-duration-minutes-to-hours"),
    ("spasm-pain-mild-to-extreme", "spasm-pain-moderate-to-severe"),
    ("faq-non-medical-list-includes-medical-steps", "lifestyle-changes-are-non-medical"),
    ("magnesium-calcium-called-vitamins", "magnesium-calcium-are-minerals"),
    ("corticosteroids-cause-spasms", "corticosteroids-treat-autoimmune-disorders"),
    ("warning-signs-urgency-see-doctor", "warning-signs-urgency-immediate"),
])
def test_the_six_contradictions_of_the_issue_have_both_sides_with_quotes(real_store, one, other):
    for claim in (one, other):
        assert ask(real_store, f"kg:{claim} a kgo:Claim ; kgo:claimKind kgv:contradictory ; kgo:claimedBy ?who ; rdfs:label ?l . "
                               f"?st rdf:subject kg:{claim} ; prov:value ?quote")
    assert ask(real_store, f"kg:{one} kgo:conflictsWith kg:{other} . kg:{other} kgo:conflictsWith kg:{one}")


def test_medicramp_is_the_publishers_promotional_claim(real_store):
    assert ask(real_store, "kg:medicramp-48-hour-claim kgo:claimKind kgv:promotional ; kgo:claimAbout kg:medicramp ; "
                           "kgo:claimedBy <https://w3id.org/kneekg/source/knee-muscle-spasms#publisher>")
    assert not ask(real_store, "kg:medicramp kgo:treats ?x")


def test_knee_muscle_spasm_is_defined_by_a_quote(real_store):
    [row] = rows(real_store, "SELECT ?d ?q WHERE { kg:knee-muscle-spasm skos:definition ?d . "
                             "?st rdf:subject kg:knee-muscle-spasm ; rdf:predicate skos:definition ; prov:value ?q }")
    assert row["d"].value == "sudden and involuntary contractions" and row["d"].value in row["q"].value


@pytest.mark.parametrize("pattern", [
    "kg:healthcare-professional-evaluation kgo:diagnoses kg:knee-muscle-spasm , kg:muscle-spasm , kg:als , kg:autoimmune-disorders",
    "kg:medical-history kgo:partOf kg:healthcare-professional-evaluation",
    "kg:listening-to-your-body kgo:prevents kg:muscle-spasm . kg:avoiding-overexertion kgo:prevents kg:muscle-spasm",
    "kg:stretching-exercises kgo:targets kg:quadriceps , kg:hamstrings , kg:calf-muscles",
    "kg:corticosteroids kgo:exampleOf kg:immune-suppressing-medications . kg:immunosuppressants kgo:exampleOf kg:immune-suppressing-medications",
    "kg:older-adults kgo:characterizedBy kg:age . kg:pregnant-women kgo:characterizedBy kg:pregnancy",
    "kg:autoimmune-disorders kgo:mediatedBy kg:immune-system ; kgo:affects kg:healthy-cells",
    "kg:age a kgo:PersonalCharacteristic . kg:pregnancy a kgo:PhysiologicalState",
    "kg:not-drinking-enough-fluids kgo:causes kg:dehydration",
])
def test_the_audits_missing_facts_are_there(real_store, pattern):
    assert ask(real_store, f"{FACTS} {{ {pattern} }}")


@pytest.mark.parametrize("pattern", [
    "kg:autoimmune-disorders kgo:affects kg:immune-system",
    "kg:age a kgo:LifestyleFactor",
    "kg:anti-seizure-medications kgo:treats kg:autoimmune-disorders",
    "kg:stimulant-reduction kgo:treats kg:high-stimulant-intake",
    "kg:adjusting-medications kgo:exampleOf kg:lifestyle-changes",
    "?x kgo:exampleOf kg:dehydration",
    "kg:being-overweight-or-obese skos:exactMatch ?id",
    "kg:estrogen skos:exactMatch ?id",
])
def test_the_audits_wrong_facts_are_gone(real_store, pattern):
    assert not ask(real_store, f"{FACTS} {{ {pattern} }}")


@pytest.mark.parametrize("entity, word", [
    ("physical-or-emotional-stress", "anxiety"), ("antispasmodic-medications", "muscle relaxants"),
    ("spinal-cord", "spine"), ("pain", "discomfort"), ("persistent-twitching", "frequent knee twitching"),
])
def test_words_that_name_another_thing_are_no_label(real_store, entity, word):
    assert not ask(real_store, f'kg:{entity} ?p "{word}"@en')


@pytest.mark.parametrize("entity, word", [("knee-muscle-spasm", "knee twitching"), ("muscle-spasm", "cramps"),
                                          ("diuretics", "water pills"), ("athletes", "runners"), ("caffeine", "coffee")])
def test_lay_words_are_search_labels_not_synonyms(real_store, entity, word):
    """Runners are athletes and coffee holds caffeine: words that lead to the entity, never its synonyms."""
    assert ask(real_store, f'kg:{entity} kgo:searchLabel "{word}"@en')
    assert not ask(real_store, f'kg:{entity} skos:altLabel "{word}"@en')


@pytest.mark.parametrize("entity, word, lay", [("diuretics", "water pills", True), ("caffeine", "coffee", False),
                                               ("athletes", "runners", False), ("muscle-spasm", "charley horse", True)])
def test_lay_synonyms_are_the_same_thing_related_words_are_not(real_store, entity, word, lay):
    """An everyday word for the thing itself is a kgo:laySynonym (and so a search label); a related word is not."""
    assert ask(real_store, f'kg:{entity} kgo:laySynonym "{word}"@en') is lay


def test_every_statement_says_where_its_quote_sits(real_store):
    assert not ask(real_store, "?st a rdf:Statement FILTER NOT EXISTS { ?st kgo:section ?s ; kgo:evidenceKind ?k }")
    assert not ask(real_store, "?st kgo:evidenceKind kgv:table-row FILTER NOT EXISTS { ?st kgo:inTable ?t }")
    [row] = rows(real_store, """SELECT ?group ?columns WHERE {
        ?st rdf:subject kg:anti-seizure-medications ; kgo:rowGroup ?group ; kgo:inTable ?t . ?t kgo:columns ?columns } LIMIT 1""")
    assert (row["group"].value, row["columns"].value) == ("Autoimmune Disorders", "Condition | Treatment Approaches")
