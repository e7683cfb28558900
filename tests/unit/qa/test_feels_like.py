"""A sensation told before "is that how a spasm feels" is asked about the spasm: a yes with the article's words, the
spasm having the sensation (the lexicon's "feel like", "how * usually feel", "normal way for a" frames)."""

import pytest

from kg.qa.ask import ask
from kg.store.embedded import EmbeddedStore

STORE = EmbeddedStore.from_file()


@pytest.mark.parametrize("question", [
    "my calf burns when it cramps. is that how cramps usually feel?",
    "it feels like tearing inside my thigh when it seizes up, is that a normal feeling for a cramp",
    "the back of my leg feels like its ripping when it locks. is that a normal way for a spasm to feel",
    "when my leg cramps it's like a burning feeling, is that what a spasm feels like",
])
def test_a_told_sensation_is_a_symptom_of_the_spasm(question):
    answer = ask(STORE, question)
    assert answer.boolean is True, answer.message
    assert "burning, stretching, or tearing sensation" in answer.message


def test_the_spasm_is_not_read_as_the_sensation_s_symptom():
    answer = ask(STORE, "what does a muscle spasm feel like")
    assert answer.kind == "list" and any("burning" in a["label"].lower() for a in answer.answers), answer.message


@pytest.mark.parametrize("question", ["what does it feel like when your calf cramps",
                                      "what does it feel like if the thigh muscle goes into spasm"])
def test_a_pronoun_before_the_verb_stands_for_the_thing_of_the_when_clause(real_store, question):
    """"What does *it* feel like *when a muscle spasms*": the spasm is the subject, so its symptoms are the answer,
    not the conditions it is a symptom of."""
    answer = ask(real_store, question)
    assert "burning, stretching or tearing sensation" in {a["label"].lower() for a in answer.answers}, answer.message
