"""A reader's situation mixed with advice: the facts answered, the advice part only in the article's own words."""

import pytest

from kg.qa.ask import ask

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("question", ["my doctor has me on water pills and my knee started twitching. could they cause "
                                      "it, and should i stop taking them?",
                                      "i take prednisone for my asthma and my legs cramp. can it do that and should i "
                                      "come off it"])
def test_the_fact_is_answered_and_the_advice_part_quotes_the_article(real_store, question):
    answer = ask(real_store, question)
    assert answer.boolean is True and answer.message.startswith("Yes")
    assert "not personal medical advice" in answer.message
    assert "healthcare provider" in answer.message  # the article's words for medication causes, quoted
    assert "you should stop" not in answer.message.lower()


@pytest.mark.parametrize("question", ["should i quit my diuretics since my knee keeps twitching",
                                      "should i stop taking estrogen because of my knee spasms"])
def test_a_pure_advice_question_stays_declined_but_says_what_the_article_says_for_that_cause(real_store, question):
    answer = ask(real_store, question)
    assert answer.declined == "advice" and not answer.answered and not answer.answers and answer.boolean is None
    assert "healthcare provider" in answer.message


@pytest.mark.parametrize("question", ["i drink like 6 coffees a day and my knee keeps twitching, should i be concerned?",
                                      "i have three energy drinks every day and my knee jumps a lot. should i be "
                                      "worried?"])
def test_is_it_serious_after_naming_a_cause_adds_what_the_article_says_for_it(real_store, question):
    answer = ask(real_store, question)
    assert "reduce your intake" in answer.message
