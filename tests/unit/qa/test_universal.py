"""Whether a condition is *always* serious is answered "No — not always" with the course the article states, never a
bare no, and never for "never" (kg.qa.universal)."""

import pytest

from kg.qa.ask import ask
from kg.store.embedded import EmbeddedStore

STORE = EmbeddedStore.from_file()


@pytest.mark.parametrize("question", [
    "is a twitchy knee always something to worry about",
    "are knee spasms always a sign of a serious problem?",
])
def test_always_serious_is_the_articles_stated_not_always(question):
    answer = ask(STORE, question)
    assert answer.boolean is False and answer.message.startswith("No — not always"), answer.message
    assert "resolve on their own" in answer.message


@pytest.mark.parametrize("question", ["is knee twitching never serious", "is knee twitching serious"])
def test_without_always_no_no_is_given(question):
    assert ask(STORE, question).boolean is not False


def test_a_warning_sign_named_keeps_its_yes():
    assert ask(STORE, "is knee twitching with weakness always serious").boolean is True
