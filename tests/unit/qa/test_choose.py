"""Choosing the reading to answer with (kg.qa.choose), on phrasings of our own."""

import pytest

from kg.qa.ask import ask


def ids(answer) -> set[str]:
    return {a["iri"].rsplit("/", 1)[-1] for a in answer.answers}


@pytest.mark.parametrize("question", [
    "what type of spasm does rest help",
    "what kind of spasm does time help with",
])
def test_a_kind_no_answer_is_of_leaves_the_relation_asked(real_store, question):
    answer = ask(real_store, question)
    assert {"muscle-fatigue", "muscle-strain"} <= ids(answer), (answer.reading, answer.message)
