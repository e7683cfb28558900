"""A nutrient asked good for the condition is the article's yes through the diet it names it in (kg.qa.intake): both
sentences quoted, never a 'no', and not when the reader asks of a food the article never names."""

import pytest

from kg.qa.ask import ask

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("question, nutrient", [
    ("does calcium do anything for leg cramps", "calcium"),
    ("is potassium good for stopping my knee spasms", "potassium"),
])
def test_a_nutrient_of_proper_nutrition_is_a_yes_through_it(real_store, question, nutrient):
    answer = ask(real_store, question)
    assert answer.boolean is True and answer.message.startswith("Yes, in a way"), answer.message
    assert f"names {nutrient} among the nutrients of proper nutrition" in answer.message
    assert answer.message.count("“") >= 2  # the nutrient's sentence and the diet's


def test_a_food_the_article_never_names_stays_not_stated(real_store):
    answer = ask(real_store, "are avocados good for cramps, because of the potassium?")
    assert answer.boolean is None, answer.message
