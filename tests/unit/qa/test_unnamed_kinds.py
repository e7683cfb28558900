"""A yes/no about a thing the article never names, said with a word of how it is ("is *low iron* one of the
deficiencies …") or as a kind of an everyday thing ("foods *rich in* magnesium"), and other conditions named in a
client's story (cerebral palsy, spasticity): never a "yes" for what the article does name beside it, never a "No"."""

import pytest

from kg.qa.ask import ask

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("question", ["is low iron one of the deficiencies that causes knee twitching",
                                      "is poor sleep one of the causes of knee spasms",
                                      "is low zinc a cause of muscle cramps",
                                      "is high sodium one of the things that cause knee twitching",
                                      "is cold weather a cause of knee spasms"])
def test_a_thing_the_article_never_names_past_a_word_of_how_is_no_yes(real_store, question):
    answer = ask(real_store, question)
    assert answer.boolean is None and not answer.message.startswith(("Yes", "No"))


@pytest.mark.parametrize("question", ["is low magnesium one of the deficiencies that causes knee twitching",
                                      "is poor conditioning a cause of muscle spasms",
                                      "is high caffeine intake a cause of knee twitching"])
def test_what_the_article_names_with_a_word_of_how_is_still_a_yes(real_store, question):
    assert ask(real_store, question).boolean is True


@pytest.mark.parametrize("question", ["does the article name any specific foods rich in magnesium",
                                      "are foods rich in potassium good for cramps",
                                      "is eating foods rich in calcium good for knee twitching",
                                      "do foods high in magnesium help",
                                      "are snacks full of potassium good for leg cramps",
                                      "does it list drinks rich in electrolytes"])
def test_a_kind_of_an_everyday_thing_rich_in_a_nutrient_is_no_yes(real_store, question):
    answer = ask(real_store, question)
    assert answer.boolean is None and not answer.message.startswith(("Yes", "No"))


@pytest.mark.parametrize("question", ["one of our clients has cerebral palsy with spasticity, how should we manage that",
                                      "does spasticity cause knee twitching",
                                      "can muscle spasms be a sign of cerebral palsy",
                                      "can cerebral palsy cause knee spasms",
                                      "is bell's palsy linked to muscle twitching",
                                      "how do you treat spasticity in the legs"])
def test_cerebral_palsy_and_spasticity_are_other_conditions(real_store, question):
    answer = ask(real_store, question)
    assert answer.declined and answer.boolean is None and not answer.answers


@pytest.mark.parametrize("question", ["are older women like me more prone to spasms than younger people",
                                      "are older men more prone to muscle spasms"])
def test_a_word_of_how_that_names_a_group_itself_is_read_as_that_group(real_store, question):
    """"*older* women": "older" leads to older adults, so the women are older adults, not a thing unnamed."""
    assert ask(real_store, question).boolean is True
