""""Yes" only from a stated fact of the asked relation between the asked things, in the asked direction: every yes/no
shape below is generated from the graph's facts turned round ("can muscle spasms cause dehydration" where the article
says dehydration causes them) or told in a story beside a thing that does have the fact ("… on immunosuppressants for
her autoimmune disease. are those one of the drugs that cause spasms"), and the graph itself (SPARQL, not the question
answering) says the article states no such fact — so none may be answered "yes"."""

import pyoxigraph
import pytest

from kg.qa.ask import ask
from kg.store.embedded import EmbeddedStore
from kg.views.labels import labels

STORE = EmbeddedStore.from_file()
KGO = "https://w3id.org/kneekg/ontology/"
PREFIXES = f"PREFIX kgo: <{KGO}>\nPREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"

# the relation asked, the relations a reader means nearly alike (the lexicon's kgl:near), and shapes that ask it
RELATIONS = {
    "causes": (("causes", "riskFactorFor", "hasSymptom", "indicates", "depletes"),
               ["can {a} cause {b}?", "does {a} lead to {b}", "is {a} one of the causes of {b}",
                "could {a} be what gives me {b}"]),
    "treats": (("treats", "prevents", "involvesNutrient", "diagnoses"),
               ["does {a} help with {b}?", "can {a} relieve {b}", "is {a} a treatment for {b}"]),
}
STORIES = ["my doctor put me on {a} for my {c}. is that one of the drugs that cause {b}",
           "my mum takes {a} for her {c}. could those pills be why she gets {b}?",
           "i was given {a} for my {c} and now i get {b}. can that medicine cause them?"]
NAMED = ["i use {a} for my {c}. can {a} cause {b}?", "{a} was recommended for my {c} — is {a} a cause of {b}?",
         "since my {c} i've been doing {a}. does {a} lead to {b}"]


def _fact_pairs(prop: str) -> list[tuple[str, str]]:
    rows = STORE.query(PREFIXES + f"SELECT DISTINCT ?s ?o WHERE {{ GRAPH ?g {{ ?s kgo:{prop} ?o }} "
                       "FILTER(STRSTARTS(STR(?s), 'https://w3id.org/kneekg/id/') "
                       "&& STRSTARTS(STR(?o), 'https://w3id.org/kneekg/id/')) } ORDER BY ?s ?o")
    return [(r["s"].value, r["o"].value) for r in rows]


def _stated(a: str, b: str, props) -> bool:
    """Whether the graph has ``a`` (or a form or kind of it) stand in one of ``props`` to ``b`` (or a form of it)."""
    values = " ".join(f"kgo:{p}" for p in props)
    query = (PREFIXES + "ASK { VALUES ?p { " + values + " } ?sub rdfs:subPropertyOf* ?p . "
             "?x (kgo:formOf|^kgo:formOf|kgo:exampleOf)* ?a . ?y (kgo:formOf|^kgo:formOf)* ?b . "
             "{ ?x ?sub ?y } UNION { ?x (kgo:formOf|^kgo:formOf|kgo:exampleOf)* ?a0 . ?a0 ?sub ?y } }")
    return bool(STORE.query(query, substitutions={"a": pyoxigraph.NamedNode(a), "b": pyoxigraph.NamedNode(b),
                                                  "a0": pyoxigraph.NamedNode(a)}))


def _a_drug(iri: str) -> bool:
    return bool(STORE.query(PREFIXES + "ASK { VALUES ?k { kgo:Drug kgo:DrugClass } ?x a ?k }",
                            substitutions={"x": pyoxigraph.NamedNode(iri)}))


def _name(iri: str) -> str:
    return (labels(STORE).label(iri) or "").lower()


def _reversed_questions() -> list[str]:
    out = []
    for prop, (props, shapes) in RELATIONS.items():
        for s, o in _fact_pairs(prop)[:60]:
            if _stated(o, s, props):
                continue
            out += [shape.format(a=_name(o), b=_name(s)) for shape in shapes]
    return out


def _story_questions() -> list[str]:
    out = []
    spasm = "https://w3id.org/kneekg/id/muscle-spasm"
    for treatment, condition in _fact_pairs("treats"):
        if _stated(treatment, spasm, RELATIONS["causes"][0]) or not _stated(condition, spasm, ("causes",)):
            continue
        shapes = NAMED + (STORIES if _a_drug(treatment) else [])
        out += [shape.format(a=_name(treatment), c=_name(condition), b="spasms") for shape in shapes]
    return out


def _yes(answer) -> bool:
    return answer.boolean is True or (answer.message or "").lower().startswith("yes")


def test_the_generated_shapes_are_many_and_are_not_stated_in_the_graph():
    assert len(_reversed_questions()) >= 100
    assert len(_story_questions()) >= 60


def test_no_fact_turned_round_is_answered_yes():
    wrong = [f"{q!r}: {a.message[:120]}" for q in _reversed_questions() for a in [ask(STORE, q)] if _yes(a)]
    assert wrong == []


def test_no_thing_told_beside_another_is_answered_yes_for_the_other():
    wrong = [f"{q!r}: {a.message[:120]}" for q in _story_questions() for a in [ask(STORE, q)] if _yes(a)]
    assert wrong == []


@pytest.mark.parametrize("question, said", [
    ("my partner's doctor put her on immunosuppressants for her lupus. are those one of the medicines that cause cramps",
     "help with autoimmune disorders"),
    ("can muscle spasms give you dehydration?", "dehydration can cause muscle spasm"),
])
def test_not_stated_says_what_the_article_does_say_instead(question, said):
    answer = ask(STORE, question)
    assert not _yes(answer) and answer.boolean is None
    assert "does not say" in answer.message and said in answer.message, answer.message


@pytest.mark.parametrize("question", ["is tremor a sign of muscle spasms?", "can dehydration cause leg cramps",
                                      "i'm 68 and my calves cramp at night. am i more prone to this at my age?"])
def test_a_fact_stated_in_the_asked_direction_is_still_yes(question):
    assert ask(STORE, question).boolean is True
