""""What can accompany severe spasms", "signs alongside bad cramps": what comes with a condition is its sign (a
symptomOf frame); "extra" is a filler. Phrasings of our own, not a blind batch's."""

import pytest

from kg.qa.ask import ask

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("question", [
    "what accompanies severe spasms",
    "what extra symptoms show up alongside bad cramps",
    "which signs occur alongside severe spasms",
])
def test_what_comes_alongside_a_condition_is_its_sign(real_store, question):
    answer = ask(real_store, question)
    assert {"numbness", "tremors", "weakness"} <= {a["label"].lower() for a in answer.answers}, answer.message
