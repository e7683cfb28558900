"""A yes about a kind names the examples the article gives of it ("otc meds for cramps?" → ibuprofen,
acetaminophen), so a telegraphic question about a kind gets its members listed."""

import pytest

from kg.qa.ask import ask
from kg.store.embedded import EmbeddedStore

pytestmark = pytest.mark.unit

STORE = EmbeddedStore.from_file()


@pytest.mark.parametrize("question, named", [
    ("over the counter painkillers for cramps", {"Ibuprofen", "Acetaminophen"}),
    ("non prescription pain relief for a knee spasm?", {"Ibuprofen", "Acetaminophen"}),
    ("do stimulants make your knee twitch", {"Caffeine", "Amphetamines"}),
])
def test_a_yes_about_a_kind_lists_its_examples(question, named):
    answer = ask(STORE, question)
    assert answer.boolean is True, answer.message
    assert named <= {a["label"] for a in answer.answers}, answer.answers
    assert all(n.lower() in answer.message.lower() for n in named), answer.message


@pytest.mark.parametrize("question", ["any relaxing stuff that helps twitchy legs", "ways to unwind so my knee stops jumping"])
def test_everyday_words_for_calming_techniques_list_them(question):
    answer = ask(STORE, question)
    assert {"Yoga", "Meditation", "Deep breathing exercises", "Mindfulness"} <= {a["label"] for a in answer.answers}, \
        answer.message
