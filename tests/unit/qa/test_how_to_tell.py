""""How do I tell a cramp from tired legs", "how would you recognise a spasm": how to recognise a thing is its
symptoms, not how two things lead to each other."""

import pytest

from kg.qa.ask import ask
from kg.store.embedded import EmbeddedStore

pytestmark = pytest.mark.unit

STORE = EmbeddedStore.from_file()


@pytest.mark.parametrize("question", [
    "how do you know a cramp from tired muscles",
    "how can you recognise a spasm from normal tiredness",
    "how can i tell if it is a spasm",
])
def test_how_to_tell_is_the_symptoms(question):
    answer = ask(STORE, question)
    assert "lead to" not in answer.reading and {"Tenderness", "Muscle hardness"} <= {a["label"] for a in answer.answers}, \
        (answer.reading, answer.message)
