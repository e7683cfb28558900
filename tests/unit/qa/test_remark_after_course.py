""""Do they go away by themselves? *dont want to bother the doctor*": the reader's remark after the question mark is no
part of what is asked, so its "doctor" never turns "do they go away on their own" into "do they need a doctor" — whose
answer is the article's "No, most do not" (batch 25's one "No" the article does not say, as a class). A negative
auxiliary with no subject after it ("dont want", "cant afford") tells; one with a subject ("doesnt it") asks."""

import pytest

from kg.qa.ask import ask
from kg.store.embedded import EmbeddedStore

STORE = EmbeddedStore.from_file()


@pytest.mark.parametrize("question", [
    "do knee spasms normally clear up by themselves? dont want to waste the GP's time",
    "will the knee cramps settle on their own? can't afford another doctor's appointment",
    "do knee twitches usually go away on their own? wont be seeing a doctor unless i have to",
])
def test_going_away_on_its_own_is_a_yes_whatever_the_remark_says_of_doctors(question):
    answer = ask(STORE, question).to_dict()
    assert answer.get("boolean") is True, answer["message"]
    assert "resolve on their own" in answer["message"]


@pytest.mark.parametrize("question", [
    "does every knee spasm need a doctor? just wondering",
    "do most knee spasms need a doctor? dont want to overreact",
])
def test_needing_a_doctor_asked_before_the_mark_keeps_the_articles_no(question):
    answer = ask(STORE, question).to_dict()
    assert answer.get("boolean") is False, answer["message"]
    assert "Most muscle spasms resolve on their own" in answer["message"]
