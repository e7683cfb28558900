"""A remark after the question is no part of it: "is there a cure for ALS, a student is bound to ask" was declined
for "student", "bound" and "ask"; the remark is context, and the question is answered as asked. A clause that names a
thing of the article or joins a follow-up on ("…, and why") stays with the question."""

import pytest

from kg.qa.analysis import analyse
from kg.qa.ask import ask
from kg.qa.lexicon import lexicon
from kg.qa.linking import label_index
from kg.store.embedded import EmbeddedStore

STORE = EmbeddedStore.from_file()


@pytest.mark.parametrize("question", [
    "is there a cure for ALS, asking for a friend",
    "can ALS be cured, my uncle wants to know",
    "can you cure ALS? my nephew keeps asking me",
])
def test_a_remark_after_a_stated_no_keeps_the_no(question):
    answer = ask(STORE, question).to_dict()
    assert answer.get("declined") is None, answer["message"]
    assert answer.get("boolean") is False and "no cure" in answer["message"], answer["message"]


@pytest.mark.parametrize("question", [
    "do home treatments work for everybody, my flatmate says they are useless",
    "does stretching help everyone, the lads at my club reckon it's pointless",
])
def test_a_remark_after_an_always_question_keeps_the_hedge(question):
    answer = ask(STORE, question).to_dict()
    assert answer.get("declined") is None, answer["message"]
    assert "may not work for everyone" in answer["message"], answer["message"]


def test_a_clause_that_names_a_thing_stays_with_the_question():
    an = analyse("what causes it, the twitching in my knee", label_index(STORE), lexicon(STORE))
    assert "twitching" in [t.surface for t in an.question]


def test_a_follow_up_stays_with_the_question():
    an = analyse("is it serious, and why", label_index(STORE), lexicon(STORE))
    assert "why" in [t.surface for t in an.question]


def test_the_remark_is_context():
    an = analyse("is there a cure for ALS, a student is bound to ask", label_index(STORE), lexicon(STORE))
    assert "student" in [t.surface for t in an.context] and not an.unknown


@pytest.mark.parametrize("question", [
    "is stretching good for cramps or is that just a myth",
    "does dehydration really cause cramps or is it all hype from drinks companies",
])
def test_the_readers_doubt_after_the_question_is_no_part_of_it(question):
    an = analyse(question, label_index(STORE), lexicon(STORE))
    assert not an.unknown, an.unknown
    assert ask(STORE, question).to_dict().get("boolean") is True


def test_a_reflexive_pronoun_is_no_unknown_word():
    answer = ask(STORE, "can the heat itself give you cramps").to_dict()
    assert answer.get("boolean") is True and not answer.get("unknown"), answer["message"]


def test_a_second_question_offered_as_the_alternative_stays():
    an = analyse("is there any point seeing a doctor about my cramps or do they just go away by themselves",
                 label_index(STORE), lexicon(STORE))
    assert "away" in [t.surface for t in an.question]


@pytest.mark.parametrize("question, asked", [
    ("when im stressed out my knee gets more twitchy is that a real thing", "is that a real thing"),
    ("whenever i drink coffee my knee twitches could that be why", "could that be why"),
])
def test_a_when_clause_before_a_run_on_question_is_context(question, asked):
    an = analyse(question, label_index(STORE), lexicon(STORE))
    assert " ".join(t.surface for t in an.question) == asked


def test_a_question_that_opens_with_when_stays_whole():
    an = analyse("when should i see a doctor about my knee twitching", label_index(STORE), lexicon(STORE))
    assert an.question[0].surface == "when" and an.context == []


@pytest.mark.parametrize("question", [
    "can ALS ever be cured? my brother says the specialists are hiding something",
    "is ALS curable or not? the forums online are full of miracle stories",
])
def test_a_sentence_told_after_the_question_mark_blocks_nothing(question):
    answer = ask(STORE, question).to_dict()
    assert answer.get("declined") is None, answer["message"]
    assert answer.get("boolean") is False and "no cure" in answer["message"], answer["message"]


def test_a_second_question_after_the_mark_is_still_asked():
    an = analyse("is knee twitching serious? and what causes it", label_index(STORE), lexicon(STORE))
    assert "causes" in [t.surface for t in an.question]


@pytest.mark.parametrize("question", [
    "with three kids and a job I have no time at all. do these home remedies help everybody?",
    "with my shifts we never have time to spare. do home treatments work for every person?",
])
def test_a_told_sentence_before_an_always_question_does_not_join_it(question):
    answer = ask(STORE, question).to_dict()
    assert answer.get("boolean") is False and "may not work for everyone" in answer["message"], answer["message"]


@pytest.mark.parametrize("question, expected", [
    ("who gets cramps the most, is it older people", {"older adults", "pregnant women", "athletes"}),
    ("what stuff causes the twitching, is it coffee", {"dehydration", "diuretics"}),
])
def test_a_guess_after_a_wh_question_checks_the_answer_and_the_wh_question_asks(real_store, question, expected):
    answer = ask(real_store, question)
    assert answer.boolean is None and expected <= {a["label"].lower() for a in answer.answers}, answer.message
