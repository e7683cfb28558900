"""Kinds asked of a thing the article gives no kinds of are "the article does not say which kinds", with what it says
of the thing — never the list of everything that helps (kg.qa.kinds_unsaid)."""

import pytest

from kg.qa.ask import ask
from kg.store.embedded import EmbeddedStore

STORE = EmbeddedStore.from_file()


@pytest.mark.parametrize("question, name", [
    ("what type of massage helps cramps", "massage"),
    ("what kind of shoes should I wear so my legs stop cramping on long walks", "footwear"),
])
def test_kinds_the_article_never_gives_are_not_stated(question, name):
    answer = ask(STORE, question)
    assert not answer.answered and answer.boolean is None and not answer.answers, answer.message
    assert answer.message.startswith("The article does not say") and name in answer.message


def test_kinds_the_article_gives_are_listed():
    answer = ask(STORE, "what kinds of stress reduction techniques help knee twitching")
    assert answer.answered and "yoga" in answer.message.lower(), answer.message
