"""A long story run on into its question with no stop (kg.qa.lead_in, kg.qa.pointed_back, kg.qa.interrupted,
kg.qa.reported): the question is read, the story is context, and "this sort of twitching" is the story's twitching."""

import pytest

from kg.qa.ask import ask
from kg.qa.interrupted import rejoined
from kg.qa.lead_in import split
from kg.qa.text import clauses, tokenize

pytestmark = pytest.mark.unit

KNEE_CAUSES = {"Muscle fatigue", "Muscle strain", "Dehydration", "Amyotrophic lateral sclerosis"}


@pytest.mark.parametrize("question", [
    "ok so my knee keeps twitching most evenings and honestly its driving me mad and my partner thinks im imagining it so what causes this kind of twitching",
    "so my knee has been twitching for about a month now and i have tried resting it and nothing changes so what is causing this twitching",
    "right so the muscle above my knee twitches every night and i cant sleep and i dont know why so what can cause that twitching",
    "my knee has been twitching off and on since easter and i have no idea if i did something wrong and what causes this sort of twitching",
    "my knee keeps twitching at work and nobody there has heard of it but what causes this type of twitching",
    "basically my knee twitches loads lately and i looked online and got scared so what actually causes that twitching anyway",
])
def test_a_story_run_on_into_its_question_asks_the_causes_of_knee_twitching(real_store, question):
    answer = ask(real_store, question)
    assert answer.kind == "list" and not answer.declined
    assert KNEE_CAUSES <= {a["label"] for a in answer.answers}


@pytest.mark.parametrize("text, asked", [
    ("my knee has been jumping for weeks and nobody knows so what causes this", "what causes this"),
    ("i work long shifts on my feet and my legs cramp a lot and what can i do about it", "what can i do about it"),
    ("my dad twitches at night and it wakes him up but why does it happen", "why does it happen"),
])
def test_split_before_the_question_word(text, asked):
    parts = split(tokenize(text))
    assert len(parts) == 2 and " ".join(t.surface for t in parts[1]) == asked


@pytest.mark.parametrize("text", [
    "what causes it and why does it happen",  # opens as a question itself
    "is it the coffee or what and should i stop",
    "i tried everything i could think of or what",
    "my knee twitches and what not",
    "what stretches help and which muscles",
    "the twitching started so what",  # too short a story, and the question word ends it
])
def test_near_misses_are_not_split(text):
    assert len(split(tokenize(text))) == 1


def test_a_question_word_phrase_broken_by_an_aside_is_one_question():
    tokens = tokenize("how many medications, not counting stimulants, does the section name")
    parts = clauses(tokens)
    question, context = rejoined(parts, parts[-1], [t for p in parts[:-1] for t in p])
    assert not context and question[0].surface == "how"
    tokens = tokenize("i take diuretics, every morning, does that matter")  # no question-word phrase: told
    parts = clauses(tokens)
    question, context = rejoined(parts, parts[-1], [t for p in parts[:-1] for t in p])
    assert question[0].surface == "does" and context


@pytest.mark.parametrize("question", [
    "my pickers are on their feet 10 hrs lifting boxes and say their legs keep locking up, what causes that kind of thing",
    "my cleaners are on their knees scrubbing floors all day and say their legs seize up, what causes that",
    "the lads on the building site are up ladders all day and tell me their legs keep cramping, what brings that on",
])
def test_a_told_story_then_its_question_is_not_two_questions(real_store, question):
    answer = ask(real_store, question)
    assert not answer.declined and answer.kind == "list" and "Dehydration" in {a["label"] for a in answer.answers}


@pytest.mark.parametrize("question", [
    "my uncle has ALS and he's getting worse and we're trying to understand what treatments there are for it",
    "mum was diagnosed with ALS and we're trying to figure out what the treatment options are",
    "my gran has ALS and they're trying to work out what treatments there are",
    "my friend has ALS and we want to understand what treatments there are for it",
    "dad has ALS, we're trying to find out what treatments exist for it",
    "my aunt has ALS and we're trying to understand what the treatments are",
])
def test_what_we_are_trying_to_understand_is_asked(real_store, question):
    answer = ask(real_store, question)
    assert not answer.declined and "Physical therapy" in {a["label"] for a in answer.answers}


@pytest.mark.parametrize("raw, asked", [
    ("my mum wants to know what the warning signs are", "what are the warning signs"),
    ("we're trying to figure out what the treatment options are", "what are the treatment options"),
    ("my sister wants to know what the blood test is for", "what the blood test is for"),  # "is for": left as asked
    ("my uncle has ALS and we're trying to understand what treatments there are for it", "what treatments are there for it"),
    ("parents keep asking me which vitamins are linked to twitchy knees", "which vitamins are linked to twitchy knees"),
    ("my son wants to know what causes cramps", "what causes cramps"),
    ("he asks what is ALS", "what is ALS"),
])
def test_an_embedded_question_in_statement_order_is_turned_round(real_store, raw, asked):
    from kg.qa.lexicon import lexicon
    from kg.qa.reported import peel
    assert peel(raw, lexicon(real_store)).endswith(asked)
