"""Everyday phrasing and stories: spoken "cause" for because, a chain of two causes, "on its own" in a why-question,
"quits"/"recover" as wishes for relief — each with phrasings that are not in the batches."""

import pytest

from kg.qa.ask import ask
from kg.store.embedded import EmbeddedStore
from kg.views.labels import labels as names

STORE = EmbeddedStore.from_file()


def labels(answer):
    return {a["label"].lower() for a in answer.answers}


@pytest.mark.parametrize("question", ["why do my legs keep cramping on their own",
                                      "why does my knee twitch all on its own for no reason"])
def test_on_its_own_in_a_why_question_asks_for_causes(question):
    answer = ask(STORE, question)
    assert answer.kind == "list" and "dehydration" in labels(answer), answer.message


@pytest.mark.parametrize("question", ["my thigh keeps twitching, is it cause i dont drink enough water",
                                      "my knee keeps jumping - could it be cause I don't drink enough water?"])
def test_spoken_cause_after_be_is_because(question):
    answer = ask(STORE, question)
    assert answer.boolean is True and "dehydration" in answer.message.lower(), answer.message


@pytest.mark.parametrize("question", ["could not drinking enough water cause my cramps",
                                      "can not drinking enough fluids lead to knee twitching"])
def test_a_cause_of_a_cause_is_a_yes_in_a_way_naming_the_link(question):
    answer = ask(STORE, question)
    assert answer.boolean is True and answer.message.startswith("Yes, in a way"), answer.message
    assert "dehydration can cause" in answer.message.lower()


@pytest.mark.parametrize("question", ["how do i get my knee to quit twitching", "how do i recover from knee spasms",
                                      "I cycle a lot and my thigh twitches after rides, how can I help it recover"])
def test_quit_and_recover_ask_for_what_helps(question):
    answer = ask(STORE, question)
    assert answer.kind == "list" and answer.answered and "treat" in answer.reading, (answer.reading, answer.message)


@pytest.mark.parametrize("question", ["what foods help with muscle cramps",
                                      "what should i be eating so my knee stops jumping around"])
def test_what_to_eat_is_the_nutrients_of_proper_nutrition(question):
    answer = ask(STORE, question)
    assert {"magnesium", "calcium", "potassium"} <= labels(answer), answer.message
    assert "anti-seizure medications" not in labels(answer)


@pytest.mark.parametrize("question", ["is that true, medicramp stops cramp pain in two days?",
                                      "is it really true that medicramp can get rid of the pain of a cramp so fast"])
def test_is_it_true_of_a_claim_is_yes_it_claims_so_never_a_fact(question):
    answer = ask(STORE, question)
    assert answer.boolean is True and answer.message.startswith("Yes, the article claims so"), answer.message
    assert "promotional claim, not an established treatment" in answer.message


def test_a_plain_question_about_the_product_stays_a_claim_without_a_yes():
    answer = ask(STORE, "does medicramp treat cramps")
    assert answer.boolean is None and "claims" in answer.message


@pytest.mark.parametrize("question, sign", [
    ("my dad keeps losing his balance and his knee twitches constantly, should he get it looked at", "balance"),
    ("my mum's knee twitches and she has trouble swallowing, should she get it checked", "swallowing"),
    ("my calf cramps so bad i can hardly walk some days, should i get it checked", "daily activities"),
])
def test_get_it_checked_after_a_story_of_signs_is_a_yes_naming_the_sign(question, sign):
    """"Get it checked/looked at" is the warning frame (not the entity 'evaluation by a professional')."""
    answer = ask(STORE, question)
    assert answer.boolean is True and sign in answer.message.lower(), answer.message


@pytest.mark.parametrize("question", ["my legs cramp every night, what is causing that",
                                      "I lay bricks in the sun all day and my thighs spasm. what might be causing it"])
def test_what_is_causing_it_asks_for_causes_not_effects(question):
    """"Causing" is the verb (what causes it), not the noun frame "cause of" read the other way round."""
    answer = ask(STORE, question)
    assert answer.reading.startswith("I read this as: what can cause") and "dehydration" in labels(answer)


@pytest.mark.parametrize("question", ["I have like five espressos a day and my knee keeps jumping, what could I try",
                                      "been living on coffee this month and my thigh twitches, anything i can try?"])
def test_what_can_i_try_after_a_story_is_what_to_do_with_the_advice_for_the_cause(question):
    answer = ask(STORE, question)
    assert answer.answered and "reduce your intake and monitor" in answer.message, answer.message


@pytest.mark.parametrize("question", ["how do i sort out dehydration", "what's the remedy for being dehydrated"])
def test_hydration_goes_by_the_articles_own_words_for_it(question):
    """The article's table says "drink water throughout the day" for what it elsewhere calls staying hydrated: one
    remedy, and its names carry both wordings (facts/entities.yaml)."""
    answer = ask(STORE, question)
    hydration = [a for a in answer.answers if a["label"] == "Proper hydration"]
    assert hydration, answer.message
    assert "drink water throughout the day" in [n.lower() for n in names(STORE).names(hydration[0]["iri"])]


@pytest.mark.parametrize("question", ["what increases your chances of getting cramps", "muscle spasm risk factors pls"])
def test_the_age_risk_factor_is_named_as_the_article_names_it(question):
    """The risk factor list says "Age – older adults are more prone": the answer says who, not only "older age"."""
    answer = ask(STORE, question)
    assert any("older adults" in label for label in labels(answer)), answer.message


@pytest.mark.parametrize("question", ["what should a symptom record include", "what does a twitching log cover"])
def test_what_a_thing_includes_may_be_its_parts(question):
    """The article gives no examples of a symptom record but its parts (frequency, duration, associated symptoms)."""
    answer = ask(STORE, question)
    assert {"frequency of the twitching", "duration of the twitching"} <= labels(answer), answer.message


@pytest.mark.parametrize("question", ["what sort of exercise keeps cramps at bay", "which workouts keep knee twitching away"])
def test_keeping_it_away_is_preventing_it_and_exercise_is_the_articles_appropriate_exercise(question):
    answer = ask(STORE, question)
    assert {"stretching exercises", "strengthening exercises"} & labels(answer) or "appropriate exercise" in labels(answer), \
        answer.message


@pytest.mark.parametrize("question", ["what's the first thing to do when your calf cramps up",
                                      "what can be done when a leg cramp hits"])
def test_the_first_thing_to_do_asks_what_to_do(question):
    answer = ask(STORE, question)
    assert {"stopping the triggering activity", "stretching exercises"} <= labels(answer), answer.message


@pytest.mark.parametrize("question", ["how can my son stop his legs getting cramps at football",
                                      "how do we stop the team from getting spasms in training"])
def test_stopping_someone_getting_it_is_preventing_it(question):
    answer = ask(STORE, question)
    assert "prevent" in answer.reading and "appropriate footwear" in labels(answer), answer.reading
