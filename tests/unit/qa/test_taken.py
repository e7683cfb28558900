"""A medicine the reader takes that the article never names, pointed back to by a yes/no: named as not mentioned,
never dropped from a list of causes (which reads as "no") and never answered "no"."""

import pytest

from kg.qa.ask import ask

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("question, medicine", [
    ("my doctor put me on lisinopril last month, could that be why my knees keep twitching", "lisinopril"),
    ("im on amlodipine. can that cause cramps", "amlodipine"),
    ("he was prescribed omeprazole for reflux, is that linked to spasms", "omeprazole"),
    ("I take sertraline every morning. is that one of the medicines that cause knee twitching", "sertraline"),
    ("my gp started me on finasteride. could it be behind the twitching in my knee", "finasteride"),
    ("she takes montelukast for asthma, can that give you leg cramps", "montelukast"),
])
def test_a_told_medicine_the_article_never_names_is_said_so(real_store, question, medicine):
    answer = ask(real_store, question)
    assert answer.boolean is None and not answer.message.startswith(("Yes", "No"))
    assert f"does not mention {medicine}" in answer.message


@pytest.mark.parametrize("question", ["I take prednisone for asthma, could that be causing my knee twitching",
                                      "my doctor put me on a water pill, could that be why my legs cramp",
                                      "I drink loads of coffee, could that be why my knee twitches"])
def test_a_told_medicine_the_article_names_is_still_answered(real_store, question):
    assert ask(real_store, question).boolean is True


@pytest.mark.parametrize("question", [
    "I'm a plasterer, up ladders in hot rooms all day and I hardly drink. can that bring on muscle spasms",
    "im a roofer out in the sun all day, could that be why my knees twitch",
    "she's a cleaner kneeling on floors all day, is that what causes her knee cramps",
    "I am a postie walking miles every day. could that be the reason my knee jumps",
    "he is a welder sweating in the heat all shift, can that give him cramps",
    "we're gardeners bending all day, is that why our knees twitch",
])
def test_who_the_reader_is_is_no_other_condition(real_store, question):
    answer = ask(real_store, question)
    assert answer.declined is None and "does not cover" not in answer.message


def test_a_thing_given_after_a_is_still_named(real_store):
    answer = ask(real_store, "the ship's doctor gave me a seasickness patch, could that be causing my cramps")
    assert "does not cover seasickness" in answer.message


@pytest.mark.parametrize("question", ["they started her on a new tablet, is that why her legs cramp",
                                      "he's on some strong painkillers, could that cause the cramps"])
def test_a_word_that_says_how_a_named_thing_is_is_not_a_medicine(real_store, question):
    assert "does not mention new" not in ask(real_store, question).message
    assert "does not mention strong" not in ask(real_store, question).message
