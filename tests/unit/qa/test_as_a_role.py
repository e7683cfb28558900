""""The example it gives for tense muscles *as a cause*": a relation noun after a named thing and "as a" says the
thing's role, and "what example *does the article give* for X" reports the article's words — neither is the
relation asked: the example is."""

import pytest

from kg.qa.ask import ask

pytestmark = pytest.mark.unit


def labels(answer):
    return " ".join(a["label"] for a in answer.answers).lower()


@pytest.mark.parametrize("question, example", [
    ("which example does it give for tense or poorly conditioned muscles as a cause", "overexertion during exercise"),
    ("what example does the article give for dehydration as a cause", "not drinking enough fluids"),
    ("what example does the table give for nerve damage", "injury")])
def test_the_example_of_a_cause_is_asked_not_its_effects_or_treatments(real_store, question, example):
    assert example in labels(ask(real_store, question))


def test_what_doctors_give_for_a_condition_is_still_its_treatments(real_store):
    assert "stretching exercises" in labels(ask(real_store, "what do doctors give for cramps"))


@pytest.mark.parametrize("question", ["which drugs does the article identify as having muscle spasms as a side effect",
                                      "what medicines are known for having twitching as a side effect"])
def test_a_role_asked_after_as_a_is_the_relation(real_store, question):
    assert "diuretics" in labels(ask(real_store, question))
