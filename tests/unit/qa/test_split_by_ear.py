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


@pytest.mark.parametrize("question", [
    "can a vitamin bee twelve deficiency cause cramps",
    "could a lack of vitamin be six make my legs twitch",
])
def test_a_code_said_out_by_speech_to_text_is_read_as_the_code(real_store, question):
    answer = ask(real_store, question)
    assert answer.boolean is True, answer.message
    assert any(code in answer.corrections.values() for code in ("b-12", "b-6")), answer.corrections


def test_a_letter_and_a_number_that_name_no_code_stay_words(real_store):
    assert label_index(real_store).rejoin("can a spasm be twelve minutes long") == ("can a spasm be twelve minutes long", {})
