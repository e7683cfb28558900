""""What have I got to do when a cramp strikes": what the reader must do during a spasm is the article's treatments
(its self-care for the moment it strikes), never a body part or a passage; "what has estrogen got to do with it"
still asks how two things relate (kgl:action-words, kgl:moment-words)."""

import pytest

from kg.qa.ask import ask
from kg.store.embedded import EmbeddedStore

STORE = EmbeddedStore.from_file()


@pytest.mark.parametrize("question", [
    "what have I got to do when a cramp strikes",
    "what do I have to do if my thigh seizes up",
    "what must I do when my knee locks up with cramp",
    "what am I to do when a spasm strikes",
    "how do I deal with a cramp",
    "what would you do for a bad calf cramp",
])
def test_what_the_reader_must_do_is_the_article_s_treatments(question):
    answer = ask(STORE, question)
    labels = {a["label"].lower() for a in answer.answers}
    assert answer.answered and answer.kind == "list", answer.message
    assert {"stretching exercises", "massage"} <= labels and "muscle" not in labels, labels


@pytest.mark.parametrize("question", ["what does estrogen have to do with knee twitching",
                                      "whats wearing proper footwear got to do with spasms"])
def test_what_a_thing_has_to_do_with_another_is_not_an_action(question):
    answer = ask(STORE, question)
    assert "ways to treat or relieve" not in answer.message, answer.message
