"""Two of one thing's own names asked as the same are answered yes with the sentence that writes both (kg.qa.samename)."""

import pytest

from kg.qa.ask import ask
from kg.store.embedded import EmbeddedStore

STORE = EmbeddedStore.from_file()


@pytest.mark.parametrize("question", [
    "is ALS the same as amyotrophic lateral sclerosis",
    "Is amyotrophic lateral sclerosis the same thing as the ALS in the article?",
])
def test_two_names_of_one_thing_are_the_same(question):
    answer = ask(STORE, question)
    assert answer.boolean is True and "Amyotrophic Lateral Sclerosis (ALS)" in answer.message


@pytest.mark.parametrize("question", ["is a cramp the same as a spasm", "is ALS the same thing as autoimmune disorders"])
def test_an_everyday_word_or_another_thing_is_not_called_the_same(question):
    assert ask(STORE, question).boolean is not True
