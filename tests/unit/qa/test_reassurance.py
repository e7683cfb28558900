"""Worried readers ("does it always mean ALS", "is knee twitching serious"): the answer carries the article's own
weighing — what it calls the usual cause, and "in some cases" for the serious one — never a bare yes or no.
Phrasings not in the batches."""

import pytest

from kg.qa.ask import ask
from kg.store.embedded import EmbeddedStore

pytestmark = pytest.mark.unit

STORE = EmbeddedStore.from_file()


@pytest.mark.parametrize("question", [
    "my mum had motor neurone disease and my thigh keeps twitching near the knee. does that always mean ALS?",
    "is a twitchy knee always a sign of ALS",
])
def test_always_als_gets_the_usual_cause_and_the_qualifier(question):
    answer = ask(STORE, question)
    text = answer.message.lower()
    assert answer.boolean is not True and answer.boolean is not False, answer.message
    assert "fatigue or strain" in text and "in some cases" in text, answer.message


@pytest.mark.parametrize("question", [
    "saw on tiktok that twitching is a sign of ALS, im freaking out, my knee twitches every night",
    "is knee twitching something serious or not?",
])
def test_worry_about_seriousness_is_answered_with_the_usual_cause(question):
    answer = ask(STORE, question)
    assert "fatigue or strain" in answer.message.lower(), answer.message


def test_always_about_a_remedy_does_not_bring_in_causes():
    answer = ask(STORE, "does stretching always work for knee spasms")
    assert "usual cause" not in answer.message
