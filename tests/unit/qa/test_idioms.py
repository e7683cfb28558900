"""Idioms whose words are the article's by chance (kg.qa.idioms): "old" in "an old wives' tale" is no age, and a
question whether a claim is a myth is never answered "yes" (a yes would say it is a myth). New phrasings, in no batch."""

import pytest

from kg.qa.ask import ask
from kg.store.embedded import EmbeddedStore

STORE = EmbeddedStore.from_file()


@pytest.mark.parametrize("question", [
    "is it just an old wives tale that dehydration causes cramps",
    "is it an old wives' tale that massage helps a spasm",
    "is it a myth that stress makes twitching worse",
    "is that just an old wives tale that stretching stops cramps",
    "is it only a myth that athletes get more cramps",
    "is it really an urban legend that heat helps a spasm",
])
def test_a_myth_question_is_never_answered_yes_nor_through_old(question):
    answer = ask(STORE, question).to_dict()
    assert answer.get("boolean") is not True and not answer["message"].startswith("Yes"), answer["message"]
    assert "age (older adults)" not in answer["reading"].lower() if answer.get("reading") else True


@pytest.mark.parametrize("question", [
    "does massage actually help a spasm or is that an old wives tale",
    "do older adults get more muscle spasms or is that an old wives' tale",
])
def test_an_old_wives_tale_after_the_question_leaves_it_answered(question):
    assert ask(STORE, question).to_dict().get("boolean") is True


def test_cold_turkey_is_no_cold_therapy():
    answer = ask(STORE, "should I stop energy drinks cold turkey if my knee twitches").to_dict()
    assert "cold therapy" not in (answer.get("reading") or "").lower(), answer["reading"]
