""""Which treatment options does its result guide": what treats what the named test finds (kg.qa.guided). Phrasings of
our own, not a blind batch's."""

import pytest

from kg.qa.ask import ask
from kg.store.embedded import EmbeddedStore

pytestmark = pytest.mark.unit

STORE = EmbeddedStore.from_file()


@pytest.mark.parametrize("question", [
    "which treatments does a blood test guide",
    "what does the blood test guide",
    "what does a blood test for vitamin deficiencies guide",
    "what treatment options are guided by a blood test",
    "which test finds nutrient deficiencies, and what treatments does its result guide",
    "what do blood test results guide for nutrient deficiencies",
])
def test_the_treatments_of_what_the_test_finds(question):
    answer = ask(STORE, question)
    labels = {(a.get("label") or "").lower() for a in answer.answers}
    assert {"dietary changes", "supplementation"} <= labels and "proper hydration" not in labels, (answer.reading, labels)


def test_no_guide_word_is_left_to_the_usual_reading():
    answer = ask(STORE, "what can a blood test diagnose")
    assert "kg.qa.guided" not in " ".join(answer.debug.get("why", []))
