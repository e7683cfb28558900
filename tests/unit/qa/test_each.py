"""One relation asked of two things at once is asked of each: "how are dehydration and nutrient deficiencies
diagnosed" answers both (a physical examination for one, a blood test for the other), in the order named, as two
questions in one — not the first thing's answer alone. "Both A and B" stays an intersection."""

import pytest

from kg.qa.ask import ask
from kg.store.embedded import EmbeddedStore

STORE = EmbeddedStore.from_file()


def _labels(question):
    answer = ask(STORE, question).to_dict()
    return answer, [a["label"] for a in answer["answers"]]


@pytest.mark.parametrize("question, must", [
    ("how do doctors check for nutrient deficiencies and for dehydration", {"Blood test", "Physical examination"}),
    ("for dehydration, and for the deficiency cause, what's the diagnostic approach", {"Blood test", "Physical examination"}),
    ("list the treatments for stress and for dehydration", {"Stress reduction techniques", "Proper hydration"}),
])
def test_the_relation_is_answered_for_each_thing_named(question, must):
    answer, labels = _labels(question)
    assert must <= set(labels), answer["message"]
    assert answer["reading"].startswith("I read this as two questions"), answer["reading"]


def test_both_is_left_to_the_intersection():
    answer, _ = _labels("what treats both stress and dehydration")
    assert not answer["reading"].startswith("I read this as two questions"), answer["reading"]
