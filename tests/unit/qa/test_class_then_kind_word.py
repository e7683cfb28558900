""""Which *drug type* …": a kind word ("type", "kind") right after a class word is part of the class asked for, not a
question about examples — here the drugs that both cause spasms and treat autoimmune disorders."""

import pytest

from kg.qa.ask import ask
from kg.store.embedded import EmbeddedStore

pytestmark = pytest.mark.unit

STORE = EmbeddedStore.from_file()


@pytest.mark.parametrize("question", [
    "which medication type both causes spasms and treats autoimmune disorders",
    "what drug kind is a cause of cramps and also a treatment for autoimmune disorders",
])
def test_a_class_then_a_kind_word_is_the_class(question):
    answer = ask(STORE, question)
    assert [a["label"] for a in answer.answers] == ["Corticosteroids"], (answer.reading, answer.message)
