""""What to do the moment one hits mid-session": "the moment" and a "mid-" word say when, not what, and do not make
the question about something the article never mentions. Phrasings of our own, not a blind batch's."""

import pytest

from kg.qa.ask import ask
from kg.qa.text import lemma

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("question", [
    "what should i do the moment my calf cramps up",
    "my hamstring cramped mid-run, what should i do",
    "what does it say to do if a cramp grabs you mid-match",
])
def test_when_words_leave_the_question_about_what_to_do(real_store, question):
    answer = ask(real_store, question)
    assert not answer.declined, answer.message
    assert "stopping the triggering activity" in {a["label"].lower() for a in answer.answers}, answer.message


def test_a_mid_word_is_read_as_mid():
    assert [lemma(w) for w in ("mid-session", "mid-", "midfield")] == ["mid", "mid-", "midfield"]
