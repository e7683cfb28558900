"""Advice and diagnosis asked for someone else: whether a patient or relative has a disease, whether to tell them to
change their medicine, how much of a remedy to put in their drink — personal advice, declined like the reader's own."""

import pytest

from kg.qa.ask import ask

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("question", ["his legs twitch at night and he trips a lot. has he got ALS?",
                                      "my knee twitches every evening, have i got a vitamin deficiency",
                                      "does she have an autoimmune disorder? her thighs keep jumping"])
def test_whether_a_person_has_a_disease_is_declined_never_a_yes(real_store, question):
    answer = ask(real_store, question)
    assert answer.declined == "advice" and answer.boolean is None and not answer.message.startswith("Yes")


@pytest.mark.parametrize("question", ["have i got to stop running when a cramp hits",
                                      "does she have to see a doctor about knee twitching"])
def test_having_to_do_something_is_no_diagnosis(real_store, question):
    """"have I got *to*", "does she have *to*": what one must do is asked, not what one has."""
    assert ask(real_store, question).declined != "advice"


@pytest.mark.parametrize("question", ["my dad uses a steroid inhaler. should i tell him to stop it?",
                                      "should we get her to come off the pill, her knees twitch",
                                      "ought i to advise my patient to discontinue her diuretic"])
def test_bidding_someone_to_change_their_medicine_is_declined(real_store, question):
    answer = ask(real_store, question)
    assert answer.declined == "advice" and answer.boolean is None


@pytest.mark.parametrize("question", ["should i stretch to stop the cramp",
                                      "should I tell him to drink more water to stop the cramps"])
def test_a_purpose_after_the_bid_is_still_answered(real_store, question):
    """"to stop the cramps" is what the remedy is for; only a bid to change a medicine is advice."""
    answer = ask(real_store, question)
    assert answer.declined is None and answer.boolean is True


@pytest.mark.parametrize("question", ["how much magnesium do i add to his water bottle",
                                      "my horse cramps up, how much calcium should i mix into her feed",
                                      "how many electrolyte tablets do i dissolve in a litre"])
def test_an_amount_put_into_a_drink_or_feed_is_a_dose(real_store, question):
    assert ask(real_store, question).declined == "dose"
