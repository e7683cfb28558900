""""An underlying condition affecting what?": the article names the kinds of underlying condition by what they affect
(circulation, metabolism, hormones, nerves, nutrition, medications); the relation word asked stands in their names, so
those kinds are the answer (kg.qa.named_by_verb). Phrasings of our own, not a blind batch's."""

import pytest

from kg.qa.ask import ask

pytestmark = pytest.mark.unit

KINDS = {"Condition affecting circulation", "Condition affecting metabolism", "Condition affecting hormones",
         "Condition affecting nerves", "Condition affecting nutrition", "Condition affecting medications"}


@pytest.mark.parametrize("question", [
    "what might the underlying condition behind cramps be affecting",
    "underlying condition causing spasms - what parts of the body could it affect",
    "an underlying medical condition that causes muscle spasms could affect what",
    "which systems can an underlying health condition affect when it gives you spasms",
    "what could be affected by an underlying condition that makes your muscles spasm",
    "spasms from an underlying condition: what does that condition affect",
])
def test_the_kinds_named_by_what_they_affect(real_store, question):
    answer = ask(real_store, question)
    assert KINDS <= {a["label"] for a in answer.answers}, answer.message


@pytest.mark.parametrize("question", [
    "what does ALS affect",
    "what do muscle spasms affect",
    "does an underlying condition affect circulation",
])
def test_other_things_affected_keep_their_reading(real_store, question):
    answer = ask(real_store, question)
    assert "by what they affect" not in answer.reading
