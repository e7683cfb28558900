"""Yes/no shapes readers use: the condition inside a longer name, "part of why", and the article's own words."""

import pytest

from kg.qa.ask import ask

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("question", ["could stress be making my knee twitches worse?",
                                      "does emotional stress make knee twitching worse"])
def test_a_yes_carries_the_articles_verb_when_stated_for_the_condition_inside_the_name(real_store, question):
    """The article says stress can *exacerbate* muscle twitching: stated along the relation asked, for the condition the
    longer name ("knee twitch") is a form of, beats "stress can cause muscle spasm" along a nearby relation."""
    answer = ask(real_store, question)
    assert answer.boolean is True and "exacerbate" in answer.message
    assert not answer.message.startswith("Yes, in a way")


def test_a_test_inside_a_tests_name_is_no_stand_in(real_store):
    """"Blood test" is not "tests": no yes about ALS from what the article says of additional tests."""
    answer = ask(real_store, "does a blood test diagnose ALS")
    assert answer.boolean is not True


@pytest.mark.parametrize("question", ["I'm 6 months pregnant and have cramps every day. is the pregnancy part of the reason?",
                                      "im pregnant and my calves cramp all the time, is being pregnant part of why"])
def test_part_of_why_after_a_story_is_a_yes_no_about_the_cause(real_store, question):
    answer = ask(real_store, question)
    assert answer.boolean is True and "pregnan" in answer.message.lower()
    assert "hormonal changes and added weight" in answer.message


@pytest.mark.parametrize("question", ["my calf went rock hard and was really tender afterwards. is that part of a cramp?",
                                      "my thigh locks up, goes rock hard and hurts. is that just what a spasm is like?"])
def test_that_after_a_story_stands_for_every_sensation_told(real_store, question):
    """A yes for one sensation also quotes what the article states for the others the story names (hardness too)."""
    answer = ask(real_store, question)
    assert answer.boolean is True
    assert "Of muscle hardness it says" in answer.message or "hardness" in answer.reading.lower()
    assert "hard" in answer.message


@pytest.mark.parametrize("question", ["my leg aches for a day after a cramp, is that typical of a cramp?",
                                      "the muscle goes hard as a rock when it cramps. is that normal for a spasm?"])
def test_is_that_normal_for_x_after_a_story_asks_whether_it_is_a_symptom_of_x(real_store, question):
    answer = ask(real_store, question)
    assert answer.boolean is True and "symptom of muscle spasm" in answer.message


def test_is_it_normal_for_my_knee_to_twitch_still_asks_whether_to_worry(real_store):
    assert ask(real_store, "is it normal for my knee to twitch").reading.startswith(
        "I read this as: whether knee muscle spasm is serious")


@pytest.mark.parametrize("question", ["dehydration cause cramps", "statins give muscle twitching",
                                      "stretching help knee spasm", "stretching prevent cramps"])
def test_a_telegraphic_statement_with_its_verb_between_two_things_asks_yes_or_no(real_store, question):
    answer = ask(real_store, question)
    assert answer.boolean is True and answer.kind == "boolean"
    assert " can " in answer.message  # the article's qualifier, not a bare "X causes Y"


@pytest.mark.parametrize("question", ["knee spasm causes", "spasm causes not just knee", "stimulants examples twitching"])
def test_a_relation_noun_or_a_relation_after_both_things_is_still_a_list(real_store, question):
    answer = ask(real_store, question)
    assert answer.kind == "list" and answer.answers


@pytest.mark.parametrize("question", ["does a cure for ALS exist", "does the article say a cure exists for ALS"])
def test_whether_a_cure_exists_is_the_articles_stated_no(real_store, question):
    answer = ask(real_store, question)
    assert answer.boolean is False and "no cure" in answer.message


@pytest.mark.parametrize("question", ["are there treatments for ALS", "do any treatments exist for ALS"])
def test_are_there_treatments_for_x_asks_for_them_not_whether_the_topic_treats_x(real_store, question):
    answer = ask(real_store, question)
    assert "physical-therapy" in {a["iri"].rsplit("/", 1)[-1] for a in answer.answers}
    assert answer.boolean is not False and (answer.kind == "list" or answer.message.startswith("Yes"))  # with them


@pytest.mark.parametrize("question", [
    "quick one for my notes: does the article name diuretics and corticosteroids as drugs that can cause spasms",
    "for a leaflet i'm writing: does it say dehydration can cause muscle spasms"])
def test_a_preface_before_a_colon_is_not_the_question(real_store, question):
    answer = ask(real_store, question)
    assert answer.boolean is True and " can " in answer.message


@pytest.mark.parametrize("question", ["ALS, knee twitching an early symptom?",
                                      "motor neurone disease - leg cramps can be a first sign?"])
def test_with_both_things_before_the_noun_the_nearer_one_is_what_the_noun_names(real_store, question):
    answer = ask(real_store, question)
    assert answer.boolean is True and "can be a symptom of amyotrophic lateral sclerosis" in answer.message


@pytest.mark.parametrize("question", ["does potassium matter for muscle function",
                                      "is magnesium among the minerals that matter for muscle function?"])
def test_matter_and_function_are_the_articles_own_framing_not_unknown_things(real_store, question):
    """"These minerals play a crucial role in muscle function": the words frame the question, they name nothing else."""
    answer = ask(real_store, question)
    assert answer.declined is None and answer.boolean is True


@pytest.mark.parametrize("question, sign", [("is it normal for a cramp to feel like burning", "burning"),
                                            ("is it normal for the muscle to go rock hard during a spasm", "hard")])
def test_is_a_sign_normal_with_a_condition_is_the_articles_stated_symptom(real_store, question, sign):
    answer = ask(real_store, question)
    assert answer.boolean is True and "symptom of muscle spasm" in answer.message and sign in answer.message


def test_is_it_normal_of_one_thing_still_asks_whether_it_is_serious(real_store):
    assert ask(real_store, "is it normal for my knee to twitch").reading.startswith("I read this as: whether")


@pytest.mark.parametrize("question", [
    "can a cramp affect a group of muscles, or is it always only the one",
    "can spasms take in the entire muscle or does it always stay in one part",
])
def test_always_in_a_second_alternative_leaves_the_first_asked(real_store, question):
    """"A, or is it always B": the yes/no asks A, which the article states (kg.qa.yesno.universal_words)."""
    answer = ask(real_store, question)
    assert answer.boolean is True, answer.message


def test_always_of_coordinated_things_is_still_asked(real_store):
    answer = ask(real_store, "do stretching or heat packs or massage work for everyone?")
    assert answer.boolean is False and "may not work for everyone" in answer.message
