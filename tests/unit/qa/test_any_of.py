"""kg.qa.any_of: a yes/no asked of a kind ("can a mineral deficiency cause …") is answered by the kind's members, a
yes only when the article names some; a kind where the topic would stand is never swapped for the topic. Phrasings
of our own, not a blind batch's."""

import pytest

from kg.qa.ask import ask

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("question, member", [
    ("can a mineral deficiency cause spasms in the knee", "Magnesium deficiency"),
    ("could a mineral deficiency be making my knee twitch", "Calcium deficiency"),
    ("can any medications cause knee twitching", "Diuretics"),
    ("can a medication cause twitching in the knee", "Corticosteroids"),
    ("can some medications bring on knee spasms", "Estrogen"),
    ("can a nutrient deficiency cause knee spasms", "Calcium deficiency"),
])
def test_a_kind_asked_of_is_a_yes_with_its_members(real_store, question, member):
    answer = ask(real_store, question)
    assert answer.boolean is True and answer.message.startswith("Yes"), answer.message
    assert member.lower() in answer.message.lower()


@pytest.mark.parametrize("question", [
    "can dehydration cause a mineral deficiency",
    "can stretching cause a vitamin deficiency",
    "can massage cause a medication problem",
    "does caffeine cause a mineral deficiency",
    "can heat exhaustion cause a nutrient deficiency",
    "can stress cause any medications",
])
def test_a_kind_in_the_topics_place_is_never_answered_of_the_topic(real_store, question):
    answer = ask(real_store, question)
    assert answer.boolean is not True, answer.message
    assert "knee muscle spasm" not in answer.reading.split("—")[0], answer.reading


@pytest.mark.parametrize("question", [
    "can working with no water break give you cramps",
    "on site all day without a water break, can that cause spasms",
    "no water breaks at work, could that be why my knee twitches",
    "all day with no drinks break, can that give you leg cramps",
    "does working without water breaks cause muscle spasms",
    "can grafting with no water break bring on spasms",
])
def test_no_water_break_is_the_articles_dehydration_not_an_injury(real_store, question):
    answer = ask(real_store, question)
    assert not answer.declined and answer.boolean is True, answer.message
    assert "ehydration" in answer.message
