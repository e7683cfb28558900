"""A real word one slip off a name's word is read as it where it completes the longer name around it: "blood *tent*" is
the blood test, as "muscle *spams*" are muscle spasms — a word alone ("a tent") stays as written."""

import pytest

from kg.qa.ask import ask
from kg.store.embedded import EmbeddedStore

STORE = EmbeddedStore.from_file()


@pytest.mark.parametrize("question", ["what does a blood tent check for", "can a blood tent find low magnesium"])
def test_a_slip_that_completes_a_name_is_read_as_it(question):
    answer = ask(STORE, question).to_dict()
    assert any(e["iri"].endswith("/blood-test") for e in answer["entities"]), answer["entities"]


def test_a_word_alone_stays_as_written():
    answer = ask(STORE, "can sleeping in a tent give you cramps").to_dict()
    assert not any(e["iri"].endswith("/blood-test") for e in answer["entities"]), answer["entities"]
