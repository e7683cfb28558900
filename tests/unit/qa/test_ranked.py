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


@pytest.mark.parametrize("question", [
    "what is the treatment for the most common causes",
    "the usual causes - what treatments go with them?",
])
def test_a_ranked_chain_through_the_topic(question):
    """No thing named: the chain runs through the article's topic, narrowed to the causes it weighs first."""
    answer = ask(STORE, question)
    labels = {a["label"] for a in answer.answers}
    assert {"Time", "Stretching exercises"} <= labels and "Supplementation" not in labels, (answer.reading, answer.message)
    assert "what" not in answer.reading.split("causes of ")[-1][:5], answer.reading


def test_the_very_ranking_word_asked_picks_what_the_article_calls_so():
    answer = ask(STORE, "the common culprits the article names - what is the treatment for each of them")
    assert {"Proper hydration", "Supplementation"} <= {a["label"] for a in answer.answers}, answer.message


@pytest.mark.parametrize("question", [
    "the treatment for whatever usually causes knee twitching",
    "what's the remedy for the thing that most often triggers cramps in the knee",
])
def test_a_noun_then_a_ranked_verb_chains_through_the_unnamed_cause(question):
    """"The fix for the thing (that) most often (is) behind X": ?x treats ?y . ?y causes X, ?y the weighed cause."""
    answer = ask(STORE, question)
    labels = {a["label"] for a in answer.answers}
    assert {"Time", "Stretching exercises"} <= labels and "Supplementation" not in labels, (answer.reading, answer.message)
