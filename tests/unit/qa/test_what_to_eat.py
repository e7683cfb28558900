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
