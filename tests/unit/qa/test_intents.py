"""What a pronoun stands for when a story names several things: the one the others are said of. Phrasings of our
own, not a blind batch's."""

import pytest

from kg.qa.ask import ask


@pytest.mark.parametrize("question", [
    "severe cramps with weakness and tremors - what does it mean",
    "really bad spasms along with numbness and tremors, what does that point to",
])
def test_a_pronoun_for_several_told_things_stands_for_the_one_the_others_are_said_of(real_store, question):
    answer = ask(real_store, question)
    assert "severe muscle spasm" in answer.reading.lower(), answer.reading
    assert any("underlying health condition" in e["quote"] for e in answer.evidence)


@pytest.mark.parametrize("question, expected", [
    ("which serious illnesses can twitching in the knee be a sign of", "amyotrophic lateral sclerosis"),
    ("what dangerous conditions is knee twitching a symptom of", "autoimmune disorders"),
])
def test_a_serious_word_before_the_asked_class_says_which_things_not_is_it_serious(real_store, question, expected):
    """"what *serious* conditions can it be a symptom of": the word picks the things asked for; the relation asks."""
    answer = ask(real_store, question)
    assert answer.kind == "list" and expected in {a["label"].lower() for a in answer.answers}, answer.message
