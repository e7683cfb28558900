""""What does resting help prevent": "help" before another relation's verb only softens it — the question asks what
resting prevents, not what it helps with; and rest prevents overexertion in the article's words, said as its purpose.
Phrasings of our own, not a blind batch's."""

import pytest

from kg.qa.ask import ask
from kg.store.embedded import EmbeddedStore

pytestmark = pytest.mark.unit

STORE = EmbeddedStore.from_file()


@pytest.mark.parametrize("question", [
    "what does resting help prevent",
    "what does rest help prevent",
    "resting up after a hard shift, what does that help prevent",
    "what can proper rest and recovery help to prevent",
    "taking a rest after heavy lifting, what does it help prevent",
    "after a big training day, what does resting help prevent",
])
def test_help_prevent_asks_what_it_prevents(question):
    answer = ask(STORE, question)
    assert "help prevent" in answer.reading and "help with" not in answer.reading, answer.reading
    names = " ".join(a.get("label") or "" for a in answer.answers).lower()
    assert "muscle fatigue" in names and "overexertion" in names, names


def test_help_alone_still_reads_as_help_with():
    answer = ask(STORE, "what does yoga help with")
    assert "help with" in answer.reading
