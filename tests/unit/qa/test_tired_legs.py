"""Tired legs, thighs or quads are tired muscles — the article's muscle fatigue, "often" behind knee spasms — not the
symptom fatigue (facts/entities.yaml lay names). Read as the symptom, "is it just tired legs" got a yes about vitamin
deficiencies, without the article's "often"."""

import pytest

from kg.qa.ask import ask

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("question", [
    "is it just tired legs when my knee starts jumping near the end of a match",
    "could tired thighs be why my knee twitches",
    "my legs get tired on long shifts, can that make my knee spasm",
    "is the twitching above my knee just tired quads",
    "does leg fatigue cause knee spasms",
    "legs are knackered after five-a-side and my knee jumps, is that why",
    "can worn out legs give you spasms in the knee",
])
def test_tired_legs_are_muscle_fatigue_with_the_articles_often(real_store, question):
    answer = ask(real_store, question)
    assert answer.boolean is True, answer.message
    assert "muscle fatigue" in answer.message.lower()
    assert "often a result of muscle fatigue" in answer.message
    assert "vitamin" not in answer.message.split("It also says")[0].lower()
