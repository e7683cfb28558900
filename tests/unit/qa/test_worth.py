"""'Is it worth doing X' is the article's helping link between X and the condition (kg.qa.worth), quoted; never a no."""

import pytest

from kg.qa.ask import ask

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("question", [
    "would it be useful to write down when my knee twitches before seeing the gp",
    "is there any point keeping a symptom diary to show my doctor",
])
def test_worth_keeping_a_record_is_the_articles_helps_diagnose(real_store, question):
    answer = ask(real_store, question)
    assert answer.boolean is True and "frequency, duration" in answer.message, answer.message


@pytest.mark.parametrize("question", ["is caffeine worth it for cramps",
                                      "are amphetamines any use for knee twitching",
                                      "is coffee helpful for a twitchy knee"])
def test_a_cause_is_no_yes_to_worth_it(real_store, question):
    """What the article says causes the condition is named as a cause, never "Yes" to whether it is worth it."""
    answer = ask(real_store, question)
    assert answer.boolean is not True and not answer.message.startswith("Yes"), answer.message
    assert "does not say" in answer.message and "cause" in answer.message


@pytest.mark.parametrize("question", ["is stretching worth it for cramps", "is massage useful for knee spasms"])
def test_a_helping_link_stays_a_yes(real_store, question):
    assert ask(real_store, question).boolean is True
