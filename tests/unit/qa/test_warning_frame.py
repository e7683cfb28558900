""""What signs mean I should see a doctor": the sign and meaning words are the warning question's own frame, and a bare
"doctor" that the reader's verb takes ("*ring* the doctor", "*phone* my GP") is going to one — the warning signs are
asked, not what the signs are symptoms of. A doctor who acts ("what will the doctor check") stays who acts."""

import pytest

from kg.qa.ask import ask
from kg.store.embedded import EmbeddedStore

STORE = EmbeddedStore.from_file()


def _labels(question):
    answer = ask(STORE, question).to_dict()
    return answer, [a["label"] for a in answer["answers"]]


@pytest.mark.parametrize("question", [
    "which symptoms mean i should call my doctor about knee twitching",
    "what signs mean i ought to see a gp about knee twitching",
    "what signs would mean i have to phone the doctor about my knee twitching",
])
def test_signs_that_mean_a_doctor_are_the_warning_signs(question):
    answer, labels = _labels(question)
    assert "Difficulty swallowing" in labels and "Amyotrophic lateral sclerosis" not in labels, answer["message"]


@pytest.mark.parametrize("question, must", [
    ("what will the doctor check for knee twitching", "Medical history"),
    ("what does knee twitching indicate", "Amyotrophic lateral sclerosis"),
])
def test_a_doctor_who_acts_and_a_bare_indicate_keep_their_reading(question, must):
    answer, labels = _labels(question)
    assert must in labels or must in answer["message"], answer["message"]
