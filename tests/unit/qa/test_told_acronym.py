"""A name typed in capitals in the reader's story that the article never uses, referred back to by "that" ("I've got
IBS, could that be it"), is a thing the article does not cover: declined by name (kg.qa.coverage.told_acronyms), never
answered with the article's causes. Phrasings that are not in the blind batches."""

import pytest

from kg.qa.ask import ask


@pytest.mark.parametrize("question, name", [
    ("I have IBS. could that be why my legs cramp", "IBS"),
    ("I think I hurt my MCL at football on sunday, is that what's making my knee twitch", "MCL"),
])
def test_a_told_name_referred_back_to_is_declined_by_name(real_store, question, name):
    answer = ask(real_store, question)
    assert answer.declined == "unknown" and answer.boolean is None and not answer.answers, answer.message
    assert name in answer.message


def test_a_told_name_the_article_gives_is_answered(real_store):
    answer = ask(real_store, "I was told I have ALS. could that be why my knee twitches")
    assert answer.declined is None and answer.boolean is True, answer.message
