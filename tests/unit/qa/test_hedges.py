"""A yes keeps the article's hedge when the statement it quotes states the thing plainly — phrasings not in the
batches."""

import pytest

from kg.qa.ask import ask
from kg.store.embedded import EmbeddedStore

pytestmark = pytest.mark.unit

STORE = EmbeddedStore.from_file()


@pytest.mark.parametrize("question", ["can amphetamines give you muscle twitches",
                                      "does speed make your muscles twitch"])
def test_a_plain_table_row_is_joined_by_the_sentence_with_its_amount(question):
    answer = ask(STORE, question)
    assert answer.boolean is True and "high amounts" in answer.message, answer.message


@pytest.mark.parametrize("question", ["can a doctor prescribe antispasmodics for cramps",
                                      "are antispasmodic drugs used for muscle spasms?"])
def test_a_listed_option_is_joined_by_the_sentence_that_says_may(question):
    answer = ask(STORE, question)
    assert answer.boolean is True and " may " in answer.message, answer.message


def test_a_qualified_yes_gets_nothing_added():
    answer = ask(STORE, "can too much caffeine cause knee twitching")
    assert answer.boolean is True and " it says (" not in answer.message and "Of " not in answer.message, answer.message
