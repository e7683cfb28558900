""""My mums knee", "my sons legs": a possessive typed without its apostrophe says whose, not which kind — the yes/no
is answered, not turned into "the article does not mention mums knee"."""

import pytest

from kg.qa.ask import ask

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("question", ["my dads legs cramp at night, does that usually go away by itself",
                                      "my sons knee twitches now and then, is that common"])
def test_a_possessive_without_apostrophe_is_whose_not_what(real_store, question):
    answer = ask(real_store, question)
    assert answer.boolean is True and "does not mention" not in answer.message


def test_an_unknown_kind_of_thing_is_still_not_mentioned(real_store):
    answer = ask(real_store, "my friend swears by tonic water for cramps, does that work")
    assert answer.boolean is not True and "tonic" in answer.message
