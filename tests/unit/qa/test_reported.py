"""Asking on someone else's behalf (kg.qa.reported): "my son wants to know whether …", "grandad wonders if …",
"asking for my husband: …" — the wrapper is peeled and the inner question answered (or declined, when it asks a dose
or personal advice); the person never becomes an unknown word, the "whether" never part of a thing's name."""

import pytest

from kg.qa.ask import ask
from kg.qa.lexicon import lexicon
from kg.qa.reported import peel


def labels(answer) -> set[str]:
    return {a["label"] for a in answer.to_dict()["answers"]}


@pytest.mark.parametrize("question, inner", [
    ("my teenage son wants to know whether energy drinks can make his knee twitch", "can energy drinks make his knee twitch"),
    ("Grandad wonders if it's normal", "is it normal"),
    ("my mum is wondering what causes cramps at night", "what causes cramps at night"),
    ("Asking for my husband: what are the signs of ALS?", "what are the signs of ALS?"),
    ("one of my patients asked me whether ALS can be cured", "can ALS be cured"),
    ("my knee twitches a lot, my partner wants to know why", "my knee twitches a lot, why"),
    ("my son wants to know if he has ALS", "does he have ALS"),
    ("he's had cramps all week and wonders if it's serious", "he's had cramps all week. is it serious"),
])
def test_the_wrapper_is_peeled(real_store, question, inner):
    assert peel(question, lexicon(real_store)) == inner


@pytest.mark.parametrize("question", [
    "what does my son want to know about cramps",  # the wrapper is what is asked about, not a wrapper
    "does stretching help, and should I ask my doctor whether to rest",
    "my GP wants to know if I drink enough water. what should I tell her?",  # the reader's own question follows
    "why does my knee twitch",
])
def test_no_wrapper_is_left_as_asked(real_store, question):
    assert peel(question, lexicon(real_store)) == question


@pytest.mark.parametrize("question, must", [
    ("my nan wants to know what the warning signs are", "Difficulty swallowing"),
    ("the kids want to know what causes cramps", "Dehydration"),
    ("grandpa is curious about what helps a cramp", "Stretching exercises"),
    ("my boyfriend keeps asking me what a spasm feels like", "Muscle hardness"),
    ("asking on behalf of my auntie: which vitamins are linked to knee twitching?", "Vitamin D"),
    ("my flatmate asked why muscles twitch", "Dehydration"),
])
def test_the_inner_question_is_answered(real_store, question, must):
    answer = ask(real_store, question)
    assert answer.question == question
    assert not answer.unknown and must in labels(answer), answer.message


@pytest.mark.parametrize("question", [
    "my teenage son wants to know whether energy drinks can make his knee twitch",
    "my wife is asking whether statins can cause muscle spasms",
    "my dad wonders if dehydration can give you cramps",
    "asking for my gran: can knee twitching be an early sign of ALS?",
])
def test_an_embedded_yes_no_gets_the_articles_yes(real_store, question):
    answer = ask(real_store, question)
    assert answer.boolean is True, answer.message
    assert "whether" not in answer.message.split("—")[0], answer.message


@pytest.mark.parametrize("question, declined", [
    ("he wants to know if he should take magnesium for his cramps", "advice"),
    ("my mum is wondering how much magnesium she should take", "dose"),
    ("my husband asks: should he stop taking his statins", "advice"),
    ("she's asking what dose of quinine is safe", "dose"),
    ("my son wants to know if he has ALS", "advice"),  # whether a person has a disease: never a yes
    ("my wife is asking whether she has an autoimmune disorder", "advice"),
])
def test_an_inner_dose_or_advice_question_is_declined(real_store, question, declined):
    answer = ask(real_store, question)
    assert answer.declined == declined and answer.boolean is None, answer.message
