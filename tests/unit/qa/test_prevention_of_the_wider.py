"""Prevention of a form of a condition: what the article gives against the broader condition prevents the form too
(appropriate footwear, said of muscle spasms, for knee spasms); "in the first place" / "before they start" ask for
prevention. Phrasings of our own, not a blind batch's."""

import pytest

from kg.qa.ask import ask


def _labels(answer):
    return {a["label"].lower() for a in answer.answers}


@pytest.mark.parametrize("question", [
    "how can I keep knee cramps away on long hikes",
    "how do I keep knee cramps from coming back",
])
def test_knee_prevention_includes_what_the_article_gives_for_muscle_spasms_in_general(real_store, question):
    answer = ask(real_store, question)
    labels = _labels(answer)
    assert "appropriate footwear" in labels and "stretching exercises" in labels, answer.message
    # said of muscle spasms in general, and the reader is told so, with the article's sentence as evidence
    assert "for muscle spasm in general" in answer.message, answer.message
    assert any("appropriate footwear" in e["quote"] for e in answer.evidence)


@pytest.mark.parametrize("question", [
    "how do I stop knee cramps before they start",
    "what stops knee cramps happening in the first place",
])
def test_before_it_starts_asks_for_prevention_not_treatment(real_store, question):
    answer = ask(real_store, question)
    assert "prevented" in answer.reading, answer.reading
    assert "appropriate footwear" in _labels(answer), answer.message


def test_what_causes_it_in_the_first_place_still_asks_for_causes(real_store):
    answer = ask(real_store, "what brings on knee twitching in the first place")
    assert "cause" in answer.reading and "dehydration" in _labels(answer), answer.reading


def test_prevention_of_the_broad_condition_is_unchanged(real_store):
    """Muscle spasm is a form of nothing wider: its own list only, with no 'in general' note."""
    answer = ask(real_store, "how do I prevent muscle cramps")
    assert "appropriate footwear" in _labels(answer) and "in general" not in answer.message, answer.message


@pytest.mark.parametrize("question", [
    "what kinds of exercise keep knee cramps away",
    "which measures of self care stop knee twitching coming back",
])
def test_a_class_asked_of_knee_prevention_takes_the_broader_measures_of_that_class_too(real_store, question):
    answer = ask(real_store, question)
    assert "(only therapy)" in answer.reading and "appropriate footwear" in _labels(answer), answer.message
