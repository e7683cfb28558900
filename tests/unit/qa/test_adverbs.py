"""An adverb made of an English word and "-ly" says how, not what: "can stress seriously make cramps worse" and
"honestly, what causes leg cramps" are not about something the article never mentions."""

import pytest

from kg.qa.ask import ask
from kg.store.embedded import EmbeddedStore

STORE = EmbeddedStore.from_file()


@pytest.mark.parametrize("question", [
    "can dehydration seriously give you cramps",
    "is knee twitching genuinely a symptom of ALS",
])
def test_an_adverb_does_not_block_a_stated_yes(question):
    answer = ask(STORE, question).to_dict()
    assert answer.get("boolean") is True and not answer.get("unknown"), answer["message"]


def test_an_adverb_is_not_named_as_unknown():
    answer = ask(STORE, "honestly, what can cause leg cramps").to_dict()
    assert answer["kind"] == "list" and not answer.get("unknown"), answer["message"]
