""""What should be in my food so my muscles don't cramp": a word for a remedy the article gives (food, diet → proper
nutrition) asked with the condition it should stop is asked for what goes into the remedy — its nutrients."""

import pytest

from kg.qa.ask import ask
from kg.store.embedded import EmbeddedStore

STORE = EmbeddedStore.from_file()


@pytest.mark.parametrize("question", [
    "what should be in my diet so i stop getting cramps",
    "what do i need in my food so my legs quit knotting up at night",
])
def test_the_remedy_s_nutrients(question):
    answer = ask(STORE, question)
    labels = {a["label"] for a in answer.answers}
    assert {"Calcium", "Magnesium", "Potassium"} <= labels, answer.message


@pytest.mark.parametrize("question", ["which minerals are important to keep your muscles working",
                                      "what vitamins do you need to eat to keep the knee muscles working"])
def test_a_verb_after_a_body_part_is_not_an_unknown_thing_of_it(real_store, question):
    """"Keep my muscles *working*": a verb, not a name like "knee brace" — the question is read, not refused."""
    answer = ask(real_store, question)
    assert answer.kind == "list" and "calcium" in {a["label"].lower() for a in answer.answers}, answer.message
