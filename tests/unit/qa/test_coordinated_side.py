"""Things named together as one side of a yes/no ("A or B or anything at home", "PAD, diabetes") with a relation of
the topic's are each asked of the topic, never of each other (kg.qa.yesno.booleans); "X (listed) as a risk factor"
makes X the risk factor (kg.qa.readings role)."""

import pytest

from kg.qa.ask import ask
from kg.store.embedded import EmbeddedStore

STORE = EmbeddedStore.from_file()


@pytest.mark.parametrize("question", [
    "would massage or any other home remedy work for everybody",
    "does stretching or a heat pack sort out a cramp every single time",
])
def test_remedies_coordinated_asked_for_everyone_are_the_articles_stated_not_always(question):
    answer = ask(STORE, question)
    assert answer.boolean is False and "may not work for everyone" in answer.message, answer.message


@pytest.mark.parametrize("question, named", [
    ("diuretics, estrogen as risk factors - listed?", "diuretics"),
    ("older adults and athletes as risk factors y/n", "older adults"),
])
def test_things_coordinated_as_risk_factors_are_each_asked_of_the_topic(question, named):
    answer = ask(STORE, question)
    assert answer.boolean is True and named in answer.message.lower(), answer.message


@pytest.mark.parametrize("question", ["corticosteroids listed as risk factor y/n", "is pregnancy counted as risk factor for cramps"])
def test_a_thing_listed_as_a_risk_factor_is_the_risk_factor(question):
    answer = ask(STORE, question)
    assert answer.boolean is True and "increase the risk" in answer.message, answer.message


@pytest.mark.parametrize("question", ["do stretching and massage help cramps", "is caffeine or dehydration worse for twitching"])
def test_a_second_side_or_a_comparison_keeps_its_reading(question):
    answer = ask(STORE, question)
    assert answer.boolean is not False, answer.message
