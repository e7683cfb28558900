"""A kind named after its examples were told ("reading about stretching and heat packs. do these home remedies …") is
asked about itself: the examples are what "these" points back to, not the other end of the relation
(kg.qa.readings.Reader._anchor_groups)."""

import pytest

from kg.qa.ask import ask
from kg.store.embedded import EmbeddedStore

STORE = EmbeddedStore.from_file()


@pytest.mark.parametrize("question", [
    "I've tried massaging it and an ice pack. Do those home treatments help everyone?",
    "My nan swears by stretching and heat packs. do these home remedies work for every single person?",
])
def test_the_kind_is_asked_of_the_condition(question):
    answer = ask(STORE, question)
    assert answer.boolean is False and "may not work for everyone" in answer.message
