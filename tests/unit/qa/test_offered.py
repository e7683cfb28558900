"""A guess offered after a wh-question ("who gets spasms more, athletes?") is answered yes when the article names it
among the answers, with its sentence; a guess it does not name is said so — never "No"."""

import pytest

from kg.qa.analysis import analyse
from kg.qa.ask import ask
from kg.qa.lexicon import lexicon
from kg.qa.linking import label_index
from kg.qa.offered import guessed
from kg.store.embedded import EmbeddedStore

STORE = EmbeddedStore.from_file()
KG = "https://w3id.org/kneekg/id/"


@pytest.mark.parametrize("question, group", [
    ("who gets muscle spazms more, athletes?", "athletes"),
    ("who's more prone to leg cramps, older people maybe?", "older-adults"),
    ("who is most at risk of muscle spasms, pregnant women?", "pregnant-women"),
])
def test_a_named_guess_is_yes_with_the_article_s_sentence(question, group):
    answer = ask(STORE, question)
    assert answer.boolean is True and answer.message.startswith("Yes"), answer.message
    assert any(e["subject"] == KG + group or e["object"] == KG + group for e in answer.evidence)


def test_a_guess_the_article_does_not_list_is_not_a_no():
    answer = ask(STORE, "what can treat a charley horse, caffeine?")
    assert answer.boolean is not False and "does not name caffeine among them" in answer.message, answer.message


@pytest.mark.parametrize("question", ["who gets muscle spasms more", "what causes cramps, and how do i stop them",
                                      "athletes, who gets spasms more?"])
def test_no_guess_without_a_trailing_thing_alone(question):
    assert guessed(analyse(question, label_index(STORE), lexicon(STORE))) == []


@pytest.mark.parametrize("question", ["are any painkillers named", "does the article give any particular examples of stimulants"])
def test_whether_it_names_any_of_a_kind_is_a_yes_with_them(question):
    answer = ask(STORE, question)
    assert answer.boolean is True and answer.message.startswith("Yes — the article names") and answer.answers, answer.message


def test_a_kind_it_names_none_of_is_no_yes():
    assert ask(STORE, "does the article name any specific brands of magnesium").boolean is not True


@pytest.mark.parametrize("question", ["does the article mention any specific medications that cause twitching",
                                      "does it list any drugs that can bring on knee spasms"])
def test_any_of_a_kind_with_a_relation_asks_the_kind_not_the_topic(question):
    answer = ask(STORE, question)
    assert answer.boolean is True and "Estrogen" in answer.message, answer.message
