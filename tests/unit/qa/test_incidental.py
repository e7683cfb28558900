"""A question asked after a story, naming nothing of the article itself, is about the story's thing: an unknown verb
that takes a known word ("*phone* my GP") or a closing place phrase ("at the *gym*") is how or where the reader asks,
not what — while an unknown word that could be the asked thing still stops the answer."""

import pytest

from kg.qa.ask import ask
from kg.store.embedded import EmbeddedStore

STORE = EmbeddedStore.from_file()


@pytest.mark.parametrize("question, must", [
    ("my calf locked up halfway through the match. what should i do at the ground", "Stretching exercises"),
    ("thigh cramped mid-swim, what can i do in the pool", "Massage"),
    ("my knee keeps twitching in meetings. which symptoms mean i should phone my gp", "Difficulty swallowing"),
    ("my knee has been twitching for a fortnight. what signs mean i ought to bell the gp", "Weakness"),
])
def test_an_incidental_unknown_word_after_a_story_does_not_stop_the_answer(question, must):
    answer = ask(STORE, question).to_dict()
    assert answer["kind"] == "list", answer["message"]
    assert must in [a["label"] for a in answer["answers"]], answer["message"]


@pytest.mark.parametrize("question, word", [
    ("my knee keeps twitching at night. what herbal remedies help", "herbal"),
    ("my knee twitches a lot. what about zinc", "zinc"),
    ("my leg jumps all evening. what is good for tinnitus", "tinnitus"),
])
def test_an_unknown_word_that_is_the_asked_thing_still_declines(question, word):
    answer = ask(STORE, question).to_dict()
    assert not answer["answers"], answer["message"]
    assert word in answer["message"], answer["message"]
