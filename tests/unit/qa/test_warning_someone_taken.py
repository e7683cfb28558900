"""When to see a doctor, asked of someone else taken or sent there ("get him seen by a doctor", "get her to the GP"),
or as "what signs mean I should actually go in": the article's warning signs for the condition named — the general
list for muscle spasms, the knee list for knee twitching."""

import pytest

from kg.qa.ask import ask

KNEE = {"balance-problems", "difficulty-swallowing", "difficulty-speaking", "weakness", "pain"}
GENERAL = {"severe-pain", "swelling", "skin-rash", "limitation-of-daily-activities", "spasms-not-improving-with-self-care"}


def _ids(answer):
    return {a["iri"].rsplit("/", 1)[-1] for a in answer.to_dict()["answers"]}


@pytest.mark.parametrize("question", [
    "which signs with my dad's knee twitching mean i should get him to the doctor",
    "my daughter's knee keeps twitching, what signs mean i should get her seen by a doctor",
    "knee twitching: what signs mean i should actually go in",
    "when should i get my wife to the gp about her knee twitching",
    "what signs with knee twitching mean we should call the doctor"])
def test_the_knee_warning_signs(real_store, question):
    answer = ask(real_store, question)
    assert KNEE <= _ids(answer), answer.message


@pytest.mark.parametrize("question", [
    "what signs with her muscle spasms mean i should get her seen by a doctor",
    "muscle cramps in general, which signs mean i should actually go",
    "when go to doctor for a cramp in any muscle"])
def test_the_general_warning_signs(real_store, question):
    answer = ask(real_store, question)
    assert GENERAL <= _ids(answer), answer.message


def test_whether_every_spasm_needs_a_doctor_stays_the_stated_no(real_store):
    answer = ask(real_store, "do most muscle spasms need a doctor to sort them out")
    assert answer.boolean is False, answer.message
