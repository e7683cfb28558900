"""What a pronoun stands for when a story names several things: the one the others are said of. Phrasings of our
own, not a blind batch's."""

import pytest

from kg.qa.ask import ask


@pytest.mark.parametrize("question", [
    "severe cramps with weakness and tremors - what does it mean",
    "really bad spasms along with numbness and tremors, what does that point to",
])
def test_a_pronoun_for_several_told_things_stands_for_the_one_the_others_are_said_of(real_store, question):
    answer = ask(real_store, question)
    assert "severe muscle spasm" in answer.reading.lower(), answer.reading
    assert any("underlying health condition" in e["quote"] for e in answer.evidence)


@pytest.mark.parametrize("question, expected", [
    ("which serious illnesses can twitching in the knee be a sign of", "amyotrophic lateral sclerosis"),
    ("what dangerous conditions is knee twitching a symptom of", "autoimmune disorders"),
])
def test_a_serious_word_before_the_asked_class_says_which_things_not_is_it_serious(real_store, question, expected):
    """"what *serious* conditions can it be a symptom of": the word picks the things asked for; the relation asks."""
    answer = ask(real_store, question)
    assert answer.kind == "list" and expected in {a["label"].lower() for a in answer.answers}, answer.message


@pytest.mark.parametrize("question", [
    "is a charley horse any different from a cramp",
    "how does a cramp differ from a spasm, or are they the same",
])
def test_the_difference_between_two_words_for_one_thing_is_not_stated(real_store, question):
    """Both words name muscle spasm: the article never tells them apart, so it does not say (not a definition)."""
    answer = ask(real_store, question)
    assert "does not say how" in answer.message and answer.boolean is None and not answer.answers, answer.message


@pytest.mark.parametrize("question", ["whats a charley horse", "what's an autoimmune disorder"])
def test_whats_asks_what_a_thing_is(real_store, question):
    """"whats" is "what is": the definition, as for "what is a charley horse"."""
    assert ask(real_store, question).reading.startswith("I read this as: what "), ask(real_store, question).reading
    answer = ask(real_store, question)
    assert any(d in answer.message for d in ("sudden, involuntary contractions", "immune system mistakenly attacks")), \
        answer.message


@pytest.mark.parametrize("question, defined", [
    ("coffee lover here, give me the definition of a muscle spasm", "sudden, involuntary contractions"),
    ("my physio keeps saying it, what is the meaning of autoimmune disorders", "immune system mistakenly attacks"),
])
def test_a_definition_is_of_the_thing_named_right_after_the_definition_word(real_store, question, defined):
    """Something else named first (a lay word in a self-description) is not what is to be defined."""
    answer = ask(real_store, question)
    assert defined in answer.message, answer.message


@pytest.mark.parametrize("question, expected", [
    ("what home remedies could my mum use for her cramps", {"heat or cold therapy", "massage"}),
    ("which stress reduction techniques are in there", {"yoga", "deep breathing exercises"}),
    ("what stimulants does it talk about", {"caffeine", "amphetamines"}),
])
def test_what_kind_with_no_relation_word_lists_the_kinds_examples(real_store, question, expected):
    answer = ask(real_store, question)
    assert answer.kind == "list" and expected <= {a["label"].lower() for a in answer.answers}, answer.message


@pytest.mark.parametrize("question", [
    "how many muscles does it say to stretch for cramps",
    "stretching for knee twitch - how many muscles does it cover",
])
def test_how_many_muscles_to_stretch_counts_the_parts_the_stretches_work(real_store, question):
    answer = ask(real_store, question)
    assert answer.kind == "count" and answer.count == 3, answer.message


@pytest.mark.parametrize("question", [
    "how many stress management techniques does it give",
    "relaxation techniques for knee twitch, how many are listed",
])
def test_how_many_stress_techniques_counts_the_kinds(real_store, question):
    answer = ask(real_store, question)
    assert answer.count == 4 or " 4 " in answer.message, answer.message


@pytest.mark.parametrize("question", ["how quickly is medicramp supposed to relieve cramps",
                                      "in what time frame does medicramp relieve cramp pain"])
def test_how_fast_a_named_thing_works_is_its_duration_kept_as_a_claim(real_store, question):
    """"How quickly", "time frame": how long, of the thing named before the verb — Medicramp's 48 hours, a claim."""
    answer = ask(real_store, question)
    assert "48 hours" in answer.message and "claim" in answer.message, answer.message


@pytest.mark.parametrize("question, expected", [
    ("stimulants that cause twitching, which ones are they", {"caffeine", "amphetamines"}),
    ("there is one autoimmune disorder mentioned by name, what is it", {"neuromyotonia"}),
    ("what three stimulants does it mention", {"caffeine", "amphetamines"})])
def test_a_kind_told_and_asked_for_by_a_pronoun_or_a_number_is_answered_with_its_examples(real_store, question, expected):
    """"The stimulants it lists … which are they", "what's it called", "what two stimulants": the kind's examples."""
    assert {a["iri"].rsplit("/", 1)[-1] for a in ask(real_store, question).answers} == expected


def test_what_they_are_for_is_not_which_they_are(real_store):
    answer = ask(real_store, "my rheumatologist mentioned immunosuppressants. what are they for, according to this?")
    assert answer.reading.startswith("I read this as: what can immunosuppressants help with")


def test_what_to_do_about_a_named_cause_lists_what_the_article_advises_for_it(real_store):
    answer = ask(real_store, "which stimulants does it name, and what should be done about them")
    assert {"caffeine", "amphetamines", "stimulant-reduction"} <= {a["iri"].rsplit("/", 1)[-1] for a in answer.answers}


@pytest.mark.parametrize("question, expected", [
    ("what ways to calm down would help my jumpy knee", {"yoga", "meditation"}),
    ("which stress management techniques help with twitching", {"deep-breathing-exercises", "mindfulness"})])
def test_a_therapy_asked_for_by_its_kind_with_a_relation_word_is_answered_with_its_kinds(real_store, question, expected):
    """"What ways of calming down does it suggest to help the twitching": the ways are the techniques it names."""
    assert expected <= {a["iri"].rsplit("/", 1)[-1] for a in ask(real_store, question).answers}


@pytest.mark.parametrize("question, defined", [
    ("which definition does the text use for ALS", "progressive neurodegenerative disease"),
    ("what's the article's definition for an autoimmune disorder", "immune system mistakenly attacks"),
    ("what exact definition does the page offer for a muscle spasm", "sudden, involuntary contractions"),
])
def test_a_definition_asked_by_the_question_word_is_no_relation_of_the_verb_after_it(real_store, question, defined):
    """"What *definition* does it give for X": the article gives the definition; "give for" asks no treatment."""
    answer = ask(real_store, question)
    assert defined in answer.message, (answer.reading, answer.message[:200])
