""""Which stretches help knee spasms": a therapy asked for by name that the article aims at parts of the body is
answered with those parts (quadriceps, hamstrings, calf muscles). Phrasings of our own, not a blind batch's."""

import pytest

from kg.qa.ask import ask
from kg.store.embedded import EmbeddedStore

pytestmark = pytest.mark.unit

STORE = EmbeddedStore.from_file()
MUSCLES = {"Quadriceps", "Hamstrings", "Calf muscles"}


@pytest.mark.parametrize("question", [
    "what stretches are good when my knee keeps cramping",
    "which stretches stop knee spasms",
    "stretches for a jumpy knee",
    "what stretching should i do so my knee stops twitching",
    "which stretching exercises help prevent spasms in the knee",
    "what sort of stretches does it recommend for knee cramps",
])
def test_the_stretches_are_named_by_the_muscles_they_are_for(question):
    answer = ask(STORE, question)
    assert MUSCLES <= {a["label"] for a in answer.answers}, answer.message
    assert any("quadriceps, hamstrings, and calf muscles" in e["quote"] for e in answer.evidence)


def test_a_yes_no_question_keeps_its_yes_first():
    answer = ask(STORE, "are stretches good for knee cramps")
    assert answer.boolean is True and answer.message.startswith("Yes")


def test_a_thing_asked_after_another_is_not_the_asked_for():
    answer = ask(STORE, "what causes knee spasms after stretches")
    assert not MUSCLES & {a["label"] for a in answer.answers}, answer.message


@pytest.mark.parametrize("question", ["what should i be stretching before squash so my knee doesnt spasm",
                                      "what to stretch for knee cramps",
                                      "what should i stretch so my knees stop twitching",
                                      "what do i stretch to prevent knee spasms",
                                      "what should we be stretching before a match to avoid knee cramps",
                                      "what can i stretch to stop my knee spasming"])
def test_what_should_i_stretch_asks_the_parts_the_stretches_target(real_store, question):
    labels = {a["label"] for a in ask(real_store, question).answers}
    assert {"Quadriceps", "Hamstrings", "Calf muscles"} <= labels, labels
