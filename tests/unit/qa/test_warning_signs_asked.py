"""Warning signs asked as yes/no, and "do you always need a doctor": the article's when-to-see-a-doctor facts give the
yes (quoted); its "most resolve on their own without medical intervention" gives the only "no" — and never when a
warning sign is named with the question; "is it normal for them to go away on their own" is its course, with its
qualifiers ("often", "most")."""

import pytest

from kg.qa.ask import ask


@pytest.mark.parametrize("question", [
    "dads knee has been twitching for weeks and now hes struggling to swallow his food. is that something to get checked",
    "my mum's legs twitch and she can hardly swallow, is that a reason to call the doctor",
    "my knee keeps twitching and i struggle to swallow, is that a reason to see a doctor",
    "do you always need to see a doctor if spasms come with weakness"])
def test_a_warning_sign_named_with_the_symptom_is_a_quoted_yes(real_store, question):
    answer = ask(real_store, question)
    assert answer.boolean is True, answer.message
    assert "medical attention" in answer.message or "see a doctor" in answer.message


@pytest.mark.parametrize("question", ["do you always half to go to the doctor for a muscle spasm",
                                      "does every cramp need a doctor", "do you always have to see a doctor for spasms"])
def test_always_needing_a_doctor_is_the_articles_stated_no(real_store, question):
    answer = ask(real_store, question)
    assert answer.boolean is False and "without medical intervention" in answer.message, answer.message


@pytest.mark.parametrize("question", ["is it normal for cramps to go away on their own",
                                      "is it usual for knee twitching to stop on its own",
                                      "is it normall for spasms to just go away on there own"])
def test_normal_to_pass_on_its_own_is_the_course_with_its_qualifiers(real_store, question):
    answer = ask(real_store, question)
    assert answer.boolean is True and ("often" in answer.message or "Most" in answer.message), answer.message


@pytest.mark.parametrize("question", ["what does it mean if my knee twitches and i get weakness and my balance is off",
                                      "the muscle above my knee twitches and its hard to swallow, what does that mean",
                                      "knee twiching and its hard to swalow what dose that mean"])
def test_what_a_warning_sign_with_the_symptom_means_quotes_what_it_may_point_to(real_store, question):
    answer = ask(real_store, question)
    assert answer.declined is None and answer.boolean is None
    assert "underlying" in answer.message and "medical attention" in answer.message, answer.message


@pytest.mark.parametrize("question, said", [("can a muscle spasm last for ours", "several hours"),
                                            ("can a cramp go on for hours", "several hours"),
                                            ("can a spasm last only a few seconds", "a few seconds")])
def test_whether_it_can_last_that_long_is_a_yes_from_a_stated_duration(real_store, question, said):
    answer = ask(real_store, question)
    assert answer.boolean is True and said in answer.message, answer.message


def test_a_duration_the_article_never_gives_is_not_a_no(real_store):
    answer = ask(real_store, "do spasms last for days")
    assert answer.boolean is None and "does not say" in answer.message


@pytest.mark.parametrize("question", ["doc put me on a water pill last month, can that make the muscles round my knee twitch",
                                      "can statins make the muscles round the knee jump"])
def test_round_the_knee_is_around_it(real_store, question):
    assert ask(real_store, question).boolean is True


@pytest.mark.parametrize("question", ["is low calcium linked to knee twitching? already worried about my bones as it is",
                                      "can dehydration cause cramps? i am really worried",
                                      "does overuse cause spasms? im so worried"])
def test_a_worry_told_after_the_question_leaves_the_yes_no_asked(real_store, question):
    assert ask(real_store, question).boolean is True


def test_a_worry_after_asking_whether_it_is_a_sign_is_still_the_worry_answered(real_store):
    answer = ask(real_store, "is my knee twitching a sign of ALS?? kind of freaking out here")
    assert "muscle fatigue" in answer.message


@pytest.mark.parametrize("question", [
    "my knee twitching has been going on for months now, should I get it checked",
    "this twitch above my knee has been there for weeks on end, is it worth seeing the gp",
])
def test_a_twitch_told_as_lasting_weeks_is_the_persistent_twitching_the_article_warns_of(real_store, question):
    """"Going on for weeks": persistent twitching, which the article says calls for medical attention — a yes, quoted."""
    answer = ask(real_store, question)
    assert answer.boolean is True and "persist" in answer.message
