"""A young person asked about, where the article's only age risk is older age: never a "yes" for older adults; and
conditions the article never names told by the reader (Down syndrome, pre-diabetes): declined by name, never a "yes"."""

import pytest

from kg.qa.ask import ask

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("question", ["can kids my age get muscle spasms in there knee",
                                      "does age matter for children getting knee spasms",
                                      "is age a risk factor for teenagers getting cramps",
                                      "can toddlers get cramps because of their age",
                                      "are youngsters at risk of spasms because of age",
                                      "does age make spasms more likely in a child"])
def test_a_young_person_is_no_yes_for_older_adults(real_store, question):
    answer = ask(real_store, question)
    assert answer.boolean is None and not answer.message.startswith(("Yes", "No"))


@pytest.mark.parametrize("question", ["does age make spasms more likely",
                                      "is getting old a risk for cramps",
                                      "are older people more prone to spasms",
                                      "are older women like me more prone to spasms than younger people",
                                      "are the elderly more likely to get cramps than children"])
def test_older_age_is_still_a_yes(real_store, question):
    assert ask(real_store, question).boolean is True


@pytest.mark.parametrize("question", ["I look after a 15 year old with Down syndrome. are people with Down syndrome more prone to muscle spasms?",
                                      "does down's syndrome cause knee spasms",
                                      "is prediabetes a risk factor for cramps",
                                      "is being pre-diabetic a risk for spasms",
                                      "im prediabetic, does that count as a risk for spasms",
                                      "does borderline diabetes make cramps more likely"])
def test_a_condition_the_article_never_names_is_no_yes(real_store, question):
    answer = ask(real_store, question)
    assert answer.boolean is None and "does not" in answer.message


def test_an_age_told_in_years_is_no_question_about_age(real_store):
    """"a 15 yr old ... has knee twitching and feels unsteady": the age tells who, the question is the warning sign."""
    question = ("school nurse here - a 14 yr old footballer has knee twitching and feels weak in the leg. "
                "does the article say that combination needs a doctor")
    assert ask(real_store, question).boolean is True


@pytest.mark.parametrize("question", ["could malaria be why my legs are aching and jerking",
                                      "whats the best thing for lower back pain after lifting",
                                      "what should i do about hypothermia after falling in a cold river",
                                      "does backache cause knee spasms",
                                      "is my back pain making my knee twitch",
                                      "how do you treat hypothermia"])
def test_other_conditions_readers_ask_about_are_declined_by_name(real_store, question):
    answer = ask(real_store, question)
    assert answer.boolean is None and "does not" in answer.message and not answer.answers
