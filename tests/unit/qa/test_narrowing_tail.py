""""What stretches help knee spasms, *which muscles*": a question word and a class word alone after a question are
the kind of answer that question wants, read with it — not a question of their own about the things named before."""

import pytest

from kg.qa.ask import ask
from kg.store.embedded import EmbeddedStore

STORE = EmbeddedStore.from_file()


@pytest.mark.parametrize("question, must", [
    ("which stretches are good for cramps round the knee, what muscles", "Hamstrings"),
    ("what stretching helps knee spasms, which muscles", "Quadriceps"),
])
def test_a_trailing_class_word_narrows_the_question_before(question, must):
    answer = ask(STORE, question).to_dict()
    labels = {a["label"] for a in answer["answers"]}
    assert must in labels and "Knee" not in labels, answer["message"]
