""""What puts someone at risk of X" asks for the risk factors (things), not the groups at risk (people); "actual"
before a class word is a filler ("any actual painkillers named"). Phrasings of our own, not a blind batch's."""

import pytest

from kg.qa.ask import ask

pytestmark = pytest.mark.unit


def labels(answer) -> set[str]:
    return {a["label"].lower() for a in answer.answers}


@pytest.mark.parametrize("question", [
    "what puts you at risk of cramps",
    "which things place a person at risk of muscle spasms",
    "what can leave someone at risk of getting spasms",
])
def test_what_puts_someone_at_risk_asks_for_the_risk_factors(real_store, question):
    answer = ask(real_store, question)
    assert {"overexertion", "pregnancy"} <= labels(answer), (labels(answer), answer.message)
    assert "athletes" not in labels(answer)


@pytest.mark.parametrize("question", [
    "any actual painkillers named for cramps",
    "what actual pain relievers does it give examples of",
])
def test_actual_before_a_class_word_is_a_filler(real_store, question):
    answer = ask(real_store, question)
    assert {"ibuprofen", "acetaminophen"} <= labels(answer), (labels(answer), answer.message)
