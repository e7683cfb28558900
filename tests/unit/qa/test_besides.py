"""A thing left out of the answer by an exclusion word ("apart from coffee", "besides stretching", "other than
dehydration"): not asked about, and not among the answers; the reading says so."""

import pytest

from kg.qa.ask import ask
from kg.store.embedded import EmbeddedStore

STORE = EmbeddedStore.from_file()


def labels(answer) -> set[str]:
    return {a["label"] for a in answer.answers}


@pytest.mark.parametrize("question, left_out, kept", [
    ("Apart from caffeine, which stimulant can cause knee twitching?", "Caffeine", "Amphetamines"),
    ("other than coffee, what stimulants can set off a twitch", "Caffeine", "Amphetamines"),
    ("besides stretching, what else can relieve a muscle spasm", "Stretching exercises", "Massage"),
    ("what can cause knee twitching except dehydration", "Dehydration", "Muscle fatigue"),
])
def test_an_excluded_thing_is_left_out_of_the_answer(question, left_out, kept):
    answer = ask(STORE, question)
    assert answer.kind == "list" and kept in labels(answer) and left_out not in labels(answer), answer.message
    assert "other than " + left_out.lower() in answer.reading.lower(), answer.reading
    assert answer.query and "FILTER(?x != ?a" in answer.query["sparql"], answer.query  # bound as a term


def test_without_an_excluded_thing_nothing_is_left_out():
    answer = ask(STORE, "which stimulants can cause knee twitching")
    assert {"Caffeine", "Amphetamines"} <= labels(answer) and "other than" not in answer.reading, answer.message
