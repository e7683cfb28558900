""""Does the article *actually* claim …", "does it *really* claim …": an adverb between the asking words and "claim" still
asks whether the article claims it; the answer is yes, as a claim, never as a fact (lexicon kgl:claim-check).
Phrasings that are not in the blind batches."""

import pytest

from kg.qa.ask import ask


@pytest.mark.parametrize("question", [
    "does the article honestly claim Medicramp gets rid of cramp pain in 48 hours",
    "does it really claim that Medicramp can help get rid of cramp pain within 48 hours?",
])
def test_an_adverb_before_claim_still_asks_whether_it_is_claimed(real_store, question):
    answer = ask(real_store, question)
    assert answer.boolean is True and "claim, not a fact" in answer.message and "48 hours" in answer.message, answer.message
