"""A yes/no opened by a filler ("lol is …", "ok so does …", "hey can …") is still a yes/no: the filler is no
question word (kg.qa.analysis)."""

import pytest

from kg.qa.ask import ask
from kg.store.embedded import EmbeddedStore

STORE = EmbeddedStore.from_file()


@pytest.mark.parametrize("question", [
    "lol is 'time' honestly on the list of treatments for muscle spasms",
    "ok so is caffeine a cause of twitching",
    "hey does dehydration cause cramps",
])
def test_a_filler_before_the_auxiliary_keeps_the_yes_no(question):
    assert ask(STORE, question).boolean is True


def test_a_request_after_a_filler_is_still_a_request():
    answer = ask(STORE, "please can you tell me what causes knee spasms")
    assert answer.boolean is None and answer.kind == "list"
