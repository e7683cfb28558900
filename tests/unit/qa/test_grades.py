"""Grades, stages and kinds asked of a thing the article gives none of are "the article does not say", with what it
says of the thing — never its causes, its description or its effects in their place (kg.qa.grades)."""

import pytest

from kg.qa.ask import ask
from kg.qa.grades import asked
from kg.qa.analysis import analyse
from kg.qa.lexicon import lexicon
from kg.qa.linking import label_index
from kg.store.embedded import EmbeddedStore

STORE = EmbeddedStore.from_file()


@pytest.mark.parametrize("question", [
    "what are the grades of a calf strain",
    "what are the stages of ALS",
    "ALS stages",
    "hamstring strain grades",
    "how do you grade a muscle strain",
    "how is ALS staged?",
    "what are the different phases of dehydration",
    "what degree of muscle strain needs a doctor",
    "what types of diabetes are there",
    "what are the types of muscle strain",
    "diabetes types",
])
def test_subdivisions_the_article_never_gives_are_not_stated(question):
    answer = ask(STORE, question)
    assert not answer.answered and answer.boolean is None and not answer.answers, answer.message
    assert answer.message.startswith("The article does not") and answer.count is None, answer.message


@pytest.mark.parametrize("question, named", [
    ("what types of autoimmune disorders are there", "neuromyotonia"),
    ("what forms of muscle spasm are there", "knee muscle spasm"),
    ("stimulant types", "caffeine"),
])
def test_kinds_the_article_gives_are_listed(question, named):
    answer = ask(STORE, question)
    assert answer.answered and named in answer.message.lower(), answer.message


@pytest.mark.parametrize("question", ["is ALS at a late stage painful", "what stage of pregnancy are cramps worst",
                                      "what kind of stretching helps"])
def test_a_stage_named_in_passing_or_a_kind_of_a_remedy_is_not_this(question):
    an = analyse(question, label_index(STORE), lexicon(STORE))
    found = asked(an, lexicon(STORE))
    assert found is None or found[1] and "stretch" in found[0].iri


@pytest.mark.parametrize("question", ["what is the life span with ALS", "how long can you survive with ALS"])
def test_life_span_and_survival_are_prognosis_declined(question):
    assert ask(STORE, question).declined == "prognosis"
