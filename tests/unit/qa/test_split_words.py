"""A word of the article's names split in two or three by a slip or by ear is read whole (LabelIndex.rejoin)."""

import pytest

from kg.qa.ask import ask
from kg.qa.linking import label_index
from kg.store.embedded import EmbeddedStore

STORE = EmbeddedStore.from_file()


@pytest.mark.parametrize("text, pieces, word", [
    ("can dee hydration make my knee jump", "dee hydration", "dehydration"),
    ("which stretches for the quadri seps", "quadri seps", "quadriceps"),
    ("does mag neezium help cramps", "mag neezium", "magnesium"),
    ("can over exershun bring on a spasm", "over exershun", "overexertion"),
    ("are anti spaz modic tablets any use", "anti spaz modic", "antispasmodic"),
])
def test_a_split_word_is_read_whole(text, pieces, word):
    joined = label_index(STORE).rejoin(text)[1]
    assert joined.get(pieces) == word


@pytest.mark.parametrize("text", [
    "does heat help muscle spasms",
    "what helps knee pain, over time",
    "can stress cause twitching in the knee",
    "how do doctors work out what is causing muscle spasms",   # "workout": both pieces and the whole are English
    "what raises the risk of getting muscle spasms",           # a function word is no piece
    "what serious conditions can knee twitching be a symptom of",  # "conditionscan" does not sound as conditioning
])
def test_words_that_stand_apart_stay_apart(text):
    assert label_index(STORE).rejoin(text) == (text, {})


def test_the_reading_says_what_was_joined():
    answer = ask(STORE, "can being over wait make spasms more likely")
    assert answer.boolean is True and "“over wait” read as “overweight”" in answer.reading
