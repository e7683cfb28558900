"""Whether someone else should play, train, go back on or sit out is a decision about that person, declined as
personal advice — while what causes or helps their cramps, and the reader's own self-care, are still answered
(kg.qa.sideline)."""

import pytest

from kg.qa.analysis import analyse
from kg.qa.ask import ask
from kg.qa.lexicon import lexicon
from kg.qa.linking import label_index
from kg.qa.sideline import asked
from kg.store.embedded import EmbeddedStore

STORE = EmbeddedStore.from_file()


def _asked(question: str) -> bool:
    return asked(analyse(question, label_index(STORE), lexicon(STORE)), lexicon(STORE))


@pytest.mark.parametrize("question", [
    "should i put him back on after the cramp or keep him on the bench",
    "should my son rest or keep playing after a cramp",
    "can my son still play football with knee spasms",
    "is it safe for my daughter to keep running with a twitchy knee",
    "is it ok for her to play tomorrow",
    "should we let her race on sunday",
    "would you sub him off",
    "can my teenager do PE today after cramping last night",
    "should my wife keep going to the gym while her knee twitches",
])
def test_a_decision_about_someone_elses_game_is_declined(question):
    assert _asked(question)
    answer = ask(STORE, question)
    assert answer.declined == "advice" and not answer.answered and not answer.answers and answer.boolean is None


@pytest.mark.parametrize("question", [
    "can my son get cramps from playing football",
    "does my daughter get cramps because she plays netball",
    "should my son stretch before he plays",
    "can stretching help my son play without cramping",
    "should i stop running when my knee cramps",
    "what should my son do when he gets a cramp during a match",
    "can my daughter's knee twitching be from dehydration",
])
def test_what_causes_or_helps_and_ones_own_activity_are_not_this(question):
    assert not _asked(question)


@pytest.mark.parametrize("question", ["when can he go back to training after a cramp",
                                      "how soon can my son play after a calf cramp",
                                      "what is the return to play time after a cramp"])
def test_when_someone_may_play_again_is_declined(question):
    answer = ask(STORE, question)
    assert answer.declined == "advice" and not answer.answered and not answer.answers


@pytest.mark.parametrize("question", ["when should my son see a doctor about his knee twitching",
                                      "how long can a cramp last"])
def test_when_to_see_a_doctor_and_how_long_a_cramp_lasts_are_answered(question):
    assert ask(STORE, question).answered
