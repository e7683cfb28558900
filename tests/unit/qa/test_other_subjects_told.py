"""A story about an animal, told as "one of the dogs", "two of the horses", "each of my cats", is about the animal, not
something the reader does with it (kg.qa.coverage): declined by name. New phrasings, in no batch."""

import pytest

from kg.qa.ask import ask
from kg.store.embedded import EmbeddedStore

STORE = EmbeddedStore.from_file()


@pytest.mark.parametrize("question, named", [
    ("two of the horses on our yard keep getting cramp in their hind legs, what causes that", "horses"),
    ("each of my cats twitches in her sleep, is that a magnesium thing", "cats"),
    ("one of our cows has a stiff back leg, could it be dehydration", "cows"),
    ("most of the sheep in the top field are limping and twitching, can lack of calcium cause that", "sheep"),
    ("several of the ponies at the stables get muscle spasms in winter, what helps", "ponies"),
    ("none of the hens will stand up and their legs twitch, is it dehydration", "hens"),
])
def test_which_of_the_animals_is_no_object_of_doing(question, named):
    answer = ask(STORE, question).to_dict()
    assert not answer["answered"] and answer.get("boolean") is None, answer["message"]
    assert f"does not cover {named}" in answer["message"]


def test_the_readers_own_knee_beside_an_animal_is_still_answered():
    answer = ask(STORE, "walking my dog when my knee locked up, what causes that").to_dict()
    assert answer["answered"], answer["message"]
