"""A telegraphic question that names a kind first and ends on "which (ones)" asks for the kind's examples, whatever
the kind is said of after it. Phrasings of our own, not a blind batch's."""

import pytest

from kg.qa.ask import ask


@pytest.mark.parametrize("question, expected", [
    ("non-prescription pain relievers for cramps - which ones", {"ibuprofen", "acetaminophen"}),
    ("stress relief techniques for a twitchy knee - which?", {"yoga", "meditation", "mindfulness"}),
])
def test_a_kind_then_which_ones_lists_its_examples(real_store, question, expected):
    answer = ask(real_store, question)
    assert answer.kind == "list" and expected <= {a["label"].lower() for a in answer.answers}, answer.message


def test_which_in_the_middle_is_not_read_as_a_kind_asked_for(real_store):
    """Only a question ending on "which (ones)" names the kind first: "which" before the kind asks as before."""
    answer = ask(real_store, "which pain relievers does it say help with cramps")
    assert {"over-the-counter pain relievers"} <= {a["label"].lower() for a in answer.answers} or \
        {"ibuprofen", "acetaminophen"} <= {a["label"].lower() for a in answer.answers}, answer.message


def test_which_one_after_a_told_sentence_is_not_a_kind_asked_for(real_store):
    """Only a kind that opens the question is asked for by a closing "which": after a sentence that tells something
    ("… named as a cause and as a treatment. which one?") the kind is not the first thing, and no examples are read."""
    answer = ask(real_store, "one medicine is named as a cause of spasms and as a treatment for autoimmune disorders. "
                             "which one?")
    assert "examples of muscle spasm" not in answer.reading, answer.reading

