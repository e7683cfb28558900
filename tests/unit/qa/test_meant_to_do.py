""""What am I meant to do when …": the reader's own obligation asks what the article says to do (as "supposed to"),
while "what is stretching meant to do" still asks what a thing is for. Phrasings of our own, not a blind batch's."""

import pytest

from kg.qa.ask import ask

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("question", [
    "what are we meant to do when one of the kids gets a cramp",
    "my calf seized up on the pitch, what am i meant to do",
    "what are you supposed to do when a leg cramp strikes",
])
def test_what_a_person_is_meant_to_do_asks_what_to_do(real_store, question):
    answer = ask(real_store, question)
    assert not answer.declined
    assert {"stopping the triggering activity", "massage"} <= {a["label"].lower() for a in answer.answers}, \
        answer.message


def test_what_a_thing_is_meant_to_do_asks_what_it_is_for(real_store):
    answer = ask(real_store, "what is stretching meant to do")
    assert "muscle spasm" in {a["label"].lower() for a in answer.answers}
