"""How a list answer is worded and what it lists beside its answers; phrasings of our own, not a blind batch's."""

import pytest

from kg.qa.ask import ask

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("question, expected", [
    ("how will the doctor figure out what's behind my knee twitching", {"medical history", "visual examination"}),
    ("how do doctors find out why a knee twitches", {"frequency of the twitching", "medical history"}),
])
def test_a_few_ways_to_diagnose_list_the_steps_they_are_made_of(real_store, question, expected):
    """"Evaluation by a healthcare professional" is what the article names for knee twitching; what it is made of
    (medical history, a visual examination, tests) is what the reader will meet, so it is listed after it."""
    answer = ask(real_store, question)
    assert expected <= {a["label"].lower() for a in answer.answers}, answer.message
