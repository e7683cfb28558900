""""How is X diagnosed and what's the treatment for it": after a first part asking how, "it" is the thing it names, not
its answers; "… and then what do you do about it" is a second question (kg.qa.compound). Phrasings of our own, not a
blind batch's."""

import pytest

from kg.qa.ask import ask
from kg.store.embedded import EmbeddedStore

pytestmark = pytest.mark.unit

STORE = EmbeddedStore.from_file()


@pytest.mark.parametrize("question, found, fixed, wrong", [
    ("how is muscle fatigue diagnosed and what is the treatment for it", "physical examination", "stretching exercises",
     "blood test"),
    ("how do you check for vitamin deficiencies and then what fixes them", "blood test", "dietary changes", "rest and recovery"),
    ("for cramps from overworked muscles, how is it diagnosed and how is it treated", "physical examination",
     "rest and recovery", "blood test"),
    ("how would a doctor test for dehydration and what is the treatment for it", "physical examination",
     "proper hydration", "blood test"),
    ("how is dehydration detected and then what do you do about it", "physical examination", "proper hydration",
     "supplementation"),
    ("how are vitamin deficiencies picked up, and then how are they fixed", "blood test", "supplementation",
     "physical examination"),
])
def test_both_parts_are_about_the_thing_named(question, found, fixed, wrong):
    answer = ask(STORE, question)
    labels = {(a.get("label") or "").lower() for a in answer.answers}
    assert answer.reading.startswith("I read this as two questions"), answer.reading
    assert {found, fixed} <= labels and wrong not in labels, (answer.reading, labels)
