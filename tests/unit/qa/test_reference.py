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


@pytest.mark.parametrize("question, phrase", [
    ("any good books on ALS you could point me to", "books"),
    ("my dad was just diagnosed with ALS, can you suggest a helpline or a charity", "helpline"),
])
def test_resources_beyond_the_article_asked_for_are_declined(question, phrase):
    answer = ask(STORE, question)
    assert answer.declined == "unknown" and not answer.answered and answer.boolean is None, answer.message
    assert phrase in answer.message


def test_a_resource_named_in_a_remark_is_no_request():
    answer = ask(STORE, "what causes knee twitching? the forums all say it's ALS")
    assert answer.declined is None and answer.answered, answer.message
