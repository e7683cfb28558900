"""Reading a story before the question: a definite noun that repeats a name the story used stands for that thing."""

import pytest

from kg.qa.analysis import analyse
from kg.qa.ask import ask
from kg.qa.lexicon import lexicon
from kg.qa.linking import label_index

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("question, word, label", [
    ("my gp gave me steroid tablets for my lupus, now my legs cramp. could the tablets cause that?", "tablets",
     "Corticosteroids"),
    ("so i was put on water pills for my heart a few months ago and my knee jumps now. are the pills the reason?",
     "pills", "Diuretics"),
])
def test_the_noun_repeating_the_storys_name_stands_for_it(real_store, question, word, label):
    an = analyse(question, label_index(real_store), lexicon(real_store))
    assert any(m.text == word and m.label == label and m.kind == "repeated" for m in an.anchors)


def test_a_definite_noun_the_story_never_used_stays_a_class_word(real_store):
    an = analyse("i take water pills. which drugs cause cramps?", label_index(real_store), lexicon(real_store))
    assert not any(m.kind == "repeated" for m in an.mentions)


@pytest.mark.parametrize("question", ["I started a water pill in May and now my knee twitches. Is the pill to blame?",
                                      "my doctor put me on water tablets and my knee keeps jumping, are the tablets "
                                      "the culprit?"])
def test_a_yes_no_after_a_story_is_answered_yes_or_no_about_what_the_story_named(real_store, question):
    answer = ask(real_store, question)
    assert answer.boolean is True and answer.message.startswith("Yes")
    assert "diuretics" in answer.message.lower() and "as named before" in answer.reading


@pytest.mark.parametrize("question", ["do home remedies such as massage work for everyone",
                                      "will stuff at home like ice packs and stretching help everybody"])
def test_examples_given_with_like_or_such_as_illustrate_the_thing_asked_about(real_store, question):
    """The examples are not asked about (nor unknown): the question is whether home treatments work for everyone, and
    the article says they may not — a "No" it states."""
    answer = ask(real_store, question)
    assert not answer.unknown
    assert answer.boolean is False and "may not work for everyone" in answer.message


def test_an_example_after_a_class_word_is_still_the_thing_asked_about(real_store):
    answer = ask(real_store, "does a drug like prednisone cause twitching")
    assert answer.boolean is True and "corticosteroids" in answer.message.lower()


@pytest.mark.parametrize("question", ["can hrt make your legs go twitchy? been on the estrogen patches since menopause",
                                      "could steroids cause my cramps? been on prednisone since the spring"])
def test_a_question_marked_with_a_question_mark_is_asked_even_before_a_clause_that_opens_like_one(real_store, question):
    an = analyse(question, label_index(real_store), lexicon(real_store))
    assert an.question[0].surface in ("can", "could") and an.yes_no
    assert ask(real_store, question).boolean is True


@pytest.mark.parametrize("question", ["on holiday and drinking a lot of beer in the heat, can alcohol cause knee spasms",
                                      "been sweating a lot at the gym. can creatine cause leg cramps?"])
def test_the_story_does_not_stand_in_for_an_unknown_thing_the_question_asks_about(real_store, question):
    """No "it"/"that" points back: the unknown word (alcohol, creatine) is what is asked, so it is named, not answered."""
    answer = ask(real_store, question)
    assert answer.boolean is not True and answer.declined == "unknown"


@pytest.mark.parametrize("question", ["can sweating buckets working outside in the heat bring on muscle cramps",
                                      "i sweat a lot at work, could that be why my legs cramp"])
def test_sweating_and_the_heat_are_read_as_the_articles_causes(real_store, question):
    answer = ask(real_store, question)
    assert answer.boolean is True
    assert "dehydration" in answer.reading.lower() or "heat exhaustion" in answer.reading.lower()


@pytest.mark.parametrize("question, asked", [
    ("for autoimmune disorders, what medicines do they use", "Autoimmune disorders"),
    ("regarding ALS, which treatments are named", "Amyotrophic lateral sclerosis"),
])
def test_a_fronted_for_or_about_phrase_that_names_a_thing_is_asked_not_told(real_store, question, asked):
    an = analyse(question, label_index(real_store), lexicon(real_store))
    assert asked in [m.label for m in an.anchors], [t.surface for t in an.question]


@pytest.mark.parametrize("question", [
    "for two weeks now, what could make my knee twitch",  # names nothing: about the reader
    "for the cause thats physical or emotional stress, what calming things help",  # how it stands: told
])
def test_a_fronted_phrase_that_names_nothing_or_a_relation_stays_context(real_store, question):
    an = analyse(question, label_index(real_store), lexicon(real_store))
    assert an.question[0].lemma not in ("for",), [t.surface for t in an.question]


def test_medicines_for_a_fronted_condition_are_its_medicines(real_store):
    answer = ask(real_store, "for autoimmune disorders, what medicines do they use")
    assert {"corticosteroids", "immunosuppressants"} <= {a["label"].lower() for a in answer.answers}, answer.message


@pytest.mark.parametrize("question", ["the cold weather make more spasms in the knee or no",
                                      "humidity makes the twitching worse or not?",
                                      "sitting all day gives you cramps or no"])
def test_a_statement_ending_or_not_asks_yes_or_no_and_an_unknown_thing_is_not_stated(real_store, question):
    answer = ask(real_store, question)
    assert answer.boolean is None and answer.declined == "unknown" and "does not mention" in answer.message


def test_a_statement_ending_or_not_about_a_stated_fact_is_a_yes(real_store):
    assert ask(real_store, "caffeine cause twitching or not").boolean is True


@pytest.mark.parametrize("question", ["my leg goes tight like a not can a massage help",
                                      "the back of my thigh seizes up after football would a massage help",
                                      "i drink loads of energy drinks can caffeine cause twitching"])
def test_a_question_run_on_after_a_statement_is_read_as_the_question(real_store, question):
    answer = ask(real_store, question)
    assert answer.boolean is True, answer.reading


@pytest.mark.parametrize("question", ["the twitching in the knee can be a sign of what", "things that can help cramps",
                                      "my doctor said i can take ibuprofen for the pain"])
def test_a_clause_with_an_auxiliary_inside_is_not_split(question):
    from kg.qa.text import run_on, tokenize
    assert len(run_on(tokenize(question))) == 1


@pytest.mark.parametrize("question", ["the twitching in the knee can be the first sign of ALS? i am very worry",
                                      "dehydration can give you cramps? asking for my dad",
                                      "statins can cause spasms? been on them for years"])
def test_a_statement_with_a_question_mark_and_more_after_it_asks_yes_or_no(real_store, question):
    assert ask(real_store, question).boolean is True
