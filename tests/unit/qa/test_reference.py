"""A code, an author, a date or a statistic the article never gives is declined by name (kg.qa.reference)."""

import pytest

from kg.qa.ask import ask
from kg.store.embedded import EmbeddedStore

STORE = EmbeddedStore.from_file()


@pytest.mark.parametrize("question, phrase", [
    ("what is the snomed code for muscle cramp", "snomed code"),
    ("which ICD code would a doctor use for knee twitching", "icd code"),
    ("what are the prevalence figures for knee spasms", "prevalence figures"),
])
def test_a_record_the_article_never_gives_is_declined(question, phrase):
    answer = ask(STORE, question)
    assert answer.declined == "unknown" and not answer.answered and not answer.answers and answer.boolean is None
    assert phrase in answer.message


@pytest.mark.parametrize("question", ["whats the fix for cramps", "what's the treatment for dehydration"])
def test_what_the_article_gives_is_answered(question):
    assert ask(STORE, question).answered
