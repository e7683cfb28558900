"""Colloquial words that only say how much, how eagerly or how sure ("guzzling", "tons of", "is that legit"), idioms
for seeing a doctor and everyday names for the article's things ("sporty types", "the sunshine vitamin") no longer
sink a yes/no the article answers; a word that changes what a thing is ("decaf") still does."""

import pytest

from kg.qa.ask import ask

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("question", ["can guzzling coffee all day make my knee twitch",
                                      "does downing energy drinks cause muscle spasms",
                                      "could tons of caffeine be why my knee keeps jumping",
                                      "i have a load of coffee every morning, can that cause knee twitching"])
def test_how_much_or_how_eagerly_is_answered_with_the_articles_qualifier(real_store, question):
    answer = ask(real_store, question)
    assert answer.boolean is True and "high amounts" in answer.message


@pytest.mark.parametrize("question", ["my trainer says dehydration gives you cramps, is that legit",
                                      "heard amphetamines can make muscles spasm, is that legit?"])
def test_is_that_legit_tags_a_claim_asked_yes_or_no(real_store, question):
    answer = ask(real_store, question)
    assert answer.boolean is True and "legit" not in answer.message


@pytest.mark.parametrize("question", ["is swelling a good reason to get it checked out",
                                      "is weakness in my knee a reason to have it checked"])
def test_a_reason_to_get_it_looked_at_asks_whether_it_needs_a_doctor(real_store, question):
    answer = ask(real_store, question)
    assert answer.boolean is True and "medical attention" in answer.message


@pytest.mark.parametrize("question", ["do sporty types get cramps more often",
                                      "are triathletes more prone to muscle spasms",
                                      "are athletic types at a greater risk of spasms"])
def test_kinds_of_sporty_people_are_the_articles_athletes(real_store, question):
    answer = ask(real_store, question)
    assert answer.boolean is True and "athletes" in answer.message.lower()


@pytest.mark.parametrize("question", ["can a lack of the sunshine vitamin cause knee twitching",
                                      "does not enough sunshine vitamin lead to twitchy knees"])
def test_the_sunshine_vitamin_is_vitamin_d(real_store, question):
    answer = ask(real_store, question)
    assert answer.boolean is True and "vitamin" in answer.message.lower()


@pytest.mark.parametrize("question", ["does guzzling decaf cause knee twitching", "can tons of decaf coffee make my knee twitch"])
def test_a_word_that_changes_what_the_thing_is_still_refuses_the_yes(real_store, question):
    answer = ask(real_store, question)
    assert answer.boolean is not True and "decaf" in answer.message


@pytest.mark.parametrize("question", ["would a twitchy knee with slurred speech be a reason to ring the doctor",
                                      "is persistent knee twitching a reason to phone the gp",
                                      "if someone took way too many stimulants do they need emergency care"])
def test_ringing_the_doctor_and_emergency_care_ask_whether_it_needs_a_doctor(real_store, question):
    answer = ask(real_store, question)
    assert "does not mention" not in answer.message and "medical attention" in answer.message


@pytest.mark.parametrize("question", ["are rugby players more prone to cramps", "do weekend warriors get more spasms"])
def test_kinds_of_sportspeople_are_related_to_the_articles_athletes(real_store, question):
    answer = ask(real_store, question)
    assert answer.boolean is True and "athletes" in answer.message.lower()


@pytest.mark.parametrize("question", ["does sipping water all day help with twitchy knees",
                                      "can gulping down energy drinks give me cramps"])
def test_a_manner_of_drinking_leaves_the_drink(real_store, question):
    answer = ask(real_store, question)
    assert answer.boolean is True and "does not mention" not in answer.message


@pytest.mark.parametrize("question", ["is it a myth that stretching helps cramps",
                                      "is it a myth that caffeine makes your knee twitch"])
def test_a_question_turned_round_by_myth_is_never_answered_yes(real_store, question):
    answer = ask(real_store, question)
    assert answer.boolean is not True


@pytest.mark.parametrize("question, deficiency", [("does being short on magnesium make your legs twitch", "magnesium deficiency"),
                                                  ("can a lack of b12 make my knee jump", "vitamin b12 deficiency"),
                                                  ("is lacking calcium a cause of cramps", "calcium deficiency"),
                                                  ("could running low on potassium give me cramps", "potassium deficiency"),
                                                  ("can being deficient in vitamin b6 cause twitching", "vitamin b6 deficiency"),
                                                  ("is being short of vit d behind my knee twitching", "vitamin d deficiency")])
def test_everyday_ways_of_being_low_on_a_nutrient_name_its_deficiency(real_store, question, deficiency):
    answer = ask(real_store, question)
    assert answer.boolean is True and deficiency in answer.message.lower()


@pytest.mark.parametrize("question", ["is B-12 one of the deficiencies linked to knee twitching",
                                      "does low B-6 cause knee twitching",
                                      "can a lack of B-12 make my knee twitch",
                                      "the medicines against seizures are used also for the twitching?",
                                      "do seizure tablets help with muscle twitching",
                                      "are drugs for seizures used for the twitching"])
def test_the_articles_own_short_names_and_plain_names_for_drug_classes(real_store, question):
    assert ask(real_store, question).boolean is True


@pytest.mark.parametrize("question, said", [("what means autoimmune disorder, I don't understand this word", "immune system"),
                                            ("what means ALS", "neurodegenerative"),
                                            ("what means amyotrophic lateral sclerosis please", "nerve cells"),
                                            ("what mean autoimmune disorders", "healthy cells"),
                                            ("what means the word ALS", "progressive"),
                                            ("in the article what means autoimmune", "immune system")])
def test_what_means_x_asks_for_a_definition(real_store, question, said):
    answer = ask(real_store, question)
    assert said in answer.message and "does not cover" not in answer.message


@pytest.mark.parametrize("question", ["been getting twitchy knees for weeks now pretty much non stop, is that something to worry about",
                                      "my knee twitches non stop, is that normal",
                                      "knee jumping non stop for days, should i worry",
                                      "my calf has been cramping non stop all week, is it serious",
                                      "my knee has been twitching non stop, should i be worried",
                                      "my leg spasms non stop at night, is that a worry"])
def test_non_stop_tells_persistence_and_is_no_unknown_word(real_store, question):
    answer = ask(real_store, question)
    assert "does not mention non" not in answer.message and answer.answered, answer.message


@pytest.mark.parametrize("question, label", [("dx approach for dehydration per the diagnosis table", "Physical examination"),
                                             ("dx of vitamin deficiency", "Blood test"),
                                             ("tx for knee twitching", "Proper hydration"),
                                             ("sx of ALS", "Muscle twitching"),
                                             ("ALS mx", "Physical therapy"),
                                             ("investigations for nutrient deficiencies", "Blood test")])
def test_clinicians_shorthand_for_diagnosis_treatment_and_symptoms(real_store, question, label):
    assert label in {a["label"] for a in ask(real_store, question).answers}


@pytest.mark.parametrize("question", ["i get a charley horse behind the knee at night, what brings them on",
                                      "what brings them on",
                                      "my knees twitch at night, what brings that on",
                                      "what brings these spasms on",
                                      "cramps in my calf, what brings those on",
                                      "what usually brings a knee twitch on"])
def test_bring_on_with_its_object_between_asks_the_causes(real_store, question):
    assert "cause" in ask(real_store, question).reading


@pytest.mark.parametrize("question", ["spasms always need doctor?", "do cramps always need doctor",
                                      "muscle spasms always need a doc?", "do all spasms need doctor",
                                      "does every muscle spasm need doctor", "always need doctor for muscle spasms?"])
def test_always_needing_a_doctor_gets_the_articles_stated_no(real_store, question):
    answer = ask(real_store, question)
    assert answer.message.startswith("No") and "without medical intervention" in answer.message, answer.message


@pytest.mark.parametrize("question, said", [("what can a nurse do to prevent muscle spasms", "prevented"),
                                            ("what can a postie do to prevent muscle spasms", "prevented"),
                                            ("what can older people do to avoid knee spasms", "prevented"),
                                            ("what can runners do to stop cramps", "treat"),
                                            ("what can a teacher do to ease knee twitching", "treat"),
                                            ("what can football players do to help cramps", "treat")])
def test_do_to_before_a_verb_is_the_purpose_not_what_it_does_to(real_store, question, said):
    assert said in ask(real_store, question).reading


def test_what_a_thing_does_to_something_is_still_what_it_leads_to(real_store):
    assert "lead to" in ask(real_store, "what does caffeine do to muscles").reading


@pytest.mark.parametrize("question", ["The immunosuppressors, they serve for what in this article?",
                                      "what do corticosteroids serve for",
                                      "immunosuppressors serve for what",
                                      "what do immunosuppressors serve for in the article",
                                      "what are immunosuppressors used for",
                                      "the corticosteroids serve for what?"])
def test_serve_for_asks_what_a_treatment_is_for(real_store, question):
    assert "Autoimmune disorders" in {a["label"] for a in ask(real_store, question).answers}


@pytest.mark.parametrize("question", ["wats the best pre workout that dont give u cramps",
                                      "whats the best pre workout for cramps",
                                      "best preworkout so my knees dont twitch"])
def test_which_pre_workout_product_is_declined(real_store, question):
    assert ask(real_store, question).declined


@pytest.mark.parametrize("question", ["wats causing my knee twitch", "wots causing my knee to twitch",
                                      "what has low impact exercise got to do with knee twitching"])
def test_text_speak_wh_words_and_unhyphenated_low_impact(real_store, question):
    answer = ask(real_store, question)
    assert answer.answered and "Nutrients lacking" not in answer.message, answer.message
