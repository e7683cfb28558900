"""Questions about a condition the article does not cover are declined by name, never answered from part of it."""

import pytest

from kg.qa.ask import ask
from kg.store.embedded import EmbeddedStore

STORE = EmbeddedStore.from_file()


@pytest.mark.parametrize("question, name", [
    ("what is restless legs syndrome and how is it treated", "restless legs syndrome"),
    ("what is bursitis and how do you treat it", "bursitis"),
    ("how do you treat patellofemoral pain syndrome", "patellofemoral pain syndrome"),
    ("what causes carpal tunnel syndrome", "carpal tunnel syndrome"),
    ("is kidney disease a cause of spasms", "kidney disease"),
    ("can epicondylitis make my knee twitch", "epicondylitis"),
    ("what is chronic fatigue syndrome and what are its symptoms", "chronic fatigue syndrome"),
])
def test_another_condition_is_declined_by_name(question, name):
    answer = ask(STORE, question)
    assert answer.declined == "unknown" and not answer.answered and not answer.answers and answer.boolean is None
    assert f"does not cover {name}" in answer.message


@pytest.mark.parametrize("question", [
    "which disease can cause knee twitching",          # the class word, no name
    "does peripheral artery disease raise the risk of spasms",  # a disease the article names
    "how are autoimmune disorders treated",
    "what are the symptoms of lou gehrig's disease",   # a synonym of ALS
])
def test_a_condition_the_article_names_is_answered(question):
    answer = ask(STORE, question)
    assert answer.declined != "unknown" and answer.answered, answer.message


@pytest.mark.parametrize("question, name", [
    ("how do we know if she tore her ACL at netball", "tore acl"),
    ("how long does a sprained wrist take to heal", "sprained wrist"),
    ("what helps after you have broken your collarbone", "broken collarbone"),
])
def test_an_injury_to_what_the_article_never_names_is_declined_by_name(question, name):
    """An injury word before an unknown word is another injury, not the article's "tearing sensation"."""
    answer = ask(STORE, question)
    assert answer.declined == "unknown" and not answer.answered and not answer.answers and answer.boolean is None
    assert f"does not cover {name}" in answer.message


@pytest.mark.parametrize("question", [
    "it feels like something has torn in my thigh, is that a spasm",  # the article's tearing sensation
    "can a torn muscle cause spasms",                                   # muscle: a word of the article
])
def test_an_injury_word_before_a_word_of_the_article_is_not_declined(question):
    assert ask(STORE, question).declined != "unknown"


def test_a_second_question_about_something_else_is_still_answered():
    """Only a second part that points back ("how is *it* treated") is about the condition declined."""
    answer = ask(STORE, "what is fibromyalgia and what causes muscle spasms")
    assert "does not cover fibromyalgia" in answer.message and answer.answered


@pytest.mark.parametrize("question, name", [
    ("what can I do about shin pain when I run", "shin pain"),
    ("how do i get rid of Baker's cyst pain behind the knee", "Baker's cyst pain"),
    ("what's the best way to treat IT band pain after cycling", "IT band pain"),
    ("which sleeping pills stop night cramps", "sleeping pills"),
    ("what helps Osgood-Schlatter pain in a 12 year old", "Osgood-Schlatter pain"),
])
def test_a_kind_of_pain_or_medicine_the_article_never_names_is_declined(question, name):
    """A naming word before the article's pain or a medicine word ("IT band pain", "sleeping pills") is another kind."""
    answer = ask(STORE, question)
    assert answer.declined == "unknown" and not answer.answered and not answer.answers and answer.boolean is None
    assert f"does not cover {name}" in answer.message


@pytest.mark.parametrize("question", [
    "what helps the sharp pain of a knee cramp",       # says how it hurts
    "what helps the stabbing pain of a cramp",
    "which immune-suppressing drugs does the article mention for autoimmune disorders",  # a compound adjective
    "what are good pain tablets for a spasm",
    "can water pills cause knee twitching",
])
def test_words_that_say_how_are_no_other_kind(question):
    answer = ask(STORE, question)
    assert answer.declined != "unknown", answer.message


@pytest.mark.parametrize("question", ["knee locked up while I was out with the horses, what should I do right then",
                                      "calf cramped among the sheep this morning, what can I do when it happens"])
def test_an_animal_where_the_reader_is_is_no_other_subject(real_store, question):
    answer = ask(real_store, question)
    assert not answer.declined and answer.answered, answer.message


def test_an_animals_own_leg_is_still_another_subject(real_store):
    assert "does not cover" in ask(real_store, "the puppy keeps twitching his back leg, what causes that").message


@pytest.mark.parametrize("question", [
    "i groom horses all day and get leg cramps at night, what helps",
    "out on the hills with three dogs and the legs seize up, what can i do",
])
def test_an_animal_the_reader_does_something_with_is_not_the_subject(question):
    from kg.qa.ask import ask
    from kg.store.embedded import EmbeddedStore

    answer = ask(EmbeddedStore.from_file(), question)
    assert answer.declined is None and answer.answers, answer.message


def test_an_animal_that_has_the_spasms_is_still_declined():
    from kg.qa.ask import ask
    from kg.store.embedded import EmbeddedStore

    for question in ("my cat keeps twitching her back leg, what causes that", "is magnesium good for dogs with cramps"):
        assert ask(EmbeddedStore.from_file(), question).declined == "unknown", question


@pytest.mark.unit
@pytest.mark.parametrize("question, named", [
    ("how do i tell if my leg symptoms are preeclampsia rather than normal cramps", "preeclampsia"),
    ("can pre-eclampsia cause leg cramps", "pre-eclampsia"),
    ("got stung by a weever fish on my foot, is that why my leg keeps spasming", "stung"),
    ("i got stung by a wasp on my knee and now it twitches, is that normal", "stung"),
    ("i was bitten by a tick last month, is that why my knee twitches", "bitten"),
    ("my husband has parkinsons, can that give him leg cramps", "parkinsons"),
])
def test_a_sting_a_bite_and_other_conditions_are_declined_by_name(question, named):
    answer = ask(STORE, question)
    assert answer.declined and named in answer.message and not answer.message.startswith(("Yes", "No"))
