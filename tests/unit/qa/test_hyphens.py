"""Phrases a reader hyphenates on the fly are read as their words (kg.qa.hyphens); two-word compounds, names the
article holds whole with a hyphen and codes stay as written."""

import pytest

from kg.qa.ask import ask
from kg.qa.hyphens import unhyphenated

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("text, known, expected", [
    ("is it a see-the-gp kind of thing", frozenset({"see", "gp"}), "is it a see the gp kind of thing"),
    ("is Osgood-Schlatter the same", frozenset({"see", "gp"}), "is Osgood-Schlatter the same"),
    ("are over-the-counter pills ok", frozenset({"over-the-counter"}), "are over-the-counter pills ok"),
    ("does a b-12 shot help", frozenset(), "does a b-12 shot help"),
    ("cramps mid-swim", frozenset({"swim"}), "cramps mid-swim"),
    ("a plant-based diet", frozenset({"plant", "diet"}), "a plant-based diet"),
    ("Is It A Go-To-The-Doc Thing", frozenset({"doctor"}), "Is It A Go To The Doc Thing"),
])
def test_only_compounds_no_name_holds_are_split_and_positions_stay(text, known, expected):
    out = unhyphenated(text, known)
    assert out == expected and len(out) == len(text)


@pytest.mark.parametrize("question", ["my knee won't stop jumping and i feel weak, is that a see-the-doctor thing",
                                      "knee twitching plus trouble swallowing - is that a go-to-the-doctor situation"])
def test_a_hyphenated_doctor_idiom_is_read_as_seeing_a_doctor(real_store, question):
    answer = ask(real_store, question)
    assert "does not mention" not in answer.message and "medical attention" in answer.message


@pytest.mark.parametrize("question", ["are marathon runners in a higher-risk group for cramps",
                                      "is a triathlete in one of the high-risk groups for muscle spasms"])
def test_a_hyphenated_risk_group_is_read_as_a_risk_group(real_store, question):
    answer = ask(real_store, question)
    assert answer.boolean is True and "athletes" in answer.message.lower()


def test_a_hyphenated_word_the_article_never_uses_is_still_named(real_store):
    answer = ask(real_store, "does sugar-free tonic water help leg cramps")
    assert answer.boolean is not True and "tonic" in answer.message
