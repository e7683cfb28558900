"""A cure is asked of the thing after the cure word: "does magnesium cure ALS" asks whether ALS can be cured (the
article says it has no cure), "will stretching cure cramps" whether cramps can (it does not say) — never whether
magnesium or stretching "can be cured". Time words ("yet", "nowadays") do not block the question."""

import pytest

from kg.qa.ask import ask
from kg.store.embedded import EmbeddedStore

STORE = EmbeddedStore.from_file()


@pytest.mark.parametrize("question", ["would vitamin D cure my ALS", "is ALS curable yet", "can ALS be cured nowadays"])
def test_the_stated_no_cure(question):
    answer = ask(STORE, question).to_dict()
    assert answer.get("boolean") is False and "no cure" in answer["message"], answer["message"]


@pytest.mark.parametrize("question", ["will massage cure my cramps for good", "does rest cure a knee spasm"])
def test_a_cure_the_article_does_not_state_is_not_stated(question):
    answer = ask(STORE, question).to_dict()
    assert answer.get("boolean") is None and "does not say whether" in answer["message"], answer["message"]
    assert "massage can be cured" not in answer["reading"] and "rest can be cured" not in answer["reading"]
