""""For spasms *from* overworked muscles, how would a doctor diagnose it": the lead-in names a cause through its symptom,
and "it" is the cause (kg.qa.from_cause); "what medicines are used for autoimmune disorders": what treats a symptom in
the condition is among its drugs (kg.qa.run). Phrasings of our own, not a blind batch's."""

import pytest

from kg.qa.ask import ask
from kg.store.embedded import EmbeddedStore

pytestmark = pytest.mark.unit

STORE = EmbeddedStore.from_file()


def _labels(question):
    answer = ask(STORE, question)
    return {(a.get("label") or "").lower() for a in answer.answers}, answer


@pytest.mark.parametrize("question, expected, wrong", [
    ("for cramps from tired strained muscles, how does a doctor diagnose it", {"physical examination"}, {"blood test"}),
    ("for twitches caused by strain, how is it diagnosed and what is the treatment", {"physical examination", "massage"},
     {"blood test"}),
    ("for the sort of spasm that's from worn out muscles, how would a doctor check it", {"physical examination"},
     {"blood test", "visual examination"}),
    ("for knee spasms due to dehydration, how is it diagnosed", {"physical examination", "medical history"}, {"blood test"}),
    ("for twitching brought on by vitamin deficiencies, how do doctors check it", {"blood test"}, {"physical examination"}),
    ("for spasms from muscle strain or fatigue, how is it checked and then what is the treatment",
     {"physical examination", "stretching exercises"}, {"blood test"}),
])
def test_it_is_the_cause_the_lead_in_names(question, expected, wrong):
    labels, answer = _labels(question)
    assert expected <= labels and not labels & wrong, (answer.reading, labels)


def test_a_story_without_a_connecting_word_keeps_its_spasm():
    _, answer = _labels("my thighs spasm when I lay bricks in the heat. what might be causing it")
    assert "muscle spasm" in answer.reading.lower()


@pytest.mark.parametrize("question", ["what medicines are used for autoimmune disorders",
                                      "which drugs treat autoimmune disorders"])
def test_drugs_for_a_symptom_in_the_condition_are_its_drugs(question):
    labels, answer = _labels(question)
    assert {"corticosteroids", "immunosuppressants", "anti-seizure medications"} <= labels, (answer.reading, labels)
