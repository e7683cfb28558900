"""Answers on the fact model's qualified facts (notes/qualifier-contract.md), end to end on the release graph.

A negation is the only "No"; two durations that disagree are both quoted and flagged; a mechanism
is told in the article's words; qualifiers ("in high amounts") are in a yes; warning signs come in
urgency groups; lists in the article's order of weight; a contradiction shows both sides; a
question asking "always" or "everyone" is not answered as if the word were not there.
"""

import pytest

from kg.qa.ask import ask
from kg.qa.judge import NOT_STATED


def test_no_only_where_the_article_states_a_negation(real_store):
    answer = ask(real_store, "can ALS be cured")
    assert answer.boolean is False and answer.message.startswith("No")
    assert "ALS has no cure" in answer.message
    assert answer.evidence and answer.evidence[0]["negated"]
    assert ask(real_store, "is there a cure for knee twitching").boolean is None  # no negation stated: not a no


def test_qualifiers_of_the_fact_are_in_the_answer(real_store):
    answer = ask(real_store, "Can caffeine cause knee twitching?")
    assert answer.boolean is True
    assert "in high amounts" in answer.message


def test_two_durations_are_both_given_and_flagged(real_store):
    answer = ask(real_store, "how long does a muscle spasm last")
    assert answer.answered and answer.kind == "describe"
    assert "a few seconds to several minutes" in answer.message and "a few minutes to several hours" in answer.message
    assert "do not agree" in answer.message
    quotes = " ".join(e["quote"] for e in answer.evidence)
    assert "a few seconds to several minutes" in quotes and "a few minutes to several hours" in quotes


def test_a_mechanism_in_the_articles_words(real_store):
    answer = ask(real_store, "how does dehydration lead to knee twitching")
    assert answer.kind == "describe" and "in the article's words" in answer.message
    assert "deplete" in answer.message and "calcium, potassium" in answer.message


def test_warning_signs_in_urgency_groups_most_urgent_first(real_store):
    answer = ask(real_store, "when should i see a doctor about knee twitching")
    labels = [g["label"] for g in answer.groups]
    assert labels and labels[0] == "seek immediate medical attention"
    first = [a["iri"] for a in answer.groups[0]["answers"]]
    assert [a["iri"] for a in answer.answers[:len(first)]] == first


def test_lists_in_the_articles_order_of_weight(real_store):
    answer = ask(real_store, "what causes knee twitching")
    assert [a["iri"].rsplit("/", 1)[-1] for a in answer.answers[:2]] == ["muscle-fatigue", "muscle-strain"]


def test_a_contradiction_shows_both_sides(real_store):
    answer = ask(real_store, "are ALS and autoimmune disorders common causes of muscle spasms")
    assert "not consistent" in answer.message and "but also" in answer.message
    assert "in some cases" in answer.message.lower()


def test_a_promotional_claim_is_a_claim(real_store):
    answer = ask(real_store, "does medicramp get rid of cramp pain")
    assert answer.boolean is not True
    assert "claim" in answer.message and "48 hours" in answer.message


@pytest.mark.parametrize("question, no", [
    ("do the home remedies for spasms work for everyone", True),  # "they may not work for everyone"
    ("does dehydration always cause knee twitching", False),  # stated, but never "always": not stated
])
def test_always_and_everyone_are_not_dropped(real_store, question, no):
    answer = ask(real_store, question)
    assert answer.boolean is (False if no else None)
    assert no or NOT_STATED.search(answer.message)


@pytest.mark.parametrize("question", [
    "can I take paracetamol for the ache of a cramp",
    "does advil help the pain of a knee spasm",
])
def test_a_yes_carries_the_caution_the_article_gives_in_the_same_item(real_store, question):
    """The list item goes on "Be sure to follow the recommended dosage guidelines.": the fact's quote is the item."""
    answer = ask(real_store, question)
    assert answer.boolean is True, answer.message
    assert "recommended dosage" in answer.message
