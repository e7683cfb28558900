"""A yes/no about one thing the article names, with no relation said ("does footwear matter?", "footwear?", "what
about meditation?", "does it talk about yoga?"), is whether the article links the thing and its topic: a yes that
quotes the relation the article states — never "the article does not say", never a "no". New phrasings, in no batch."""

import pytest

from kg.qa.ask import ask
from kg.store.embedded import EmbeddedStore

STORE = EmbeddedStore.from_file()


@pytest.mark.parametrize("question, said", [
    ("yoga?", "yoga"),
    ("and massage?", "massage"),
    ("how about deep breathing?", "deep breathing"),
    ("is hydration important at all?", "hydration"),
    ("does the page say anything about mindfulness", "mindfulness"),
    ("does the article discuss dehydration", "dehydration"),
])
def test_one_thing_asked_yes_or_no_is_its_stated_link_to_the_topic(question, said):
    answer = ask(STORE, question).to_dict()
    assert answer.get("boolean") is True, answer["message"]
    assert answer["message"].startswith("Yes") and said in answer["message"].lower(), answer["message"]
    assert answer["evidence"], "a yes quotes the article"


@pytest.mark.parametrize("question", [
    "my aunt has ALS, could my kids get it",  # the story's thing, asked something else of
    "fibres?",  # a word the article never uses
])
def test_no_yes_without_the_thing_asked_in_the_question(question):
    answer = ask(STORE, question).to_dict()
    assert answer.get("boolean") is not True, answer["message"]
    assert answer.get("boolean") is not False, "never a no the article does not state"
