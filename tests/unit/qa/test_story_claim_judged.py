"""A claim told before "does the article agree / is that true" is judged as told: its "everyone"/"always" is asked too
— the article's "may not work for everyone" answers No, never a bare Yes for the remedy."""

import pytest

from kg.qa.ask import ask
from kg.store.embedded import EmbeddedStore

STORE = EmbeddedStore.from_file()


@pytest.mark.parametrize("question", [
    "My gym buddy insists home treatments for cramps work for everybody. Is that true?",
    "Heard on a podcast: home remedies for spasms always work. Does the article agree?",
])
def test_universal_claim_is_no(question):
    answer = ask(STORE, question).to_dict()
    assert answer.get("boolean") is False, answer["message"]
    assert "may not work for everyone" in answer["message"]


def test_plain_claim_still_yes():
    answer = ask(STORE, "Claim: caffeine can cause knee twitching. Does the article agree?").to_dict()
    assert answer.get("boolean") is True, answer["message"]
