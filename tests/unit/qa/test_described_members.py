""""What soothing sort of things help a twitchy knee": a word none of the reading's things took names one listed answer
by what it does — the list is narrowed to it and the article's examples of it (kg.qa.described_members).
Phrasings of our own, not a blind batch's."""

import pytest

from kg.qa.ask import ask

pytestmark = pytest.mark.unit

MEMBERS = {"Deep breathing exercises", "Meditation", "Yoga", "Mindfulness"}


@pytest.mark.parametrize("question", [
    "what relaxing kind of things can help with knee twitching",
    "any chill-out stuff that helps my knee stop twitching",
    "which relaxing sorts of things ease knee spasms",
    "what chill out type stuff is good for a jumpy knee",
    "what relaxing things can calm muscle twitching in the knee",
    "my knee twitches all the time, what chill-out things help",
])
def test_the_described_group_and_its_members(real_store, question):
    answer = ask(real_store, question)
    labels = {a["label"] for a in answer.answers}
    assert MEMBERS <= labels, answer.message
    assert "Proper hydration" not in labels, labels


@pytest.mark.parametrize("question", [
    "what helps knee twitching",
    "what things help knee twitching",
    "what can I do about knee spasms",
])
def test_no_describing_word_leaves_the_list(real_store, question):
    answer = ask(real_store, question)
    assert "describes one of them" not in answer.message


def test_a_word_of_several_answers_narrows_nothing(real_store):
    answer = ask(real_store, "what exercises help knee twitching")
    assert "describes one of them" not in answer.message
