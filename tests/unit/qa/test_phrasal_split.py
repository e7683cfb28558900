""""What sets *that* off", "what brings *it* on": a phrasal verb of the lexicon with its object pronoun between verb
and particle reads as the verb (here, what causes the thing named)."""

import pytest

from kg.qa.ask import ask
from kg.store.embedded import EmbeddedStore

pytestmark = pytest.mark.unit

STORE = EmbeddedStore.from_file()


@pytest.mark.parametrize("question", [
    "my calf knots up at night, what brings it on",
    "what kicks it off when the thigh jumps",
    "the muscle above my knee twitches all evening. what sets this off",
])
def test_a_split_phrasal_verb_reads_as_the_verb(question):
    answer = ask(STORE, question)
    assert answer.kind == "list" and "cause" in answer.reading, answer.reading
    assert "Dehydration" in {a["label"] for a in answer.answers}, answer.message
