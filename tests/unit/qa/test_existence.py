"""'Is there a <test/treatment/way> for X' is a yes with the list the article names for X (kg.qa.existence), never a
'no'; and being 'low on / short on' vitamins or minerals names their deficiency (lay words, facts/entities.yaml)."""

import pytest

from kg.qa.ask import ask

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("question, named", [
    ("are there any tests for a nutrient deficiency", "blood test"),
    ("is there some kind of test for a vitamin deficiency", "blood test"),
    ("is there any treatment for autoimmune disorders", "corticosteroids"),
])
def test_is_there_a_relation_noun_for_x_is_a_yes_with_the_list(real_store, question, named):
    answer = ask(real_store, question)
    assert answer.boolean is True and answer.message.startswith("Yes"), answer.message
    assert named in " ".join(a["label"].lower() for a in answer.answers)


def test_is_there_a_cure_keeps_the_articles_own_no(real_store):
    answer = ask(real_store, "is there a cure for als")
    assert answer.boolean is False and "no cure" in answer.message


@pytest.mark.parametrize("question", [
    "could running short on vitamins be why my knee keeps twitching",
    "is there a test to find out if i am low in vitamins",
])
def test_low_on_vitamins_names_vitamin_deficiencies(real_store, question):
    answer = ask(real_store, question)
    assert answer.boolean is True, answer.message
    assert "vitamin deficiencies" in answer.reading.lower()


@pytest.mark.parametrize("question", [
    "does it say anywhere that meditation helps with twitchy muscles",
    "is deep breathing mentioned somewhere as good for knee twitching",
])
def test_anywhere_asks_nothing_of_its_own(real_store, question):
    """"Mentioned *anywhere*": where in the article, not a thing it must name — the yes the article states."""
    answer = ask(real_store, question)
    assert answer.boolean is True, answer.message


@pytest.mark.parametrize("question, word", [
    ("will the home remedies definitely work for me", "definitely"),
    ("is massage certainly going to work for everyone", "certainly"),
])
def test_definitely_is_a_universal_denied_by_the_articles_not_for_everyone(real_store, question, word):
    answer = ask(real_store, question)
    assert answer.boolean is False and "may not work for everyone" in answer.message, answer.message
