"""Yes/no asked in shorthand or everyday words (kg.qa.telegraphic, kg.qa.sited, kg.qa.dictated, the lexicon's
"set * off" and "coincidence"): a yes only where the article states the relation, with its qualifiers; never a "no" it
does not state. New phrasings, in no batch."""

import pytest

from kg.qa.ask import ask
from kg.qa.dictated import misheard_head
from kg.store.embedded import EmbeddedStore

STORE = EmbeddedStore.from_file()


def _yes(question: str, said: str) -> None:
    answer = ask(STORE, question).to_dict()
    assert answer.get("boolean") is True, answer["message"]
    assert answer["message"].startswith("Yes") and said in answer["message"].lower(), answer["message"]
    assert answer["evidence"], "a yes quotes the article"


def _not_stated(question: str) -> None:
    answer = ask(STORE, question).to_dict()
    assert answer.get("boolean") is None, answer["message"]
    assert "does not say" in answer["message"] or "does not mention" in answer["message"], answer["message"]


@pytest.mark.parametrize("question, said", [
    ("diabetes cramp risk", "diabetes"),
    ("statins spasm risk", "statins"),
    ("stress twitching trigger", "stress"),
    ("pregnancy cramps risk", "pregnancy"),
    ("dehydration knee spasm cause", "dehydration"),
    ("age spasm risk", "age"),
])
def test_two_ends_then_a_relation_noun_ask_yes_or_no(question, said):
    _yes(question, said)


def test_the_shorthand_never_says_yes_for_a_relation_the_article_does_not_state():
    _not_stated("yoga spasm risk")  # yoga helps prevent: no risk, and no "no" either


def test_one_thing_then_a_plural_noun_is_still_a_list():
    answer = ask(STORE, "knee spasm causes").to_dict()
    assert answer["kind"] == "list" and answer.get("boolean") is None


@pytest.mark.parametrize("question, said", [
    ("can stress set my knee off", "stress"),
    ("could the diuretics be setting my knee off", "diuretics"),
    ("i drink loads of coffee, could that be setting my knee off", "caffeine"),
    ("can caffeine set my knee off", "high amounts"),  # the article's qualifier kept
    ("is all that repetitive motion setting my knee off", "repetitive"),
    ("I'm really stressed lately, could that set my knee off twitching", "stress"),
])
def test_a_body_part_set_off_is_the_topics_condition_there(question, said):
    _yes(question, said)


def test_a_body_part_set_off_by_what_the_article_says_helps_is_not_a_yes():
    _not_stated("could stretching be setting my knee off")


@pytest.mark.parametrize("question, said", [
    ("is it a coincidence my cramps began after I started statins", "statins"),
    ("i started water pills last week and now my legs cramp, coincidence?", "diuretics"),
    ("my knee jumps since I went on the water tablets, is that a coincidence", "diuretics"),
])
def test_a_coincidence_asks_whether_the_article_states_the_cause(question, said):
    _yes(question, said)


@pytest.mark.parametrize("question", [
    "my knee twitches and I've been taking magnesium, is that a coincidence",
    "is it a coincidence my spasms started when I began yoga",
])
def test_a_coincidence_of_what_the_article_does_not_say_causes_it_is_not_stated(question):
    _not_stated(question)


@pytest.mark.parametrize("question, said", [
    ("can corner steroids cause cramps", "corticosteroids"),
    ("cortex steroids knee twitch", "corticosteroids"),
    ("corner steroids and muscle twitching", "corticosteroids"),
])
def test_a_long_name_heard_as_a_word_and_its_ending_is_joined(question, said):
    _yes(question, said)


@pytest.mark.parametrize("question", ["why do muscle spas ems happen", "what are the risk factors for muscle spas ems"])
def test_a_plural_heard_as_two_rare_pieces_is_joined(question):
    answer = ask(STORE, question).to_dict()
    assert answer["kind"] == "list" and answer["answers"], answer["message"]
    assert "spas ems" in answer["corrections"], answer["corrections"]


def test_misheard_head_needs_the_ending_whole_and_the_head_begun_alike():
    assert misheard_head(["corner", "steroids"], "corticosteroids")
    assert not misheard_head(["steroid", "cream"], "corticosteroids")
    assert not misheard_head(["muscle", "cramps"], "musclecramps")


@pytest.mark.parametrize("question", [
    "knee twitch normal?",
    "twitchy knee at night normal?",
    "knee twitching normal?",
])
def test_a_telegraphic_normal_is_the_articles_occasional_common(question):
    _yes(question, "occasional")


def test_a_telegraphic_normal_told_persistent_is_no_yes():
    answer = ask(STORE, "twitchy knee for weeks normal?").to_dict()
    assert answer.get("boolean") is not True and answer.get("boolean") is not False, answer["message"]


@pytest.mark.parametrize("question, said", [
    ("i lay bricks in hot rooms and don't drink much, could that bring on cramps", "dehydration"),
    ("on my feet in a hot room all shift and not drinking enough. can that cause spasms", "dehydration"),
    ("I don't drink enough at work, could that be why my knee twitches", "dehydration"),
    ("i sit in a hot room reading all day, can that bring on cramps", "heat exhaustion"),
    ("doing the same moves on the line all day, could that give me cramps", "repetitive"),
    ("could repeating the same moves at work be the reason for my cramps", "repetitive"),
])
def test_a_story_told_in_everyday_words_then_can_that_cause_it(question, said):
    _yes(question, said)


@pytest.mark.parametrize("question", [
    "will the home remedies in the article work for everyone",
    "do the home treatments in the article work for all people",
    "are the home remedies from the article going to work for everybody",
    "will the home treatments in the article help everyone",
    "do the home remedies of the article work for every person",
])
def test_a_verb_after_in_the_article_is_the_things_own(question):
    """"the remedies *in the article* work": the article is no subject that reports, so "work for" is the relation —
    and "for everyone" is answered by the negation the article states."""
    answer = ask(STORE, question).to_dict()
    assert answer.get("boolean") is False and "not work for everyone" in answer["message"], answer["message"]


def test_a_verb_after_in_the_article_keeps_a_plain_yes():
    _yes("can the home remedies in the article help my cramps", "home treatments")


@pytest.mark.parametrize("question, said", [
    ("magnesium low cramps link?", "magnesium deficiency"),
    ("can vitamin D being low cause knee twitching", "vitamin d deficiency"),
    ("my b12 levels are low, could that cause twitching", "vitamin b12 deficiency"),
    ("potassium getting low cramps?", "potassium deficiency"),
    ("calcium low → leg cramps?? connected", "calcium deficiency"),
    ("could my vit d being too low make my knee twitch", "vitamin d deficiency"),
])
def test_a_level_said_after_its_nutrient_is_its_deficiency(question, said):
    _yes(question, said)


def test_low_after_a_word_that_names_no_deficiency_is_left_alone():
    answer = ask(STORE, "is my mood low because of cramps").to_dict()
    assert answer.get("boolean") is None and "mood" in answer["message"], answer["message"]


@pytest.mark.parametrize("question, said", [
    ("cramp painkillers help?", "pain relievers can help"),
    ("spasm stretching helps?", "stretching exercises can help"),
    ("knee twitch massage help?", "massage can help"),
    ("leg cramps heat packs help?", "heat or cold therapy can help"),
    ("cramps hydration helps?", "proper hydration can help"),
    ("twitching stress worsen?", "stress can make muscle twitching worse"),
])
def test_both_named_before_the_verb_the_kinds_decide_who_acts(question, said):
    """Shorthand with both things before the verb marks no subject: the reading the article states is asked, not the
    condition helping the remedy."""
    _yes(question, said)


def test_both_named_before_the_verb_without_a_stated_relation_is_not_stated():
    _not_stated("cramp magnesium cause?")
