"""Words of obligation or need ("necessary", "must", "ought") shape "when should I see a doctor": they name nothing, so
"when is it necessary to see a doctor" reaches the warning signs instead of "the article does not mention necessary"
(and a misspelling of them is corrected to them, not read as unknown)."""

import pytest

from kg.qa.ask import ask
from kg.store.embedded import EmbeddedStore

STORE = EmbeddedStore.from_file()


@pytest.mark.parametrize("question", [
    "at what point is it necessary to get my cramps looked at",
    "when must i see a doctor about my knee twitching",
    "my dad's knee jumps all day, when is it necesary to see the doctor",
    "when ought i to get my knee spasms checked",
])
def test_obligation_words_reach_the_warning_signs(question):
    answer = ask(STORE, question).to_dict()
    assert answer.get("declined") is None and not answer.get("unknown"), answer["message"]
    assert answer["kind"] == "list" and answer["answers"], answer["message"]
    assert "doctor" in answer["reading"] or "medical attention" in answer["reading"], answer["reading"]


@pytest.mark.parametrize("question", [
    "when must i go to a doctor about cramps",
    "at what point should i go to my gp about knee twitching",
])
def test_going_to_a_doctor_is_the_warning_signs_question(question):
    answer = ask(STORE, question).to_dict()
    assert answer["kind"] == "list" and "see a doctor" in answer["reading"], answer["reading"]
