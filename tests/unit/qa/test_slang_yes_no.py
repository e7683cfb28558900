"""Slangy and telegraphic yes/no questions that abstained: slang that names nothing ("bro", "fr", "ngl"), a level
said after its nutrient ("b12 not enough"), "over weight" in two words, "going way too hard", pre-workout as a
caffeine drink. The yes keeps the article's qualifier; what it does not name stays unanswered. Phrasings of our
own, not a blind batch's."""

import pytest

from kg.qa.ask import ask

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("question", [
    "bro can dehydration make my knee twitch fr",
    "ngl is my knee twitching bc im stressed at work",
    "magnesium not enough, can give knee spasm?",
    "vitamin d not enough can make knee twitching?",
    "is being over weight a risk for muscle spasms",
    "can going way too hard at the gym give you cramps",
    "pre workout knee twitching??",
])
def test_a_slangy_yes_no_is_answered_yes(real_store, question):
    answer = ask(real_store, question)
    assert answer.boolean is True and answer.message.startswith("Yes"), answer.message


def test_preworkout_keeps_the_high_amounts_qualifier(real_store):
    answer = ask(real_store, "preworkout giving me knee twitches??")
    assert answer.boolean is True, answer.message
    assert "high" in answer.message.lower(), answer.message


@pytest.mark.parametrize("question", [
    "bro is my knee twitching bc of my phone fr",
    "ngl can video games make my knee twitch",
    "is being over weight a cure for cramps",
    "zinc not enough, can make knee twitching?",
    "can going way too hard at practice cure spasms",
    "lowkey does protein powder cause knee twitching",
])
def test_no_yes_for_what_the_article_does_not_state(real_store, question):
    answer = ask(real_store, question)
    assert answer.boolean is not True, answer.message
    assert answer.boolean is not False, answer.message
