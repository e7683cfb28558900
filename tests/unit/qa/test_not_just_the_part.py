"""A body part after "not just", "except" or "besides" is not where the asked symptom is ("spasms *not just the knee*"
asks about muscle spasms in general, not knee spasms); and booking in or making an appointment is the reader going to
a doctor, so it asks the warning signs."""

import pytest

from kg.qa.ask import ask
from kg.store.embedded import EmbeddedStore

STORE = EmbeddedStore.from_file()


@pytest.mark.parametrize("question", [
    "what causes muscle cramps in general, not just the knee ones",
    "what causes spasms in any muscle besides the knee",
])
def test_a_part_left_out_does_not_name_the_knee_spasm(question):
    answer = ask(STORE, question).to_dict()
    assert "Knee muscle spasm" not in answer["reading"] and "muscle spasm" in answer["reading"], answer["reading"]


@pytest.mark.parametrize("question, must", [
    ("when should a person with cramps, not just in the knee, make an appointment", "Swelling"),
    ("at what point should i book in with the gp about my knee twitching", "Difficulty swallowing"),
])
def test_booking_in_asks_the_warning_signs(question, must):
    answer = ask(STORE, question).to_dict()
    assert must in {a["label"] for a in answer["answers"]}, answer["message"]
