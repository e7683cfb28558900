"""A thing the story says someone has been having, trying or doing that the article never names ("he's been having
*acupuncture* for his back … does it help knee spasms too") is what "it" asks about: the article does not cover it,
never a list of what helps (coverage.told_things, UNDERGOING). A thing the article names keeps its answer."""

import pytest

from kg.qa.ask import ask


@pytest.mark.parametrize("question, thing", [
    ("I've been having acupuncture for my back. does it help knee spasms too?", "acupuncture"),
    ("she's been trying reflexology lately, could it help her cramps", "reflexology"),
    ("he's been having acupuncture for his back and wonders if it helps knee spasms too", "acupuncture"),
    ("my dad has been doing pilates for years. will it stop his leg cramps?", "pilates"),
    ("I've been getting cupping done at the spa, does it help with spasms", "cupping"),
    ("mum's been using kinesiology tape on her knee - does that help the twitching?", "kinesiology"),
])
def test_the_unnamed_thing_is_what_it_asks_about(real_store, question, thing):
    answer = ask(real_store, question)
    assert answer.boolean is None and not answer.answers, answer.message
    assert thing in answer.message.lower(), answer.message


@pytest.mark.parametrize("question", ["I've been doing yoga, does it help with spasms",
                                      "I've been taking magnesium for a month, does it help cramps"])
def test_a_thing_the_article_names_keeps_its_answer(real_store, question):
    answer = ask(real_store, question)
    assert answer.declined is None and answer.answered, answer.message
