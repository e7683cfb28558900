"""kg.qa.general_ask: a first-person or for-someone "can … take X" asks what helps, unless the person's own medicine,
condition or a second remedy is told; product picks, a personal stop and a reader's own chance of a family's condition
are declined. Phrasings of our own, not a blind batch's."""

import pytest

from kg.qa.ask import ask

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("question", [
    "can my dad take ibuprofen for the cramp in his calf",
    "can my husband take paracetamol when his knee spasms",
    "could my daughter take ibuprofen for a leg cramp",
    "can nan take paracetamol for her cramps",
    "can my son take ibuprofen after a cramp at football",
    "can grandad take acetaminophen for his leg cramps",
])
def test_a_remedy_for_someone_is_answered_as_what_helps(real_store, question):
    answer = ask(real_store, question)
    assert not answer.declined and answer.boolean is True, answer.message
    assert "mention" not in answer.message.split("—")[0], answer.message


@pytest.mark.parametrize("question", [
    "can mum take ibuprofen for her leg cramps with the heart tablets she came home on",
    "can my dad take paracetamol with the blood thinners from the hospital",
    "could my husband take ibuprofen with the anticoagulants he was given",
    "can I take ibuprofen for cramps with the warfarin tablets",
    "can my wife take ibuprofen for her cramps alongside the sleeping pills",
    "can gran take ibuprofen with the water thinners she is on",
])
def test_a_remedy_with_another_medicine_of_theirs_is_declined(real_store, question):
    answer = ask(real_store, question)
    assert answer.declined and not answer.answers and answer.boolean is None, answer.message


@pytest.mark.parametrize("question", [
    "whats the best protein shake after a game",
    "best protein powder for cramps",
    "which protein is best for recovery",
    "what is the best recovery shake for my legs",
    "which protein shake is best after training",
    "whats the best supplement for night cramps",
])
def test_a_product_pick_is_declined(real_store, question):
    assert ask(real_store, question).declined == "advice"


@pytest.mark.parametrize("question", [
    "is it ok I stop my tablets because of the spasms",
    "is it okay if i stop the diet because of the cramps",
    "is it ok if I quit my statins since the twitching started",
    "is it alright if i stop the HRT because of the knee twitching",
    "is it ok for me to stop the fasting with these spasms",
    "is it ok i skip my pills when my knee twitches",
])
def test_stopping_something_of_ones_own_is_declined(real_store, question):
    assert ask(real_store, question).declined == "advice"


@pytest.mark.parametrize("question", [
    "my dad has ALS, what are the chances i get it",
    "my mother had ALS. what is the chance that I will have it too?",
    "grandad died of ALS, what are the odds of me getting it",
    "my aunt had ALS, will I get it too",
    "what's the chance my son gets ALS like his grandad",
    "my brother has ALS, what are the odds i get it as well",
])
def test_ones_own_chance_of_a_family_condition_is_declined(real_store, question):
    answer = ask(real_store, question)
    assert answer.declined == "prognosis", answer.message
    assert "chance" in answer.message and "runs in families" in answer.message


@pytest.mark.parametrize("question", [
    "do sports drinks help with cramp",
    "are sports drinks good for knee spasms",
    "will sports drinks stop my leg cramps",
    "do electrolyte drinks help muscle cramps",
    "do sports drinks prevent spasms",
    "can sports drinks ease a charley horse",
])
def test_a_drink_the_article_never_names_is_no_yes(real_store, question):
    answer = ask(real_store, question)
    assert answer.boolean is not True and not answer.message.startswith(("Yes", "No")), answer.message
    assert "does not mention" in answer.message or "does not say" in answer.message, answer.message
