""""Is it A or B that's more likely to …" is never a plain yes: a question that weighs two things the article names
(two causes, two treatments) asks which, and a fact about one of them does not rank it. Every phrasing below is
generated over pairs the graph itself links to the condition (SPARQL, not the question answering), so each side has
a fact a careless reading would answer "yes" from."""

import itertools

import pytest

from kg.qa.ask import ask
from kg.qa.yesno import comparative
from kg.store.embedded import EmbeddedStore
from kg.views.labels import labels

STORE = EmbeddedStore.from_file()
KGO = "https://w3id.org/kneekg/ontology/"
SPASM = "https://w3id.org/kneekg/id/muscle-spasm"

SHAPES = {
    "causes": ["is it the {a} or the {b} thats more likely to give me {c}",
               "is {a} or {b} more likely to cause {c}?",
               "{a} or {b}, which is worse for {c}",
               "is {a} more likely than {b} to cause {c}",
               "would {a} or {b} be the bigger reason for my {c}",
               "are {a} or {b} riskier when it comes to {c}"],
    "treats": ["is {a} or {b} better for {c}?",
               "would {a} or {b} work better on {c}",
               "does {a} help {c} more than {b}",
               "for {c}, is {a} better than {b} or the other way round",
               "is {a} or {b} safer for {c}",
               "{a} vs {b} for {c}, which helps more"],
}


def _subjects(prop: str) -> list[str]:
    rows = STORE.query(f"PREFIX kgo: <{KGO}>\nSELECT DISTINCT ?s WHERE {{ GRAPH ?g {{ ?s kgo:{prop} <{SPASM}> }} "
                       "FILTER(STRSTARTS(STR(?s), 'https://w3id.org/kneekg/id/')) } ORDER BY ?s")
    return [r["s"].value for r in rows]


def _questions() -> list[str]:
    names = labels(STORE)
    out = []
    for prop, shapes in SHAPES.items():
        things = [(names.label(s) or "").lower() for s in _subjects(prop)][:6]
        for (a, b), shape in itertools.product(itertools.combinations(things, 2), shapes):
            out.append(shape.format(a=a, b=b, c="muscle spasms"))
    return out


QUESTIONS = _questions()


def test_the_generated_comparisons_are_many():
    assert len(QUESTIONS) >= 100


@pytest.mark.parametrize("question", QUESTIONS)
def test_a_comparison_is_never_a_plain_yes(question):
    answer = ask(STORE, question)
    assert answer.boolean is not True, (question, answer.message)
    assert not answer.message.startswith("Yes"), (question, answer.message)


@pytest.mark.parametrize("question", ["can stretching or massage help a spasm", "does caffeine cause spasms?",
                                      "can dehydration or heat exhaustion cause cramps"])
def test_a_yes_no_without_a_comparative_is_still_answered(question):
    assert ask(STORE, question).boolean is True


def test_comparatives_are_read_from_the_lemmas():
    assert comparative("likelier", "likely") and comparative("more", "more")
    assert not comparative("water", "water") and not comparative("fever", "fever")


@pytest.mark.parametrize("question", ["can a spasm hit just one part of a muscle rather than the whole thing",
                                      "can spasms affect a whole group of muscles rather than just one",
                                      "can a cramp grab only part of the muscle rather than all of it",
                                      "does a spasm sometimes take the entire muscle rather than a bit of it",
                                      "can a spasm be in one specific part of a muscle rather than everywhere",
                                      "can it hit a group of muscles rather than a single one"])
def test_rather_than_two_ways_of_one_thing_is_no_ranking(real_store, question):
    answer = ask(real_store, question)
    assert "ranks" not in answer.reading and "better or more common" not in answer.message, answer.reading
    assert not answer.message.startswith("No")
