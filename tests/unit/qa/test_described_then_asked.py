"""An entity described by a clause, then asked about: "the treatment for *that* progressive nerve disease that …"
(a "that" after a preposition is a determiner, not the clause), "the condition where … healthy cells - what treats
that" (a "what" after a dash starts the question again: it does not narrow the kind to its examples)."""

import pytest

from kg.qa.ask import ask
from kg.store.embedded import EmbeddedStore

pytestmark = pytest.mark.unit

STORE = EmbeddedStore.from_file()
AUTOIMMUNE = {"Corticosteroids", "Immunosuppressants"}
ALS = {"Physical therapy", "Speech therapy", "Respiratory support"}


@pytest.mark.parametrize("question, expected", [
    ("how do they manage that progressive nerve disease that can begin with twitching", ALS),
    ("any therapy for that disease that affects the nerve cells controlling muscle movement", ALS),
    ("the disorder where the body attacks its own healthy cells - what helps it", AUTOIMMUNE),
    ("the condition where your immune system attacks healthy cells - which medicines treat it", AUTOIMMUNE),
])
def test_a_described_thing_is_asked_about_by_the_rest(question, expected):
    answer = ask(STORE, question)
    assert answer.kind == "list" and expected <= {a["label"] for a in answer.answers}, (answer.reading, answer.message)


@pytest.mark.parametrize("question", [
    "how is the problem that depletes calcium and potassium treated",
    "the cause that drains potassium, calcium and electrolytes: how do you treat it",
])
def test_a_clause_naming_a_list_describes_what_is_linked_to_each(question):
    answer = ask(STORE, question)
    assert "dehydration" in answer.reading.lower() and "Proper hydration" in {a["label"] for a in answer.answers}, \
        (answer.reading, answer.message)


@pytest.mark.parametrize("question", [
    "the cause whose diagnosis is medical history and a physical exam: what does the table give for it",
    "the condition whose diagnostic approach is a physical examination and medical history - how is it treated",
])
def test_whose_relation_noun_names_what_is_done_to_it(question):
    """"Whose diagnostic approach is X and Y": X and Y diagnose the thing; of those they both diagnose, the one they
    alone diagnose (dehydration; muscle fatigue has the examination only)."""
    answer = ask(STORE, question)
    assert "dehydration" in answer.reading.lower() and "Proper hydration" in {a["label"] for a in answer.answers}, \
        (answer.reading, answer.message)


def test_given_for_in_the_passive_is_no_treatment():
    """"What does the table give for it" asks the treatment; "which symptoms are given for X" does not."""
    answer = ask(STORE, "which symptoms are given for dehydration in the table?")
    assert "Muscle twitching" in {a["label"] for a in answer.answers}, (answer.reading, answer.message)
