"""A description closed by a comma and a clause of its own — a bidding verb ("…, *list* its treatments"), a question
word or an auxiliary — ends at the comma: the bid is what is asked of the thing described, not part of its
description. A relation word in a "when"-clause after the asked one is a condition told, not the relation asked."""

import pytest

from kg.qa.ask import ask
from kg.store.embedded import EmbeddedStore

STORE = EmbeddedStore.from_file()


def _labels(question):
    answer = ask(STORE, question).to_dict()
    return answer, [a["label"] for a in answer["answers"]]


@pytest.mark.parametrize("question, must", [
    ("for the illness the article says cannot be cured, name the therapies it lists", "Speech therapy"),
    ("the condition where the immune system attacks healthy cells, list its treatments", "Immunosuppressants"),
    ("the disease with no cure, tell me the treatments the article mentions", "Respiratory support"),
])
def test_a_bid_after_a_comma_is_asked_of_the_thing_described(question, must):
    answer, labels = _labels(question)
    assert answer["kind"] == "list" and must in labels, answer["message"]


@pytest.mark.parametrize("question, must", [
    ("how are disorders where the body attacks its own healthy cells treated when they cause cramps", "Corticosteroids"),
    ("how is the illness that has no cure treated when it brings on twitching", "Speech therapy"),
])
def test_a_relation_in_a_when_clause_is_a_condition_not_the_asked_relation(question, must):
    answer, labels = _labels(question)
    assert answer["kind"] == "list" and must in labels, answer["message"]
