"""The quote index: a quoted sentence that points back ("This helps …", "These minerals …") comes with the sentence
it points to, verbatim — from the quotes, or from the bullet it opens when no fact quotes that sentence."""

import pytest

from kg import paths
from kg.qa.ask import ask
from kg.qa.closest import quote_index

pytestmark = pytest.mark.unit


def _quote(index, start):
    return next(x for x in index.quotes if x[0].startswith(start))


def test_a_sentence_opening_with_this_gets_the_bullet_before_it_verbatim(real_store):
    index = quote_index(real_store)
    quote, begin, _ = _quote(index, "This helps prevent muscle fatigue")
    before = index.antecedent(quote, begin)
    article = paths.ARTICLE.read_text(encoding="utf-8")
    assert "rest and recover" in before["quote"] and article[before["begin"]:before["end"]] == before["quote"]


def test_a_sentence_that_names_its_subject_has_no_antecedent(real_store):
    index = quote_index(real_store)
    quote, begin, _ = _quote(index, "It is crucial to seek medical attention")  # "it" with no referent: not pointing back
    assert index.antecedent(quote, begin) is None


@pytest.mark.parametrize("question", ["what does resting do, actually", "and what does rest actually do"])
def test_a_description_quotes_what_this_points_to(real_store, question):
    answer = ask(real_store, question)
    quotes = [e["quote"] for e in answer.evidence]
    assert any("rest and recover" in q for q in quotes) and "muscle fatigue and overexertion" in " ".join(quotes)


def test_a_quote_brings_the_next_sentence_that_points_back_to_it(real_store):
    index = quote_index(real_store)
    _, _, end = _quote(index, "Proper Nutrition: Ensure that your diet")
    assert index.consequent(end)["quote"].startswith("These minerals play a crucial role in muscle function")


@pytest.mark.parametrize("question", ["what is magnesium actually good for in the body", "what does potassium do for us"])
def test_what_a_mineral_does_quotes_the_sentence_about_these_minerals(real_store, question):
    answer = ask(real_store, question)
    assert "muscle function" in " ".join(e["quote"] for e in answer.evidence)
