"""A yes/no whose subject is a pronoun for the story's thing asks about that thing: another condition the story tells
("dad has Alzheimer's, could that make his cramps worse"), or a thing the reader was given that the article never names
("the pharmacist gave me a travel-sickness patch, could that be it"), is declined by name — unless the story also names
a thing of the article the pronoun can stand for ("I'm on corticosteroids for my asthma, could that be it")."""

import pytest

from kg.qa.ask import ask
from kg.store.embedded import EmbeddedStore

STORE = EmbeddedStore.from_file()


@pytest.mark.parametrize("question", [
    "dad has Alzheimer's as well, could that make his leg cramps worse?",
    "my aunt has Raynaud's, is that why her knees twitch?",
    "the chemist gave me a seasickness band for the ferry, could that be what's causing my cramps",
    "the nurse gave me a new inhaler last week, is that what's making my knee twitch",
])
def test_declined(question):
    answer = ask(STORE, question).to_dict()
    assert answer.get("declined") == "unknown", answer["message"]
    assert answer.get("boolean") is None and not answer.get("answers"), answer["message"]


@pytest.mark.parametrize("question", [
    "im on corticosteroids for my lung condition and my knee twitches, could that be it?",
    "I have diabetes, could that make spasms more likely?",
    "I drink five energy drinks a day, could that be why my knee twitches",
])
def test_still_answered(question):
    answer = ask(STORE, question).to_dict()
    assert answer.get("declined") is None, answer["message"]
    assert answer.get("boolean") is True, answer["message"]
