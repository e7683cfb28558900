"""kg.qa.linking: a homophone of the lexicon is read only where it fits — "not" after "its"/"that" is a negation, not
a knot. Phrasings of our own, not a blind batch's."""

import pytest

from kg.qa.ask import ask

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("question", [
    "my knee twitches but its not from running, when should i see a doctor",
    "the cramp is bad but its not constant, is that normal",
    "it twitches a lot, its not painful though, should I worry",
    "my calf cramps at night and its not from exercise, what causes it",
    "its not stopping, what can I do about knee twitching",
    "knee spasms, that not normal is it",
])
def test_not_after_its_or_that_is_a_negation_not_a_knot(real_store, question):
    answer = ask(real_store, question)
    assert "knot" not in answer.reading, answer.reading
