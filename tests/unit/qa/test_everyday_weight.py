"""Everyday words for being overweight ("chubby", "a high BMI", "a few extra pounds") name the risk factor the article
gives, so a yes/no about them is answered yes with its sentence."""

import pytest

from kg.qa.ask import ask

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("question", ["does being chubby make spasms more likely", "is a high bmi a risk factor for muscle spasms",
                                      "can carrying a few extra pounds raise the risk of cramps"])
def test_an_everyday_word_for_overweight_is_the_articles_risk_factor(real_store, question):
    answer = ask(real_store, question)
    assert answer.boolean is True and "being overweight" in answer.message
