""""Which stimulants can cause twitching": the group after the question word is itself an answer, and the article gives
examples of it — the examples are what "which" asks for, listed right after the group (kg.qa.members_asked).
Phrasings of our own, not a blind batch's."""

import pytest

from kg.qa.ask import ask
from kg.store.embedded import EmbeddedStore

pytestmark = pytest.mark.unit

STORE = EmbeddedStore.from_file()


def _labels(answer):
    return [(a.get("label") or "").lower() for a in answer.answers]


@pytest.mark.parametrize("question", [
    "which stimulants does the article say can cause twitching",
    "what stimulants can lead to knee twitching",
    "which stimulants are behind muscle twitches",
    "which stimulants can bring on knee twitching",
    "what stimulants cause muscle spasms",
    "which stimulants could be giving me twitchy knees",
])
def test_the_group_s_examples_follow_it(question):
    labels = _labels(ask(STORE, question))
    assert "stimulants" in labels, labels
    at = labels.index("stimulants")
    assert set(labels[at + 1:at + 3]) == {"caffeine", "amphetamines"}, labels


def test_a_question_word_before_the_condition_adds_nothing():
    labels = _labels(ask(STORE, "which conditions can cause knee twitching"))
    assert "caffeine" not in labels[:3]


def test_without_a_group_the_list_is_unchanged():
    answer = ask(STORE, "what are the causes of muscle twitching")
    assert not answer.message.startswith("The stimulants the article names")


@pytest.mark.parametrize("question, members", [
    ("low on vitamins lately - which ones can make your knee twitch if you're short of them", {"Vitamin D deficiency", "Vitamin B12 deficiency"}),
    ("i drink a lot of stimulants. which ones cause twitching", {"Caffeine", "Amphetamines"}),
    ("i think im short on vitamins, which ones cause knee twitching", {"Vitamin B6 deficiency"}),
    ("stimulants - which ones can lead to knee twitching", {"Caffeine"}),
    ("my diet is low in vitamins. which ones are linked to knee twitching", {"Vitamin D deficiency"}),
    ("he takes stimulants for work. which ones can cause muscle twitching", {"Amphetamines"}),
])
def test_which_ones_asks_the_members_of_the_group_named_before(real_store, question, members):
    answer = ask(real_store, question)
    assert members <= {a["label"] for a in answer.answers}, answer.message
    assert "ranks" not in answer.reading
