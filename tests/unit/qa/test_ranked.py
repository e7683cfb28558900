""""The treatment for the most common cause of X": a two-hop reading asked with a ranking word answers for the
thing between the article weighs first (muscle fatigue and strain), and says so; without one, for every cause."""

import pytest

from kg.qa.ask import ask
from kg.store.embedded import EmbeddedStore

pytestmark = pytest.mark.unit

STORE = EmbeddedStore.from_file()


@pytest.mark.parametrize("question, expected, never", [
    ("how do you treat the usual cause of knee twitching", {"Time", "Stretching exercises"}, {"Supplementation"}),
    ("how would the doctor diagnose the main cause of knee spasms", {"Physical examination"}, {"Blood test"}),
])
def test_a_ranked_second_hop_answers_for_the_weighed_one(question, expected, never):
    answer = ask(STORE, question)
    labels = {a["label"] for a in answer.answers}
    assert expected <= labels and not never & labels, answer.message
    assert "muscle fatigue" in answer.message, answer.message


def test_without_a_ranking_word_every_cause_counts():
    answer = ask(STORE, "treatments for the causes of knee twitching")
    assert "Supplementation" in {a["label"] for a in answer.answers}, answer.message
