"""What helps, for the cause the reader's story names (stress, a pulled muscle, tired legs after training): its
treatments first — phrasings not in the batches."""

import pytest

from kg.qa.ask import ask
from kg.store.embedded import EmbeddedStore

pytestmark = pytest.mark.unit

STORE = EmbeddedStore.from_file()


def labels(answer):
    return [a["label"].lower() for a in answer.answers]


@pytest.mark.parametrize("question", [
    "exams are stressing me out and my leg twitches nonstop, what helps",
    "my job is really stressful lately and my knee keeps jumping. how can I calm it",
])
def test_stress_told_brings_its_techniques_first(question):
    answer = ask(STORE, question)
    assert "stress reduction techniques" in labels(answer)[:6] and "yoga" in labels(answer), answer.message


@pytest.mark.parametrize("question", [
    "I think I pulled something playing football and now my thigh spasms near the knee. how do I treat it",
    "tweaked my hamstring at training and it keeps cramping, how do I fix it",
])
def test_a_pulled_muscle_told_brings_the_strain_remedies(question):
    answer = ask(STORE, question)
    assert {"time", "stretching exercises", "massage"} <= set(labels(answer)), answer.message
    assert "from muscle strain" in answer.message


def test_no_cause_told_changes_nothing():
    answer = ask(STORE, "what helps knee twitching")
    assert "as you describe it" not in answer.message


@pytest.mark.parametrize("question", [
    "I was out in the sun all afternoon without a drink and now my calves keep cramping, what's behind it",
    "on a hot day at the allotment I was sweating loads and my thigh started cramping. what's going on?",
])
def test_a_story_then_what_is_the_cause_lists_causes_with_the_told_ones_first(question):
    answer = ask(STORE, question)
    assert "cause" in answer.reading and "what you describe" in answer.message, answer.message


@pytest.mark.parametrize("question", [
    "I have three cans of red bull a day and my knee twitches. what does the article say I should do about it",
    "I live on espresso and my knee jumps all day - what am I supposed to do",
])
def test_what_the_article_says_to_do_for_a_told_stimulant(question):
    answer = ask(STORE, question)
    assert "reduce your intake" in answer.message, answer.message


@pytest.mark.parametrize("question", ["my son plays rugby and gets cramps, what can he do to prevent them",
                                      "my wife gets leg cramps at night - what can she do to stop them coming back"])
def test_what_can_he_or_she_do_is_the_action_frame(question):
    answer = ask(STORE, question)
    assert "cause" not in answer.reading.split("—")[0], answer.reading


@pytest.mark.parametrize("question", [
    "working outside all day in the heat this summer and my knee keeps twitching, what could be causing it",
    "my knee muscle jumps after long hot days on the building site, what might be behind that"])
def test_a_told_cause_of_what_the_condition_is_a_form_of_comes_first(real_store, question):
    """Heat exhaustion is a cause the article gives of muscle spasms, what knee spasms are a form of."""
    answer = ask(real_store, question)
    assert answer.answers[0]["iri"].endswith("/heat-exhaustion") and "heat exhaustion" in answer.message
