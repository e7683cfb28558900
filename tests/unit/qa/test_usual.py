"""'Is it normal' of the article's condition is the article's 'occasional spasms are common' (kg.qa.usual); told with
persistence, its warning stands and no 'yes, normal' is said."""

import pytest

from kg.qa.ask import ask

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("question", [
    "is it normal for my knee to jump sometimes",
    "my knee twitches now and then, is that to be expected",
])
def test_occasional_twitching_asked_normal_is_the_articles_common(real_store, question):
    answer = ask(real_store, question)
    assert answer.boolean is True and "are common" in answer.message, answer.message


@pytest.mark.parametrize("question", [
    "my knee has twitched all the time for weeks, is that normal?",
    "my knee keeps twitching every day, is that normal",
])
def test_persistent_twitching_is_never_called_normal(real_store, question):
    answer = ask(real_store, question)
    assert answer.boolean is not True and not answer.message.startswith("Yes"), answer.message
    assert answer.boolean is not False  # and never a "no" the article does not state


@pytest.mark.parametrize("question", [
    "can a cramp affect a group of muscles, or is it always only the one",
    "can spasms take in the entire muscle or does it always stay in one part",
])
def test_always_in_a_second_alternative_leaves_the_first_asked(real_store, question):
    """"A, or is it always B": the yes/no asks A, which the article states (kg.qa.yesno.universal_words)."""
    answer = ask(real_store, question)
    assert answer.boolean is True, answer.message


def test_always_of_coordinated_things_is_still_asked(real_store):
    answer = ask(real_store, "do stretching or heat packs or massage work for everyone?")
    assert answer.boolean is False and "may not work for everyone" in answer.message
