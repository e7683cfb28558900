"""kg.qa.openers.ELLIPTIC: after a story, a clause opening on "anything" asks ("is there" left out), so the story's
things are context and what is asked is answered. Phrasings of our own, not a blind batch's."""

import pytest

from kg.qa.analysis import analyse
from kg.qa.ask import ask, label_index, lexicon

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("question", [
    "thighs are wrecked after the shift and my knee keeps twitching, anything i can do at home",
    "on my feet all day and the knee jumps at night, anything I can do about it",
    "my legs are shattered after the match and my knee twitches, anything that helps",
    "calf cramps after every run and my knee twitches too, anything i should try at home",
    "been lifting all week and my knee keeps jumping, anything to stop it",
    "knee twitching again after gardening, anything i can do myself",
])
def test_a_clause_opening_on_anything_is_the_question(real_store, question):
    an = analyse(question, label_index(real_store), lexicon(real_store))
    assert an.question and an.question[0].lemma == "anything", [t.surface for t in an.question]
    assert an.context


def test_the_home_remedies_are_answered_not_a_link_between_the_storys_things(real_store):
    answer = ask(real_store, "legs are dead after work and my knee keeps twitching, anything i can do at home")
    assert "home treatments" in answer.reading.lower() and answer.boolean is None, answer.reading
