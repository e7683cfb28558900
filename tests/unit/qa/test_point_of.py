""""What is a balanced diet supposed to do for knee twitching": a remedy named beside a condition, asked what it is for,
is read from the remedy's side (what it treats or prevents, and its purpose), not as a question about the condition.
Phrasings of our own, not a blind batch's."""

import pytest

from kg.qa.ask import ask
from kg.store.embedded import EmbeddedStore

pytestmark = pytest.mark.unit

STORE = EmbeddedStore.from_file()


@pytest.mark.parametrize("question, remedy", [
    ("what is a balanced diet supposed to do for my twitchy knee", "proper nutrition"),
    ("whats the point of eating a well balanced diet for knee spasms", "proper nutrition"),
    ("what good does resting do for leg cramps", "rest and recovery"),
    ("what are cold packs good for when the knee cramps", "heat or cold therapy"),
    ("what is meditation meant to do for knee twitching", "meditation"),
    ("what is the benefit of massage for muscle spasms", "massage"),
])
def test_the_remedy_s_side_is_read(question, remedy):
    answer = ask(STORE, question)
    assert answer.reading.startswith(f"I read this as: what can {remedy} help"), answer.reading
    assert answer.answers and answer.evidence


def test_without_a_remedy_nothing_changes():
    answer = ask(STORE, "what is stress supposed to do to my knee")
    assert "help with" not in answer.reading
