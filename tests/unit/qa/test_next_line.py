""""What if the lifestyle changes don't work": a first-line treatment said to fall short asks what comes after it —
the article's second-line treatment. Phrasings of our own, not a blind batch's."""

import pytest

from kg.qa.ask import ask
from kg.store.embedded import EmbeddedStore

pytestmark = pytest.mark.unit

STORE = EmbeddedStore.from_file()
NEXT = "Additional treatments or medications"


@pytest.mark.parametrize("question", [
    "what happens if changing my lifestyle doesnt help the knee twitching",
    "lifestyle changes not working for my twitchy knee, what next",
    "if the non-medical stuff fails what will the doctor do for knee twitching",
    "what if lifestyle changes arent enough",
    "tried staying hydrated and it hasnt helped my knee twitching, what now",
    "what will my doctor suggest when changing my habits isn't enough for the twitching",
    "what if the habit changes dont stop the knee spasms",
])
def test_a_first_line_treatment_falling_short_asks_the_second_line(question):
    answer = ask(STORE, question)
    assert answer.kind == "list" and [a["label"] for a in answer.answers] == [NEXT], answer.message
    assert any("do not provide sufficient relief" in e["quote"] for e in answer.evidence)


@pytest.mark.parametrize("question", [
    "what causes knee twitching when drinking water doesnt help",  # another relation asked
    "why doesnt stretching help my knee spasms",  # a reason asked
    "what if dehydration is not treated",  # no first-line treatment named
])
def test_other_questions_are_not_read_as_what_comes_next(question):
    answer = ask(STORE, question)
    assert NEXT not in [a["label"] for a in answer.answers], answer.message
