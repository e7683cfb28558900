"""Choosing the reading to answer with (kg.qa.choose), on phrasings of our own."""

import pytest

from kg.qa.ask import ask


def ids(answer) -> set[str]:
    return {a["iri"].rsplit("/", 1)[-1] for a in answer.answers}


@pytest.mark.parametrize("question", [
    "what type of spasm does rest help",
    "what kind of spasm does time help with",
])
def test_a_kind_no_answer_is_of_leaves_the_relation_asked(real_store, question):
    answer = ask(real_store, question)
    assert {"muscle-fatigue", "muscle-strain"} <= ids(answer), (answer.reading, answer.message)


@pytest.mark.parametrize("question", [
    "what is deep breathing meant for",
    "what good is meditation supposed to do",
])
def test_a_purpose_asked_from_the_thing_is_read_along_every_purpose_relation(real_store, question):
    """Prevents (the knee twitching) and what its kind helps with (stress) together, not the best one alone."""
    answer = ask(real_store, question)
    assert {"knee-muscle-spasm", "physical-or-emotional-stress"} <= ids(answer), (answer.reading, answer.message)
    assert " or " in answer.reading


@pytest.mark.parametrize("question", [
    "what is regular exercise good for",
    "what does regular exercise do for knee twitching",
])
def test_a_purpose_quotes_what_the_thing_prevents_beside_what_it_treats(real_store, question):
    answer = ask(real_store, question)
    quotes = " ".join(e["quote"] for e in answer.evidence)
    assert "muscle strength and flexibility" in quotes, (answer.reading, answer.message)


def test_a_purpose_word_does_not_widen_a_relation_named_alone(real_store):
    """"What can massage prevent" names one relation: it is not read as everything massage is for."""
    answer = ask(real_store, "what can massage prevent")
    assert " or " not in answer.reading, answer.reading


@pytest.mark.parametrize("question", [
    "what does dehydration drain from your body that leads to cramps",
    "if you get dehydrated, what minerals do you lose that can make your knee twitch",
])
def test_a_relative_clause_that_nothing_meets_leaves_the_main_verbs_answer(real_store, question):
    """"what do you lose *that makes the muscles twitch*": the clause's verb takes the thing after it, the question's
    verb the thing before; nothing the article names meets both, so the main verb's answer is the question's."""
    answer = ask(real_store, question)
    assert {"calcium", "potassium", "electrolytes"} <= {a["label"].lower() for a in answer.answers}, answer.reading
    assert "deplete" in answer.reading


@pytest.mark.parametrize("question", [
    "spasm in my knee, the stretches work which muscles",
    "knee cramps stretching which muscles",
])
def test_a_late_which_and_its_class_ask_for_that_class_of_the_thing_named_before_it(real_store, question):
    """"… stretches *which muscles*": not a yes/no about the two things named, but the muscles of the one before it."""
    answer = ask(real_store, question)
    assert {"quadriceps", "hamstrings", "calf muscles"} <= {a["label"].lower() for a in answer.answers}, answer.reading


@pytest.mark.parametrize("question", ["what do deep breathing and yoga do for you", "what does mindfulness help with"])
def test_a_thing_only_its_kind_treats_with_what_it_helps_prevent_itself(real_store, question):
    """Only stress reduction techniques (its kind) treat something; the technique itself helps prevent knee
    twitching by relaxing the body and mind — that is asked too, with the article's words."""
    answer = ask(real_store, question)
    assert any(a.get("kind") == "phrase" and a["label"] == "relax the body and mind" for a in answer.answers), \
        answer.message


@pytest.mark.parametrize("question, expected", [
    ("what's an example of nerve damage as a cause of muscle spasms", "injury or medical conditions affecting nerve function"),
    ("give me an example of heat exhaustion as a spasm cause", "working in high temperatures without proper hydration"),
])
def test_as_a_role_says_what_the_thing_is_not_what_the_answer_must_be(real_store, question, expected):
    """"An example of X *as a cause of spasms*": X's example is asked; "a cause of spasms" says what X is."""
    answer = ask(real_store, question)
    assert expected in {a["label"].lower() for a in answer.answers}, answer.message


@pytest.mark.parametrize("question, anchor", [
    ("vitamin deficiency symptoms knee twitch", "vitamin deficiencies"),
    ("dehydration knee twitching how is it diagnosed", "dehydration"),
    ("nutrient deficiency knee spasms diagnosis", "nutrient deficiencies"),
])
def test_a_relation_asked_of_the_topic_and_another_thing_is_asked_of_the_other(real_store, question, anchor):
    answer = ask(real_store, question)
    assert anchor in answer.reading.lower() and "knee muscle spasm" not in answer.reading.lower(), answer.reading


def test_the_topic_alone_is_still_asked_of(real_store):
    answer = ask(real_store, "knee twitch symptoms")
    assert "knee muscle spasm" in answer.reading.lower(), answer.reading


def test_a_thing_named_after_the_topic_or_in_the_story_does_not_take_the_question(real_store):
    answer = ask(real_store, "out in the heat all day and my knee twitches. of the causes of muscle spasms, "
                             "which ones are to do with heat?")
    assert "heat exhaustion" not in answer.reading.lower().split("—")[0], answer.reading
