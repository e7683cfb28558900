"""A story run on into a yes/no without a stop, the question opening on "does/do/did" and a noun ("… my legs keep
cramping at night *does dehydration* cause that"), asks that yes/no; the story is context (kg.qa.text.run_on).
Phrasings that are not in the blind batches."""

import pytest

from kg.qa.ask import ask


@pytest.mark.parametrize("question", [
    "been working double shifts in a hot kitchen and my legs keep cramping at night does dehydration cause that",
    "my gran is on water tablets and her knee twitches all the time do diuretics cause twitching",
])
def test_a_yes_no_run_on_after_a_story_gets_its_yes(real_store, question):
    answer = ask(real_store, question)
    assert answer.boolean is True, answer.message


def test_emphatic_do_with_a_negation_is_no_question(real_store):
    from kg.qa.text import run_on, tokenize

    assert len(run_on(tokenize("my knee really does not twitch at night at all"))) == 1


@pytest.mark.parametrize("question, must", [
    ("why do my legs cramp at night after i work in the heat could it be dehydration", "dehydration"),
    ("why does my knee jump every time i have a few espressos is it the caffeine", "high"),
])
def test_a_guess_run_on_after_a_wh_question_is_what_is_asked(real_store, question, must):
    answer = ask(real_store, question)
    assert answer.boolean is True and must in answer.message.lower(), answer.message


def test_a_wh_question_inverted_once_is_not_split(real_store):
    from kg.qa.text import run_on, tokenize

    assert len(run_on(tokenize("which of the nutrients linked to cramps can a blood test find"))) == 1
