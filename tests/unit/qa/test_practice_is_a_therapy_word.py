"""A word of the Therapy class stands for another in a therapy's name: "calming practices" is "calming techniques".
Phrasings of our own, not a blind batch's."""

import pytest

from kg.qa.ask import ask


@pytest.mark.parametrize("question", [
    "which relaxation practices does the article suggest for knee twitching",
    "what calming practices can settle a jumpy knee",
])
def test_a_therapy_named_with_another_word_of_its_class_is_the_same_therapy(real_store, question):
    """"Calming *practices*" is "calming techniques" (a lay name) with another word of the Therapy class."""
    answer = ask(real_store, question)
    assert {"yoga", "meditation", "deep breathing exercises"} <= {a["label"].lower() for a in answer.answers}, \
        answer.message


@pytest.mark.parametrize("question", [
    "which movements help prevent cramps in the knee",
    "what kind of movement keeps knee twitching away",
])
def test_movement_asks_for_the_exercises_that_prevent_it(real_store, question):
    """"Movement" is a word of the Therapy class: the exercises the article names against the twitch are the answer."""
    answer = ask(real_store, question)
    labels = {a["label"].lower() for a in answer.answers}
    assert {"stretching exercises", "low-impact exercise", "strengthening exercises"} <= labels, answer.message
    assert "only therapy" in answer.reading, answer.reading
