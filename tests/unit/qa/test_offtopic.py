"""Questions about what the article never names, asked with a word of the article beside it, are declined by what
they ask about (kg.qa.offtopic) — never answered from the article's word: the kind asked for after "which/what", what a
yes/no says the reader's thing is, a question reaching the article only through one loose word or a relative clause,
and a story that names nothing of the article but a sign. New phrasings, in no batch."""

import pytest

from kg.qa.ask import ask
from kg.store.embedded import EmbeddedStore

STORE = EmbeddedStore.from_file()


def _declined(question: str) -> dict:
    answer = ask(STORE, question).to_dict()
    assert not answer["answered"] and not answer["answers"] and answer.get("boolean") is None, answer["message"]
    assert "does not" in answer["message"], answer["message"]
    return answer


@pytest.mark.parametrize("question, named", [
    ("which homeopathic pills or cbd balms work best for a knee cramp", "cbd balm"),
    ("what epsom salt soak is good for leg cramps", "epsom salt soak"),
])
def test_the_kind_asked_for_is_one_the_article_never_names(question, named):
    assert named in _declined(question)["message"]


@pytest.mark.parametrize("question, named", [
    ("my knee is hot and puffy and the thigh twitches. could it be a hamstring avulsion?", "hamstring avulsion"),
    ("calf cramps at night and my ankle is swollen and warm, is this a clot", "clot"),
])
def test_what_the_readers_thing_is_said_to_be_is_named(question, named):
    assert named in _declined(question)["message"]


@pytest.mark.parametrize("question", [
    "how do you treat a sting from a jellyfish",  # "sting" reaches the article only as a related word
    "what's good to drink to settle a hangover headache",
    "how do I splint the arm of someone who cramped and fell off a ladder",  # the cramp is the person's, not asked
])
def test_a_question_reaching_the_article_only_loosely_is_declined(question):
    _declined(question)


@pytest.mark.parametrize("question", [
    "my fingertips turn blue and numb when I hold the handlebars in winter. what is that",
    "my lips go numb and tingly after the dentist jab, why would that be",
])
def test_a_story_of_another_condition_told_by_a_sign_is_declined(question):
    _declined(question)


@pytest.mark.parametrize("question", [
    "my knee keeps jumping when I sit in the car for hours, what causes that",  # the article's own condition
    "is it the hormones that make cramps worse in pregnancy?",  # a word of the article's text
    "which vitamins help with knee twitching",
    "what drinks help leg cramps",  # an everyday word alone is asked through what it leads to
])
def test_questions_about_the_article_are_still_answered(question):
    answer = ask(STORE, question).to_dict()
    assert answer.get("declined") is None, answer["message"]


@pytest.mark.parametrize("question", [
    "my sister has MS. does the article list MS as something that makes knees twitch?",
    "could UC be why my legs cramp",
])
def test_a_two_letter_acronym_is_a_word_the_article_does_not_mention(question):
    answer = ask(STORE, question).to_dict()
    assert answer.get("boolean") is None and not answer["answers"], answer["message"]
    assert "does not mention" in answer["message"], answer["message"]


def test_a_two_letter_word_in_lower_case_is_still_passed_over():
    answer = ask(STORE, "is it ok to stretch a cramp").to_dict()
    assert answer.get("declined") != "unknown", answer["message"]


@pytest.mark.parametrize("question, named", [
    ("how can I tell whether these calf cramps are a stroke", "stroke"),
    ("what's best to take for a migraine after a night cramp", "migraine"),
])
def test_what_the_things_are_said_to_be_or_asked_for_is_named(question, named):
    assert named in _declined(question)["message"]


@pytest.mark.parametrize("question", [
    "quick check for my revision: can ALS be cured?",  # why the reader asks, not what
    "knee twitching and my words come out slurred, is that a see-a-doctor situation",  # a compound of article words
])
def test_the_readers_purpose_and_article_compounds_are_no_other_thing(question):
    answer = ask(STORE, question).to_dict()
    assert answer.get("declined") is None and answer.get("boolean") is not None, answer["message"]


def test_a_word_the_article_uses_is_never_said_to_be_unmentioned():
    answer = ask(STORE, "could hormones be the reason my muscles spasm?").to_dict()
    assert "does not mention hormones" not in answer["message"], answer["message"]
    assert answer.get("boolean") is None or answer.get("boolean") is True, "never a no"
