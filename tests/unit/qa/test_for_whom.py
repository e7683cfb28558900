"""Asking for someone else — a patient, a client — or asking what to note for the doctor: the person word is who asks
(as "someone" is), everyday ways of keeping a record ("keep a note", "jot down") lead to the symptom record, and a bare
"doctor" after "for the" is whom the record is for, not a warning sign asked."""

import pytest

from kg.qa.ask import ask
from kg.store.embedded import EmbeddedStore

STORE = EmbeddedStore.from_file()
RECORD = {"Frequency of the twitching", "Duration of the twitching", "Associated symptoms"}


@pytest.mark.parametrize("question", [
    "what should my patient make a note of about his knee twitching",
    "what should i jot down about the twitching for my doctor",
    "client asks what she should take notes on about her knee spasms",
])
def test_what_to_note_is_the_symptom_record(question):
    answer = ask(STORE, question).to_dict()
    assert RECORD <= {a["label"] for a in answer["answers"]}, answer["message"]


@pytest.mark.parametrize("question, must", [
    ("my patient's knee keeps twitching, what could be causing it", "Dehydration"),
    ("which symptoms mean a patient should see a doctor about knee twitching", "Difficulty swallowing"),
])
def test_a_patient_is_who_asks_not_an_unknown_thing(question, must):
    answer = ask(STORE, question).to_dict()
    assert must in {a["label"] for a in answer["answers"]}, answer["message"]
