"""Descriptive questions answered from the article's own words (qa-46): what to do about a stimulant overdose however
it is said, how soon Medicramp acts, what an example of a cause ends in, which of two causes the article puts first,
the test for a deficiency said in everyday words, and which treatment comes first said with lifestyle "stuff".
Phrasings of our own, not a blind batch's."""

import pytest

from kg.qa.ask import ask
from kg.store.embedded import EmbeddedStore

pytestmark = pytest.mark.unit

STORE = EmbeddedStore.from_file()


@pytest.mark.parametrize("question", [
    "my mate took too much of stimulant, what should we do",
    "stimulant OD - what does the article say to do",
    "what should you do after an over dose of stimulants",
    "if someone overdid it on the stimulants, like really overdo it on the stimulants, what then should they do",
    "what do i do if i overdo the stimulants",
    "suspected stimulant od, what action should be taken",
])
def test_a_stimulant_overdose_said_in_everyday_words_gets_immediate_medical_attention(question):
    answer = ask(STORE, question)
    assert "immediate medical attention" in answer.message, answer.message


@pytest.mark.parametrize("question", [
    "how much time does medicramp take to work",
    "medicramp, how much time until it starts working to work",
    "how much time does Medicramp need to kick in",
    "how much time will medicramp take to take effect",
    "medicramp how much time for it to work",
    "how much time it take for work, the medicramp",
])
def test_how_soon_medicramp_acts_is_the_claimed_48_hours_not_a_dose(question):
    answer = ask(STORE, question)
    assert answer.declined != "dose", answer.message
    assert "48 hours" in answer.message and "claim" in answer.message, answer.message


@pytest.mark.parametrize("question", [
    "how much time should I rest before training again",
    "how many minutes should I ice it",
])
def test_a_schedule_for_a_person_stays_declined(question):
    assert ask(STORE, question).declined == "dose"


@pytest.mark.parametrize("question, cause", [
    ("what can overdoing training lead to", "Tense or poorly conditioned muscles"),
    ("what does overexertion during exercise end up causing", "Tense or poorly conditioned muscles"),
    ("what can working in high heat without drinking enough lead to", "Heat exhaustion"),
    ("what does working in the heat without drinking enough cause", "Heat exhaustion"),
    ("what can not drinking enough fluids lead to", "Dehydration"),
    ("what does working in high temperatures without proper hydration result in", "Heat exhaustion"),
])
def test_an_example_of_a_cause_is_followed_on_to_the_spasms(question, cause):
    answer = ask(STORE, question)
    assert cause in {a["label"] for a in answer.answers}, answer.message
    assert f"{cause} in turn can cause" in answer.message and "spasm" in answer.message.split("in turn")[1], answer.message


def test_a_cause_that_names_the_spasms_itself_is_not_followed_on():
    answer = ask(STORE, "what can dehydration lead to")
    assert "in turn" not in answer.message


@pytest.mark.parametrize("question", [
    "is knee twitching more often from tiredness or from ALS",
    "is a twitching knee more likely from fatigue or from ALS",
    "which is more common for a twitchy knee, fatigue or something like ALS",
    "knee spasms: more often down to fatigue or to ALS?",
    "is it more likely that knee twitching comes from fatigue or from ALS",
    "are knee cramps more commonly due to fatigue or something serious like ALS",
])
def test_fatigue_or_als_the_article_puts_muscle_fatigue_first(question):
    answer = ask(STORE, question)
    assert answer.boolean is None, answer.message
    assert "puts muscle fatigue first" in answer.message and "often a result of muscle fatigue" in answer.message, \
        answer.message


@pytest.mark.parametrize("question", [
    "what test tells me if im deficient",
    "what test could tell whether i am deficient",
    "which test shows if you're deficient",
    "what test checks if you are deficient",
    "my diet is rubbish, what test would show im deficient",
    "which test does the article name to check if im deficient",
])
def test_a_deficiency_said_in_everyday_words_is_found_by_a_blood_test(question):
    answer = ask(STORE, question)
    assert "Blood test" in {a["label"] for a in answer.answers}, answer.message


@pytest.mark.parametrize("question", [
    "do doctors start with tablets or lifestyle stuff",
    "what comes first, medication or changes in lifestyle",
    "should i try lifestyle things first or go straight to pills",
    "is it pills first or changes in your lifestyle first for knee twitching",
    "what should be tried first: changes in the lifestyle or medicines",
    "lifestyle stuff or meds, which do they try first",
])
def test_lifestyle_stuff_first_is_the_article_s_first_line(question):
    answer = ask(STORE, question)
    assert "Non-medical lifestyle changes" in {a["label"] for a in answer.answers}, answer.message
    assert "first line of treatment" in answer.message


@pytest.mark.parametrize("question", [
    "is my knee twitch more likely from overtraining or from ALS",
    "knee twitching: overdoing it or something nasty like ALS, which is more likely",
    "are knee spasms more often from overexertion or something serious like ALS",
    "which is more likely for a twitchy knee, overexertion or ALS",
    "is overtraining or ALS more often behind knee twitching",
    "what's more likely with a jumpy knee, overexertion or something like ALS",
])
def test_two_causes_it_ranks_neither_get_what_it_calls_usual(question):
    answer = ask(STORE, question)
    assert answer.boolean is None, answer.message
    assert "often a result of muscle fatigue or strain" in answer.message, answer.message


def test_two_treatments_compared_get_no_usual_cause():
    answer = ask(STORE, "is stretching or massage better for muscle spasms")
    assert "what is usual" not in answer.message


@pytest.mark.parametrize("question, words", [
    ("what mechanism does the article give for dehydration causing twitching", "deplete"),
    ("what mechanism does the article give for autoimmune disorders causing spasms", "mistakenly attacks healthy cells"),
    ("through what mechanism do stimulants like caffeine cause knee twitching", "overstimulate the muscles"),
    ("by what mechanism do amphetamines and other stimulants bring about knee spasms", "overstimulate the muscles"),
    ("give me a short explanation of how autoimmune disorders lead to muscle twitching", "mistakenly attacks healthy cells"),
    ("quick summary of how stimulants lead to knee twitching please", "overstimulate the muscles"),
])
def test_a_mechanism_asked_by_name_or_how_is_the_article_s_link(question, words):
    answer = ask(STORE, question)
    assert words in answer.message, answer.message


@pytest.mark.parametrize("question", [
    "how does drinking water help with cramps",
    "how does staying hydrated help my muscles",
    "how does hydration help against cramps",
    "how does proper hydration help stop spasms",
    "how does keeping hydrated actually help",
    "what does drinking water do for knee twitching",
])
def test_how_hydration_helps_is_in_the_article_s_words(question):
    answer = ask(STORE, question)
    assert "replenish electrolytes and minerals" in answer.message or "maintaining electrolyte balance" in answer.message, \
        answer.message


@pytest.mark.parametrize("question", [
    "does ALS go away by itself",
    "will ALS clear up on its own",
    "does ALS come and go",
    "can ALS sort itself out",
    "does amyotrophic lateral sclerosis resolve on its own",
    "als - does it go away on its own or not",
])
def test_a_progressive_disease_is_never_a_yes_it_goes_away(question):
    answer = ask(STORE, question)
    assert answer.boolean is not True and not answer.message.startswith(("Yes", "No")), answer.message
    assert "progressive" in answer.message, answer.message


@pytest.mark.parametrize("question", [
    "does muscle fatigue go away by itself",
    "do tired muscles sort themselves out",
    "will a strained muscle get better on its own",
    "does muscle strain clear up on its own",
    "do fatigued muscles resolve on their own",
    "muscle fatigue: does it go away on its own",
])
def test_no_course_stated_but_what_helps_is_quoted(question):
    answer = ask(STORE, question)
    assert answer.boolean is None, answer.message
    assert "time is often the best remedy" in answer.message, answer.message


def test_spasms_themselves_still_usually_resolve():
    answer = ask(STORE, "do muscle spasms go away on their own")
    assert answer.boolean is True and "resolve on their own" in answer.message


@pytest.mark.parametrize("question", [
    "why are pregnant women more likely to get spasms",
    "why does pregnancy cause cramps",
    "why do expectant mothers get more muscle spasms",
    "are pregnant women more prone to cramps, and why",
    "how does being pregnant lead to muscle spasms",
    "what reason does the article give for pregnant women getting spasms more",
])
def test_why_pregnancy_is_the_article_s_reason(question):
    answer = ask(STORE, question)
    text = answer.message + " ".join(e["quote"] for e in answer.evidence)
    assert "hormonal changes and added weight" in text, answer.message


@pytest.mark.parametrize("question", [
    "do muscle spasms last 48 hours",
    "can a spasm last 3 days",
    "can cramps go on for two hours",
    "can a knee spasm last 24 hours",
    "do spasms ever last five minutes",
    "can a cramp last 10 seconds",
])
def test_a_number_of_hours_the_article_never_gives_is_no_yes(question):
    answer = ask(STORE, question)
    assert answer.boolean is None and not answer.message.startswith(("Yes", "No")), answer.message
    assert "no figure like that" in answer.message, answer.message


def test_hours_without_a_number_are_still_a_yes():
    assert ask(STORE, "can a spasm last for hours").boolean is True
