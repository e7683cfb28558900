"""Spelling: several slips at once, words spelt as they sound, real words heard wrong — read and said."""

import pytest

from kg.qa.ask import ask
from kg.qa.spelling import Speller, auxiliary_slips
from kg.qa.text import tokenize

pytestmark = pytest.mark.unit


def ids(answer):
    return {a["iri"].rsplit("/", 1)[-1] for a in answer.answers}


@pytest.mark.parametrize("typed, meant", [("excersise", "exercise"), ("magnisium", "magnesium"),
                                          ("dokters", "doctors"), ("dehidrashun", "dehydration")])
def test_a_non_word_is_read_by_letters_or_by_sound(typed, meant):
    assert Speller.of(["exercise", "magnesium", "doctors", "dehydration", "medication"]).nonword(typed) == meant


@pytest.mark.parametrize("word", ["summer", "turned", "plain", "mustard", "litres"])
def test_a_common_or_unlike_real_word_is_meant_as_written(word):
    assert Speller.of(["swimmer", "tired", "pain", "muscles", "lattes"]).sound_alike(word) is None


@pytest.mark.parametrize("question, position", [("why dose my knee twitch at night", 1),
                                                ("wat dose caffeine do to the knee", 1),
                                                ("how dus stress make spasms worse", 1)])
def test_a_word_in_the_auxiliarys_place_that_sounds_like_one_is_read_as_it(question, position):
    assert auxiliary_slips(tokenize(question)) == {position: "does"}


@pytest.mark.parametrize("question", ["what dose of potassium is safe", "which dose should my son take",
                                      "what dose is right for cramps"])
def test_a_dose_asked_for_stays_a_dose_and_is_declined(real_store, question):
    assert auxiliary_slips(tokenize(question)) == {}
    assert ask(real_store, question).declined == "dose"


@pytest.mark.parametrize("question", ["how dose stress make my knee twich", "why dose dehidration cause mussle cramps"])
def test_how_dose_x_make_y_is_answered_not_declined_as_a_dose(real_store, question):
    answer = ask(real_store, question)
    assert answer.declined is None and answer.answered
    assert answer.corrections.get("dose") == "do" and "“dose” read as “do”" in answer.reading


@pytest.mark.parametrize("question", ["wich mussels do i streach to stop leg cramps",
                                      "which mussels should i strech when my knee cramps"])
def test_a_real_word_heard_wrong_is_read_as_the_domain_word_and_said(real_store, question):
    answer = ask(real_store, question)
    assert answer.corrections.get("mussels") == "muscle"
    assert "“mussels” read as “muscle”" in answer.reading
    assert {"quadriceps", "hamstrings", "calf-muscles"} <= ids(answer)


def test_several_slips_in_one_question_are_all_read(real_store):
    answer = ask(real_store, "wat medicashuns can cuase nee twiching")
    assert {"twiching", "cuase"} <= set(answer.corrections)
    assert answer.corrections["cuase"] == "cause"
    assert "diuretics" in ids(answer)


@pytest.mark.parametrize("question, written, meant", [
    ("can a muscle spasm last for ours", "ours", "hour"),
    ("how many ours can a cramp go on for", "ours", "hour"),
    ("do you always half to go to the doctor for a muscle spasm", "half", "have"),
    ("why do muscles half to rest after a spasm", "half", "have"),
    ("is it normal for cramps to just go away on there own", "there", "their"),
    ("will the twitching stop on there own", "there", "their"),
    ("my calf goes tight like a not can stretching help", "not", "knot"),
    ("witch vitamins help with cramps", "witch", "which")])
def test_a_word_heard_for_another_is_read_as_the_word_meant(real_store, question, written, meant):
    """Voice dictation and typing by ear: the lexicon's homophones, read where the written word names nothing here or
    the word meant completes a phrase of the lexicon or a name after a determiner — and the reading says so."""
    answer = ask(real_store, question)
    assert answer.corrections.get(written) == meant, answer.corrections
    assert f"“{written}” read as" in answer.reading


@pytest.mark.parametrize("question", ["can muscle spasms not go away", "does caffeine not help cramps",
                                      "are there treatments for ALS", "is there a cure for ALS",
                                      "what is the best way to stop a spasm"])
def test_a_homophone_that_makes_sense_as_written_stays_as_written(real_store, question):
    assert not ask(real_store, question).corrections


def test_a_misspelling_that_sounds_exactly_like_a_word_is_read_as_it(real_store):
    answer = ask(real_store, "wat does it mean if my knee twiches and i get weeknes and my ballance is off")
    assert answer.corrections.get("weeknes") == "weakness"


@pytest.mark.parametrize("question, position", [("dose stretching help a cramp", 0),
                                                ("my dad is on statins, dose that explain his cramps", 6),
                                                ("dus the heat make knee twitching worse", 0)])
def test_a_clause_opening_word_that_sounds_like_an_auxiliary_before_a_subject_is_read_as_it(question, position):
    assert auxiliary_slips(tokenize(question)) == {position: "does"}


@pytest.mark.parametrize("question", ["dose of magnesium for leg cramps?", "dose magnesium per day for cramps",
                                      "dose for ibuprofen when my knee spasms"])
def test_a_dose_named_first_stays_a_dose_and_is_declined(real_store, question):
    assert auxiliary_slips(tokenize(question)) == {}
    assert ask(real_store, question).declined == "dose"


@pytest.mark.parametrize("question", ["dose stretching help a cramp in the thigh",
                                      "my dad is on statins, dose that explain his cramps"])
def test_a_yes_no_opened_by_dose_is_answered_not_declined(real_store, question):
    answer = ask(real_store, question)
    assert answer.declined is None and answer.boolean is True


@pytest.mark.parametrize("question", ["limmited blud suply, can that give me cramps in my legs",
                                      "can poor blud flow make your knee twitch"])
def test_a_short_word_spelt_as_it_sounds_is_read_as_the_word_it_sounds(real_store, question):
    answer = ask(real_store, question)
    assert answer.boolean is True and "limited blood supply" in answer.message


@pytest.mark.parametrize("question", ["why does my nee jump", "twiching nees, what causes it"])
def test_a_word_spelt_without_its_silent_first_letter_is_read_as_it(real_store, question):
    answer = ask(real_store, question)
    assert any(e["iri"].endswith("/knee-muscle-spasm") for e in answer.entities)


@pytest.mark.parametrize("question", ["how many remedies are in the Remedies for Knee Muscle Spasms table",
                                      "what does the knee muscle spasms table say about stretching"])
def test_a_word_of_the_lexicon_is_no_slip_for_a_longer_name(real_store, question):
    """"table" is a part word of the lexicon: never "tablet" because "muscle spasm tablet" would complete a name."""
    answer = ask(real_store, question)
    assert "tablet" not in answer.reading, answer.reading
