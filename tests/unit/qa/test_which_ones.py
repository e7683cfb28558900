""""Which stretches": a therapy asked for as a kind, with no kinds in the article but the muscles it works, is answered
with those muscles; and readings tied along different relations go to the one more of the question's words mean."""

import pytest

from kg.qa.ask import ask
from kg.store.embedded import EmbeddedStore

STORE = EmbeddedStore.from_file()
MUSCLES = {"Quadriceps", "Hamstrings", "Calf muscles"}


@pytest.mark.parametrize("question", [
    "after netball my thighs twitch, what stretches then",
    "what stretches are in the article",
    "stretches which muscles",
])
def test_which_stretches_are_the_muscles_they_work(question):
    answer = ask(STORE, question)
    assert answer.kind == "list" and MUSCLES <= {a["label"] for a in answer.answers}, answer.message


def test_a_purpose_word_tied_across_relations_goes_to_what_the_other_words_mean():
    answer = ask(STORE, "what stretching should i do for cramps in my legs")
    assert "treat" in answer.reading and "diagnosed" not in answer.reading, answer.reading


@pytest.mark.parametrize("question", [
    "I want to do some stretching. which muscles?",
    "thinking of stretching after my run - which muscles",
])
def test_a_class_asked_alone_after_a_story_is_asked_of_the_story(question):
    answer = ask(STORE, question)
    assert answer.kind == "list" and MUSCLES <= {a["label"] for a in answer.answers}, answer.message


@pytest.mark.parametrize("question", [
    "thigh cramp stretching which muscles",
    "calf spasm stretches which muscles then",
])
def test_a_wh_word_between_a_symptom_and_a_part_keeps_them_apart(question):
    answer = ask(STORE, question)
    assert answer.kind == "list" and MUSCLES <= {a["label"] for a in answer.answers}, answer.reading


@pytest.mark.parametrize("question, examples", [
    ("the article says stimulants can cause twitching. which ones does it name?", {"Caffeine", "Amphetamines"}),
    ("my friend says otc painkillers help a cramp. ok, which ones?", {"Ibuprofen", "Acetaminophen"}),
])
def test_which_ones_after_a_kind_asks_for_its_examples(question, examples):
    answer = ask(STORE, question)
    assert answer.kind == "list" and examples <= {a["label"] for a in answer.answers}, (answer.reading, answer.message)
    assert "ranks higher" not in answer.reading
