""""What should I do" about a cause the article gives one or two ways for: a way that is a kind with examples is
named with them ("stress reduction techniques (such as yoga …)") and they are answers too. Phrasings of our own."""

import pytest

from kg.qa import exampled
from kg.qa.answer import executor
from kg.qa.ask import ask

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("question", [
    "if stress is what's setting my knee off, what should i do about it",
    "my cramps are down to emotional stress, what should I do",
])
def test_a_few_ways_are_named_with_their_examples(real_store, question):
    answer = ask(real_store, question)
    labels = {a["label"].lower() for a in answer.answers}
    assert {"meditation", "yoga"} <= labels, (labels, answer.message)


def test_the_message_names_the_examples_after_their_kind(real_store):
    answer = ask(real_store, "if stress is what's setting my knee off, what should i do about it")
    assert "Stress reduction techniques (such as" in answer.message, answer.message


def test_many_ways_are_not_expanded(real_store):
    ex = executor(real_store)
    many = [x for x in ex.index.labels if ex.index.is_a(x, exampled.KGO + "Therapy")][:exampled.FEW + 1]
    assert exampled.examples(ex, many) == {}
