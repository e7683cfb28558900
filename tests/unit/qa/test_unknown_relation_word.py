"""A yes/no whose relation is a word the article never uses is not a "yes, they are linked": "do the cramps in
pregnancy harm the baby" read without "harm" became "does the article link cramps and pregnancy" and answered yes
from pregnancy being a risk factor. An unknown word right after the things named is how the question relates them,
so the answer names the word the article does not use (and says no "yes", and never "no")."""

import pytest

from kg.qa.ask import ask
from kg.store.embedded import EmbeddedStore

STORE = EmbeddedStore.from_file()


@pytest.mark.parametrize("question", [
    "do the leg cramps in pregnancy harm the baby at all",
    "could cramps during pregnancy upset the baby",
    "does dehydration in older adults endanger them",
])
def test_an_unknown_relation_word_is_no_yes(question):
    answer = ask(STORE, question).to_dict()
    assert answer.get("boolean") is not True, answer["message"]
    assert answer.get("boolean") is not False, answer["message"]


@pytest.mark.parametrize("question", [
    "are cramps and pregnancy connected",
    "is dehydration linked to cramps",
])
def test_a_link_asked_in_known_words_still_answers_yes(question):
    assert ask(STORE, question).to_dict().get("boolean") is True
