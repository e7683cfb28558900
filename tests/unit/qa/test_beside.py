"""A word of coming-with between two named things ("a skin rash *alongside* the spasms", "swelling *accompanying* a
cramp") says they come together, as "with" does; the question's other relation word asks what they mean
(kg.qa.shapes._beside). It was read as a second constraint ("the symptoms of muscle spasm that skin rash points to"),
which nothing meets. "What shows up alongside bad cramps" still asks what accompanies them."""

import pytest

from kg.qa.ask import ask


def labels(answer) -> set[str]:
    return {a["label"] for a in answer.to_dict()["answers"]}


@pytest.mark.parametrize("question", [
    "what might a skin rash alongside the spasms mean",
    "she wants to know what a skin rash alongside the spasms might mean",
    "what could swelling accompanying a cramp point to",
    "what does a rash alongside my cramps indicate",
    "what can swelling alongside a spasm be a sign of",
    "my knee spasms and I've got a skin rash alongside them. what might a rash alongside spasms suggest?",
])
def test_what_the_pair_means_is_asked(real_store, question):
    assert "Allergic reaction" in labels(ask(real_store, question))


@pytest.mark.parametrize("question", ["what extra symptoms show up alongside bad cramps", "what accompanies severe spasms"])
def test_what_comes_alongside_is_still_asked_alone(real_store, question):
    assert {"Numbness", "Tremors", "Weakness"} <= labels(ask(real_store, question))
