"""A thing left out of the answer by an exclusion word ("apart from coffee", "besides stretching", "other than
dehydration"): not asked about, and not among the answers; the reading says so."""

import pytest

from kg.qa.ask import ask
from kg.store.embedded import EmbeddedStore

STORE = EmbeddedStore.from_file()


def labels(answer) -> set[str]:
    return {a["label"] for a in answer.answers}


@pytest.mark.parametrize("question, left_out, kept", [
    ("Apart from caffeine, which stimulant can cause knee twitching?", "Caffeine", "Amphetamines"),
    ("other than coffee, what stimulants can set off a twitch", "Caffeine", "Amphetamines"),
    ("besides stretching, what else can relieve a muscle spasm", "Stretching exercises", "Massage"),
    ("what can cause knee twitching except dehydration", "Dehydration", "Muscle fatigue"),
])
def test_an_excluded_thing_is_left_out_of_the_answer(question, left_out, kept):
    answer = ask(STORE, question)
    assert answer.kind == "list" and kept in labels(answer) and left_out not in labels(answer), answer.message
    assert "other than " + left_out.lower() in answer.reading.lower(), answer.reading
    assert answer.query and "FILTER(?x != ?a" in answer.query["sparql"], answer.query  # bound as a term


def test_without_an_excluded_thing_nothing_is_left_out():
    answer = ask(STORE, "which stimulants can cause knee twitching")
    assert {"Caffeine", "Amphetamines"} <= labels(answer) and "other than" not in answer.reading, answer.message


@pytest.mark.parametrize("question, told, others", [
    ("yoga is one of the stress relief techniques, what are the others", "Yoga",
     {"Deep breathing exercises", "Meditation", "Mindfulness"}),
    ("ibuprofen is one painkiller it mentions, which is the other one", "Ibuprofen", {"Acetaminophen"}),
    ("caffeine is a stimulant, what's another stimulant named in the article", "Caffeine", {"Amphetamines"}),
])
def test_a_thing_told_as_one_of_its_kind_leaves_the_kinds_other_examples(question, told, others):
    answer = ask(STORE, question)
    assert answer.kind == "list" and labels(answer) == others, answer.message
    assert "other than " + told.lower() in answer.reading.lower(), answer.reading


@pytest.mark.parametrize("question", [
    "caffeine causes twitching, what other things does it cause",  # asked of, not told as one of a kind
    "dehydration is one cause of knee twitching, what are the other causes",  # a relation's other answers
    "which of caffeine and other stimulants does the article name",  # "X and other Ys": X is among them
])
def test_a_thing_asked_of_or_told_with_a_relation_is_not_read_as_a_kind(question):
    answer = ask(STORE, question)
    assert "examples of" not in answer.reading, answer.reading


def test_a_yes_no_about_a_thing_or_others_of_its_kind_keeps_the_thing():
    answer = ask(STORE, "can amphetamines or other stimulants cause knee twitching")
    assert answer.kind == "boolean" and answer.boolean is True, answer.message


@pytest.mark.parametrize("question, told, kept", [
    ("dehydration is one cause of knee twitching, what are the other causes", "Dehydration", "Muscle fatigue"),
    ("stretching is one treatment for cramps, which other treatments does it give", "Stretching exercises", "Massage"),
])
def test_a_thing_told_as_one_answer_of_the_relation_is_left_out_of_the_others(question, told, kept):
    answer = ask(STORE, question)
    assert answer.kind == "list" and kept in labels(answer) and told not in labels(answer), answer.message
    assert "other than " + told.lower() in answer.reading.lower(), answer.reading
