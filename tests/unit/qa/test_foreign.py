"""Requests and how-tos whose action and object the article never mentions are declined as not covered, though one
word of the article stands among them (kg.qa.foreign) — never answered "about" that word, never a "yes" through a
loosely related word. New phrasings, in no batch; and what the article does answer, asked as a how-to, stays answered."""

import pytest

from kg.qa.ask import ask
from kg.qa.analysis import analyse
from kg.qa.foreign import declined
from kg.qa.lexicon import lexicon
from kg.qa.linking import label_index
from kg.store.embedded import EmbeddedStore

STORE = EmbeddedStore.from_file()


@pytest.mark.parametrize("question, named", [
    ("can you calculate the molar mass of potassium chloride", "molar"),
    ("easiest way to fold a fitted sheet without straining my back", "fold"),
    ("whats the right age to start a toddler on swimming lessons", "toddler"),
    ("best way to teach a puppy to sit without hurting its knees", "teach"),
    ("balance the redox equation for calcium burning in oxygen", "redox"),
    ("what's the quickest way to defrost a frozen chicken in time for dinner", "defrost"),
    ("the safest time to prune apple trees without stressing them", "prune"),
])
def test_a_request_or_how_to_about_other_things_is_declined(question, named):
    answer = ask(STORE, question).to_dict()
    assert not answer["answered"] and not answer["answers"] and answer.get("boolean") is None, answer["message"]
    assert answer["message"].startswith("The article does not"), answer["message"]
    assert named in answer["message"]


@pytest.mark.parametrize("question", [
    "what's the best way to stop a knee spasm",
    "best time to stretch my hamstrings",
    "explain how dehydration causes muscle twitching",
    "tell me the causes of knee twitching",
    "what's the best way to prevent cramps when running",
    "describe the symptoms of a muscle spasm",
])
def test_how_tos_and_requests_the_article_answers_are_answered(question):
    answer = ask(STORE, question).to_dict()
    assert answer["answered"] or answer["answers"], answer["message"]


def test_only_the_shape_and_enough_unknown_words_decline():
    index, lex = label_index(STORE), lexicon(STORE)
    assert declined(analyse("write the balanced equation for magnesium reacting with hydrochloric acid", index, lex))
    assert not declined(analyse("magnesium reacting with hydrochloric acid", index, lex))  # no request, no how-to
    assert not declined(analyse("write down how long each knee spasm lasts", index, lex))  # the article's own words


@pytest.mark.parametrize("question, named", [
    ("how much does a physiotherapist earn in the UK", "earn"),
    ("how many calories are in a banana for potassium", "calories"),
    ("magnesium reacting with hydrochloric acid equation", "hydrochloric"),
    ("how many goals did the athletes in the premier league score", "goals"),
    ("how many moons does jupiter have, asking for my dehydration project", "jupiter"),
    ("how many tourists visit the knee surgeons of istanbul", "istanbul"),
])
def test_a_question_of_other_words_read_only_about_one_thing_is_declined(question, named):
    answer = ask(STORE, question).to_dict()
    assert not answer["answered"] and not answer["answers"] and answer.get("boolean") is None, answer["message"]
    assert answer["message"].startswith("The article does not"), answer["message"]
    assert named in answer["message"]


@pytest.mark.parametrize("question", [
    "what does the article say about vitamin D",
    "what does ALS stand for",
    "what does the article say regarding antispasmodic pharmacotherapy",
])
def test_what_the_article_says_or_what_a_name_means_is_still_answered(question):
    answer = ask(STORE, question).to_dict()
    assert answer["answered"] or answer["answers"], answer["message"]


@pytest.mark.parametrize("question, named", [
    ("whats the right saddle height so my knees dont hurt on the bike", "saddle"),
    ("what is the correct tyre pressure for cycling to work", "tyre"),
    ("whats the ideal desk height so my legs dont cramp", "desk"),
    ("what's the right racket grip size for a club player", "club player"),
    ("which is the best mattress firmness for night cramps", "mattress"),
    ("what's the proper oar length for a lightweight rower", "rower"),
])
def test_the_right_thing_of_other_words_is_declined(question, named):
    """"The right *saddle height*": two words the article never uses after "best/right" are the thing asked."""
    answer = ask(STORE, question).to_dict()
    assert not answer["answered"] and not answer["answers"] and answer.get("boolean") is None, answer["message"]
    assert named in answer["message"]
