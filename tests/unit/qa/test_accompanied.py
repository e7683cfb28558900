""""What could it mean if knee twitching comes with difficulty swallowing": the sign said to come with the condition is
what the question asks about — what it can indicate — not which conditions have the twitching as a symptom (kg.qa.accompanied).
Phrasings of our own, not a blind batch's."""

import pytest

from kg.qa.ask import ask
from kg.store.embedded import EmbeddedStore

pytestmark = pytest.mark.unit

STORE = EmbeddedStore.from_file()


@pytest.mark.parametrize("question, sign", [
    ("what might it mean when my knee spasms come with trouble swallowing", "difficulty swallowing"),
    ("what could it signal if the cramps are accompanied by swelling", "swelling"),
    ("knee twitching along with a rash, what could that be a sign of", "skin rash"),
    ("my thigh twitches together with weakness, what might that indicate", "weakness"),
    ("what does a rash accompanying the cramps suggest", "skin rash"),
    ("what would it mean if spasms came with difficulty speaking", "difficulty speaking"),
    ("what can swelling alongside knee spasms point to", "swelling"),
])
def test_the_accompanying_sign_is_asked_about(question, sign):
    answer = ask(STORE, question)
    assert answer.reading.startswith(f"I read this as: what can {sign} point to"), answer.reading
    assert any("underlying" in (a.get("label") or "").lower() for a in answer.answers), answer.answers
    assert any("indicate" in e["quote"] for e in answer.evidence)


def test_without_a_sign_beside_it_the_condition_is_asked_about():
    answer = ask(STORE, "what can knee twitching mean")
    assert "knee muscle spasm" in answer.reading.lower()
    assert not answer.reading.startswith("I read this as: what can difficulty")


def test_a_yes_no_is_left_alone():
    answer = ask(STORE, "could knee twitching with a rash mean an allergy")
    assert "what can skin rash point to" not in answer.reading
