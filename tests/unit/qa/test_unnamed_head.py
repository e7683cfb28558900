"""A "what X *thing*" question whose thing the article never names ("what massage *oil* works best on clients with
cramps") is declined by name, not answered with what the article says of X (kg.qa.unnamed_head). New phrasings."""

import pytest

from kg.qa.ask import ask
from kg.store.embedded import EmbeddedStore

STORE = EmbeddedStore.from_file()


@pytest.mark.parametrize("question", [
    "what massage wax works well on spasms",
    "what magnesium lotion works best on clients with spasms",
    "what massage balm suits clients with cramps",
    "what massage lotion do therapists use on cramping clients",
    "what massage oil works best on clients with spasms",
    "what massage cream works best on clients with knee spasms",
])
def test_a_thing_the_article_never_names_is_declined(question):
    answer = ask(STORE, question).to_dict()
    assert not answer["answered"] and answer.get("boolean") is None, answer["message"]
    assert answer["message"].startswith("The article does not mention"), answer["message"]


@pytest.mark.parametrize("question", [
    "what massage techniques help spasms",
    "what stretching exercises help cramps",
])
def test_a_kind_the_article_names_is_answered(question):
    assert ask(STORE, question).to_dict()["answered"]
