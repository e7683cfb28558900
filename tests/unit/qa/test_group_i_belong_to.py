""""Am I more at risk because I'm an athlete": the reader puts themselves in a group the article names and asks of the
topic without naming it. The group stands after the risk words, yet it is the group that is at risk — the relation's
domain — never the condition (kg.qa.yesno._fitting). A yes carries the article's sentence naming the group."""

import pytest

from kg.qa.ask import ask

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("question, group", [
    ("am i more at risk because im an athlete", "Athletes"),
    ("am i more at risk cos i'm an athlete", "Athletes"),
    ("do i get them more often since im an athlete", "Athletes"),
    ("am i more likely to get them coz im an older adult", "older adults"),
    ("my gran gets cramps at night, is she more at risk because she is an older adult", "older adults"),
    ("i swim five times a week and my legs seize up, am i more prone because i'm an athlete", "Athletes"),
    ("are we more at risk since we are athletes", "Athletes"),
])
def test_a_group_told_after_the_risk_words_is_the_one_at_risk(real_store, question, group):
    answer = ask(real_store, question)
    assert answer.boolean is True
    assert "more susceptible" in answer.message and group in answer.message
    assert "are more likely to get athletes" not in answer.reading


def test_cos_is_because(real_store):
    """Text-speak "cos" is "because", not a word the article does not mention."""
    answer = ask(real_store, "am i more at risk cos im an athlete")
    assert "cos" not in answer.message.split("mention")[-1][:20]
    assert answer.boolean is True


def test_a_group_the_article_does_not_name_gets_no_yes(real_store):
    """A group the article never puts at risk is no yes."""
    answer = ask(real_store, "am i more at risk because im a vegan")
    assert answer.boolean is not True
