""""What tests will the doctor do for his spasms": the tests the article gives for the condition's causes follow
what diagnoses the condition itself. Phrasings of our own, not a blind batch's."""

import pytest

from kg.qa.ask import ask
from kg.store.embedded import EmbeddedStore

pytestmark = pytest.mark.unit

STORE = EmbeddedStore.from_file()


@pytest.mark.parametrize("question", [
    "what tests are there for muscle spasms",
    "what tests can be done for muscle cramps",
    "what examinations will i get for my muscle spasms",
    "muscle spasm tests",
    "what tests might the gp run for my knee twitching",
    "what tests can the doctor run for muscle spasms",
])
def test_the_tests_for_the_causes_follow(question):
    answer = ask(STORE, question)
    labels = {a["label"] for a in answer.answers}
    assert {"Blood test", "Physical examination"} <= labels, answer.message
    assert any("blood test" in e["quote"].lower() for e in answer.evidence)


def test_without_a_word_of_testing_only_the_condition_s_own():
    answer = ask(STORE, "how are muscle spasms diagnosed")
    assert "Blood test" not in {a["label"] for a in answer.answers}, answer.message
