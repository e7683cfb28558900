"""Why the reader asks, told after the question ("…, so I can tell patients what to expect", "…, because we have an
exam on it") is no part of what is asked: its question word and its words neither change the reading nor stop it."""

import pytest

from kg.qa.ask import ask
from kg.store.embedded import EmbeddedStore

STORE = EmbeddedStore.from_file()


@pytest.mark.parametrize("question, must", [
    ("what does diagnosing knee twitching involve, so I can tell my mum what to expect", "Medical history"),
    ("what does treating ALS involve, so I can tell my dad what to expect", "Speech therapy"),
    ("what can cause muscle spasms, so I can explain to my class what to watch out for", "Dehydration"),
])
def test_a_purpose_after_the_question_is_not_asked(question, must):
    answer = ask(STORE, question).to_dict()
    assert answer["kind"] == "list" and must in {a["label"] for a in answer["answers"]}, answer["message"]


def test_so_with_a_question_word_asks_on():
    answer = ask(STORE, "my knee keeps twitching, so what should i do about it").to_dict()
    assert answer["kind"] == "list" and answer["answers"], answer["message"]
