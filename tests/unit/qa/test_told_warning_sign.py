"""A warning sign told in everyday words before "should I get it seen to" (facts/entities.yaml lay names, and
kg.qa.intents): the yes is the article's rule for that sign, with its quote; "do I need a doctor" after a told sign
is no longer answered with how spasms usually go ("most resolve on their own")."""

import pytest

from kg.qa.ask import ask

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("question, sign", [
    ("mum's knee keeps twitching and she's struggling to get her words out, should she see someone", "speaking"),
    ("grandad's leg twitches and he can't speak properly today, is that something to get looked at quickly", "speaking"),
    ("my calf spasms so badly I can't get through my shift, is that a see-the-doc job", "limit"),
    ("cramps got so bad I had to leave work early, should I see the GP", "limit"),
    ("my leg cramps are so bad I can't finish a game any more, is that worth getting checked", "limit"),
    ("my cramps are that bad I had to leave work twice this week, do I need a doctor", "limit"),
    ("the spasms behind my knee are so bad I can't get through the day, do I need to see a doctor", "limit"),
    ("my knee jumps and I feel really weak in that leg, do I need a doctor", "weakness"),
])
def test_a_told_sign_gets_the_articles_yes(real_store, question, sign):
    answer = ask(real_store, question)
    assert answer.boolean is True, answer.message
    assert answer.message.startswith("Yes")
    assert sign in answer.message.lower()
    assert "most do not" not in answer.message


@pytest.mark.parametrize("question", ["my knee twitches, should I see the GP", "knee spasms and I keep losing my balance, should I see a GP"])
def test_the_gp_is_seen_as_the_doctor_is(real_store, question):
    answer = ask(real_store, question)
    assert answer.answered and "see" not in answer.unknown


@pytest.mark.parametrize("question", ["do muscle spasms need a doctor", "my knee twitched once yesterday, do I need to see a doctor"])
def test_without_a_told_sign_need_a_doctor_is_still_how_spasms_usually_go(real_store, question):
    answer = ask(real_store, question)
    assert "resolve on their own" in answer.message


@pytest.mark.parametrize("question", [
    "if someone overdoses on stimulants do they need medical help",
    "my mate thinks he overdosed on stimulants, would he need medical help right away",
    "if I overdosed on caffeine pills would I need a doctor",
    "after a stimulant overdose do you need medical treatment",
])
def test_an_overdose_told_needs_immediate_help(real_store, question):
    """"Need medical help" after a told overdose: the article's immediate medical attention, not "help with" spasms."""
    answer = ask(real_store, question)
    assert answer.boolean is True, answer.message
    assert "immediate medical attention" in answer.message
    assert "help with" not in answer.reading
