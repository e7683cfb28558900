"""A claim told and then echoed by a short tag ("… whether X. can it?", "… if there is a cure. is there?"), or put
under a verdict frame ("true or false: X"), asks the claim (kg.qa.verdict): the article's yes where it states it, its
"no" only where it says no. Phrasings that are not in the blind batches."""

import pytest

from kg.qa.ask import ask


@pytest.mark.parametrize("question", [
    "my mum wanted to know if dehydration can cause cramps. can it?",
    "a customer asked whether statins can cause muscle spasms. do they?",
    "caffeine can cause knee twitching, right?",
    "true or false: older adults are more likely to get muscle spasms",
])
def test_an_echoed_or_framed_claim_the_article_states_gets_its_yes(real_store, question):
    answer = ask(real_store, question)
    assert answer.boolean is True, answer.message
    assert answer.question == question


def test_an_echoed_cure_question_gets_the_articles_no(real_store):
    answer = ask(real_store, "my son asked me if there is a cure for ALS. is there?")
    assert answer.boolean is False and "no cure" in answer.message, answer.message


def test_the_story_before_the_echoed_claim_stays_its_context(real_store):
    answer = ask(real_store, "my neighbour has ALS. her husband asked me whether there is a cure. is there?")
    assert answer.boolean is False and "no cure" in answer.message, answer.message


@pytest.mark.parametrize("question", [
    "my knee twitches a lot. is it serious?",  # a question of its own, not an echo
    "a friend asked whether magnets stop cramps. do they?",  # a thing the article never names: never a "no"
])
def test_no_echo_no_unstated_no(real_store, question):
    answer = ask(real_store, question)
    assert answer.boolean is not False and not answer.message.startswith("No"), answer.message
