"""A name alone before a dash is what the question after it is about ("ALS - can twitching be an early sign"), and a
name split by ear into pieces is read whole even when the article names it in the plural ("die uretics")."""

import pytest

from kg.qa.ask import ask
from kg.store.embedded import EmbeddedStore

STORE = EmbeddedStore.from_file()


@pytest.mark.parametrize("question", [
    "motor neurone disease, ALS - could knee twitching be an early sign of it?",
    "amyotrophic lateral sclerosis - is knee twitching an early sign",
    "diuretics - can they cause leg cramps?",
    "are die uretics a cause of knee twitching",
    "could cortico steroids make my knee twitch",
])
def test_yes(question):
    answer = ask(STORE, question).to_dict()
    assert answer.get("boolean") is True, answer["message"]
