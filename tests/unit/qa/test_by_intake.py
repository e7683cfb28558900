""""What should I drink to stop cramps": a what-question with a verb of taking something in, answered with the one
remedy of the thing named whose everyday names hold that verb (proper hydration), quoted — not "the article does not
mention drink" (kg.qa.described_members.by_intake). Phrasings of our own, not a blind batch's."""

import pytest

from kg.qa.ask import ask

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("question", [
    "what should I drink to stop cramps",
    "what should i drink to stop my knee twitching",
    "leg cramps every night - what should I be drinking more of",
    "what should my dad drink so his knee stops twitching",
    "what ought I to drink to avoid cramps",
    "what do I need to drink to prevent muscle cramps",
])
def test_the_remedy_taken_so(real_store, question):
    answer = ask(real_store, question)
    assert "Proper hydration" in {a["label"] for a in answer.answers}, answer.message
    assert "does not mention drink" not in answer.message
    assert "Drink" in answer.message or "drink" in answer.message


@pytest.mark.parametrize("question", [
    "what drinks cause cramps",
    "how much water should I drink for cramps",
    "should I drink less coffee for my twitching knee",
])
def test_other_asks_with_drink_keep_their_reading(real_store, question):
    answer = ask(real_store, question)
    assert not answer.reading.startswith("I read this as: what to drink"), answer.reading
