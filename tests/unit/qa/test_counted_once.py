"""A count names each thing once (kg.qa.counted_once): a thing left out is left out with its examples, and in a count
of things of a kind a general is not counted beside its own examples."""

import pytest

from kg.qa.ask import ask

pytestmark = pytest.mark.unit

DRUGS = {"Diuretics", "Corticosteroids", "Estrogen"}


@pytest.mark.parametrize("question", [
    "how many medications (not counting stimulants) does the medications and stimulants section name as causing muscle spasms",
    "How many specific medications, not counting stimulants, does the medications section name as causing muscle spasms?",
    "how many drugs other than stimulants does the medications section name as causing muscle spasms",
    "apart from stimulants, how many medications in the medications and stimulants section can cause muscle spasms",
    "how many medications, leaving out stimulants, does the medications section say cause muscle spasms",
    "how many drugs besides stimulants does the medications and stimulants section link to muscle spasms",
])
def test_medications_without_stimulants_are_three(real_store, question):
    answer = ask(real_store, question)
    assert answer.kind == "count" and answer.count == 3
    assert {a["label"] for a in answer.answers} == DRUGS


@pytest.mark.parametrize("question", [
    "which medications other than stimulants can cause muscle spasms",  # a list keeps the general
    "how many causes of knee twitching are there",
    "how many common culprits does it name for knee twitching",
    "how many groups are at risk of muscle spasms",
])
def test_other_counts_and_lists_keep_their_rows(real_store, question):
    answer = ask(real_store, question)
    labels = {a["label"] for a in answer.answers}
    if question.startswith("which"):
        assert "Medications that can cause muscle spasms" in labels or len(labels) > 3
    elif "culprits" in question:
        assert answer.count == 2
    elif "groups" in question:
        assert answer.count == 4
    else:
        assert "Vitamin deficiencies" in labels
