"""A target, normal or safe value of a measurement is declined by naming the measurement (kg.qa.targets via
kg.qa.beyond); the article's own things asked beside the same words are still answered."""

import pytest

from kg.qa import targets
from kg.qa.analysis import analyse
from kg.qa.ask import ask
from kg.qa.linking import label_index
from kg.qa.lexicon import lexicon
from kg.store.embedded import EmbeddedStore

pytestmark = pytest.mark.unit
STORE = EmbeddedStore.from_file()


def _asked(question: str) -> str:
    lex = lexicon(STORE)
    return targets.asked(analyse(question, label_index(STORE), lex), lex)


@pytest.mark.parametrize("question, phrase", [
    ("what is a normal potassium level for an adult", "normal potassium level"),
    ("whats a healthy blood pressure for someone who gets cramps", "healthy blood pressure"),
    ("what should his magnesium level be if he keeps cramping", "magnesium level"),
    ("how high should my resting heart rate be after stretching", "resting heart rate"),
    ("what's the target range for vitamin D so the twitching stops", "target range"),
])
def test_the_value_a_measurement_should_have_is_declined(question, phrase):
    answer = ask(STORE, question)
    assert answer.declined and not answer.answered and not answer.answers and answer.boolean is None, answer.message
    assert phrase in _asked(question).lower()
    assert "no target, normal or safe values" in answer.message


@pytest.mark.parametrize("question", [
    "what should my first step be if my knee twitches",
    "is low vitamin D linked to knee twitching",
    "what are the normal signs of a muscle spasm",
    "is there a blood test to check my vitamin levels",
    "what do high levels of stress do to the muscles",
])
def test_the_articles_own_things_beside_those_words_are_not_targets(question):
    assert _asked(question) == ""
