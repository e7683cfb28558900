"""A kind named through one of its examples ("that kind of disorder", "disorders like that") is read as the kind the
thing named before is an example of; phrasings of our own, not a blind batch's."""

import pytest

from kg.qa.ask import ask

pytestmark = pytest.mark.unit
TREATMENTS = {"corticosteroids", "immunosuppressants", "anti-seizure medications"}


def labels(answer) -> set[str]:
    return {a["label"].lower() for a in answer.answers}


@pytest.mark.parametrize("question", [
    "neuromyotonia is one example the article gives. which medications help that kind of disorder",
    "the faq mentions neuromyotonia. what treatments are there for conditions like that",
    "my cousin has neuromyotonia. how does the article say this type of disease is treated",
])
def test_that_kind_of_is_what_the_thing_named_before_is_an_example_of(real_store, question):
    answer = ask(real_store, question)
    assert {"corticosteroids", "immunosuppressants"} <= labels(answer), answer.message
    assert "what Neuromyotonia is an example of" in answer.reading


def test_a_thing_that_is_an_example_of_nothing_is_not_turned_into_a_kind(real_store):
    answer = ask(real_store, "dehydration is a problem. what helps that kind of thing")
    assert "is an example of" not in answer.reading


@pytest.mark.parametrize("question", [
    "what treats the autoimmune disorders mentioned in the faq",
    "how are the autoimmune disorders named in the faq treated",
])
def test_a_part_that_says_which_thing_is_meant_does_not_restrict_the_answer(real_store, question):
    answer = ask(real_store, question)  # the treatments are in the ALS and autoimmune section, not the FAQ
    assert TREATMENTS <= labels(answer), answer.message
    assert "FAQ" not in answer.reading


@pytest.mark.parametrize("question", [
    "what are the symptoms of the only autoimmune disease the article mentions",
    "the one autoimmune condition the article names, what symptoms does it have",
])
def test_the_one_kind_the_article_names_is_its_one_example(real_store, question):
    """"the one/only <kind> the article names": the kind's one example (neuromyotonia), shown in the reading."""
    answer = ask(real_store, question)
    assert any(e["iri"].endswith("/neuromyotonia") for e in answer.entities), answer.entities
    assert "muscle twitching" in {a["label"].lower() for a in answer.answers}, answer.reading
