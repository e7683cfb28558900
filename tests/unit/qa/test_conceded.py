"""A clause that grants a stated fact ("if it can't be cured", "since there's no cure") is told, not asked: the
wh-question before it is answered, never the fact's "No" (kg.qa.shapes.conceded)."""

import pytest

from kg.qa.ask import ask
from kg.store.embedded import EmbeddedStore

STORE = EmbeddedStore.from_file()


@pytest.mark.parametrize("question", [
    "what can help someone with ALS given that it can't be cured",
    "what treatments are there for ALS as it has no cure",
    "what do doctors try for ALS though it cannot be cured",
])
def test_a_conceded_cure_is_not_the_question(question):
    answer = ask(STORE, question)
    assert answer.boolean is None and answer.answered and answer.answers, answer.message


def test_a_cure_asked_is_still_answered_no():
    assert ask(STORE, "can ALS be cured").boolean is False
