"""How a list answer is worded and what it lists beside its answers; phrasings of our own, not a blind batch's."""

import pytest

from kg.qa.ask import ask

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("question, expected", [
    ("how will the doctor figure out what's behind my knee twitching", {"medical history", "visual examination"}),
    ("how do doctors find out why a knee twitches", {"frequency of the twitching", "medical history"}),
])
def test_a_few_ways_to_diagnose_list_the_steps_they_are_made_of(real_store, question, expected):
    """"Evaluation by a healthcare professional" is what the article names for knee twitching; what it is made of
    (medical history, a visual examination, tests) is what the reader will meet, so it is listed after it."""
    answer = ask(real_store, question)
    assert expected <= {a["label"].lower() for a in answer.answers}, answer.message


@pytest.mark.parametrize("question, count", [
    ("how many causes of knee spasms are the most common", 2),
    ("how many common reasons for knee twitching are there", 2)])
def test_a_count_of_the_common_ones_counts_those_the_article_weighs_with_that_word(real_store, question, count):
    """"Two common culprits are dehydration and vitamin deficiencies": "how many common …" is two, not every cause."""
    assert ask(real_store, question).count == count
