"""Two sets asked of one answer ("which of the minerals linked to spasms can a blood test check for") whose facts the
article states of one thing between — the mineral's *deficiency* is linked to spasms and is what a blood test checks —
are answered through it, and the answer names the things between."""

import pytest

from kg.qa.ask import ask
from kg.store.embedded import EmbeddedStore

STORE = EmbeddedStore.from_file()
MINERALS = {"Magnesium", "Calcium", "Potassium"}


@pytest.mark.parametrize("question", [
    "which of the minerals linked to spasms can a blood test check for",
    "which vitamins and minerals tied to knee twitching does a blood test check",
    "what minerals linked to cramps can supplementation help with",
])
def test_an_intersection_is_read_through_the_thing_between(question):
    answer = ask(STORE, question)
    labels = {a["label"] for a in answer.answers}
    assert answer.kind == "list" and MINERALS & labels, answer.message
    assert labels <= {"Magnesium", "Calcium", "Potassium", "Vitamin D", "Vitamin B6", "Vitamin B12"}, labels
    assert "deficiency" in answer.message, answer.message  # the things between are named


def test_an_intersection_the_article_states_directly_is_not_bridged():
    answer = ask(STORE, "which causes of knee twitching are also risk factors for muscle spasms")
    assert "Diuretics" in {a["label"] for a in answer.answers} and "linked to (" not in answer.message, answer.message


@pytest.mark.parametrize("question", [
    "what example of an autoimmune disease is named as causing twitches",
    "name an example of autoimmune disorders that can lead to muscle twitching",
])
def test_an_empty_intersection_is_read_with_one_edge_nearly_alike(question):
    answer = ask(STORE, question)  # the article says twitching is a *symptom* of neuromyotonia, not that it causes it
    assert [a["label"] for a in answer.answers] == ["Neuromyotonia"], answer.message
    assert "symptom" in answer.message and "does not say" in answer.message, answer.message
