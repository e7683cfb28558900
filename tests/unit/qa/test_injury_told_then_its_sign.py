"""An injury told in the story and asked about by how it shows ("i tore my meniscus last week, how do i tell if it's
*torn*"): the sign word is the article's (a tearing sensation), but the question is about the injury, which the article
does not cover — declined by name (kg.qa.coverage). New phrasings, in no batch."""

import pytest

from kg.qa.ask import ask
from kg.store.embedded import EmbeddedStore

STORE = EmbeddedStore.from_file()


@pytest.mark.parametrize("question", [
    "i tore my rotator cuff lifting, how can i tell if it is torn",
    "think i sprained my ankle yesterday, how do i know if it's swollen",
    "i tore my ACL skiing, how do i tell if its torn for sure",
    "my son sprained his wrist, how do we tell if it is swollen",
    "i broke my toe i think, how would i know if it's swollen",
    "i think i tore a ligament, how do i know if it is torn",
])
def test_an_injury_asked_about_by_its_sign_is_declined(question):
    answer = ask(STORE, question).to_dict()
    assert not answer["answered"] and answer.get("boolean") is None, answer["message"]
    assert "does not cover" in answer["message"], answer["message"]


@pytest.mark.parametrize("question", [
    "my knee twitches a lot, how do i tell if its a spasm",
    "i get cramps after running, what are the signs of a spasm",
])
def test_the_articles_own_condition_told_is_still_answered(question):
    assert ask(STORE, question).to_dict()["answered"]
