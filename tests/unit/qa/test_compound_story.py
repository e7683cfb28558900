"""A question in two parts whose first asks about a condition the article does not cover and whose second only asks
what to do ("… is that from the stroke and what should we do"): the second is about that condition — advice about it
is not the article's to give, so the whole is declined (kg.qa.compound.asks_on_story). New phrasings, in no batch."""

import pytest

from kg.qa.ask import ask
from kg.store.embedded import EmbeddedStore

STORE = EmbeddedStore.from_file()


@pytest.mark.parametrize("question", [
    "my mum has parkinsons and her knee keeps jerking, is it the parkinsons and what can we do about it",
    "i think i have gout in my knee and it twitches, is it the gout and what do i do now",
    "grandad had a stroke last year and his calf twitches, is that the stroke and what should we do",
    "my husband has lupus and gets leg spasms, is it the lupus and how can we help him",
    "my son has cerebral palsy and his knee jerks, is that from the cerebral palsy and what should we do next",
    "my sister has fibromyalgia and twitchy legs, is it the fibromyalgia and what can i do",
])
def test_what_to_do_after_a_declined_condition_is_declined(question):
    answer = ask(STORE, question).to_dict()
    assert not answer["answered"] and not answer["answers"] and answer.get("boolean") is None, answer["message"]
    assert answer["message"].startswith("The article does not"), answer["message"]


def test_a_second_part_naming_its_own_thing_is_still_answered():
    answer = ask(STORE, "is that from gout and what helps muscle spasms").to_dict()
    assert answer["answers"] or answer["answered"], answer["message"]
