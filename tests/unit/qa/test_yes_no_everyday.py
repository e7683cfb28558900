"""Yes/no questions in everyday words the article states a fact for (kg.qa.second_opinion with the lexicon's lay words
and relation words: "pushing myself too hard", "extra stone", "wound up", "a factor", "mess with", a drug's name
misspelt by its first letter), and the trust side of the same class: a related word is no name of the article's
(kg.qa.by_name), a flare of another condition is another condition (kg.qa.coverage), a mechanism at a finer level
than the article's is not stated (kg.qa.finer), a story's denied thing is not what "that" points to (kg.qa.denied), a
reported yes/no handed to the article is answered (kg.qa.reported). New phrasings, in no batch."""

import pytest

from kg.qa.ask import ask
from kg.store.embedded import EmbeddedStore

STORE = EmbeddedStore.from_file()


@pytest.mark.parametrize("question", [
    "does pushing yourself too hard make you more prone to spasms",
    "can pushing myself too hard at the gym raise my risk of cramps",
    "is carrying extra stone a risk for muscle spasms",
    "could a few extra kilos be a risk for cramping",
    "can being wound up make my knee twitching worse",
    "is getting older a factor for muscle spasms",
    "is ageing actually a factor in leg cramps",
    "can dehydration mess with your potassium",
    "can kortisone cause muscle cramps",
    "can spasms be a sign of poor circulation",
])
def test_everyday_words_for_a_stated_fact_are_answered_yes(question):
    answer = ask(STORE, question).to_dict()
    assert answer.get("boolean") is True, answer["message"]


@pytest.mark.parametrize("question", [
    "does the article specifically recommend sports drinks",
    "does it mention sports drinks for cramps",
    "does it name tea as something that causes twitching",
    "does the article recommend sports drinks to stop spasms",
    "does it specifically suggest sports drinks or salt tablets",
    "is tea specifically named as a cause of knee twitching",
])
def test_a_related_word_is_no_name_of_the_articles(question):
    answer = ask(STORE, question).to_dict()
    assert answer.get("boolean") is None, answer["message"]
    assert not answer["message"].startswith(("Yes", "No")), answer["message"]
    assert "does not name" in answer["message"] or "does not mention" in answer["message"], answer["message"]


def test_a_related_word_still_answers_a_question_about_the_world():
    assert ask(STORE, "does a hot water bottle help cramps").to_dict().get("boolean") is True


@pytest.mark.parametrize("question", [
    "what diet calms a gout flare",
    "how do I settle a psoriasis flare-up",
    "which foods are best during a crohns flare",
    "does magnesium help an eczema flare",
    "what should I eat in a colitis flare up",
    "best supplements for a lupus flare",
])
def test_a_flare_of_another_condition_is_declined(question):
    answer = ask(STORE, question).to_dict()
    assert answer.get("boolean") is None and not answer["answered"], answer["message"]
    assert "does not cover" in answer["message"], answer["message"]


def test_the_articles_autoimmune_disorders_are_still_answered_for_lupus():
    answer = ask(STORE, "can autoimmune disorders like lupus cause knee twitching").to_dict()
    assert answer.get("boolean") is True, answer["message"]


@pytest.mark.parametrize("question", [
    "does the article explain the cellular mechanism of how dehydration causes cramps",
    "what is the molecular mechanism by which magnesium deficiency causes twitching",
    "does it go into the biochemical process, like ATP, of how low potassium causes spasms",
    "is the neuromuscular pathway explained for how calcium deficiency causes cramps",
    "does it give the enzymatic mechanism, such as sodium pumps, for how dehydration leads to spasms",
    "does it explain the ionic mechanism of how low calcium causes spasms",
])
def test_a_finer_mechanism_than_the_articles_is_not_stated(question):
    answer = ask(STORE, question).to_dict()
    assert not answer["answered"] and answer.get("boolean") is None, answer["message"]


@pytest.mark.parametrize("question", [
    "how does dehydration cause cramps",
    "through what mechanism does dehydration lead to spasms",
])
def test_the_articles_own_mechanism_is_still_described(question):
    assert ask(STORE, question).to_dict()["answered"]


@pytest.mark.parametrize("question", [
    "my brother with ALS asked me whether it can be cured. what does the article say",
    "a friend with ALS asked if there is a cure. what does it say",
    "my aunt who has ALS wants to know whether ALS is curable. what does the article say about that",
    "is ALS healable",
    "my grandad has ALS, is it healable",
    "one of my patients with ALS asked me if there is a cure. what does the text say",
])
def test_a_cure_the_article_denies_is_answered_no(question):
    answer = ask(STORE, question).to_dict()
    assert answer.get("boolean") is False, answer["message"]


@pytest.mark.parametrize("question", [
    "i'm borderline, not diabetic yet, does that count as a risk for cramps",
    "my doctor says i'm pre-diabetic, not diabetic, is that a risk for spasms",
    "i'm not on statins, just red yeast rice, could that cause cramps",
    "i'm not taking diuretics, could that be why my legs cramp",
    "my mum has prediabetes not diabetes, does that put her at risk of spasms",
    "im not obese just a bit chunky, is that a risk for cramps",
])
def test_a_thing_the_story_denies_gives_no_yes(question):
    answer = ask(STORE, question).to_dict()
    assert answer.get("boolean") is not True, answer["message"]


@pytest.mark.parametrize("question", [
    "3 red bulls a day and my knee twitches, would cutting down help",
    "lots of coffee, twitchy knee. cut back?",
    "i live on energy drinks and my knee jumps, is cutting down worth it",
    "caffeine + knee spasm, cutting back help?",
    "drinking heaps of coffee and my knee twitches. does cutting down help",
    "i drink a lot of tea and my knee twitches, would cutting down help",
])
def test_cutting_down_with_no_thing_after_it_cuts_the_stimulant_named(question):
    answer = ask(STORE, question).to_dict()
    assert answer.get("boolean") is True, answer["message"]
    assert "stimulant reduction" in answer["message"], answer["message"]


@pytest.mark.parametrize("question", [
    "can excessive coffee give you knee twitches",
    "do ballet shoes matter for preventing cramps",
    "do sports shoes make a difference to getting spasms",
    "i cut fluids before a weigh-in, could that be why my legs cramp",
    "barely drinking all week, could that cause muscle spasms",
    "do most cramps require medical intervention",
])
def test_more_everyday_words_reach_a_stated_fact(question):
    answer = ask(STORE, question).to_dict()
    assert answer.get("boolean") is not None, answer["message"]


@pytest.mark.parametrize("question", [
    "home treatments work for everybody??",
    "stretching works for everyone?",
    "heat packs work for every person?",
    "will the home remedies work for every child",
    "massage works for all kids?",
    "would the home stuff work for every kid",
])
def test_a_universal_asked_as_a_statement_is_answered_by_the_articles_not_always(question):
    answer = ask(STORE, question).to_dict()
    assert answer.get("boolean") is False, answer["message"]
    assert "may not work for everyone" in answer["message"]


@pytest.mark.parametrize("question", [
    "cramps happen to everyone?",
    "everyone gets knee twitching?",
])
def test_a_universal_the_article_does_not_deny_gets_no_no(question):
    assert ask(STORE, question).to_dict().get("boolean") is not False


@pytest.mark.parametrize("question", [
    "can cramps be a sign of poor circulation or hormones",
    "could spasms point to a circulation problem, or metabolism",
    "are spasms sometimes a symptom of circulation problems or nerves",
])
def test_a_word_of_the_articles_sentence_is_no_unmentioned_thing(question):
    assert ask(STORE, question).to_dict().get("boolean") is True
