"""Everyday names: words for being overweight ("chubby", "a high BMI", "a few extra pounds") name the risk factor the article
gives, a caffeinated drink by its brand ("monsters", "diet cokes") is caffeine: a yes/no about them is answered yes."""

import pytest

from kg.qa.ask import ask

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("question", ["does being chubby make spasms more likely", "is a high bmi a risk factor for muscle spasms",
                                      "can carrying a few extra pounds raise the risk of cramps"])
def test_an_everyday_word_for_overweight_is_the_articles_risk_factor(real_store, question):
    answer = ask(real_store, question)
    assert answer.boolean is True and "being overweight" in answer.message


@pytest.mark.parametrize("question", ["i drink 3 diet cokes a day, could that be why my leg twitches",
                                      "two rockstars before every shift, can that make my knee twitch"])
def test_a_caffeinated_drink_by_its_brand_is_read_as_caffeine(real_store, question):
    answer = ask(real_store, question)
    assert answer.boolean is True and "caffeine" in answer.message


