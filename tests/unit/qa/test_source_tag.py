"""A yes/no followed by a tag asking whether the article says it ("does X trigger cramps, *does the article say*")
is that yes/no: the relation asked is kept, so an unstated relation is "the article does not say", never the "yes" of
another relation between the same two things (batch 21: cold water "triggering" cramps answered yes from hydration
preventing them)."""

import pytest

from kg.qa.ask import ask
from kg.store.embedded import EmbeddedStore

STORE = EmbeddedStore.from_file()


@pytest.mark.parametrize("question", [
    "does drinking water bring on leg cramps, does the article say?",
    "can stretching cause knee twitching - does it mention that",
    "does a hot bath trigger cramps, does the article actually say",
])
def test_an_unstated_relation_with_a_source_tag_is_not_a_yes(question):
    answer = ask(STORE, question).to_dict()
    assert answer.get("boolean") is not True, answer["message"]
    assert "does not" in answer["message"], answer["message"]


@pytest.mark.parametrize("question", [
    "can dehydration cause muscle spasms, does the article say?",
    "is caffeine a cause of knee twitching - does it mention that",
])
def test_a_stated_relation_with_a_source_tag_is_a_yes(question):
    answer = ask(STORE, question).to_dict()
    assert answer.get("boolean") is True, answer["message"]


def test_asking_what_the_article_says_is_not_a_tag():
    answer = ask(STORE, "does the article say what causes knee twitching").to_dict()
    assert answer["kind"] == "list" and "Muscle fatigue" in {a["label"] for a in answer["answers"]}, answer["message"]
