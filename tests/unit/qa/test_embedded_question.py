"""A yes/no about what the article says that opens a question word asks that question: "does it explain how estrogen
causes spasms" asks how (not "Yes, estrogen can cause spasms"), "does the article say what causes knee twitching" asks
what."""

import pytest

from kg.qa.ask import ask
from kg.store.embedded import EmbeddedStore

STORE = EmbeddedStore.from_file()


@pytest.mark.parametrize("question", [
    "does the article explain how too much coffee makes your knee twitch",
    "does it tell you why dehydration gives you cramps",
])
def test_an_embedded_how_or_why_asks_the_mechanism(question):
    answer = ask(STORE, question).to_dict()
    assert answer.get("boolean") is None and answer["kind"] == "describe", answer["message"]
    assert answer["reading"].startswith("I read this as: how"), answer["reading"]


def test_an_embedded_what_asks_for_the_list():
    answer = ask(STORE, "does the article mention what can cause leg cramps").to_dict()
    assert answer["kind"] == "list" and len(answer["answers"]) > 5, answer["message"]
