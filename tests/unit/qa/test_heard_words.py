"""Words typed by ear for a modal or an adjective ("*wood* a massage help", "the *rite* shoes") are read as meant where
the written word names nothing the article knows (lexicon kgl:Homophone)."""

import pytest

from kg.qa.ask import ask
from kg.store.embedded import EmbeddedStore

STORE = EmbeddedStore.from_file()


@pytest.mark.parametrize("question", [
    "wood stretching help a cramp in my thigh",
    "does wearing the rite footwear stop spasms",
])
def test_a_word_heard_for_another_is_read_as_meant(question):
    assert ask(STORE, question).to_dict().get("boolean") is True
