"""A word of the article's names split by the ear into two English words, one of them rare and no word of the names
("stat ins", "estro gen"), is read whole (kg.qa.spelling.split_word); two common words stay apart ("work out").
Phrasings that are not in the blind batches."""

import pytest

from kg.qa.ask import ask
from kg.qa.linking import label_index


@pytest.mark.parametrize("question, word", [
    ("do stat ins cause cramps", "statin"),
    ("could estro gen make my knee twitch", "estrogen"),
])
def test_a_name_split_by_ear_is_read_whole_and_answered(real_store, question, word):
    answer = ask(real_store, question)
    assert answer.boolean is True, answer.message
    assert word in answer.corrections.values() or word in answer.reading, answer.reading


@pytest.mark.parametrize("text", ["is a good work out bad for cramps", "will blood work show it", "do i need a check up"])
def test_common_words_stay_apart(real_store, text):
    assert label_index(real_store).rejoin(text) == (text, {})
