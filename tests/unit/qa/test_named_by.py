"""Kinds named by the relation asked (kg.qa.named_by): the article says nothing an underlying medical condition itself
affects, but names its kinds by what they affect ("condition affecting circulation, metabolism …"); "what areas can an
underlying condition affect" is answered with those kinds, read as its kinds — and a thing with facts of its own keeps
them ("what does muscle spasm affect": the muscle)."""

import pytest

from kg.qa.ask import ask

AREAS = {"circulation", "metabolism", "hormones", "nerves", "nutrition", "medications"}


def listed(answer) -> str:
    return " ".join(a["label"] for a in answer.to_dict()["answers"]).lower()


@pytest.mark.parametrize("question", [
    "what does an underlying medical condition affect",
    "what areas can an underlying condition affect",
    "which systems can an underlying health condition affect",
    "what might an underlying medical condition affect?",
    "an underlying condition can affect what?",
    "underlying condition - what can it affect?",
])
def test_the_kinds_named_by_what_they_affect_answer(real_store, question):
    answer = ask(real_store, question)
    assert all(area in listed(answer) for area in AREAS), answer.message
    assert "amyotrophic" not in listed(answer), answer.message  # a kind not named by what it affects is left out


def test_a_thing_with_its_own_facts_keeps_them(real_store):
    assert "muscle" in listed(ask(real_store, "what does muscle spasm affect"))
