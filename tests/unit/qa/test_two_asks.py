""""Name X, and list Y": two asks joined by "and" with an imperative each are two questions; the second, naming its
own thing, is read without the first one's words ("example" must not leak into "list the treatments")."""

import pytest

from kg.qa.ask import ask
from kg.store.embedded import EmbeddedStore

pytestmark = pytest.mark.unit

STORE = EmbeddedStore.from_file()


@pytest.mark.parametrize("question, expected", [
    ("name the autoimmune disorder the faq mentions as an example, and give the treatments for autoimmune disorders",
     {"Neuromyotonia", "Corticosteroids", "Physical therapy"}),
    ("list the stimulants the article names and say what helps dehydration",
     {"Caffeine", "Amphetamines", "Proper hydration"}),
])
def test_two_imperative_asks_are_both_answered(question, expected):
    answer = ask(STORE, question)
    assert expected <= {a["label"] for a in answer.answers}, (answer.reading, answer.message)
