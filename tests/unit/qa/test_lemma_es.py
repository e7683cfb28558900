"""A verb or noun in -xes/-sses ("fixes", "crosses") is read as its dictionary form, not as a word that links to
nothing ("fixe"): simplemma only drops the s there, and lemminflect knows the word."""

import pytest

from kg.qa.ask import ask
from kg.qa.text import lemma
from kg.store.embedded import EmbeddedStore

STORE = EmbeddedStore.from_file()


@pytest.mark.parametrize("word, expected", [("fixes", "fix"), ("mixes", "mix"), ("crosses", "cross"),
                                            ("causes", "cause"), ("massages", "massage"), ("diagnoses", "diagnose")])
def test_es_words_lemmatise_to_their_base(word, expected):
    assert lemma(word) == expected


@pytest.mark.parametrize("question", ["what fixes a charley horse", "what usually fixes knee twitching"])
def test_fixes_asks_for_treatments(question):
    answer = ask(STORE, question).to_dict()
    assert answer["kind"] == "list" and answer["answers"] and "fixe" not in answer["unknown"], answer["message"]


# A past participle simplemma cuts to a non-word ("fixed" -> "fixe") is read as its verb too.
@pytest.mark.parametrize("word, expected", [("fixed", "fix"), ("mixed", "mix"), ("used", "use"), ("caused", "cause")])
def test_a_participle_keeps_its_verb(word, expected):
    assert lemma(word) == expected


@pytest.mark.parametrize("question", ["how is vitamin deficiency fixed", "dehydration - how does it get fixed"])
def test_how_is_it_fixed_asks_the_treatments(question):
    answer = ask(STORE, question)
    assert answer.kind == "list" and "treat" in answer.reading, answer.reading
