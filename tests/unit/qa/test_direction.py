"""The direction the words ask, over the direction the article has facts for (kg.qa.direction): "what causes limited
blood supply" asks its causes, which the article never names — it was answered with what limited blood supply causes,
because the flip had facts (+3) and the asked side none (-1). The honest answer says the article does not say, and
offers the flip as another question; where the article has facts on the asked side, nothing changes."""

import pytest

from kg.qa.ask import ask


def labels(answer) -> set[str]:
    return {a["label"] for a in answer.to_dict()["answers"]}


@pytest.mark.parametrize("question, flip", [
    ("what causes limited blood supply", "Muscle spasm"),
    ("so what could be causing limited blood supply?", "Muscle spasm"),
    ("what brings on a limited blood supply", "Muscle spasm"),
    ("what treats limited blood supply", "Muscle spasm"),
    ("what leads to limited blood supply", "Muscle spasm"),
    ("which things lead to limited blood supply", "Muscle spasm"),
])
def test_the_asked_side_with_no_facts_is_not_answered_by_its_flip(real_store, question, flip):
    answer = ask(real_store, question)
    assert flip not in labels(answer) and answer.boolean is None, answer.message
    assert "does not say" in answer.message, answer.message
    assert not answer.message.startswith("The article names"), answer.message


@pytest.mark.parametrize("question, must", [
    ("what causes dehydration", "Not drinking enough fluids"),
    ("what leads to heat exhaustion", "Working in high temperatures without proper hydration"),
    ("what does limited blood supply cause", "Muscle spasm"),
    ("what can dehydration lead to", "Muscle twitching"),
    ("what is muscle twitching a sign of", "Amyotrophic lateral sclerosis"),
    ("what can knee twitching be a symptom of", "Autoimmune disorders"),
])
def test_a_side_with_facts_is_answered_as_before(real_store, question, must):
    assert must in labels(ask(real_store, question))
