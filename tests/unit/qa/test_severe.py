"""kg.qa.severe: "is it serious" and "the signs it is something more serious" name what a severe spasm may come with
(weakness, numbness, tremors, coordination issues), quoted, beside the warning signs. Phrasings of our own."""

import pytest

from kg.qa.ask import ask

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("question", [
    "what are the signs a spasm is something more serious",
    "could my muscle spasms be serious",
    "when is a muscle spasm serious",
    "what signs mean a spasm could be serious",
    "is a bad muscle spasm serious",
    "are muscle spasms ever something serious",
])
def test_a_serious_question_names_what_severe_spasms_may_come_with(real_store, question):
    answer = ask(real_store, question)
    assert "numbness" in answer.message and "tremors" in answer.message, answer.message
    assert any("may be accompanied by" in e["quote"] for e in answer.evidence)


def test_nothing_is_added_where_severe_spasms_are_not_among_the_signs(real_store):
    answer = ask(real_store, "does caffeine cause knee twitching")
    assert "may come with" not in answer.message
