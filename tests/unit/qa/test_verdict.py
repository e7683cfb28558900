"""A question that only asks whether a told claim is right asks the claim (kg.qa.verdict): a "no" only where the
article says no, a yes where it says so, and a negated claim is never answered backwards. New phrasings."""

import pytest

from kg.qa.ask import ask
from kg.store.embedded import EmbeddedStore

STORE = EmbeddedStore.from_file()


@pytest.mark.parametrize("question", [
    "My neighbour insists every cramp means a visit to the doctor. Is he correct?",
    "the lads at work reckon every knee twitch means a trip to the GP - are they right?",
])
def test_a_claim_the_article_says_no_to_gets_its_no(question):
    answer = ask(STORE, question).to_dict()
    assert answer["question"] == question
    assert answer.get("boolean") is False and "resolve on their own" in answer["message"], answer["message"]


def test_a_claim_the_article_states_gets_a_yes():
    answer = ask(STORE, "my physio says dehydration can cause cramps. is that right?").to_dict()
    assert answer.get("boolean") is True, answer["message"]


@pytest.mark.parametrize("question", [
    "my aunt believes ALS can't be cured, is she right?",  # negated: never a "no" that reads as "it can be cured"
    "my brother thinks magnets stop cramps, true?",  # a thing the article never mentions
])
def test_no_no_the_article_does_not_state(question):
    answer = ask(STORE, question).to_dict()
    assert answer.get("boolean") is not False or "no cure" in answer["message"], answer["message"]
    assert not answer["message"].startswith("No") or "cure" in answer["message"], answer["message"]
