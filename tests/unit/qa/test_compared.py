"""A yes/no that compares (worse, more, better … than), answered only by a bare link between its two things, is no
"yes": the article does not compare them (kg.qa.compared); a telegraphic phrase answered "yes" through a loosely related
word is no yes either. New phrasings, in no batch; comparisons the article states keep their yes."""

import pytest

from kg.qa.ask import ask
from kg.store.embedded import EmbeddedStore

STORE = EmbeddedStore.from_file()


@pytest.mark.parametrize("question", [
    "are leg cramps in pregnancy worse in the third trimester",
    "is dehydration worse for cramps in summer",
    "are cramps from dehydration worse at night",
    "is caffeine worse for twitching in the morning",
    "are statins worse than diuretics for twitching",
    "is stress a bigger trigger for twitching in teenagers than in adults",
    "do muscle spasms hurt more in the morning",
    "does knee twitching hurt more after a hot bath",
    "potassium foods",
    "calcium drinks",
])
def test_a_comparison_or_a_phrase_is_not_answered_yes_by_a_link(question):
    answer = ask(STORE, question).to_dict()
    assert answer.get("boolean") is not True, answer["message"]
    assert not answer["message"].startswith(("Yes", "No")), answer["message"]


@pytest.mark.parametrize("question", [
    "are athletes more prone to cramps",
    "are older adults more likely to get muscle spasms",
    "are pregnant women more susceptible to spasms",
])
def test_a_comparison_the_article_states_stays_yes(question):
    assert ask(STORE, question).to_dict().get("boolean") is True
