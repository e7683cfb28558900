"""A reader's situation mixed with advice: the facts answered, the advice part only in the article's own words."""

import pytest

from kg.qa.ask import ask

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("question", ["my doctor has me on water pills and my knee started twitching. could they cause "
                                      "it, and should i stop taking them?",
                                      "i take prednisone for my asthma and my legs cramp. can it do that and should i "
                                      "come off it"])
def test_the_fact_is_answered_and_the_advice_part_quotes_the_article(real_store, question):
    answer = ask(real_store, question)
    assert answer.boolean is True and answer.message.startswith("Yes")
    assert "not personal medical advice" in answer.message
    assert "healthcare provider" in answer.message  # the article's words for medication causes, quoted
    assert "you should stop" not in answer.message.lower()


@pytest.mark.parametrize("question", ["should i quit my diuretics since my knee keeps twitching",
                                      "should i stop taking estrogen because of my knee spasms"])
def test_a_pure_advice_question_stays_declined_but_says_what_the_article_says_for_that_cause(real_store, question):
    answer = ask(real_store, question)
    assert answer.declined == "advice" and not answer.answered and not answer.answers and answer.boolean is None
    assert "healthcare provider" in answer.message


@pytest.mark.parametrize("question", ["i drink like 6 coffees a day and my knee keeps twitching, should i be concerned?",
                                      "i have three energy drinks every day and my knee jumps a lot. should i be "
                                      "worried?"])
def test_is_it_serious_after_naming_a_cause_adds_what_the_article_says_for_it(real_store, question):
    answer = ask(real_store, question)
    assert "reduce your intake" in answer.message


@pytest.mark.parametrize("question", [
    "should i halve my furosemide until the cramps settle down",  # a generic name the article never uses
    "can i skip my lisinopril for a week, my knee twitches all the time",
    "should I cut back on my prednisolone since it might be making my legs spasm",
    "would it be ok for me to keep taking my atorvastatin with these cramps",
    "should i just come off the pill then, if that's whats giving me the twitches",  # the advice asked first
    "could i just stop my water tablets for a few days to see if it helps",
    "do you think i should stop my water pills", "is it a good idea for me to stop my diuretic",
    "should i give my son magnesium for his cramps"])
def test_what_to_do_with_ones_own_medicine_is_declined_whatever_it_is_called(real_store, question):
    answer = ask(real_store, question)
    assert answer.declined == "advice" and not answer.answered and not answer.answers and answer.boolean is None
    assert "doctor or pharmacist" in answer.message


@pytest.mark.parametrize("question, named", [
    ("is bikram yoga alright for me with my twitchy knees", "yoga"),
    ("can i carry on playing football if my thigh keeps cramping", None),
    ("is it fine for me to keep doing my stretches when the knee twitches", None),
    ("is massage safe for me while my leg keeps going into spasm", "massag")])
def test_whether_an_activity_is_safe_for_the_reader_is_declined_with_the_articles_words_on_it(real_store, question,
                                                                                             named):
    answer = ask(real_store, question)
    assert answer.declined == "advice" and not answer.answered and answer.boolean is None
    if named:
        assert named in answer.message.lower().split("pharmacist.", 1)[1]  # quoted, after the decline


@pytest.mark.parametrize("question", ["can corticosteroids cause twitching", "does yoga help knee twitching",
                                      "can stretching stop a cramp", "is massage good for leg cramps",
                                      "what can i take for a cramp", "should i see a doctor if my knee keeps twitching",
                                      "can i keep cramps away by stretching", "what should i be taking for cramps",
                                      "my doctor says i should stop the statins, can they cause cramps"])
def test_general_questions_about_the_same_things_are_still_answered(real_store, question):
    answer = ask(real_store, question)
    assert answer.declined is None and answer.answered


@pytest.mark.parametrize("question", [
    "big match tomorrow and my thigh keeps cramping, should i still play?",
    "my knee twitches, is it safe to run a marathon on sunday",
    "should my son keep playing football with a twitchy knee",
    "race on saturday but my calf keeps going into spasm, should i go ahead with it",
    "is acetaminophen safe to take while pregnant for leg cramps",
    "is naproxen ok to take while breastfeeding, my legs keep cramping",
    "is ibuprofen okay to take with my blood pressure tablets for the spasm pain"])
def test_whether_to_play_on_or_take_a_medicine_in_ones_own_state_is_declined(real_store, question):
    """Playing, training or racing on with the symptom, and a medicine taken while pregnant, breastfeeding or with
    another medicine: the reader's own course, not the article's to say."""
    answer = ask(real_store, question)
    assert answer.declined == "advice" and not answer.answered and answer.boolean is None


@pytest.mark.parametrize("question", ["can ibuprofen help with the pain of a spasm", "is it ok to stretch when my knee cramps",
                                      "do athletes get more muscle spasms", "can you get leg cramps while pregnant"])
def test_the_same_things_asked_in_general_are_still_answered(real_store, question):
    answer = ask(real_store, question)
    assert answer.declined is None and answer.answered
@pytest.mark.parametrize("question", ["my meds might be behind the knee twitching, what does the article say to do",
                                      "suppose a medicine i take is causing the twitching, what can i do about it"])
def test_a_class_word_told_as_the_cause_gets_what_the_article_advises_for_that_kind_of_cause(real_store, question):
    """"If one of my *tablets* is causing it": no medicine is named, but the word names the kind of cause."""
    answer = ask(real_store, question)
    assert "adjusting-medications" in {a["iri"].rsplit("/", 1)[-1] for a in answer.answers}


@pytest.mark.parametrize("question", [
    "can i use ibuprofen for my spasm when im on lisinopril",
    "should be fine to use acetaminophen for cramps while on apixaban, can i take it",
    "is it ok to take magnesium for cramps if I'm currently on levothyroxine",
])
def test_a_remedy_with_a_medicine_the_reader_is_on_is_declined_as_an_interaction(real_store, question):
    answer = ask(real_store, question)
    assert answer.declined == "advice" and answer.boolean is None and not answer.answered, answer.message


def test_a_remedy_asked_alone_is_still_what_the_article_says_helps(real_store):
    assert ask(real_store, "can I take ibuprofen for my knee spasm").boolean is True


@pytest.mark.parametrize("question", ["should I dance through my knee spasms on opening night or pull out of the show",
                                      "should i run through the cramp or stop",
                                      "should i pull out of the race with knee twitching",
                                      "should i push on through the spasm in the match",
                                      "should we sit out the final if his knee keeps spasming",
                                      "should she withdraw from the competition because of cramps"])
def test_whether_to_carry_on_or_pull_out_is_personal_advice(real_store, question):
    answer = ask(real_store, question)
    assert answer.declined and not answer.message.startswith(("Yes", "No")), answer.message


@pytest.mark.parametrize("question, declined", [
    ("I am pregnant, I can take the ibuprofen for the cramp in my knee?", True),
    ("im on warfarin, i can take ibuprofen for the spasm?", True),
    ("I have kidney disease, I can take magnesium for the cramps?", True),
    ("I can take ibuprofen for cramps?", False),
    ("i can take paracetamol for knee spasms?", False),
    ("I could take ibuprofen for the knee twitching?", False),
])
def test_a_statement_order_can_i_take_is_read_as_can_i_take(real_store, question, declined):
    answer = ask(real_store, question)
    assert bool(answer.declined) is declined, answer.message
