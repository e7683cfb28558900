"""Counts over one sentence of the article (kg.qa.in_sentence): what that sentence names, of the kind asked, each
thing once — not the whole graph's answers for the relation the sentence states."""

import pytest

from kg.qa.ask import ask

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("question", [
    "how many drugs does the sentence about drugs known to contribute to muscle spasms name",
    "in the sentence listing drugs such as diuretics that contribute to spasms, how many drugs are there",
    "what is the number of drugs named in the sentence saying which drugs have been known to contribute to muscle spasms",
    "number of drugs in the statement that drugs have been known to contribute to muscle spasms",
    "the article says some drugs have been known to contribute to muscle spasms. how many drugs are in that sentence",
    "how many drug names appear in the sentence 'Drugs such as diuretics, corticosteroids, and estrogen'",
])
def test_drugs_named_in_one_sentence_are_three(real_store, question):
    answer = ask(real_store, question)
    assert answer.kind == "count" and answer.count == 3
    assert {a["label"] for a in answer.answers} == {"Diuretics", "Corticosteroids", "Estrogen"}
    assert answer.evidence and answer.evidence[0]["quote"].startswith("Drugs such as")


@pytest.mark.parametrize("question", [
    "of the vitamin deficiencies particularly tied to knee twitching, how many nutrients does that sentence list",
    "how many nutrients are named in the sentence about vitamin deficiencies particularly contributing to knee twitching",
    "the line about vitamin deficiencies, particularly vitamins D, B-6 and B-12 - how many nutrients are in that line",
    "for a quiz: how many nutrients are listed in the sentence beginning 'Vitamin deficiencies, particularly'",
    "how many vitamins and minerals does the sentence on vitamin deficiencies contributing to twitching in the knee name",
    "number of nutrients in the statement that vitamin deficiencies can contribute to muscle twitching in the knee",
])
def test_nutrients_named_in_the_vitamin_sentence_are_five(real_store, question):
    answer = ask(real_store, question)
    assert answer.kind == "count" and answer.count == 5


@pytest.mark.parametrize("question, count", [
    ("how many groups does the sentence about who is more susceptible to muscle spasms name", 4),
    ("in the statement about stimulants like caffeine or amphetamines, how many stimulants are named", 2),
    ("how many symptoms are in the sentence about concerning symptoms such as pain and weakness", 5),
    ("how many risk factors does the sentence saying certain medications and being overweight increase the risk name", 4),
])
def test_what_is_counted_is_what_the_sentence_lists_not_what_it_is_about(real_store, question, count):
    answer = ask(real_store, question)
    assert answer.kind == "count" and answer.count == count


@pytest.mark.parametrize("question", [
    "how many drugs can cause muscle spasms",  # no sentence named: the graph's count, as before
    "how many causes of knee twitching are there",
    "which drugs are named in the sentence about drugs that contribute to muscle spasms",  # a list, not a count
    "what does the sentence about drugs and muscle spasms say",
    "how many hours does medicramp take",
    "how many nutrients are linked to knee twitching",
])
def test_near_misses_are_not_a_sentence_count(real_store, question):
    answer = ask(real_store, question)
    assert not (answer.debug.get("why") or [""])[0].startswith("a count over one sentence")
