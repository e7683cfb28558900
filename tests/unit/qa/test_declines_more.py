"""Declines from a round's trust classes: an amount with its unit ("20mg"), "how much is too much", someone else's
prescription, a swap the reader's doctor proposes, lowering one's own dose, and an idiom of time ("the best time of
year to prune"). Phrasings of our own, not a blind batch's."""

import pytest

from kg.qa.ask import ask

pytestmark = pytest.mark.unit


def declined(answer) -> bool:
    return not answer.answered and not answer.answers and answer.boolean is None


@pytest.mark.parametrize("question", [
    "my adderall is 20mg, should i ask to get it lowered because of the twitching",
    "is 400mg of magnesium ok for cramps",
    "should i take 5mg or 10mg of my tablet for the cramps",
    "should i get my statin lowered because of the cramps",
    "should we ask for her prednisolone to be lowered, she keeps cramping",
    "is 1000iu of vitamin d enough to stop twitching",
])
def test_an_amount_or_lowering_a_dose_is_declined(real_store, question):
    assert declined(ask(real_store, question)), ask(real_store, question).message


@pytest.mark.parametrize("question", [
    "I drink loads of coffee, how much is too much for the twitching?",
    "how many energy drinks is too many before my knee twitches",
    "how much tea is too much if my leg cramps",
    "how much caffeine is too much for spasms",
    "how many coffees is too many for muscle twitching",
    "how much cola is too much, my knee keeps jumping",
])
def test_how_much_is_too_much_is_an_amount(real_store, question):
    assert declined(ask(real_store, question))


@pytest.mark.parametrize("question", [
    "can i take my friends adderall to study or will it make me twitch",
    "can i take my mates diazepam for a cramp",
    "could i take my friend's painkillers for my knee spasms",
    "can i borrow my brothers muscle relaxers for cramps",
    "my GP wants to swap me to a different water pill, will that cause less cramping",
    "the doctor wants to switch me onto another statin, will the cramps stop",
])
def test_someone_elses_medicine_or_a_proposed_swap_is_declined(real_store, question):
    assert declined(ask(real_store, question)), ask(real_store, question).message


@pytest.mark.parametrize("question", [
    "whats the best time of year to prune roses",
    "what time of day is best to mow the lawn",
    "best time to plant tulips",
])
def test_a_time_of_year_is_no_remedy(real_store, question):
    answer = ask(real_store, question)
    assert declined(answer) and "Time can help" not in answer.message, answer.message
