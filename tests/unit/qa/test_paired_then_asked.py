"""Two names set against each other before a which-question ("magnesium vs calcium, which matters more for cramps") are
the things it weighs (kg.qa.asides.paired_then_asked): where the article ranks neither, the answer says it does not
say which — never a dump of what it says of one. Phrasings that are not in the blind batches."""

import pytest

from kg.qa.ask import ask


@pytest.mark.parametrize("question", [
    "stretching or massage, which works better for a knee spasm",
    "potassium versus magnesium - which is more important for muscle cramps",
])
def test_a_pair_before_which_is_compared_and_unranked(real_store, question):
    answer = ask(real_store, question)
    assert answer.boolean is None and "does not say which" in answer.message, answer.message
    assert answer.reading.startswith("I read this as: which of")
