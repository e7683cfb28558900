""""What can too much caffeine do to your muscles": high stimulant intake is said to overstimulate the muscles (the
sentence naming caffeine and amphetamines after "high levels of stimulants"), so its effects carry those words.
Phrasings of our own, not a blind batch's."""

import pytest

from kg.qa.ask import ask
from kg.store.embedded import EmbeddedStore

pytestmark = pytest.mark.unit

STORE = EmbeddedStore.from_file()


@pytest.mark.parametrize("question", [
    "what can too much caffeine do to your muscles",
    "what does excess caffeine lead to",
    "what happens to my muscles with way too much coffee",
    "too many energy drinks, what can that cause",
    "what can high levels of stimulants lead to",
    "what does a lot of caffeine do to the body",
])
def test_the_effect_is_overstimulated_muscles(question):
    answer = ask(STORE, question)
    quotes = " ".join(e["quote"] for e in answer.evidence)
    names = " ".join(a.get("label") or "" for a in answer.answers).lower()
    assert "overstimulate the muscles" in quotes or "overstimulation" in names, (answer.reading, names)
