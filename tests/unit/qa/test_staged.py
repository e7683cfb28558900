""""Which supports help ALS *as the disease progresses*": the facts the article states at that stage (kg.qa.staged);
"the *progressive neurodegenerative* disease": the thing its definition's words describe (kg.qa.premodified).
Phrasings of our own, not a blind batch's."""

import pytest

from kg.qa.ask import ask
from kg.store.embedded import EmbeddedStore

pytestmark = pytest.mark.unit

STORE = EmbeddedStore.from_file()
LATER = {"speech therapy", "respiratory support"}


def _labels(question):
    answer = ask(STORE, question)
    return {(a.get("label") or "").lower() for a in answer.answers}, answer


@pytest.mark.parametrize("question", [
    "what supports help ALS as it gets worse",
    "which treatments does the article give for ALS in the later stages",
    "what therapies help ALS as the disease progresses",
    "for the progressive neurodegenerative disease, what helps as the disease progresses",
    "which supports help the progressive neurodegenerative disease as it advances",
    "what can help amyotrophic lateral sclerosis as that disease progresses",
])
def test_what_the_article_states_at_the_later_stage(question):
    labels, answer = _labels(question)
    assert labels == LATER, (answer.reading, labels)
    assert "as the disease progresses" in answer.reading


@pytest.mark.parametrize("question, expected", [
    ("how is the progressive neurodegenerative disease treated", {"physical therapy", "assistive devices"}),
    ("what does the neurodegenerative disease affect", {"nerve cells"}),
    ("for the progressive neurodegenerative disease named in the article, what treatments are listed",
     {"physical therapy", "speech therapy"}),
])
def test_the_disease_described_by_its_definition_words(question, expected):
    labels, answer = _labels(question)
    assert expected <= labels, (answer.reading, labels)
    assert "Amyotrophic lateral sclerosis (the one the article describes so)" in answer.reading


def test_no_stage_asked_gives_every_treatment():
    labels, _ = _labels("what treats ALS")
    assert LATER | {"physical therapy", "assistive devices"} <= labels
