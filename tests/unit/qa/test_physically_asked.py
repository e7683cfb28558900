"""What a thing physically is or does ("what is a cramp, physically", "how do muscles contract"): the definition
reading, from lexicon words (kgl:definition-words), not the causes. Phrasings of our own, not a blind batch's."""

import pytest

from kg.qa.ask import ask


@pytest.mark.parametrize("question, words", [
    ("physically speaking, what is a muscle spasm", "involuntary contractions"),
    ("what is a cramp in physical terms", "involuntary contractions"),
    ("so what is physically going on during a spasm", "involuntary contractions"),
    ("how do muscles contract", "bundles of fibers"),
    ("what makes a muscle contract, i'm curious", "bundles of fibers"),
    ("how do our muscles move at all", "bundles of fibers"),
])
def test_what_a_thing_physically_is_reads_as_its_definition(real_store, question, words):
    answer = ask(real_store, question)
    assert words in answer.message, answer.message[:300]
