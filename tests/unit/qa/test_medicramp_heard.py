"""Medicramp as dictation and autocorrect write it ("media ramp", "medic ramp", "medi cramps"): an everyday name of
the product (facts/entities.yaml), answered as the article's claim, never as a treatment. Phrasings of our own."""

import pytest

from kg.qa.ask import ask

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("question", [
    "what's the media ramp thing it mentions",
    "does medic cramp actually work",
    "is medi ramp a real treatment",
    "what does the article say about media cramp",
    "how fast does medi cramps work",
    "medicramps any good for cramp",
])
def test_medicramp_heard_otherwise_is_its_claim(real_store, question):
    answer = ask(real_store, question)
    assert "Medicramp" in answer.reading or "medicramp" in answer.message.lower(), answer.message
    assert "claim" in answer.message and answer.boolean is not True, answer.message
