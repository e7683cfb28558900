"""Two-hop questions: a second hop through what a test supposed in an if-clause finds (kg.qa.shown: "if a blood test
showed I was low, what would fix it" asks the treatments of what the blood test diagnoses, not of the blood test),
and a second part asked of the few things the first answered (kg.qa.compound: "which causes can a blood test pick
up, and what's done about them" asks the treatments of nutrient and vitamin deficiencies)."""

import pytest

from kg.qa.ask import ask

FIXES = {"Dietary changes", "Supplementation"}


def labels(answer) -> set[str]:
    return {a["label"] for a in answer.to_dict()["answers"]}


@pytest.mark.parametrize("question", [
    "if a blood test showed I was low, what would fix it",
    "if blood work shows a deficiency, what helps it",
    "if my blood test comes back showing I'm low on something, how is that treated?",
    "when the blood test finds a shortage, what sorts it out",
    "if a blood test says she is deficient, what's the treatment for that",
    "if bloodwork showed low levels, what does the article suggest to fix that?",
])
def test_what_fixes_what_the_test_finds(real_store, question):
    answer = ask(real_store, question)
    assert FIXES <= labels(answer), answer.message
    assert "Blood test" not in labels(answer), answer.message


@pytest.mark.parametrize("question", ["what does a blood test check for", "what is a blood test used to diagnose"])
def test_what_the_test_finds_is_still_asked_as_before(real_store, question):
    assert "Nutrient deficiencies" in labels(ask(real_store, question))


@pytest.mark.parametrize("question", [
    "which of the causes can be picked up on a blood test, and what's done about them",
    "what can a blood test diagnose and how are those treated",
    "which deficiencies does a blood test check for, and what fixes them",
])
def test_a_second_part_is_asked_of_each_thing_the_first_answered(real_store, question):
    answer = ask(real_store, question)
    assert FIXES <= labels(answer), answer.message
    assert "treat or relieve blood test" not in answer.message, answer.message


def test_coordinated_conditions_are_asked_alike_not_one_as_the_others_cause(real_store):
    answer = ask(real_store, "how are nutrient deficiencies and vitamin deficiencies treated")
    assert "as you describe it" not in answer.message and FIXES <= labels(answer), answer.message
