"""An opener before the auxiliary of a yes/no asked after a story ("… in general, can nerve damage cause spasms")
leaves it a yes/no (kg.qa.openers): the story is context, not a list question about the condition."""

import pytest

from kg.qa.ask import ask
from kg.qa.openers import skipped
from kg.qa.text import tokenize

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("question, said", [
    ("my uncle's nerves got damaged in an accident. in general can nerve damage cause muscle spasms", "nerve damage"),
    ("I work two jobs and never switch off. honestly could stress be why my legs twitch", "stress"),
    ("I've been lifting crates all week. out of interest can overuse cause muscle spasms", "overuse"),
    ("we've had a heatwave and I barely drink. so can dehydration cause muscle spasms", "ehydration"),
    ("mum is on water pills for her heart. medically speaking can diuretics cause muscle spasms", "iuretics"),
    ("my brother drinks six coffees a day. generally does caffeine cause muscle spasms", "caffeine"),
    ("I'm 34 weeks along and cramping at night. on the whole are pregnant women more prone to spasms", "pregnant"),
])
def test_a_yes_no_after_a_story_and_an_opener_is_still_a_yes_no(real_store, question, said):
    answer = ask(real_store, question)
    assert answer.boolean is True, answer.message
    assert said in answer.message
    assert answer.context  # the story is context, the question what follows it


@pytest.mark.parametrize("text, n", [("in general can it", 2), ("honestly is it", 1), ("in the knee is it", 0),
                                     ("quick question does it", 2), ("can it", 0), ("my knee is sore", 0)])
def test_skipped_counts_only_openers_before_an_auxiliary(text, n):
    assert skipped(tokenize(text)) == n


def test_an_opener_makes_no_yes_the_article_does_not_state(real_store):
    answer = ask(real_store, "my sister has migraines. in general can migraines cause muscle spasms")
    assert answer.boolean is not True


def test_a_gerund_after_an_opener_asks_nothing():
    """"…, just being tired or something like ALS": "being" is no auxiliary; the wh-clause before it asks."""
    assert skipped(tokenize("just being tired or something like als")) == 0
    assert skipped(tokenize("just is it tired legs")) == 1


@pytest.mark.parametrize("question", [
    "dad's nerves were damaged by his stroke - in general can nerve damage cause muscle spasms",
    "my uncle had a bad accident - out of interest can nerve damage cause spasms",
    "we work in a bakery in summer - honestly can heat exhaustion cause muscle spasms",
])
def test_a_dash_before_an_opener_opens_the_question(real_store, question):
    answer = ask(real_store, question)
    assert answer.boolean is True, answer.message
    assert answer.context
