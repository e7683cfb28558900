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
