"""What goes into a thing the article gives parts of: a diary, a log, a note for the doctor holds "the frequency,
duration, and any associated symptoms" (kg.qa.contents), named first with the quote, whatever read the rest."""

import pytest

from kg.qa.ask import ask

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("question", ["what should i keep a note of about my knee twitching to show the doctor",
                                      "knee twitching diary what to write",
                                      "what should I write down for the doctor",
                                      "what goes in a symptom diary",
                                      "what do i put in a twitching log",
                                      "which things should my knee spasm journal have in it"])
def test_what_a_symptom_record_holds(real_store, question):
    answer = ask(real_store, question)
    labels = {a["label"] for a in answer.answers}
    assert {"Frequency of the twitching", "Duration of the twitching", "Associated symptoms"} <= labels, answer.message
    assert "Keeping a record of the frequency" in " ".join(e["quote"] for e in answer.evidence)


def test_a_yes_no_about_a_record_is_left_as_it_is(real_store):
    answer = ask(real_store, "does keeping a diary help the doctor")
    assert not answer.message.startswith("The article says a symptom record holds")
