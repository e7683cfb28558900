"""kg.qa.named_sign and kg.qa.when_asked: a warning sign told in a yes/no about seeing a doctor is the article's yes
(in either order of sign and condition); "at what point do I get it looked at" after a story is the topic's warning
signs. Phrasings of our own, not a blind batch's."""

import pytest

from kg.qa.ask import ask

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("question", [
    "is swelling with the cramps a reason to call my gp",
    "is weakness with knee twitching a reason to see a doctor",
    "knee twitching and my balance seems off - doctor?",
    "cramps stopping everyday stuff, should i go to the gp",
    "my knee jumps all day and now my balance feels off, is that a see the doctor thing",
    "is difficulty swallowing with the knee twitching a reason to go to the doctor",
])
def test_a_warning_sign_told_is_a_yes(real_store, question):
    answer = ask(real_store, question)
    assert answer.boolean is True and answer.message.startswith("Yes"), answer.message


@pytest.mark.parametrize("question", [
    "is itching with knee twitching a reason to see the doctor",
    "knee twitch with headaches - see doctor?",
    "is a rash with the knee spasms a reason to see the doctor",
    "my knee twitches after coffee, is that a go to the doctor thing",
    "is a sore back with knee twitching a reason to see a doctor",
    "knee twitch with hiccups - see gp?",
])
def test_no_yes_for_a_sign_the_article_does_not_give(real_store, question):
    answer = ask(real_store, question)
    assert answer.boolean is not True, answer.message
    assert answer.boolean is not False, answer.message


@pytest.mark.parametrize("question, sign", [
    ("the ice packs aren't helping him. at what point do we get the GP involved?", "balance problems"),
    ("my calf has been twitching for a fortnight, at what point should i get it checked", "weakness"),
    ("massage isn't doing much. at what point do i get it looked at", "swelling"),
    ("the cramps keep waking her up, at which point do we need to involve the doctor", "difficulty swallowing"),
    ("stretching has not fixed it. how long before i get it seen to", "pain"),
    ("the heat pad is doing nothing for my knee. at what point should i get it checked out", "persistent"),
])
def test_when_to_see_a_doctor_after_a_story_is_the_warning_list(real_store, question, sign):
    answer = ask(real_store, question)
    assert answer.kind == "list", answer.message
    assert sign in answer.message.lower(), answer.message


def test_a_disease_told_is_not_answered_with_the_topics_signs(real_store):
    answer = ask(real_store, "my dad has ALS, at what point do we get the doctor involved")
    assert "when should i see a doctor about knee" not in answer.reading.lower()
