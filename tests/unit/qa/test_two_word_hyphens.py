"""Two words of the article hyphenated on the fly ("is that the repetitive-movement thing") are read as their words
(kg.qa.hyphens); a compound with a particle or a verb form ("cramped-up", "immune-suppressing") stays one word."""

import pytest

from kg.qa.ask import ask
from kg.qa.hyphens import unhyphenated

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("question", [
    "my legs play up after hours of weeding, is that the repetitive-movement thing",
    "I pack boxes all day doing the same thing, could it be a repetitive-motion problem",
    "spasms after every long shift in the sun, is that a heat-exhaustion thing",
    "I barely drink water at work, is the twitching a dehydration-spasm thing",
    "could my knee twitching be a nerve-damage thing",
    "i'm always stressed and my knee jumps, is that an emotional-stress thing",
])
def test_two_words_of_the_article_hyphenated_are_read_as_its_words(real_store, question):
    answer = ask(real_store, question)
    assert answer.boolean is True, answer.message
    assert not any("-" in w for w in answer.unknown)


def test_particles_and_verb_forms_keep_the_compound_whole():
    known = frozenset({"immune", "suppressing", "cramped", "up", "worn", "out"})
    assert unhyphenated("immune-suppressing drugs", known) == "immune-suppressing drugs"
    assert unhyphenated("a worn-out leg", known) == "a worn-out leg"
