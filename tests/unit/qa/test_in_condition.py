""""Which condition gets anti-seizure meds for twitching": the condition a treatment of a symptom is stated in
(kg.qa.in_condition). Phrasings of our own, not a blind batch's."""

import pytest

from kg.qa.ask import ask
from kg.store.embedded import EmbeddedStore

pytestmark = pytest.mark.unit

STORE = EmbeddedStore.from_file()


@pytest.mark.parametrize("question, condition", [
    ("what condition are anti-seizure medications given for twitching in", "autoimmune disorders"),
    ("in which disorder does the article say anti-seizure meds control muscle twitching", "autoimmune disorders"),
    ("my cousin takes anti seizure medicines for twitching. which condition is that for according to the article",
     "autoimmune disorders"),
    ("which condition gets anticonvulsants to control muscle spasms", "autoimmune disorders"),
    ("for which disease are medications for muscle spasms and stiffness prescribed", "amyotrophic lateral sclerosis"),
    ("which condition is anti-seizure medication for spasms used in", "autoimmune disorders"),
])
def test_the_condition_the_treatment_is_stated_in(question, condition):
    answer = ask(STORE, question)
    labels = [(a.get("label") or "").lower() for a in answer.answers]
    assert labels[:1] == [condition], (answer.reading, labels)


def test_a_treatment_named_alone_is_left_to_the_usual_reading():
    answer = ask(STORE, "what conditions do anti-seizure medications help with")
    assert "kg.qa.in_condition" not in " ".join(answer.debug.get("why", []))
