""""Anything (quick) I can do when …", "something simple we could do": a what-to-do question without "what"; the
adjective after "anything" says what sort of thing and is no unknown word."""

import pytest

from kg.qa.ask import ask
from kg.store.embedded import EmbeddedStore

pytestmark = pytest.mark.unit

STORE = EmbeddedStore.from_file()


@pytest.mark.parametrize("question", [
    "is there anything simple we can do when his calf cramps",
    "something quick she could do when her knee spasms?",
    "anything easy i can do for a thigh cramp",
])
def test_anything_i_can_do_lists_what_helps(question):
    answer = ask(STORE, question)
    labels = {a["label"] for a in answer.answers}
    assert answer.kind == "list" and {"Stretching exercises", "Massage"} <= labels, (answer.reading, answer.message)
